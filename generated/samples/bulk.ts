// The TypeScript samples of the operations tagged "Bulk", as the docs site shows them, one function
// each with the imports hoisted. Written by `npm run generate` (scripts/site/samples.mjs) from the spec;
// do not edit. `tsc -p .` type-checks them against the SDK and generated/schema.d.ts.
import { ceql, createClient, formatBulkQuery } from '../../src/index.js';
import {
  cancelBulkJob,
  getBulkJobStatus,
  listBulkJobErrors,
  readBulkRecords,
  startBulkQuery,
  uploadBulkRecords,
} from '../../src/bulk.js';

/** POST /hubs/{hub}/bulk/query: Start a bulk download job */
export async function createBulkQueryJob(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const job = await startBulkQuery(crm, {
    hub: 'crm',
    query: formatBulkQuery({ from: 'contacts', where: ceql`lastName=${'Smith'}` }),
  });
  console.log(job.id, job.status);
  // Then waitForBulkJob(…) and readBulkRecords(…) with the job id.
}

/** POST /hubs/{hub}/bulk/{objectName}: Start a bulk upload job */
export async function createBulkUploadJob(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Streamed as multipart, never held in memory whole; on Node,
  // uploadBulkFile (cloud-elements-sdk/node) streams a file from its path.
  const job = await uploadBulkRecords(crm, {
    hub: 'crm',
    objectName: 'contacts',
    file: new Blob(['email,firstName,lastName\nada@example.com,Ada,Lovelace\ngrace@example.com,Grace,Hopper\n'], { type: 'text/csv' }),
  });
  console.log(job.id, job.status);
}

/** GET /hubs/{hub}/bulk/{id}/status: Get the status of a bulk job */
export async function getBulkJobStatusSample(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const status = await getBulkJobStatus(crm, { hub: 'crm', jobId: '1234' });
  console.log(status.status, status.recordsCount);
  // Or wait until it ends: await waitForBulkJob(…) with the same options.
}

/** GET /hubs/{hub}/bulk/{id}/errors: List the failed records of a bulk job */
export async function listBulkJobErrorsSample(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  for await (const failed of listBulkJobErrors(crm, {
    hub: 'crm',
    jobId: '1234',
  })) {
    console.log(failed);
  }
}

/** PUT /hubs/{hub}/bulk/{id}/cancel: Cancel a bulk job */
export async function cancelBulkJobSample(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await cancelBulkJob(crm, { hub: 'crm', jobId: '1234' });
}

/** GET /hubs/{hub}/bulk/{id}/{objectName}: Download the records of a bulk download job */
export async function getBulkJobResults(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Parsed as the bytes arrive; downloadBulkResults(…) gives the raw stream.
  for await (const record of readBulkRecords(crm, {
    hub: 'crm',
    jobId: '1234',
    objectName: 'contacts',
  })) {
    console.log(record);
  }
}
