import { compareForOrderBy, matchesCeql } from '../../ceql/evaluate.js';
import { EmulatorHttpError } from '../../errors.js';
import type { EmulatorState } from '../../model/state.js';
import type { BulkJob, EmulatorInstance, HubRecord } from '../../model/types.js';
import { notifyRecordChanges, type RecordChange } from '../events.js';
import {
  createRecord,
  findRecords,
  presentRecord,
  requireResource,
  updateRecord,
  withoutNulls,
} from '../records.js';
import { keyField } from './upload.js';

/** Runs a finished query job: collects the matching records, sorted, limited and projected to the select list. */
export function runBulkQuery(state: EmulatorState, job: BulkJob, instance: EmulatorInstance): void {
  const select = job.select!;
  let records = [...state.records(instance.id, job.objectName).values()].filter(
    (record) => !select.where || matchesCeql(record, select.where),
  );
  if (select.orderBy) records.sort(compareForOrderBy(select.orderBy));
  if (select.limit !== undefined) records = records.slice(0, select.limit);
  const fields = select.fields === '*' ? undefined : select.fields;
  // A select list returns exactly those fields (no implicit id), unlike the `fields` parameter of hub lists.
  const project = (record: HubRecord): Record<string, unknown> =>
    fields
      ? Object.fromEntries(fields.filter((field) => field in record).map((field) => [field, record[field]]))
      : record;
  job.results = records.map(
    (record) => presentRecord(instance, project(record) as HubRecord) as Record<string, unknown>,
  );
}

/**
 * Runs a finished upload job: creates, updates or upserts each record read from the file; a record the provider
 * refuses becomes an entry of the job's errors. The records written are notified as events, several to a
 * notification, as the changes of one batch at the provider are.
 */
export function runBulkUpload(state: EmulatorState, job: BulkJob, instance: EmulatorInstance): void {
  const { records, errors, metaData } = job.upload!;
  const key = keyField(metaData);
  const action = metaData.action ?? (key ? 'upsert' : 'create');
  job.errors = [...errors];
  // An index by the key field keeps large upserts linear.
  const byKey = new Map<string, HubRecord>();
  if (key !== undefined) {
    for (const found of findRecords(state, instance, job.objectName)) {
      if (found[key] !== undefined && found[key] !== null) byKey.set(String(found[key]), found);
    }
  }
  const changes: RecordChange[] = [];
  for (const { recordNumber, record } of records) {
    try {
      const existing =
        action === 'create' || key === undefined || record[key] === undefined
          ? undefined
          : byKey.get(String(record[key]));
      if (action === 'update' && !existing) {
        const value = key === undefined ? undefined : record[key];
        throw new EmulatorHttpError(404, `No record found with ${key} = ${String(value ?? '(empty)')}`);
      }
      const written = existing
        ? updateRecord(state, instance, job.objectName, existing, record, { notify: false })
        : createRecord(state, instance, job.objectName, record, { notify: false });
      if (key !== undefined && written[key] !== undefined) byKey.set(String(written[key]), written);
      const eventType = existing ? 'UPDATED' : 'CREATED';
      const objectType = requireResource(state, instance, job.objectName).name;
      changes.push({ objectType, eventType, objectId: written.id, record: { ...written } });
      job.results.push(withoutNulls({ ...written }) as Record<string, unknown>);
    } catch (error) {
      if (!(error instanceof EmulatorHttpError)) throw error;
      job.errors.push({ recordNumber, message: error.providerMessage ?? error.message, record });
    }
  }
  notifyRecordChanges(state, instance, changes);
}
