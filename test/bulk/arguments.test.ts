// Bulk helpers: a missing client, metaData given as text, and small misuses that used to crash or mislead.
import { describe, expect, test } from 'vitest';
import {
  cancelBulkJob,
  downloadBulkResults,
  getBulkJobStatus,
  isBulkJobFinished,
  listBulkJobErrors,
  readBulkRecords,
  startBulkQuery,
  uploadBulkRecords,
  waitForBulkJob,
} from '../../src/bulk/index.js';
import { failure } from '../helpers/failure.js';
import { offlineClient } from '../helpers/offline-client.js';

/** The offline client as the instance: the bulk helpers make hub calls. */
function offlineInstance() {
  const { client, requests } = offlineClient();
  return { client: client.forInstance('t1'), requests };
}

const ref = { hub: 'crm', jobId: '1' };

describe('the bulk helpers check their client first', () => {
  const none = undefined as never;
  test.each([
    ['startBulkQuery', () => startBulkQuery(none, { hub: 'crm', query: 'select * from contacts' })],
    ['getBulkJobStatus', () => getBulkJobStatus(none, ref)],
    ['waitForBulkJob', () => waitForBulkJob(none, ref)],
    ['cancelBulkJob', () => cancelBulkJob(none, ref)],
    [
      'uploadBulkRecords',
      () => uploadBulkRecords(none, { hub: 'crm', objectName: 'contacts', file: [{ a: 1 }] }),
    ],
    ['downloadBulkResults', () => downloadBulkResults(none, { ...ref, objectName: 'contacts' })],
    ['readBulkRecords', () => readBulkRecords(none, { ...ref, objectName: 'contacts' }).next()],
    ['listBulkJobErrors', () => listBulkJobErrors(none, ref).next()],
  ])('%s(undefined, …) names the missing client', async (name, run) => {
    const error = await failure(run);
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe(
      `[cloud-elements] ${name} needs a client from createClient() (or client.forInstance(token)) as its first ` +
        'argument, got undefined.',
    );
  });
});

describe('uploadBulkRecords metaData', () => {
  test('a JSON string is refused instead of being spread into one key per character', async () => {
    const { client, requests } = offlineInstance();
    let read = false;
    const file = (function* () {
      read = true;
      yield { email: 'ada@example.com' };
    })();
    const error = await failure(() =>
      uploadBulkRecords(client, {
        hub: 'crm',
        objectName: 'contacts',
        file,
        metaData: '{"action":"upsert"}' as never,
      }),
    );
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe(
      "[cloud-elements] metaData must be an object, got a string; pass metaData as an object, e.g. { action: 'upsert', " +
        "identifierFieldName: 'email' }.",
    );
    expect(requests).toEqual([]);
    expect(read).toBe(false);
    for (const metaData of [null, 42, ['upsert']]) {
      await expect(
        uploadBulkRecords(client, {
          hub: 'crm',
          objectName: 'contacts',
          file: [],
          metaData: metaData as never,
        }),
      ).rejects.toThrow(/metaData must be an object/);
    }
  });
});

describe('isBulkJobFinished', () => {
  // Decided: a missing status is not final; anything else that is not a string is a mistake (often the whole
  // report), refused so that a polling loop cannot spin for ever on `false`.
  test('answers false for a missing status and refuses the report or a number, instead of crashing', () => {
    expect(isBulkJobFinished(undefined)).toBe(false);
    expect(isBulkJobFinished(null as never)).toBe(false);
    expect(() => isBulkJobFinished({ status: 'COMPLETED' } as never)).toThrow(
      "[cloud-elements] isBulkJobFinished takes the job's status string (report.status), got an object.",
    );
    expect(() => isBulkJobFinished(123 as never)).toThrow(/status string \(report\.status\), got 123\./);
    expect(isBulkJobFinished('completed')).toBe(true);
  });
});

describe('waitForBulkJob onStatus', () => {
  test('that is not a function is refused before the first status check', async () => {
    const { client, requests } = offlineInstance();
    const error = await failure(() => waitForBulkJob(client, { ...ref, onStatus: 'log' as never }));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe(
      '[cloud-elements] onStatus must be a function called with each status report, got "log".',
    );
    expect(requests).toEqual([]);
  });
});

describe('startBulkQuery dates', () => {
  test('an invalid Date is named as such, not shown as null', async () => {
    const { client, requests } = offlineInstance();
    const error = await failure(() =>
      startBulkQuery(client, { hub: 'crm', query: 'select * from contacts', lastRunDate: new Date('bad') }),
    );
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe('[cloud-elements] lastRunDate is an invalid Date; check how it was parsed.');
    expect(requests).toEqual([]);
  });
});
