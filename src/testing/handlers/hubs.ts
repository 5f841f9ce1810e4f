import { EmulatorHttpError } from '../errors.js';
import { findElement } from '../model/catalog.js';
import type { EmulatorState } from '../model/state.js';
import type { EmulatorInstance } from '../model/types.js';
import { callerInstance } from '../server/auth.js';
import { readJsonObject } from '../server/http.js';
import type { Reply, RequestContext, Route } from '../server/types.js';
import { notifyRecordChange } from './events.js';
import { pageReply } from './paging.js';
import {
  createRecord,
  findRecords,
  presentRecord,
  requireResource,
  resourcesOf,
  SERVER_FIELDS,
  updateRecord,
} from './records.js';

function singular(resource: string): string {
  return resource.replace(/ies$/, 'y').replace(/s$/, '');
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
