import { EmulatorHttpError } from '../errors.js';
import { requireElement } from '../model/catalog.js';
import { DEFAULT_ACCOUNT_ID } from '../model/platform.js';
import type { EmulatorState } from '../model/state.js';
import type { EmulatorInstance } from '../model/types.js';
import { readJsonObject } from '../server/http.js';
import type { RequestContext } from '../server/types.js';
import type { Handlers, Schema } from './types.js';

type Transformation = Schema<'Transformation'>;
type ObjectDefinition = Schema<'ObjectDefinition'>;
type Level = 'organization' | 'account' | 'instance';

/** Where a transformation or definition lives: its level, the key of its store, and what it adds to answers. */
interface Scope {
  level: Level;
  key: string;
  extra: Record<string, unknown>;
}

/**
 * Handlers of object definitions (common objects) and transformations (mappings of an element's objects onto them)
 * at each level: organization, account (by id, or the caller's) and instance (by id, or the token's). Each level has
 * its own store; a create of a name that exists is a 409, a read, replace or delete of one that does not a 404.
 */
export function platformObjectHandlers(state: EmulatorState): Handlers {
  const store = state.platform;
  const requireAccount = (ctx: RequestContext): number => {
    if (ctx.params.id === undefined)
      return store.profiles.get(ctx.caller?.user.id ?? -1)?.accountId ?? DEFAULT_ACCOUNT_ID;
    const id = Number(ctx.params.id);
    if (!store.accounts.has(id))
      throw new EmulatorHttpError(404, `No account found with ID ${ctx.params.id}`);
    return id;
  };
  const requireInstance = (ctx: RequestContext): EmulatorInstance => {
    const instance =
      ctx.params.id === undefined ? ctx.caller?.instance : state.instances.get(Number(ctx.params.id));
    if (!instance) throw new EmulatorHttpError(404, `No instance found with ID ${ctx.params.id}`);
    return instance;
  };

  const definitionScope: Record<Level, (ctx: RequestContext) => Scope> = {
    organization: () => ({ level: 'organization', key: 'organization', extra: {} }),
    account: (ctx) => ({ level: 'account', key: `account:${requireAccount(ctx)}`, extra: {} }),
    instance: (ctx) => ({ level: 'instance', key: `instance:${requireInstance(ctx).id}`, extra: {} }),
  };
  const transformationScope: Record<Level, (ctx: RequestContext) => Scope> = {
    organization: (ctx) => {
      const element = requireElement(ctx.params.keyOrId ?? '').key;
      return { level: 'organization', key: `organization:${element}`, extra: { elementKey: element } };
    },
    account: (ctx) => {
      const element = requireElement(ctx.params.keyOrId ?? '').key;
      return {
        level: 'account',
        key: `account:${requireAccount(ctx)}:${element}`,
        extra: { elementKey: element },
      };
    },
    instance: (ctx) => {
      const instance = requireInstance(ctx);
      return {
        level: 'instance',
        key: `instance:${instance.id}`,
        extra: { elementKey: instance.elementKey, elementInstanceId: instance.id },
      };
    },
  };

  /** The five calls on one named entry and the three on all of them, for one kind and one level. */
  function named<T extends object>(
    maps: Map<string, Map<string, T>>,
    kind: string,
    scopeOf: (ctx: RequestContext) => Scope,
  ) {
    const entries = (ctx: RequestContext) => store.scoped(maps, scopeOf(ctx).key);
    const name = (ctx: RequestContext) => ctx.params.objectName ?? '';
    const build = (ctx: RequestContext, objectName: string, body: Record<string, unknown>): T => {
      const scope = scopeOf(ctx);
      return { ...body, ...scope.extra, level: scope.level, objectName } as T;
    };
    const require = (ctx: RequestContext): T => {
      const found = entries(ctx).get(name(ctx));
      if (!found) throw new EmulatorHttpError(404, `No ${kind} found for ${name(ctx)}`);
      return found;
    };
    const write = (mustExist: boolean) => async (ctx: RequestContext) => {
      const map = entries(ctx);
      if (mustExist) require(ctx);
      else if (map.has(name(ctx)))
        throw new EmulatorHttpError(409, `A ${kind} for ${name(ctx)} already exists; replace it with PUT.`);
      const entry = build(ctx, name(ctx), await readJsonObject(ctx));
      map.set(name(ctx), entry);
      return { json: entry };
    };
    return {
      list: (ctx: RequestContext) => ({ json: Object.fromEntries(entries(ctx)) }),
      createMany: async (ctx: RequestContext) => {
        const map = entries(ctx);
        const body = await readJsonObject(ctx);
        const created = Object.entries(body).filter(
          ([, value]) => typeof value === 'object' && value !== null,
        );
        const taken = created.find(([objectName]) => map.has(objectName));
        if (taken) throw new EmulatorHttpError(409, `A ${kind} for ${taken[0]} already exists.`);
        for (const [objectName, value] of created)
          map.set(objectName, build(ctx, objectName, value as Record<string, unknown>));
        return { json: Object.fromEntries(map) };
      },
      removeAll: (ctx: RequestContext) => {
        entries(ctx).clear();
        return {};
      },
      get: (ctx: RequestContext) => ({ json: require(ctx) }),
      create: write(false),
      replace: write(true),
      remove: (ctx: RequestContext) => {
        require(ctx);
        entries(ctx).delete(name(ctx));
        return {};
      },
    };
  }

  const definitions = (level: Level) =>
    named<ObjectDefinition>(store.objectDefinitions, 'object definition', definitionScope[level]);
  const transformations = (level: Level) =>
    named<Transformation>(store.transformations, 'transformation', transformationScope[level]);
  const org = definitions('organization');
  const account = definitions('account');
  const instance = definitions('instance');
  const orgT = transformations('organization');
  const accountT = transformations('account');
  const instanceT = transformations('instance');

  return {
    listOrganizationObjectDefinitions: org.list,
    createOrganizationObjectDefinitions: org.createMany,
    deleteOrganizationObjectDefinitions: org.removeAll,
    getOrganizationObjectDefinition: org.get,
    createOrganizationObjectDefinition: org.create,
    replaceOrganizationObjectDefinition: org.replace,
    deleteOrganizationObjectDefinition: org.remove,
    listAccountObjectDefinitions: account.list,
    createAccountObjectDefinitions: account.createMany,
    deleteAccountObjectDefinitions: account.removeAll,
    getAccountObjectDefinition: account.get,
    createAccountObjectDefinition: account.create,
    replaceAccountObjectDefinition: account.replace,
    deleteAccountObjectDefinition: account.remove,
    listCurrentAccountObjectDefinitions: account.list,
    createCurrentAccountObjectDefinitions: account.createMany,
    deleteCurrentAccountObjectDefinitions: account.removeAll,
    getCurrentAccountObjectDefinition: account.get,
    createCurrentAccountObjectDefinition: account.create,
    replaceCurrentAccountObjectDefinition: account.replace,
    deleteCurrentAccountObjectDefinition: account.remove,
    listInstanceObjectDefinitions: instance.list,
    getInstanceObjectDefinition: instance.get,
    createInstanceObjectDefinition: instance.create,
    replaceInstanceObjectDefinition: instance.replace,
    deleteInstanceObjectDefinition: instance.remove,
    listCurrentInstanceObjectDefinitions: instance.list,
    getCurrentInstanceObjectDefinition: instance.get,
    createCurrentInstanceObjectDefinition: instance.create,
    replaceCurrentInstanceObjectDefinition: instance.replace,
    deleteCurrentInstanceObjectDefinition: instance.remove,
    listElementTransformations: orgT.list,
    listOrganizationElementTransformations: orgT.list,
    deleteOrganizationElementTransformations: orgT.removeAll,
    getOrganizationElementTransformation: orgT.get,
    createOrganizationElementTransformation: orgT.create,
    replaceOrganizationElementTransformation: orgT.replace,
    deleteOrganizationElementTransformation: orgT.remove,
    listAccountElementTransformations: accountT.list,
    deleteAccountElementTransformations: accountT.removeAll,
    getAccountElementTransformation: accountT.get,
    createAccountElementTransformation: accountT.create,
    replaceAccountElementTransformation: accountT.replace,
    deleteAccountElementTransformation: accountT.remove,
    listInstanceTransformations: instanceT.list,
    deleteInstanceTransformations: instanceT.removeAll,
    getInstanceTransformation: instanceT.get,
    createInstanceTransformation: instanceT.create,
    replaceInstanceTransformation: instanceT.replace,
    deleteInstanceTransformation: instanceT.remove,
    listCurrentInstanceTransformations: instanceT.list,
    deleteCurrentInstanceTransformations: instanceT.removeAll,
    getCurrentInstanceTransformation: instanceT.get,
    createCurrentInstanceTransformation: instanceT.create,
    replaceCurrentInstanceTransformation: instanceT.replace,
    deleteCurrentInstanceTransformation: instanceT.remove,
  };
}
