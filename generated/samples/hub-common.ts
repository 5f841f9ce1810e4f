// The TypeScript samples of the operations tagged "Hub common", as the docs site shows them, one function
// each with the imports hoisted. Written by `npm run generate` (scripts/site/samples.mjs) from the spec;
// do not edit. `tsc -p .` type-checks them against the SDK and generated/schema.d.ts.
import { createClient, paginate, unwrap } from '../../src/index.js';

/** GET /hubs/{hub}/ping: Check that an instance works */
export async function pingHub(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const ping = await unwrap(
    crm.GET('/hubs/{hub}/ping', { params: { path: { hub: 'crm' } } }),
  );
  console.log(ping);
}

/** GET /hubs/{hub}/objects: List the objects of an instance */
export async function listHubObjectNames(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const objects = await unwrap(
    crm.GET('/hubs/{hub}/objects', { params: { path: { hub: 'crm' } } }),
  );
  console.log(objects.length);
}

/** GET /hubs/{hub}/objects/{objectName}/metadata: Get the field metadata of an object */
export async function getHubObjectMetadata(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const metadata = await unwrap(
    crm.GET('/hubs/{hub}/objects/{objectName}/metadata', {
      params: { path: { hub: 'crm', objectName: 'contacts' } },
    }),
  );
  console.log(metadata);
}

/** GET /hubs/{hub}/objects/{objectName}/docs: Get the Swagger document of an object */
export async function getHubObjectDocs(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const doc = await unwrap(
    crm.GET('/hubs/{hub}/objects/{objectName}/docs', {
      params: { path: { hub: 'crm', objectName: 'contacts' } },
    }),
  );
  console.log(doc);
}

/** GET /hubs/{hub}/{objectName}: List or search the records of any object */
export async function listHubObjects(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const record of paginate(crm, '/hubs/{hub}/{objectName}', {
    params: { path: { hub: 'crm', objectName: 'contacts' } },
    pageSize: 100,
  })) {
    console.log(record.id);
  }
}

/** POST /hubs/{hub}/{objectName}: Create a record of any object */
export async function createHubObject(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const record = await unwrap(
    crm.POST('/hubs/{hub}/{objectName}', {
      params: { path: { hub: 'crm', objectName: 'contacts' } },
      body: { Name: 'Churros order 1', Amount__c: 12.5 },
    }),
  );
  console.log(record.id);
}

/** GET /hubs/{hub}/{objectName}/{objectId}: Get a record of any object */
export async function getHubObject(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const record = await unwrap(
    crm.GET('/hubs/{hub}/{objectName}/{objectId}', {
      params: {
        path: {
          hub: 'crm',
          objectName: 'contacts',
          objectId: '0036A00000Pj5yQQAR',
        },
      },
    }),
  );
  console.log(record.id);
}

/** PATCH /hubs/{hub}/{objectName}/{objectId}: Update a record of any object */
export async function updateHubObject(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const record = await unwrap(
    crm.PATCH('/hubs/{hub}/{objectName}/{objectId}', {
      params: {
        path: {
          hub: 'crm',
          objectName: 'contacts',
          objectId: '0036A00000Pj5yQQAR',
        },
      },
      body: { Amount__c: 15 },
    }),
  );
  console.log(record.id);
}

/** DELETE /hubs/{hub}/{objectName}/{objectId}: Delete a record of any object */
export async function deleteHubObject(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    crm.DELETE('/hubs/{hub}/{objectName}/{objectId}', {
      params: {
        path: {
          hub: 'crm',
          objectName: 'contacts',
          objectId: '0036A00000Pj5yQQAR',
        },
      },
    }),
  );
}

/** GET /hubs/{hub}/{objectName}/{objectId}/{childObjectName}: List the related records of a record */
export async function listHubObjectChildren(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const record of paginate(
    crm,
    '/hubs/{hub}/{objectName}/{objectId}/{childObjectName}',
    {
      params: {
        path: {
          hub: 'crm',
          objectName: 'contacts',
          objectId: '0036A00000Pj5yQQAR',
          childObjectName: 'Contacts',
        },
      },
      pageSize: 100,
    },
  )) {
    console.log(record.id);
  }
}
