import { EmulatorHttpError } from '../errors.js';
import { findElement, requireElement, type CatalogElement } from '../model/catalog.js';
import { maskConfigValue, stripHtml, toConfigValue } from '../model/config.js';
import type { EmulatorState } from '../model/state.js';
import type { EmulatorInstance } from '../model/types.js';
import { readJsonObject } from '../server/http.js';
import type { RequestContext } from '../server/types.js';
import { elementJson } from './catalog.js';
import { exchangeAuthorizationCode } from './oauth.js';
import { pageReply } from './paging.js';
import type { Handlers, OperationReply, Schema } from './types.js';

type Body = Record<string, unknown>;

/**
 * Refuses a name that is nothing but HTML tags, which Cloud Elements strips from names (reference §3): a placeholder
 * left in a copied example (`<Insert_Instance_Name>`) would otherwise be an empty name, refused as "required".
 */
function checkNameKeepsText(name: string): void {
  if (stripHtml(name) === '') {
    throw new EmulatorHttpError(
      400,
      `name ${JSON.stringify(name.slice(0, 60))} is empty once its HTML tags are removed (Cloud Elements strips them ` +
        'from instance names); was a placeholder of an example left in?',
    );
  }
}
/** An instance as the API returns it (configuration secrets masked). */
export function instanceJson(state: EmulatorState, instance: EmulatorInstance): Schema<'Instance'> {
  const element = requireElement(instance.elementKey);
  const user = state.users.find((candidate) => candidate.id === instance.userId);
  const configuration: Record<string, string | null> = {};
  for (const [key, value] of instance.configuration) configuration[key] = maskConfigValue(key, value);
  return {
    id: instance.id,
    name: instance.name,
    createdDate: instance.createdDate,
    updatedDate: instance.updatedDate,
    token: instance.token,
    element: elementJson(element),
    elementId: element.id,
    tags: instance.tags,
    provisionInteractions: [],
    valid: true,
    disabled: instance.disabled,
    maxCacheSize: 0,
    cacheTimeToLive: 0,
    configuration,
    eventsEnabled: instance.configuration.get('event.notification.enabled') === 'true',
    traceLoggingEnabled: false,
    cachingEnabled: false,
    externalAuthentication: 'none',
    user: user
      ? { id: user.id, emailAddress: user.emailAddress, firstName: user.firstName, lastName: user.lastName }
      : { id: instance.userId },
  };
}

function configEntryJson(instance: EmulatorInstance, key: string): Schema<'ElementInstanceConfig'> {
  const value = instance.configuration.get(key) ?? null;
  const shown = maskConfigValue(key, value);
  const words = key.replace(/[._]/g, ' ');
  const required = findElement(instance.elementKey)?.requiredConfiguration.includes(key) ?? false;
  return {
    id: instance.configurationIds.get(key) ?? 0,
    key,
    name: words.charAt(0).toUpperCase() + words.slice(1),
    propertyValue: shown,
    description: `Configuration ${key} of the instance`,
    required,
    hideFromConsole: false,
    active: true,
    type: shown !== value ? 'PASSWORD' : value === 'true' || value === 'false' ? 'BOOLEAN' : 'TEXTFIELD_1000',
  };
}

function objectField(body: Body, name: string): Body | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value))
    throw new EmulatorHttpError(400, `${name} must be a JSON object.`);
  return value as Body;
}

function tagsField(body: Body): string[] | undefined {
  const tags = body.tags;
  if (tags === undefined) return undefined;
  if (!Array.isArray(tags) || tags.some((tag) => typeof tag !== 'string')) {
    throw new EmulatorHttpError(400, 'tags must be an array of strings.');
  }
  return tags as string[];
}

/** The element a create body names (`element.key` or `element.id`), or the element of the path. */
function elementOf(body: Body, fromPath: CatalogElement | undefined): CatalogElement {
  const ref = objectField(body, 'element');
  const keyOrId = ref?.key ?? ref?.id;
  if (keyOrId === undefined) {
    if (fromPath) return fromPath;
    throw new EmulatorHttpError(400, 'element is required: send {"element": {"key": "sfdc"}, ...}.');
  }
  const element = findElement(String(keyOrId));
  if (!element) throw new EmulatorHttpError(404, `No element found with key or ID ${String(keyOrId)}`);
  if (fromPath && fromPath.key !== element.key) {
    throw new EmulatorHttpError(
      400,
      `The body names element ${element.key} but the path names ${fromPath.key}.`,
    );
  }
  return element;
}

/** Exchanges `providerData.code` for OAuth elements; `candidate` is the configuration the instance will have. */
function authorize(
  state: EmulatorState,
  element: CatalogElement,
  body: Body,
  candidate: Map<string, string | null>,
): void {
  if (element.provision !== 'oauth2' || body.externalAuthentication === 'initial') return;
  const providerData = objectField(body, 'providerData');
  const code = providerData?.['code'];
  if (typeof code !== 'string' || code === '') {
    throw new EmulatorHttpError(
      400,
      `providerData.code is required for ${element.key}: send the code the provider added to your callback URL.`,
    );
  }
  exchangeAuthorizationCode(state, element, providerData!, candidate);
}

/** Handlers of the instances API and of its token-scoped twins (`/instances/...` with an element token). */
export function instanceHandlers(state: EmulatorState): Handlers {
  const requireInstance = (ctx: RequestContext): EmulatorInstance => {
    if (ctx.params.id === undefined) {
      const instance = ctx.caller?.instance;
      if (!instance)
        throw new EmulatorHttpError(401, 'This call needs an Element token in the Authorization header.');
      return instance;
    }
    const instance = state.instances.get(Number(ctx.params.id));
    if (!instance || !/^\d+$/.test(ctx.params.id))
      throw new EmulatorHttpError(404, `No instance found with ID ${ctx.params.id}`);
    if (ctx.params.keyOrId !== undefined && requireElement(ctx.params.keyOrId).key !== instance.elementKey) {
      throw new EmulatorHttpError(
        404,
        `No instance found with ID ${ctx.params.id} for element ${ctx.params.keyOrId}`,
      );
    }
    return instance;
  };
  const json = (instance: EmulatorInstance) => ({ json: instanceJson(state, instance) });

  const create = async (ctx: RequestContext): Promise<OperationReply<'createInstance'>> => {
    const body = await readJsonObject(ctx);
    const fromPath = ctx.params.keyOrId === undefined ? undefined : requireElement(ctx.params.keyOrId);
    const element = elementOf(body, fromPath);
    if (typeof body.name !== 'string' || body.name.trim() === '') {
      throw new EmulatorHttpError(400, 'name is required: a non-empty name for the instance.');
    }
    checkNameKeepsText(body.name);
    const configuration = objectField(body, 'configuration') ?? {};
    const candidate = new Map(
      Object.entries(configuration).map(([key, value]) => [key, toConfigValue(value)]),
    );
    const missing = element.requiredConfiguration.filter((key) => !candidate.get(key));
    if (missing.length > 0) {
      throw new EmulatorHttpError(
        400,
        `Missing required configuration for ${element.key}: ${missing.join(', ')}`,
      );
    }
    authorize(state, element, body, candidate);
    const instance = state.createInstance({
      elementKey: element.key,
      name: body.name,
      tags: tagsField(body) ?? [],
      configuration,
      userId: ctx.caller?.user.id,
    });
    instance.disabled = body.disabled === true;
    const providerData = objectField(body, 'providerData');
    return { json: { ...instanceJson(state, instance), ...(providerData ? { providerData } : {}) } };
  };

  const list = (ctx: RequestContext): OperationReply<'listInstances'> => {
    const key = ctx.params.keyOrId === undefined ? undefined : requireElement(ctx.params.keyOrId).key;
    const tags = ctx.query.getAll('tags[]').concat(ctx.query.getAll('tags'));
    const search = ctx.query.get('searchText')?.toLowerCase();
    const found = [...state.instances.values()].filter(
      (instance) =>
        (key === undefined || instance.elementKey === key) &&
        tags.every((tag) => instance.tags.includes(tag)) &&
        (!search || instance.name.toLowerCase().includes(search) || instance.elementKey.includes(search)),
    );
    return pageReply(found, ctx.query, (instance) => instanceJson(state, instance));
  };

  const update =
    (replace: boolean) =>
    async (ctx: RequestContext): Promise<OperationReply<'replaceInstance'>> => {
      const instance = requireInstance(ctx);
      const body = await readJsonObject(ctx);
      const element = requireElement(instance.elementKey);
      if (replace || objectField(body, 'element')) elementOf(body, element);
      if (body.name !== undefined && (typeof body.name !== 'string' || body.name.trim() === '')) {
        throw new EmulatorHttpError(400, 'name must be a non-empty string.');
      }
      if (typeof body.name === 'string') checkNameKeepsText(body.name);
      const configuration = objectField(body, 'configuration') ?? {};
      if (objectField(body, 'providerData')?.code !== undefined) {
        const candidate = new Map(instance.configuration);
        for (const [key, value] of Object.entries(configuration)) candidate.set(key, toConfigValue(value));
        authorize(state, element, body, candidate);
      }
      if (typeof body.name === 'string') instance.name = stripHtml(body.name);
      const tags = tagsField(body);
      if (tags) instance.tags = tags.map(stripHtml);
      if (typeof body.disabled === 'boolean') instance.disabled = body.disabled;
      state.setConfiguration(instance, configuration);
      return json(instance);
    };

  const remove = (ctx: RequestContext) => {
    state.deleteInstance(requireInstance(ctx).id);
    return {};
  };

  const configEntry = (ctx: RequestContext): { instance: EmulatorInstance; key: string } => {
    const instance = requireInstance(ctx);
    const id = Number(ctx.params.configId);
    const key = [...instance.configurationIds].find(([, entryId]) => entryId === id)?.[0];
    if (key === undefined)
      throw new EmulatorHttpError(404, `No configuration found with ID ${ctx.params.configId}`);
    return { instance, key };
  };

  const enable = (disabled: boolean) => (ctx: RequestContext) => {
    const instance = requireInstance(ctx);
    instance.disabled = disabled;
    instance.updatedDate = state.nowIso();
    return {};
  };

  const listConfiguration = (ctx: RequestContext) => {
    const instance = requireInstance(ctx);
    return { json: [...instance.configuration.keys()].map((key) => configEntryJson(instance, key)) };
  };
  const getConfiguration = (ctx: RequestContext) => {
    const { instance, key } = configEntry(ctx);
    return { json: configEntryJson(instance, key) };
  };
  const updateConfiguration = async (ctx: RequestContext) => {
    const { instance, key } = configEntry(ctx);
    const body = await readJsonObject(ctx);
    if (typeof body.propertyValue !== 'string' && body.propertyValue !== null) {
      throw new EmulatorHttpError(
        400,
        'propertyValue is required and must be a string, e.g. {"propertyValue": "true"}.',
      );
    }
    state.setConfiguration(instance, { [key]: body.propertyValue });
    return { json: configEntryJson(instance, key) };
  };
  const get = (ctx: RequestContext) => json(requireInstance(ctx));

  return {
    createInstance: create,
    listInstances: list,
    createElementInstance: create,
    listElementInstances: list,
    getInstance: get,
    replaceInstance: update(true),
    updateInstance: update(false),
    deleteInstance: remove,
    listInstanceConfiguration: listConfiguration,
    getInstanceConfiguration: getConfiguration,
    updateInstanceConfiguration: updateConfiguration,
    enableInstance: enable(false),
    disableInstance: enable(true),
    getElementInstance: get,
    replaceElementInstance: update(true),
    deleteElementInstance: remove,
    replaceCurrentInstance: update(true),
    updateCurrentInstance: update(false),
    deleteCurrentInstance: remove,
    listCurrentInstanceConfiguration: listConfiguration,
    getCurrentInstanceConfiguration: getConfiguration,
    updateCurrentInstanceConfiguration: updateConfiguration,
    enableCurrentInstance: enable(false),
    disableCurrentInstance: enable(true),
  };
}
