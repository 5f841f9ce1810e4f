import { queryRecords } from '../ceql/evaluate.js';
import { parseCeql } from '../ceql/parse.js';
import { EmulatorHttpError } from '../errors.js';
import { findElement, type HubResource } from '../model/catalog.js';
import type { EmulatorState } from '../model/state.js';
import type { EmulatorInstance, HubRecord } from '../model/types.js';
import { notifyRecordChange } from './events.js';

/** Fields the emulator sets on every record; a request cannot change them. */
export const SERVER_FIELDS = ['id', 'createdDate', 'lastModifiedDate'];

/** The record resources the instance's element serves, by name. */
export function resourcesOf(
  state: EmulatorState,
  instance: EmulatorInstance,
): Readonly<Record<string, HubResource>> {
  return state.hubResources[findElement(instance.elementKey)?.hub ?? ''] ?? {};
}

/** Finds a resource of the instance's element by name (case-insensitively), answering 404 when there is none. */
export function requireResource(
  state: EmulatorState,
  instance: EmulatorInstance,
  name: string,
): { name: string; resource: HubResource } {
  const resources = resourcesOf(state, instance);
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

/** The fields of a body a write may set (not the server's own). */
export function writableFields(body: Record<string, unknown>): Record<string, unknown> {
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
  const { name, resource } = requireResource(state, instance, resourceName);
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

/**
 * Lists whose element searches by some fields only, with `=` or `IN` on one of them: Marketo's `GET /contacts`
 * takes one field, `email` or `id` (reference §6, devportal:docs/elements/marketo/ceql.md). Any other list may
 * filter on any field.
 */
const SEARCHABLE_BY: Record<string, Record<string, readonly string[]>> = {
  marketo: { contacts: ['email', 'id'] },
};

/** Refuses a `where` that the instance's element cannot search its resource by (see {@link SEARCHABLE_BY}). */
export function checkSearchable(
  instance: EmulatorInstance,
  resourceName: string,
  where: string | undefined,
): void {
  const fields = SEARCHABLE_BY[instance.elementKey]?.[resourceName];
  if (!fields || where === undefined || where.trim() === '') return;
  const expression = parseCeql(where);
  const searchable =
    ((expression.type === 'compare' && expression.operator === '=') ||
      (expression.type === 'in' && !expression.negate)) &&
    fields.includes(expression.field);
  if (!searchable) {
    throw new EmulatorHttpError(
      400,
      `${instance.elementKey} ${resourceName} can be searched by one field only, ${fields.join(' or ')}, with = or ` +
        `IN, e.g. where=${fields[0]}='…'.`,
    );
  }
}

/** Whether a list's `where` or `orderBy` asks for anything (a blank one does not). */
export function filtersOrSorts(where: string | undefined, orderBy: string | undefined): boolean {
  return (where !== undefined && where.trim() !== '') || !!orderBy;
}

/**
 * Lists the records of a resource that match `where`, sorted by `orderBy`, as `view` shows them (the where clause
 * and the sort see what the answer shows, provider field names included).
 */
export function findRecords(
  state: EmulatorState,
  instance: EmulatorInstance,
  resourceName: string,
  where?: string,
  orderBy?: string,
  view: (record: HubRecord) => HubRecord = (record) => record,
): HubRecord[] {
  const { name } = requireResource(state, instance, resourceName);
  const records = [...state.records(instance.id, name).values()].map(view);
  if (!filtersOrSorts(where, orderBy)) return records;
  const expression = where?.trim() ? parseCeql(where) : undefined;
  return queryRecords(records, expression, orderBy || undefined);
}
