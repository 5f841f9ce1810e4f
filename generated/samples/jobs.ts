// The TypeScript samples of the operations tagged "Jobs", as the docs site shows them, one function
// each with the imports hoisted. Written by `npm run generate` (scripts/site/samples.mjs) from the spec;
// do not edit. `tsc -p .` type-checks them against the SDK and generated/schema.d.ts.
import { createClient, paginate, unwrap } from '../../src/index.js';

/** GET /jobs: List scheduled jobs */
export async function listJobs(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const jobs = await unwrap(ce.GET('/jobs'));
  console.log(jobs.length);
}

/** POST /jobs: Schedule a job */
export async function createJob(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const job = await unwrap(
    ce.POST('/jobs', {
      body: {
        method: 'POST',
        uri: '/elements/api-v2/hubs/messaging/messages',
        name: 'Churros test job',
        description: 'What the name says, duh',
        trigger: { cron: '0 0/15 * 1/1 * ? *' },
        body: { foo: 'bar' },
        query: { where: '' },
        headers: {},
      },
    }),
  );
  console.log(job.id);
}

/** GET /jobs/executions: List job runs */
export async function listJobExecutions(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const execution of paginate(ce, '/jobs/executions', {
    pageSize: 100,
  })) {
    console.log(execution);
  }
}

/** GET /jobs/{id}: Get a scheduled job */
export async function getJob(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const job = await unwrap(
    ce.GET('/jobs/{id}', {
      params: { path: { id: '4f1c2d9e-8a0b-4c3d-9e7f-6a5b4c3d2e1f' } },
    }),
  );
  console.log(job.id);
}

/** DELETE /jobs/{id}: Delete a scheduled job */
export async function deleteJob(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  await unwrap(
    ce.DELETE('/jobs/{id}', {
      params: { path: { id: '4f1c2d9e-8a0b-4c3d-9e7f-6a5b4c3d2e1f' } },
    }),
  );
}

/** PUT /jobs/{id}/disable: Pause a scheduled job */
export async function disableJob(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  await unwrap(
    ce.PUT('/jobs/{id}/disable', {
      params: { path: { id: '4f1c2d9e-8a0b-4c3d-9e7f-6a5b4c3d2e1f' } },
    }),
  );
}

/** PUT /jobs/{id}/enable: Resume a scheduled job */
export async function enableJob(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  await unwrap(
    ce.PUT('/jobs/{id}/enable', {
      params: { path: { id: '4f1c2d9e-8a0b-4c3d-9e7f-6a5b4c3d2e1f' } },
    }),
  );
}

/** GET /jobs/{id}/history: List the runs of a job */
export async function listJobHistory(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const history = await unwrap(
    ce.GET('/jobs/{id}/history', {
      params: { path: { id: '4f1c2d9e-8a0b-4c3d-9e7f-6a5b4c3d2e1f' } },
    }),
  );
  console.log(history.length);
}

/** GET /jobs/{id}/history/{historyId}: Get one run of a job */
export async function getJobHistoryEntry(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const history = await unwrap(
    ce.GET('/jobs/{id}/history/{historyId}', {
      params: {
        path: { id: '4f1c2d9e-8a0b-4c3d-9e7f-6a5b4c3d2e1f', historyId: 120034 },
      },
    }),
  );
  console.log(history);
}

/** PATCH /jobs/{id}/reschedule: Reschedule a job */
export async function rescheduleJob(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const reschedule = await unwrap(
    ce.PATCH('/jobs/{id}/reschedule', {
      params: { path: { id: '4f1c2d9e-8a0b-4c3d-9e7f-6a5b4c3d2e1f' } },
      body: { trigger: { cron: '0 0 * 1/1 * ? *' } },
    }),
  );
  console.log(reschedule.id);
}
