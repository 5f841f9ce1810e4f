import { findElement, HUB_RESOURCES, type HubResource } from './catalog.js';
import { parseCeql } from './ceql.js';
import { queryRecords } from './ceql-eval.js';
import { notifyRecordChange } from './events.js';
import { EmulatorHttpError, readJsonObject, type Caller, type Reply, type RequestContext } from './http.js';
import { pageReply } from './paging.js';
import type { Route } from './server.js';
import type { EmulatorInstance, EmulatorState, HubRecord } from './state.js';

/** Fields the emulator sets on every record; a request cannot change them. */
const SERVER_FIELDS = ['id', 'createdDate', 'lastModifiedDate'];

/** The instance of a hub call (the route's `instance` auth guarantees it). */
export function callerInstance(ctx: RequestContext): EmulatorInstance {
  const instance = (ctx.caller as Caller | undefined)?.instance;
  if (!instance)
    throw new EmulatorHttpError(401, 'This call needs an Element token in the Authorization header.');
  return instance;
}

/** The standard resources the instance's element serves, by name. */
export function resourcesOf(instance: EmulatorInstance): Readonly<Record<string, HubResource>> {
  return HUB_RESOURCES[findElement(instance.elementKey)?.hub ?? ''] ?? {};
}

function requireResource(instance: EmulatorInstance, name: string): { name: string; resource: HubResource } {
  const resources = resourcesOf(instance);
  const key = Object.keys(resources).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  if (key === undefined) {
    const known = Object.keys(resources).join(', ') || 'none';
    throw new EmulatorHttpError(
      404,
      `No resource ${name} found for element ${instance.elementKey}; its resources are: ${known}.`,
    );
  }
  return { name: key, resource: resources[key]! };
}

function singular(resource: string): string {
  return resource.replace(/ies$/, 'y').replace(/s$/, '');
}

/** Removes null values (deeply), as instances with `filter.response.nulls` (the default) answer. */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) if (field !== null) out[key] = withoutNulls(field);
  return out;
}

/** A record as the API returns it for this instance. */
export function presentRecord(instance: EmulatorInstance, record: HubRecord, fields?: string[]): unknown {
  let out: Record<string, unknown> = record;
  if (fields) {
    out = { id: record.id };
    for (const field of fields) if (field in record) out[field] = record[field];
  }
  return instance.configuration.get('filter.response.nulls') === 'false' ? out : withoutNulls(out);
}

function requireMissingFields(resource: HubResource, body: Record<string, unknown>): void {
  const present = new Set(
    Object.entries(body)
      .filter(([, value]) => value !== null && value !== undefined && value !== '')
      .map(([key]) => key.toLowerCase()),
  );
  const missing = resource.requiredOnCreate.filter((field) => !present.has(field.toLowerCase()));
  if (missing.length > 0) {
    throw new EmulatorHttpError(400, `Required fields are missing: ${missing.join(', ')}`, {
      providerMessage: `REQUIRED_FIELD_MISSING: Required fields are missing: [${missing.join(', ')}]`,
    });
  }
}

function writableFields(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([key]) => !SERVER_FIELDS.includes(key)));
}

/** Creates a record in a hub resource (used by the hub routes and by bulk uploads). */
export function createRecord(
  state: EmulatorState,
  instance: EmulatorInstance,
  resourceName: string,
  body: Record<string, unknown>,
  options: { notify: boolean } = { notify: true },
): HubRecord {
  const { name, resource } = requireResource(instance, resourceName);
  requireMissingFields(resource, body);
  const now = state.nowIso();
  const id =
    resource.idPrefix === '' ? String(state.nextId(`record:${name}`)) : state.newRecordId(resource.idPrefix);
  const record: HubRecord = { ...writableFields(body), id, createdDate: now, lastModifiedDate: now };
  state.records(instance.id, name).set(id, record);
  if (options.notify)
    notifyRecordChange(state, instance, { objectType: name, eventType: 'CREATED', objectId: id, record });
  return record;
}

/** Changes the fields sent of a record (used by the hub routes and by bulk uploads). */
export function updateRecord(
  state: EmulatorState,
  instance: EmulatorInstance,
  resourceName: string,
  record: HubRecord,
  body: Record<string, unknown>,
  options: { notify: boolean } = { notify: true },
): HubRecord {
  Object.assign(record, writableFields(body), { lastModifiedDate: state.nowIso() });
  if (options.notify) {
    const change = { objectType: resourceName, eventType: 'UPDATED' as const, objectId: record.id, record };
    notifyRecordChange(state, instance, change);
  }
  return record;
}

/** Lists the records of a resource that match `where`, sorted by `orderBy`. */
export function findRecords(
  state: EmulatorState,
  instance: EmulatorInstance,
  resourceName: string,
  where?: string,
  orderBy?: string,
): HubRecord[] {
  const { name } = requireResource(instance, resourceName);
  const expression = where === undefined || where.trim() === '' ? undefined : parseCeql(where);
  return queryRecords(state.records(instance.id, name).values(), expression, orderBy || undefined);
}

function requireRecord(state: EmulatorState, instance: EmulatorInstance, ctx: RequestContext) {
  const { name } = requireResource(instance, ctx.params.objectName ?? '');
  const id = ctx.params.objectId ?? '';
  const record = state.records(instance.id, name).get(id);
  if (!record) throw new EmulatorHttpError(404, `No ${singular(name)} found with ID ${id}`);
  return { name, record };
}

function inferType(value: unknown): string {
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) return 'date';
  return typeof value === 'object' && value !== null ? 'object' : 'string';
}

/** Routes of the hub calls every hub offers: ping, object catalog and metadata, and record CRUD. */
export function hubRoutes(state: EmulatorState): Route[] {
  const withInstanceHeader = (instance: EmulatorInstance, reply: Reply): Reply => ({
    ...reply,
    headers: { ...reply.headers, 'Elements-Element-Instance-Id': String(instance.id) },
  });
  const hubRoute = (
    method: string,
    path: string,
    handle: (ctx: RequestContext, i: EmulatorInstance) => Reply | Promise<Reply>,
  ): Route => ({
    method,
    path,
    auth: 'instance',
    handle: async (ctx) => {
      const instance = callerInstance(ctx);
      return withInstanceHeader(instance, await handle(ctx, instance));
    },
  });
  return [
    hubRoute('GET', '/hubs/{hub}/ping', (_ctx, instance) => ({
      json: { dateTime: state.nowIso(), endpoint: instance.elementKey },
    })),
    hubRoute('GET', '/hubs/{hub}/objects', (_ctx, instance) => {
      const names = Object.keys(resourcesOf(instance));
      return { json: findElement(instance.elementKey)?.hub === 'documents' ? ['files', 'folders'] : names };
    }),
    hubRoute('GET', '/hubs/{hub}/objects/{objectName}/metadata', (ctx, instance) => {
      const { name, resource } = requireResource(instance, ctx.params.objectName ?? '');
      const samples = new Map<string, unknown>(resource.requiredOnCreate.map((field) => [field, '']));
      for (const record of state.records(instance.id, name).values()) {
        for (const [field, value] of Object.entries(record))
          if (!samples.has(field)) samples.set(field, value);
      }
      const fields = [...samples].map(([field, sample]) => {
        const readOnly = SERVER_FIELDS.includes(field);
        const type = inferType(sample);
        return {
          vendorPath: field,
          type,
          vendorNativeType: type,
          vendorReadOnly: readOnly,
          filterable: true,
          createable: !readOnly,
          updateable: !readOnly,
        };
      });
      return { json: { fields } };
    }),
    hubRoute('GET', '/hubs/{hub}/{objectName}', (ctx, instance) => {
      const records = findRecords(
        state,
        instance,
        ctx.params.objectName ?? '',
        ctx.query.get('where') ?? undefined,
        ctx.query.get('orderBy') ?? undefined,
      );
      const fields = ctx.query
        .get('fields')
        ?.split(',')
        .map((field) => field.trim())
        .filter(Boolean);
      return pageReply(records, ctx.query, (record) => presentRecord(instance, record, fields));
    }),
    hubRoute('POST', '/hubs/{hub}/{objectName}', async (ctx, instance) => {
      const body = await readJsonObject(ctx);
      return {
        json: presentRecord(instance, createRecord(state, instance, ctx.params.objectName ?? '', body)),
      };
    }),
    hubRoute('GET', '/hubs/{hub}/{objectName}/{objectId}', (ctx, instance) => ({
      json: presentRecord(instance, requireRecord(state, instance, ctx).record),
    })),
    hubRoute('PATCH', '/hubs/{hub}/{objectName}/{objectId}', async (ctx, instance) => {
      const { name, record } = requireRecord(state, instance, ctx);
      const body = await readJsonObject(ctx);
      if (Object.keys(body).length === 0)
        throw new EmulatorHttpError(400, 'The body has no field to change.');
      return { json: presentRecord(instance, updateRecord(state, instance, name, record, body)) };
    }),
    hubRoute('DELETE', '/hubs/{hub}/{objectName}/{objectId}', (ctx, instance) => {
      const { name, record } = requireRecord(state, instance, ctx);
      state.records(instance.id, name).delete(record.id);
      notifyRecordChange(state, instance, {
        objectType: name,
        eventType: 'DELETED',
        objectId: record.id,
        record,
      });
      return {};
    }),
  ];
}
