// The TypeScript samples of the operations tagged "Accounts", as the docs site shows them, one function
// each with the imports hoisted. Written by `npm run generate` (scripts/site/samples.mjs) from the spec;
// do not edit. `tsc -p .` type-checks them against the SDK and generated/schema.d.ts.
import { ceql, createClient, paginate, unwrap } from '../../src/index.js';

/** GET /accounts: List accounts */
export async function listAccounts(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const accounts = await unwrap(ce.GET('/accounts'));
  console.log(accounts.length);
}

/** POST /accounts: Create an account */
export async function createAccount(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const account = await unwrap(
    ce.POST('/accounts', {
      body: {
        externalId: 'notsorandomId',
        name: 'Account For Docs',
        description: 'This account is used to demonstrate a POST /instances request',
      },
    }),
  );
  console.log(account.id);
}

/** GET /accounts/instances: List the instances of the caller's account */
export async function listCurrentAccountInstances(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const instance of paginate(ce, '/accounts/instances', {
    pageSize: 100,
  })) {
    console.log(instance.id);
  }
}

/** GET /accounts/objects/definitions: List the object definitions of the caller's account */
export async function listCurrentAccountObjectDefinitions(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const definition = await unwrap(ce.GET('/accounts/objects/definitions'));
  console.log(definition);
}

/** POST /accounts/objects/definitions: Create several object definitions of the caller's account */
export async function createCurrentAccountObjectDefinitions(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const definition = await unwrap(
    ce.POST('/accounts/objects/definitions', {
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

/** DELETE /accounts/objects/definitions: Delete all object definitions of the caller's account */
export async function deleteCurrentAccountObjectDefinitions(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  await unwrap(ce.DELETE('/accounts/objects/definitions'));
}

/** GET /accounts/objects/{objectName}/definitions: Get one object definition of the caller's account */
export async function getCurrentAccountObjectDefinition(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const definition = await unwrap(
    ce.GET('/accounts/objects/{objectName}/definitions', {
      params: { path: { objectName: 'account' } },
    }),
  );
  console.log(definition);
}

/** PUT /accounts/objects/{objectName}/definitions: Replace an object definition of the caller's account */
export async function replaceCurrentAccountObjectDefinition(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const definition = await unwrap(
    ce.PUT('/accounts/objects/{objectName}/definitions', {
      params: { path: { objectName: 'account' } },
      body: { fields: [{ path: 'id', type: 'string' }] },
    }),
  );
  console.log(definition);
}

/** POST /accounts/objects/{objectName}/definitions: Create an object definition of the caller's account */
export async function createCurrentAccountObjectDefinition(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const definition = await unwrap(
    ce.POST('/accounts/objects/{objectName}/definitions', {
      params: { path: { objectName: 'account' } },
      body: { fields: [{ path: 'id', type: 'string' }] },
    }),
  );
  console.log(definition);
}

/** DELETE /accounts/objects/{objectName}/definitions: Delete an object definition of the caller's account */
export async function deleteCurrentAccountObjectDefinition(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  await unwrap(
    ce.DELETE('/accounts/objects/{objectName}/definitions', {
      params: { path: { objectName: 'account' } },
    }),
  );
}

/** GET /accounts/settings: Get the settings of the caller's account */
export async function getCurrentAccountSettings(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const setting = await unwrap(ce.GET('/accounts/settings'));
  console.log(setting);
}

/** PATCH /accounts/settings: Update the settings of the caller's account */
export async function updateCurrentAccountSettings(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const setting = await unwrap(
    ce.PATCH('/accounts/settings', {
      body: { 'notification.webhook.failure.policy': 'retry' },
    }),
  );
  console.log(setting);
}

/** GET /accounts/{id}: Get an account */
export async function getAccount(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const account = await unwrap(
    ce.GET('/accounts/{id}', { params: { path: { id: 4030 } } }),
  );
  console.log(account.id);
}

/** PUT /accounts/{id}: Replace an account */
export async function replaceAccount(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const account = await unwrap(
    ce.PUT('/accounts/{id}', {
      params: { path: { id: 4030 } },
      body: {
        name: 'Customer Account',
        description: "A customer's account",
        externalId: '1984',
        active: true,
      },
    }),
  );
  console.log(account.id);
}

/** PATCH /accounts/{id}: Update an account */
export async function updateAccount(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const account = await unwrap(
    ce.PATCH('/accounts/{id}', {
      params: { path: { id: 4030 } },
      body: { name: 'Customer Account' },
    }),
  );
  console.log(account.id);
}

/** DELETE /accounts/{id}: Delete an account */
export async function deleteAccount(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  await unwrap(ce.DELETE('/accounts/{id}', { params: { path: { id: 4030 } } }));
}

/** GET /accounts/{id}/elements/{keyOrId}/transformations: List the transformations of an element for an account */
export async function listAccountElementTransformations(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const transformation = await unwrap(
    ce.GET('/accounts/{id}/elements/{keyOrId}/transformations', {
      params: { path: { id: 4030, keyOrId: 'sfdc' } },
    }),
  );
  console.log(transformation);
}

/** DELETE /accounts/{id}/elements/{keyOrId}/transformations: Delete all transformations of an element for an account */
export async function deleteAccountElementTransformations(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  await unwrap(
    ce.DELETE('/accounts/{id}/elements/{keyOrId}/transformations', {
      params: { path: { id: 4030, keyOrId: 'sfdc' } },
    }),
  );
}

/** GET /accounts/{id}/elements/{keyOrId}/transformations/{objectName}: Get the transformation of an object for an account */
export async function getAccountElementTransformation(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const record = await unwrap(
    ce.GET('/accounts/{id}/elements/{keyOrId}/transformations/{objectName}', {
      params: { path: { id: 4030, keyOrId: 'sfdc', objectName: 'account' } },
    }),
  );
  console.log(record);
}

/** PUT /accounts/{id}/elements/{keyOrId}/transformations/{objectName}: Replace the transformation of an object for an account */
export async function replaceAccountElementTransformation(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const record = await unwrap(
    ce.PUT('/accounts/{id}/elements/{keyOrId}/transformations/{objectName}', {
      params: { path: { id: 4030, keyOrId: 'sfdc', objectName: 'account' } },
      body: { vendorName: 'Account', fields: [{ path: 'id', vendorPath: 'Id' }] },
    }),
  );
  console.log(record);
}

/** POST /accounts/{id}/elements/{keyOrId}/transformations/{objectName}: Create the transformation of an object for an account */
export async function createAccountElementTransformation(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const record = await unwrap(
    ce.POST('/accounts/{id}/elements/{keyOrId}/transformations/{objectName}', {
      params: { path: { id: 4030, keyOrId: 'sfdc', objectName: 'account' } },
      body: { vendorName: 'Account', fields: [{ path: 'id', vendorPath: 'Id' }] },
    }),
  );
  console.log(record);
}

/** DELETE /accounts/{id}/elements/{keyOrId}/transformations/{objectName}: Delete the transformation of an object for an account */
export async function deleteAccountElementTransformation(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  await unwrap(
    ce.DELETE('/accounts/{id}/elements/{keyOrId}/transformations/{objectName}', {
      params: { path: { id: 4030, keyOrId: 'sfdc', objectName: 'account' } },
    }),
  );
}

/** GET /accounts/{id}/formulas/{formulaId}/instances: List the instances of a formula in an account */
export async function listAccountFormulaInstances(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const instances = await unwrap(
    ce.GET('/accounts/{id}/formulas/{formulaId}/instances', {
      params: { path: { id: 4030, formulaId: 1621 } },
    }),
  );
  console.log(instances.length);
}

/** GET /accounts/{id}/instances: List the instances of an account */
export async function listAccountInstances(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const instance of paginate(ce, '/accounts/{id}/instances', {
    params: { path: { id: 4030 } },
    pageSize: 100,
  })) {
    console.log(instance.id);
  }
}

/** GET /accounts/{id}/objects/definitions: List the object definitions of an account */
export async function listAccountObjectDefinitions(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const definition = await unwrap(
    ce.GET('/accounts/{id}/objects/definitions', {
      params: { path: { id: 4030 } },
    }),
  );
  console.log(definition);
}

/** POST /accounts/{id}/objects/definitions: Create several object definitions of an account */
export async function createAccountObjectDefinitions(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const definition = await unwrap(
    ce.POST('/accounts/{id}/objects/definitions', {
      params: { path: { id: 4030 } },
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

/** DELETE /accounts/{id}/objects/definitions: Delete all object definitions of an account */
export async function deleteAccountObjectDefinitions(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  await unwrap(
    ce.DELETE('/accounts/{id}/objects/definitions', {
      params: { path: { id: 4030 } },
    }),
  );
}

/** GET /accounts/{id}/objects/{objectName}/definitions: Get one object definition of an account */
export async function getAccountObjectDefinition(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const definition = await unwrap(
    ce.GET('/accounts/{id}/objects/{objectName}/definitions', {
      params: { path: { id: 4030, objectName: 'account' } },
    }),
  );
  console.log(definition);
}

/** PUT /accounts/{id}/objects/{objectName}/definitions: Replace an object definition of an account */
export async function replaceAccountObjectDefinition(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const definition = await unwrap(
    ce.PUT('/accounts/{id}/objects/{objectName}/definitions', {
      params: { path: { id: 4030, objectName: 'account' } },
      body: { fields: [{ path: 'id', type: 'string' }] },
    }),
  );
  console.log(definition);
}

/** POST /accounts/{id}/objects/{objectName}/definitions: Create an object definition of an account */
export async function createAccountObjectDefinition(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const definition = await unwrap(
    ce.POST('/accounts/{id}/objects/{objectName}/definitions', {
      params: { path: { id: 4030, objectName: 'account' } },
      body: { fields: [{ path: 'id', type: 'string' }] },
    }),
  );
  console.log(definition);
}

/** DELETE /accounts/{id}/objects/{objectName}/definitions: Delete an object definition of an account */
export async function deleteAccountObjectDefinition(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  await unwrap(
    ce.DELETE('/accounts/{id}/objects/{objectName}/definitions', {
      params: { path: { id: 4030, objectName: 'account' } },
    }),
  );
}

/** GET /accounts/{id}/roles: List the roles of an account */
export async function listAccountRoles(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const roles = await unwrap(
    ce.GET('/accounts/{id}/roles', { params: { path: { id: 4030 } } }),
  );
  console.log(roles.length);
}

/** PUT /accounts/{id}/roles/{roleKey}: Grant a role to an account */
export async function grantAccountRole(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const role = await unwrap(
    ce.PUT('/accounts/{id}/roles/{roleKey}', {
      params: { path: { id: 4030, roleKey: 'org-admin' } },
    }),
  );
  console.log(role.id);
}

/** DELETE /accounts/{id}/roles/{roleKey}: Revoke a role from an account */
export async function revokeAccountRole(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  await unwrap(
    ce.DELETE('/accounts/{id}/roles/{roleKey}', {
      params: { path: { id: 4030, roleKey: 'org-admin' } },
    }),
  );
}

/** POST /accounts/{id}/settings: Set the settings of an account */
export async function createAccountSettings(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const setting = await unwrap(
    ce.POST('/accounts/{id}/settings', {
      params: { path: { id: 4030 } },
      body: { 'notification.webhook.failure.policy': 'retry' },
    }),
  );
  console.log(setting);
}

/** PATCH /accounts/{id}/settings: Update the settings of an account */
export async function updateAccountSettings(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const setting = await unwrap(
    ce.PATCH('/accounts/{id}/settings', {
      params: { path: { id: 4030 } },
      body: { 'notification.webhook.failure.policy': 'retry' },
    }),
  );
  console.log(setting);
}

/** GET /accounts/{id}/users: List the users of an account */
export async function listAccountUsers(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const user of paginate(ce, '/accounts/{id}/users', {
    params: {
      path: { id: 4030 },
      query: {
        where: ceql`lastName=${'Smith'} AND createdDate>${'2018-01-15T00:00:00.000Z'}`.text,
      },
    },
    pageSize: 100,
  })) {
    console.log(user.id);
  }
}

/** POST /accounts/{id}/users: Create a user in an account */
export async function createAccountUser(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const user = await unwrap(
    ce.POST('/accounts/{id}/users', {
      params: { path: { id: 4030 } },
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

/** GET /accounts/{id}/users/{emailOrId}: Get a user of an account */
export async function getAccountUser(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const user = await unwrap(
    ce.GET('/accounts/{id}/users/{emailOrId}', {
      params: { path: { id: 4030, emailOrId: '3833' } },
    }),
  );
  console.log(user.id);
}

/** PUT /accounts/{id}/users/{emailOrId}: Replace a user of an account */
export async function replaceAccountUser(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const user = await unwrap(
    ce.PUT('/accounts/{id}/users/{emailOrId}', {
      params: { path: { id: 4030, emailOrId: '3833' } },
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

/** PATCH /accounts/{id}/users/{emailOrId}: Update a user of an account */
export async function updateAccountUser(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const user = await unwrap(
    ce.PATCH('/accounts/{id}/users/{emailOrId}', {
      params: { path: { id: 4030, emailOrId: '3833' } },
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

/** DELETE /accounts/{id}/users/{emailOrId}: Delete a user of an account */
export async function deleteAccountUser(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  await unwrap(
    ce.DELETE('/accounts/{id}/users/{emailOrId}', {
      params: { path: { id: 4030, emailOrId: '3833' } },
    }),
  );
}
