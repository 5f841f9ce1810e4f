import { EmulatorHttpError } from '../errors.js';
import { findElement } from '../model/catalog.js';
import type { EmulatorState } from '../model/state.js';
import { nativeFields } from '../model/native.js';
import type { EmulatorInstance, HubRecord } from '../model/types.js';
import type { EmulatorSpec, SpecOperation, SpecSchema } from '../spec/document.js';
import { callerInstance } from '../server/auth.js';
import { readJsonObject } from '../server/http.js';
import type { Reply, RequestContext } from '../server/types.js';
import { notifyRecordChange } from './events.js';
import { hubPaging, pageReply } from './paging.js';
import {
  checkSearchable,
  createRecord,
  filtersOrSorts,
  findRecords,
  presentRecord,
  requireResource,
  resourcesOf,
  SERVER_FIELDS,
  updateRecord,
  writableFields,
} from './records.js';
import type { Handlers } from './types.js';

/** What a spec operation on hub records does, for the record store. */
export interface RecordOperation {
  action: 'list' | 'create' | 'get' | 'update' | 'delete';
  hub: string;
  resource: string;
  /** A child collection of a record: `/hubs/crm/contacts/{id}/activities`. */
  child?: string | undefined;
}

const ACTIONS: Record<string, Record<string, RecordOperation['action']>> = {
  collection: { GET: 'list', POST: 'create' },
  item: { GET: 'get', PATCH: 'update', PUT: 'update', DELETE: 'delete' },
};
const ID_WORDS: Record<RecordOperation['action'], string[]> = {
  list: ['list'],
  create: ['create'],
  get: ['get'],
  update: ['update', 'replace'],
  delete: ['delete'],
};

/**
 * The record operation of a hub operation whose path names a resource of one hub (`/hubs/crm/contacts`,
 * `/hubs/crm/contacts/{id}`, `/hubs/crm/contacts/{id}/notes`, `/hubs/crm/contacts/{id}/notes/{noteId}`) and whose id
 * says what it does (`listCrmContacts`, `updateCrmContactNote`...). Anything else (`queryCrmRecords`, uploads, the
 * documents hub) is not a record operation.
 */
export function recordOperationOf(op: SpecOperation): RecordOperation | undefined {
  const segments = op.path.split('/').slice(1);
  const [hubs, hub, resource, ...rest] = segments;
  const literal = (segment: string | undefined) => segment !== undefined && !segment.startsWith('{');
  if (hubs !== 'hubs' || !literal(hub) || !literal(resource) || hub === 'documents') return undefined;
  const isId = (segment: string | undefined) => segment !== undefined && segment.startsWith('{');
  let shape: 'collection' | 'item';
  let child: string | undefined;
  if (rest.length === 0) shape = 'collection';
  else if (rest.length === 1 && isId(rest[0])) shape = 'item';
  else if (rest.length === 2 && isId(rest[0]) && literal(rest[1])) [shape, child] = ['collection', rest[1]];
  else if (rest.length === 3 && isId(rest[0]) && literal(rest[1]) && isId(rest[2]))
    [shape, child] = ['item', rest[1]];
  else return undefined;
  const action = ACTIONS[shape]![op.method];
  if (!action || !ID_WORDS[action].some((word) => op.operationId.startsWith(word))) return undefined;
  const body = op.requestBody?.content;
  if ((action === 'create' || action === 'update') && !body?.['application/json']) return undefined;
  return { action, hub: hub!, resource: resource!, ...(child === undefined ? {} : { child }) };
}

function singular(resource: string): string {
  return resource.replace(/ies$/, 'y').replace(/s$/, '');
}

function inferType(value: unknown): string {
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) return 'date';
  return typeof value === 'object' && value !== null ? 'object' : 'string';
}

/**
 * Handlers of the calls every hub offers (ping, object names and metadata, generic record CRUD and child records)
 * and of each hub's own record operations (`listCrmContacts`, `getMarketingList`, ...), all on the record store.
 */
export function hubHandlers(state: EmulatorState, spec: EmulatorSpec): Handlers {
  const requireRecord = (instance: EmulatorInstance, objectName: string, id: string) => {
    const { name } = requireResource(state, instance, objectName);
    const record = state.records(instance.id, name).get(id);
    if (!record) throw new EmulatorHttpError(404, `No ${singular(name)} found with ID ${id}`);
    return { name, record };
  };
  /** The store of a record's child collection; the parent must exist. */
  const childStore = (instance: EmulatorInstance, objectName: string, id: string, child: string) => {
    const { name } = requireRecord(instance, objectName, id);
    return { key: `${name}/${id}/${child}`, records: state.records(instance.id, `${name}/${id}/${child}`) };
  };
  /** A record as the call's answer shows it: with its element's native field names that the answer declares. */
  const view = (ctx: RequestContext, instance: EmulatorInstance, resource: string) => {
    const declared: ReadonlyMap<string, readonly SpecSchema[]> = ctx.operation
      ? spec.answerProperties(ctx.operation)
      : new Map();
    const accepts = (field: string, value: unknown) =>
      declared.get(field)?.every((schema) => spec.validator.accepts(schema, value)) ?? false;
    return (record: HubRecord): HubRecord => ({
      ...nativeFields(instance.elementKey, resource, record, accepts),
      ...record,
    });
  };
  const show = (ctx: RequestContext, instance: EmulatorInstance, resource: string, record: HubRecord) =>
    presentRecord(instance, view(ctx, instance, resource)(record));
  const fieldsOf = (ctx: RequestContext) =>
    ctx.query
      .get('fields')
      ?.split(',')
      .map((field) => field.trim())
      .filter(Boolean);

  const list = (ctx: RequestContext, resource: string): Reply => {
    const instance = callerInstance(ctx);
    const where = ctx.query.get('where') ?? undefined;
    const { name } = requireResource(state, instance, resource);
    checkSearchable(instance, name, where);
    const orderBy = ctx.query.get('orderBy') ?? undefined;
    const viewOf = view(ctx, instance, name);
    const fields = fieldsOf(ctx);
    // A filter or a sort may name a provider's own field, so every record is viewed first; without one, only the
    // records of the page are (the view checks each native field against the spec: about 12 µs a record).
    const viewFirst = filtersOrSorts(where, orderBy);
    const records = viewFirst
      ? findRecords(state, instance, name, where, orderBy, viewOf)
      : findRecords(state, instance, name);
    return pageReply(
      records,
      ctx.query,
      (record) => presentRecord(instance, viewFirst ? record : viewOf(record), fields),
      hubPaging(instance),
    );
  };
  const create = async (ctx: RequestContext, resource: string): Promise<Reply> => {
    const instance = callerInstance(ctx);
    const body = await readJsonObject(ctx);
    const { name } = requireResource(state, instance, resource);
    return { json: show(ctx, instance, name, createRecord(state, instance, name, body)) };
  };
  const get = (ctx: RequestContext, resource: string, id: string): Reply => {
    const instance = callerInstance(ctx);
    const { name, record } = requireRecord(instance, resource, id);
    return { json: show(ctx, instance, name, record) };
  };
  const update = async (ctx: RequestContext, resource: string, id: string): Promise<Reply> => {
    const instance = callerInstance(ctx);
    const { name, record } = requireRecord(instance, resource, id);
    const body = await readJsonObject(ctx);
    if (Object.keys(body).length === 0) throw new EmulatorHttpError(400, 'The body has no field to change.');
    return { json: show(ctx, instance, name, updateRecord(state, instance, name, record, body)) };
  };
  const remove = (ctx: RequestContext, resource: string, id: string): Reply => {
    const instance = callerInstance(ctx);
    const { name, record } = requireRecord(instance, resource, id);
    state.records(instance.id, name).delete(record.id);
    notifyRecordChange(state, instance, {
      objectType: name,
      eventType: 'DELETED',
      objectId: record.id,
      record,
    });
    return {};
  };

  /** Child records (`/contacts/{id}/notes`): stored per parent record, with ids of their own. */
  const children = {
    list: (ctx: RequestContext, resource: string, id: string, child: string): Reply => {
      const instance = callerInstance(ctx);
      const { records } = childStore(instance, resource, id, child);
      const shown = view(ctx, instance, child);
      const present = (record: HubRecord) => presentRecord(instance, shown(record));
      return pageReply([...records.values()], ctx.query, present, hubPaging(instance));
    },
    create: async (ctx: RequestContext, resource: string, id: string, child: string): Promise<Reply> => {
      const instance = callerInstance(ctx);
      const { records } = childStore(instance, resource, id, child);
      const body = await readJsonObject(ctx);
      const now = state.nowIso();
      const record: HubRecord = {
        ...writableFields(body),
        id: String(state.nextId(`child:${child}`, 1001)),
        createdDate: now,
        lastModifiedDate: now,
      };
      records.set(record.id, record);
      return { json: show(ctx, instance, child, record) };
    },
    item: (ctx: RequestContext, resource: string, id: string, child: string, childId: string) => {
      const instance = callerInstance(ctx);
      const { records } = childStore(instance, resource, id, child);
      const record = records.get(childId);
      if (!record) throw new EmulatorHttpError(404, `No ${singular(child)} found with ID ${childId}`);
      return { instance, records, record };
    },
  };

  const common: Handlers = {
    pingHub: (ctx) => ({ json: { dateTime: state.nowIso(), endpoint: callerInstance(ctx).elementKey } }),
    listHubObjectNames: (ctx) => {
      const instance = callerInstance(ctx);
      const names = Object.keys(resourcesOf(state, instance));
      return { json: findElement(instance.elementKey)?.hub === 'documents' ? ['files', 'folders'] : names };
    },
    getHubObjectMetadata: (ctx) => {
      const instance = callerInstance(ctx);
      const { name, resource } = requireResource(state, instance, ctx.params.objectName ?? '');
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
    },
  };

  // Record answers are open objects whose fields the spec types per element and resource: strict mode checks them
  // at run time, so the record handlers are typed loosely (`Reply`) and added to the table by id.
  const records: Record<string, (ctx: RequestContext) => Reply | Promise<Reply>> = {
    listHubObjects: (ctx) => list(ctx, ctx.params.objectName ?? ''),
    createHubObject: (ctx) => create(ctx, ctx.params.objectName ?? ''),
    getHubObject: (ctx) => get(ctx, ctx.params.objectName ?? '', ctx.params.objectId ?? ''),
    updateHubObject: (ctx) => update(ctx, ctx.params.objectName ?? '', ctx.params.objectId ?? ''),
    deleteHubObject: (ctx) => remove(ctx, ctx.params.objectName ?? '', ctx.params.objectId ?? ''),
    listHubObjectChildren: (ctx) =>
      children.list(
        ctx,
        ctx.params.objectName ?? '',
        ctx.params.objectId ?? '',
        ctx.params.childObjectName ?? '',
      ),
  };

  // Each hub's own record operations (`listCrmContacts`, `updateCrmContactNote`...) run the same store.
  for (const op of spec.operations) {
    const record = recordOperationOf(op);
    if (!record) continue;
    const [idParam, childIdParam] = op.path.match(/\{[^}]+\}/g)?.map((p) => p.slice(1, -1)) ?? [];
    const id = (ctx: RequestContext) => ctx.params[idParam ?? ''] ?? '';
    const childId = (ctx: RequestContext) => ctx.params[childIdParam ?? ''] ?? '';
    const { resource, child } = record;
    records[op.operationId] =
      child === undefined
        ? {
            list: (ctx: RequestContext) => list(ctx, resource),
            create: (ctx: RequestContext) => create(ctx, resource),
            get: (ctx: RequestContext) => get(ctx, resource, id(ctx)),
            update: (ctx: RequestContext) => update(ctx, resource, id(ctx)),
            delete: (ctx: RequestContext) => remove(ctx, resource, id(ctx)),
          }[record.action]
        : {
            list: (ctx: RequestContext) => children.list(ctx, resource, id(ctx), child),
            create: (ctx: RequestContext) => children.create(ctx, resource, id(ctx), child),
            get: (ctx: RequestContext) => {
              const found = children.item(ctx, resource, id(ctx), child, childId(ctx));
              return { json: show(ctx, found.instance, child, found.record) };
            },
            update: async (ctx: RequestContext) => {
              const found = children.item(ctx, resource, id(ctx), child, childId(ctx));
              const body = await readJsonObject(ctx);
              Object.assign(found.record, writableFields(body), { lastModifiedDate: state.nowIso() });
              return { json: show(ctx, found.instance, child, found.record) };
            },
            delete: (ctx: RequestContext) => {
              const found = children.item(ctx, resource, id(ctx), child, childId(ctx));
              found.records.delete(found.record.id);
              return {};
            },
          }[record.action];
  }
  return { ...(records as Handlers), ...common };
}

/** The record resources the spec documents for each hub (`crm` → `contacts`, `activities`, ...). */
export function specResources(operations: readonly SpecOperation[]): Map<string, Set<string>> {
  const byHub = new Map<string, Set<string>>();
  for (const op of operations) {
    const record = recordOperationOf(op);
    if (!record || record.child !== undefined) continue;
    let names = byHub.get(record.hub);
    if (!names) byHub.set(record.hub, (names = new Set()));
    names.add(record.resource);
  }
  return byHub;
}
