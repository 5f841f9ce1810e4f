import { queryRecords } from '../ceql/evaluate.js';
import { parseCeql } from '../ceql/parse.js';
import { EmulatorHttpError } from '../errors.js';
import { DEFAULT_ACCOUNT_ID } from '../model/platform.js';
import { createSecret } from '../model/random.js';
import type { EmulatorState } from '../model/state.js';
import type { EmulatorUser } from '../model/types.js';
import { queryBoolean, readJsonObject } from '../server/http.js';
import type { RequestContext } from '../server/types.js';
import { isFirstPage, pageReply } from './paging.js';
import type { Handlers, Schema } from './types.js';

/** Default page size of the platform user lists (reference §5: `GET /users` pageSize default 200). */
const USERS_PAGE_SIZE = 200;

type User = Schema<'User'>;
type UserRole = Schema<'UserRole'>;

/** The roles users and accounts can be granted. */
export const ROLES: readonly UserRole[] = [
  { id: 930, key: 'org-admin', name: 'Organization Administrator', active: true, features: [] },
  { id: 931, key: 'admin', name: 'Account Administrator', active: true, features: [] },
  { id: 932, key: 'user', name: 'Default User', active: true, features: [] },
];

export function requireRole(key: string): UserRole {
  const role = ROLES.find((candidate) => candidate.key === key);
  if (!role) throw new EmulatorHttpError(404, `No role found with key ${key}`);
  return role;
}

/**
 * Users of the organization or of one account: list (CEQL `where`, inactive ones on request; `404 No users found`
 * when the first page would be empty), create (a real user whose secret works at once), read, update and delete by
 * email or id. `accountOf` picks the account of the call (`undefined`: every account, as `/users` and
 * `/organizations/users` see them).
 */
export function userCrud(state: EmulatorState, accountOf: (ctx: RequestContext) => number | undefined) {
  const profiles = state.platform.profiles;
  const profile = (user: EmulatorUser) => profiles.get(user.id);
  const json = (user: EmulatorUser): User => {
    const p = profile(user);
    return {
      ...p?.details,
      id: user.id,
      email: user.emailAddress,
      firstName: user.firstName,
      lastName: user.lastName,
      fullName: `${user.firstName} ${user.lastName}`,
      active: p?.active ?? true,
      createdDate: p?.createdDate ?? state.nowIso(),
      roles: [...(p?.roles ?? [])].map(requireRole),
    };
  };
  const inScope = (ctx: RequestContext) => {
    const account = accountOf(ctx);
    return state.users.filter((user) => account === undefined || profile(user)?.accountId === account);
  };
  const requireUser = (ctx: RequestContext): EmulatorUser => {
    const key = ctx.params.emailOrId ?? ctx.params.id ?? '';
    const user = inScope(ctx).find(
      (u) => String(u.id) === key || u.emailAddress.toLowerCase() === key.toLowerCase(),
    );
    const includeInactive = queryBoolean(ctx.query, 'includeInactive') ?? true;
    if (!user || (!includeInactive && profile(user)?.active === false))
      throw new EmulatorHttpError(404, `No user found with email or ID ${key}`);
    return user;
  };
  const roleKeys = (roles: Array<{ key: string }> | undefined) =>
    roles?.map((role) => requireRole(role.key).key);
  const details = (body: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(body).filter(
        ([key]) => !['firstName', 'lastName', 'email', 'password', 'roles', 'active', 'id'].includes(key),
      ),
    );

  const list = (ctx: RequestContext) => {
    const includeInactive = queryBoolean(ctx.query, 'includeInactive') ?? false;
    const users = inScope(ctx)
      .filter((user) => includeInactive || profile(user)?.active !== false)
      .map(json);
    const where = ctx.query.get('where');
    const found = queryRecords(users, where ? parseCeql(where) : undefined, undefined);
    // Platform user lists page by pageSize (default 200) and nextPage (reference §5 and §10).
    const page = pageReply(found, ctx.query, undefined, { defaultPageSize: USERS_PAGE_SIZE });
    // Nothing to list is a 404, not `[]` (reference §4; fixture error-account-no-users-404): for a where that
    // matches no one as for an account without users. A later page that comes out empty is still a page.
    if (found.length === 0 && isFirstPage(ctx.query)) throw new EmulatorHttpError(404, 'No users found');
    return page;
  };
  const create = async (ctx: RequestContext) => {
    const body = (await readJsonObject(ctx)) as Schema<'UserCreate'>;
    if (state.users.some((user) => user.emailAddress.toLowerCase() === body.email.toLowerCase()))
      throw new EmulatorHttpError(409, `A user with email ${body.email} already exists.`);
    const user: EmulatorUser = {
      id: state.nextId('user', 100_001 + state.users.length),
      secret: createSecret(32),
      emailAddress: body.email,
      firstName: body.firstName,
      lastName: body.lastName,
    };
    state.users.push(user);
    profiles.set(user.id, {
      accountId: accountOf(ctx) ?? DEFAULT_ACCOUNT_ID,
      password: body.password,
      active: true,
      createdDate: state.nowIso(),
      roles: new Set(roleKeys(body.roles) ?? ['user']),
      details: details(body),
    });
    return { json: json(user) };
  };
  const update = async (ctx: RequestContext) => {
    const user = requireUser(ctx);
    const body = (await readJsonObject(ctx)) as Schema<'UserUpdate'>;
    const p = profile(user)!;
    if (body.email !== undefined) user.emailAddress = body.email;
    if (body.firstName !== undefined) user.firstName = body.firstName;
    if (body.lastName !== undefined) user.lastName = body.lastName;
    if (body.password !== undefined) p.password = body.password;
    if (body.active !== undefined) p.active = body.active;
    const roles = roleKeys(body.roles);
    if (roles) p.roles = new Set(roles);
    p.details = { ...p.details, ...details(body) };
    return { json: json(user) };
  };
  const remove = (ctx: RequestContext) => {
    const user = requireUser(ctx);
    state.users.splice(state.users.indexOf(user), 1);
    profiles.delete(user.id);
    for (const [token, userId] of state.loginTokens) if (userId === user.id) state.loginTokens.delete(token);
    return {};
  };
  return {
    json,
    list,
    create,
    get: (ctx: RequestContext) => ({ json: json(requireUser(ctx)) }),
    update,
    remove,
    requireUser,
  };
}

/**
 * Handlers of the organization, its users and their roles, and the username/password login
 * (`POST /authentication`, then `GET /authentication/secrets` with the login token).
 */
export function userHandlers(state: EmulatorState): Handlers {
  const users = userCrud(state, () => undefined);
  const organization = (): Schema<'Organization'> => ({
    id: state.organization.id,
    name: state.organization.name,
    active: true,
    status: 'paid',
    environment: 'test',
    ...state.platform.organization,
  });
  const userRoles = (ctx: RequestContext) => state.platform.profiles.get(users.requireUser(ctx).id)!.roles;
  return {
    getOrganization: () => ({ json: organization() }),
    replaceOrganization: async (ctx) => {
      state.platform.organization = { ...state.platform.organization, ...(await readJsonObject(ctx)) };
      return { json: organization() };
    },
    listUsers: users.list,
    getUser: users.get,
    updateUser: users.update,
    deleteUser: users.remove,
    listOrganizationUsers: users.list,
    createOrganizationUser: users.create,
    getOrganizationUser: users.get,
    updateOrganizationUser: users.update,
    deleteOrganizationUser: users.remove,
    listUserRoles: (ctx) => ({ json: [...userRoles(ctx)].map(requireRole) }),
    grantUserRole: (ctx) => {
      const role = requireRole(ctx.params.roleKey ?? '');
      userRoles(ctx).add(role.key);
      return { json: role };
    },
    revokeUserRole: (ctx) => {
      userRoles(ctx).delete(requireRole(ctx.params.roleKey ?? '').key);
      return {};
    },
    createAuthenticationToken: async (ctx) => {
      const body = (await readJsonObject(ctx)) as Schema<'AuthenticationCredentials'>;
      const user = state.users.find((u) => u.emailAddress.toLowerCase() === body.username.toLowerCase());
      const profile = user && state.platform.profiles.get(user.id);
      if (!user || !profile?.password || profile.password !== body.password || !profile.active)
        throw new EmulatorHttpError(401, 'Invalid username or password.');
      const token = createSecret(24);
      state.loginTokens.set(token, user.id);
      return {
        json: {
          token,
          id: user.id,
          username: user.emailAddress,
          firstName: user.firstName,
          lastName: user.lastName,
          accountId: profile.accountId,
          organizationId: state.organization.id,
          organizationName: state.organization.name,
          organizationAdmin: profile.roles.has('org-admin'),
          accountAdmin: profile.roles.has('admin'),
          createdDate: profile.createdDate,
          roles: [...profile.roles].map(requireRole),
        },
      };
    },
    getAuthenticationSecrets: (ctx) => ({
      json: { userSecret: ctx.caller!.user.secret, organizationSecret: state.organization.secret },
    }),
  };
}
