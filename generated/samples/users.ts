// The TypeScript samples of the operations tagged "Users", as the docs site shows them, one function
// each with the imports hoisted. Written by `npm run generate` (scripts/site/samples.mjs) from the spec;
// do not edit. `tsc -p .` type-checks them against the SDK and generated/schema.d.ts.
import { ceql, createClient, paginate, unwrap } from '../../src/index.js';

/** GET /users: List users */
export async function listUsers(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const user of paginate(ce, '/users', {
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

/** GET /users/{emailOrId}: Get a user */
export async function getUser(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const user = await unwrap(
    ce.GET('/users/{emailOrId}', { params: { path: { emailOrId: '3833' } } }),
  );
  console.log(user.id);
}

/** PATCH /users/{emailOrId}: Update a user */
export async function updateUser(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const user = await unwrap(
    ce.PATCH('/users/{emailOrId}', {
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

/** DELETE /users/{emailOrId}: Delete a user */
export async function deleteUser(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  await unwrap(
    ce.DELETE('/users/{emailOrId}', { params: { path: { emailOrId: '3833' } } }),
  );
}

/** GET /users/{id}/roles: List a user's roles */
export async function listUserRoles(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const roles = await unwrap(
    ce.GET('/users/{id}/roles', { params: { path: { id: 3833 } } }),
  );
  console.log(roles.length);
}

/** PUT /users/{id}/roles/{roleKey}: Grant a role to a user */
export async function grantUserRole(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const role = await unwrap(
    ce.PUT('/users/{id}/roles/{roleKey}', {
      params: { path: { id: 3833, roleKey: 'org-admin' } },
    }),
  );
  console.log(role.id);
}

/** DELETE /users/{id}/roles/{roleKey}: Revoke a role from a user */
export async function revokeUserRole(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  await unwrap(
    ce.DELETE('/users/{id}/roles/{roleKey}', {
      params: { path: { id: 3833, roleKey: 'org-admin' } },
    }),
  );
}
