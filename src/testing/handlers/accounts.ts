import { queryRecords } from '../ceql/evaluate.js';
import { parseCeql } from '../ceql/parse.js';
import { EmulatorHttpError } from '../errors.js';
import { DEFAULT_ACCOUNT_ID } from '../model/platform.js';
import type { EmulatorState } from '../model/state.js';
import { queryBoolean, readJsonObject } from '../server/http.js';
import type { RequestContext } from '../server/types.js';
import { instanceJson } from './instances.js';
import { MAX_PAGE_SIZE, pageReply, readPositiveInteger } from './paging.js';
import type { Handlers, Schema } from './types.js';
import { requireRole, userCrud } from './users.js';

type Account = Schema<'Account'>;

/**
 * Handlers of accounts (the organization's customers): the accounts, their users, roles, settings and instances.
 * The caller's account (`/accounts/instances`, `/accounts/settings`) is the account of the calling user; seeded
 * users belong to the default account.
 */
export function accountHandlers(state: EmulatorState): Handlers {
  const store = state.platform;
  const callerAccount = (ctx: RequestContext) =>
    store.profiles.get(ctx.caller?.user.id ?? -1)?.accountId ?? DEFAULT_ACCOUNT_ID;
  const requireAccount = (ctx: RequestContext): Account => {
    const account = store.accounts.get(Number(ctx.params.id));
    const includeInactive = queryBoolean(ctx.query, 'includeInactive') ?? true;
    if (!account || (!includeInactive && account.active === false))
      throw new EmulatorHttpError(404, `No account found with ID ${ctx.params.id}`);
    return account;
  };
  const users = userCrud(state, (ctx) => requireAccount(ctx).id);
  const externalIdTaken = (externalId: string | undefined, except?: number) =>
    externalId !== undefined &&
    [...store.accounts.values()].some((a) => a.externalId === externalId && a.id !== except);

  const update = async (ctx: RequestContext) => {
    const account = requireAccount(ctx);
    const body = (await readJsonObject(ctx)) as Schema<'AccountUpdate'>;
    if (externalIdTaken(body.externalId, account.id))
      throw new EmulatorHttpError(409, `An account with external ID ${body.externalId} already exists.`);
    const updated: Account = { ...account, ...body, updatedDate: state.nowIso() };
    store.accounts.set(account.id, updated);
    return { json: updated };
  };
  const instancesOf = (accountId: number) =>
    [...state.instances.values()].filter(
      (instance) => (store.profiles.get(instance.userId)?.accountId ?? DEFAULT_ACCOUNT_ID) === accountId,
    );
  const settingsOf = (accountId: number) => store.accountSettings.get(accountId) ?? {};
  const writeSettings = async (ctx: RequestContext, accountId: number) => {
    const settings = { ...settingsOf(accountId), ...(await readJsonObject(ctx)) };
    store.accountSettings.set(accountId, settings);
    return { json: settings as Schema<'AccountSettings'> };
  };
  const rolesOf = (ctx: RequestContext) => {
    const id = requireAccount(ctx).id;
    let roles = store.accountRoles.get(id);
    if (!roles) store.accountRoles.set(id, (roles = new Set(['user'])));
    return roles;
  };

  return {
    listAccounts: (ctx) => {
      const includeInactive = queryBoolean(ctx.query, 'includeInactive') ?? false;
      const where = ctx.query.get('where');
      const accounts = [...store.accounts.values()].filter((a) => includeInactive || a.active !== false);
      const found = queryRecords(accounts, where ? parseCeql(where) : undefined, undefined);
      // Accounts page by record offset, 200 by default, with no next-page token (reference §5 and §10).
      const offset = Number(ctx.query.get('offset') ?? 0);
      if (!Number.isInteger(offset) || offset < 0) {
        throw new EmulatorHttpError(400, 'Query parameter offset must be a whole number >= 0.');
      }
      const pageSize = Math.min(readPositiveInteger(ctx.query, 'pageSize') ?? 200, MAX_PAGE_SIZE);
      const page = found.slice(offset, offset + pageSize);
      return { json: page, headers: { 'Elements-Returned-Count': String(page.length) } };
    },
    createAccount: async (ctx) => {
      const body = (await readJsonObject(ctx)) as Schema<'AccountCreate'>;
      if (externalIdTaken(body.externalId))
        throw new EmulatorHttpError(409, `An account with external ID ${body.externalId} already exists.`);
      const now = state.nowIso();
      const account: Account = {
        name: body.externalId,
        ...body,
        id: state.nextId('account', 2),
        active: true,
        companyId: state.organization.id,
        defaultAccount: false,
        type: 'CompanyAccount',
        createdDate: now,
        updatedDate: now,
      };
      store.accounts.set(account.id, account);
      return { json: account };
    },
    getAccount: (ctx) => ({ json: requireAccount(ctx) }),
    replaceAccount: update,
    updateAccount: update,
    deleteAccount: (ctx) => {
      const account = requireAccount(ctx);
      store.accounts.delete(account.id);
      return {};
    },
    listAccountUsers: users.list,
    createAccountUser: users.create,
    getAccountUser: users.get,
    replaceAccountUser: users.update,
    updateAccountUser: users.update,
    deleteAccountUser: users.remove,
    listAccountRoles: (ctx) => ({ json: [...rolesOf(ctx)].map(requireRole) }),
    grantAccountRole: (ctx) => {
      const role = requireRole(ctx.params.roleKey ?? '');
      rolesOf(ctx).add(role.key);
      return { json: role };
    },
    revokeAccountRole: (ctx) => {
      rolesOf(ctx).delete(requireRole(ctx.params.roleKey ?? '').key);
      return {};
    },
    createAccountSettings: (ctx) => writeSettings(ctx, requireAccount(ctx).id),
    updateAccountSettings: (ctx) => writeSettings(ctx, requireAccount(ctx).id),
    getCurrentAccountSettings: (ctx) => ({
      json: settingsOf(callerAccount(ctx)) as Schema<'AccountSettings'>,
    }),
    updateCurrentAccountSettings: (ctx) => writeSettings(ctx, callerAccount(ctx)),
    listAccountInstances: (ctx) =>
      pageReply(instancesOf(requireAccount(ctx).id), ctx.query, (i) => instanceJson(state, i)),
    listCurrentAccountInstances: (ctx) =>
      pageReply(instancesOf(callerAccount(ctx)), ctx.query, (i) => instanceJson(state, i)),
  };
}
