// The TypeScript samples of the operations tagged "Organizations", as the docs site shows them, one function
// each with the imports hoisted. Written by `npm run generate` (scripts/site/samples.mjs) from the spec;
// do not edit. `tsc -p .` type-checks them against the SDK and generated/schema.d.ts.
import { ceql, createClient, paginate, unwrap } from '../../src/index.js';

/** GET /organizations/me: Get the current organization */
export async function getOrganization(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const me = await unwrap(ce.GET('/organizations/me'));
  console.log(me.id);
}

/** PUT /organizations/me: Update the current organization */
export async function replaceOrganization(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const me = await unwrap(
    ce.PUT('/organizations/me', { body: { name: 'Acme Integrations Ltd' } }),
  );
  console.log(me.id);
}

/** GET /organizations/objects/definitions: List the object definitions of the organization */
export async function listOrganizationObjectDefinitions(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const definition = await unwrap(ce.GET('/organizations/objects/definitions'));
  console.log(definition);
}

/** POST /organizations/objects/definitions: Create several object definitions of the organization */
export async function createOrganizationObjectDefinitions(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const definition = await unwrap(
    ce.POST('/organizations/objects/definitions', {
      body: {
        account: {
          fields: [
            { path: 'id', type: 'string' },
            { path: 'name', type: 'string' },
          ],
        },
        contact: {
          fields: [
            { path: 'id', type: 'string' },
            { path: 'email', type: 'string' },
          ],
        },
      },
    }),
  );
  console.log(definition);
}

/** DELETE /organizations/objects/definitions: Delete all object definitions of the organization */
export async function deleteOrganizationObjectDefinitions(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  await unwrap(ce.DELETE('/organizations/objects/definitions'));
}

/** GET /organizations/objects/{objectName}/definitions: Get one object definition of the organization */
export async function getOrganizationObjectDefinition(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const definition = await unwrap(
    ce.GET('/organizations/objects/{objectName}/definitions', {
      params: { path: { objectName: 'account' } },
    }),
  );
  console.log(definition);
}

/** PUT /organizations/objects/{objectName}/definitions: Replace an object definition of the organization */
export async function replaceOrganizationObjectDefinition(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const definition = await unwrap(
    ce.PUT('/organizations/objects/{objectName}/definitions', {
      params: { path: { objectName: 'account' } },
      body: { fields: [{ path: 'id', type: 'string' }] },
    }),
  );
  console.log(definition);
}

/** POST /organizations/objects/{objectName}/definitions: Create an object definition of the organization */
export async function createOrganizationObjectDefinition(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const definition = await unwrap(
    ce.POST('/organizations/objects/{objectName}/definitions', {
      params: { path: { objectName: 'account' } },
      body: { fields: [{ path: 'id', type: 'string' }] },
    }),
  );
  console.log(definition);
}

/** DELETE /organizations/objects/{objectName}/definitions: Delete an object definition of the organization */
export async function deleteOrganizationObjectDefinition(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  await unwrap(
    ce.DELETE('/organizations/objects/{objectName}/definitions', {
      params: { path: { objectName: 'account' } },
    }),
  );
}

/** GET /organizations/elements/{keyOrId}/transformations: List the transformations of an element for the organization */
export async function listOrganizationElementTransformations(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const transformation = await unwrap(
    ce.GET('/organizations/elements/{keyOrId}/transformations', {
      params: { path: { keyOrId: 'sfdc' } },
    }),
  );
  console.log(transformation);
}

/** DELETE /organizations/elements/{keyOrId}/transformations: Delete all transformations of an element for the organization */
export async function deleteOrganizationElementTransformations(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  await unwrap(
    ce.DELETE('/organizations/elements/{keyOrId}/transformations', {
      params: { path: { keyOrId: 'sfdc' } },
    }),
  );
}

/** GET /organizations/elements/{keyOrId}/transformations/{objectName}: Get the transformation of an object for the organization */
export async function getOrganizationElementTransformation(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const record = await unwrap(
    ce.GET('/organizations/elements/{keyOrId}/transformations/{objectName}', {
      params: { path: { keyOrId: 'sfdc', objectName: 'account' } },
    }),
  );
  console.log(record);
}

/** PUT /organizations/elements/{keyOrId}/transformations/{objectName}: Replace the transformation of an object for the organization */
export async function replaceOrganizationElementTransformation(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const record = await unwrap(
    ce.PUT('/organizations/elements/{keyOrId}/transformations/{objectName}', {
      params: { path: { keyOrId: 'sfdc', objectName: 'account' } },
      body: { vendorName: 'Account', fields: [{ path: 'id', vendorPath: 'Id' }] },
    }),
  );
  console.log(record);
}

/** POST /organizations/elements/{keyOrId}/transformations/{objectName}: Create the transformation of an object for the organization */
export async function createOrganizationElementTransformation(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const record = await unwrap(
    ce.POST('/organizations/elements/{keyOrId}/transformations/{objectName}', {
      params: { path: { keyOrId: 'sfdc', objectName: 'account' } },
      body: { vendorName: 'Account', fields: [{ path: 'id', vendorPath: 'Id' }] },
    }),
  );
  console.log(record);
}

/** DELETE /organizations/elements/{keyOrId}/transformations/{objectName}: Delete the transformation of an object for the organization */
export async function deleteOrganizationElementTransformation(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  await unwrap(
    ce.DELETE('/organizations/elements/{keyOrId}/transformations/{objectName}', {
      params: { path: { keyOrId: 'sfdc', objectName: 'account' } },
    }),
  );
}

/** GET /organizations/users: List the users of the organization */
export async function listOrganizationUsers(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const user of paginate(ce, '/organizations/users', {
    params: {
      query: {
        where: ceql`lastName=${'Smith'} AND createdDate>${'2018-01-15T00:00:00.000Z'}`.text,
      },
    },
    pageSize: 100,
  })) {
    console.log(user.id);
  }
}

/** POST /organizations/users: Create a user of the organization */
export async function createOrganizationUser(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const user = await unwrap(
    ce.POST('/organizations/users', {
      body: {
        firstName: 'Sharda',
        lastName: 'Sisson',
        email: 'shardasisson@mycompany.com',
        password: 'S3cure-Passw0rd',
        roles: [{ key: 'admin' }],
      },
    }),
  );
  console.log(user.id);
}

/** GET /organizations/users/{emailOrId}: Get a user of the organization */
export async function getOrganizationUser(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const user = await unwrap(
    ce.GET('/organizations/users/{emailOrId}', {
      params: { path: { emailOrId: '3833' } },
    }),
  );
  console.log(user.id);
}

/** PATCH /organizations/users/{emailOrId}: Update a user of the organization */
export async function updateOrganizationUser(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const user = await unwrap(
    ce.PATCH('/organizations/users/{emailOrId}', {
      params: { path: { emailOrId: '3833' } },
      body: {
        firstName: 'Sharda',
        lastName: 'Hughes',
        email: 'shardahughes@mycompany.com',
        roles: [{ key: 'admin' }],
      },
    }),
  );
  console.log(user.id);
}

/** DELETE /organizations/users/{emailOrId}: Delete a user of the organization */
export async function deleteOrganizationUser(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  await unwrap(
    ce.DELETE('/organizations/users/{emailOrId}', {
      params: { path: { emailOrId: '3833' } },
    }),
  );
}
