// Bulk calls over real HTTP whose answers are not what the call gives: a job without an id, a download whose lines
// are not records.
import { afterEach, describe, expect, test } from 'vitest';
import { readBulkRecords, startBulkQuery, uploadBulkRecords, waitForBulkJob } from '../../src/bulk/index.js';
import { parseNdjson } from '../../src/bulk/index.js';
import type { CloudElementsClient } from '../../src/client/index.js';
import { InvalidResponseError } from '../../src/core/index.js';
import { clientOf, startServer, type TestHandler, type TestServer } from '../helpers/http-server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(handler: TestHandler): Promise<CloudElementsClient> {
  server = await startServer(handler);
  return clientOf(server).forInstance('element-token');
}

/** Answers every call with `status` and the body text as it is (no body at all for `undefined`). */
function answer(status: number, text: string | undefined): TestHandler {
  return (_req, res) => {
    if (text === undefined) {
      res.writeHead(status);
      res.end();
      return;
    }
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(text);
  };
}

describe('a call that starts a bulk job refuses an answer without a job id', () => {
  const starts = {
    startBulkQuery: {
      call: (crm: CloudElementsClient) =>
        startBulkQuery(crm, { hub: 'crm', query: 'select * from contacts' }),
      path: '/hubs/crm/bulk/query',
    },
    uploadBulkRecords: {
      call: (crm: CloudElementsClient) =>
        uploadBulkRecords(crm, { hub: 'crm', objectName: 'contacts', file: new Blob(['email\na@b.c\n']) }),
      path: '/hubs/crm/bulk/contacts',
    },
  };
  const cases: [string, number, string | undefined, string][] = [
    ['a 204', 204, undefined, 'no body'],
    ['a 200 with no body', 200, undefined, 'no body'],
    ['null', 200, 'null', 'null'],
    ['an object without an id', 200, '{"status":"CREATED"}', 'an object without an id'],
    ['an array', 200, '[{"id":1}]', 'a JSON array'],
    ['a blank id', 200, '{"id":" ","status":"CREATED"}', 'an id that is blank'],
    ['an id that is true', 200, '{"id":true}', 'an id that is a boolean'],
  ];
  for (const [name, { call, path }] of Object.entries(starts)) {
    test.each(cases)(`${name} refuses %s with InvalidResponseError`, async (_case, status, text, got) => {
      const crm = await start(answer(status, text));
      const error = await call(crm).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect(error).toMatchObject({ method: 'POST', path, status, mayHaveReachedServer: true });
      expect((error as Error).message).toBe(
        `${name}: POST ${path} answered ${status} with ${got} instead of a bulk job ({ "id": …, "status": … }), ` +
          'so the job cannot be followed. It may have started anyway: check for it before starting it again.',
      );
    });

    test(`${name} resolves with a job whose id is a string or a number`, async () => {
      for (const id of ['1234', 1234]) {
        const crm = await start(answer(200, JSON.stringify({ id, status: 'CREATED' })));
        await expect(call(crm)).resolves.toEqual({ id, status: 'CREATED' });
        await server?.close();
      }
    });
  }

  test('the message describes the answer by its shape, never quoting what the server echoed', async () => {
    const query = "select * from contacts where apiKey = 'sk_live_SECRET'";
    const crm = await start((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 'CREATED', q: req.query['q'] }));
    });
    const error = await startBulkQuery(crm, { hub: 'crm', query }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).not.toMatch(/sk_live|SECRET|apiKey/);
    expect(JSON.stringify(error)).not.toMatch(/sk_live|SECRET|apiKey/);
  });

  test('so waitForBulkJob is never reached with a job that has no id', async () => {
    const crm = await start(answer(200, '{"status":"CREATED"}'));
    const error = await uploadBulkRecords(crm, {
      hub: 'crm',
      objectName: 'contacts',
      file: new Blob(['a\n']),
    })
      .then((job) => waitForBulkJob(crm, { hub: 'crm', jobId: job.id }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).not.toMatch(/jobId must be/);
    expect(server!.requests.map((r) => r.method)).toEqual(['POST']);
  });
});

describe('readBulkRecords yields JSON objects only', () => {
  const read = async (crm: CloudElementsClient) => {
    const records: unknown[] = [];
    try {
      for await (const record of readBulkRecords(crm, { hub: 'crm', jobId: 7, objectName: 'contacts' })) {
        records.push(record);
      }
    } catch (error) {
      return { records, error };
    }
    return { records, error: undefined };
  };

  test.each([
    ['on one line', '[{"lastName":"Lovelace"},{"lastName":"Hopper"}]\n'],
    ['over many lines', '[\n  {"lastName":"Lovelace"},\n  {"lastName":"Hopper"}\n]\n'],
    ['after blank lines', '\n\r\n[{"lastName":"Lovelace"}]'],
  ])('refuses a download that is one JSON array (%s), saying it is not NDJSON', async (_name, text) => {
    const crm = await start(answer(200, text));
    const { records, error } = await read(crm);
    expect(records).toEqual([]);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ method: 'GET', path: '/hubs/crm/bulk/7/contacts' });
    expect((error as Error).message).toMatch(
      /^Line \d of the bulk results starts with "\[": the download is a JSON array, not NDJSON \(one JSON object per line\)\./,
    );
  });

  test.each([
    ['null', 'null', 'null'],
    ['a number', '42', 'a number'],
    ['a string', '"sk_live_SECRET"', 'a string'],
    ['a boolean', 'true', 'a boolean'],
    ['an array', '[1, 2]', 'a JSON array'],
  ])('refuses a line that is %s, naming its line number', async (_name, line, kind) => {
    const crm = await start(answer(200, `{"lastName":"Lovelace"}\n\n${line}\n{"lastName":"Hopper"}\n`));
    const { records, error } = await read(crm);
    expect(records).toEqual([{ lastName: 'Lovelace' }]);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toBe(
      `Line 3 of the bulk results is ${kind}, not a record (a JSON object), so it is not handed out as one. Read ` +
        'the raw download with downloadBulkResults() to see what the server sent.',
    );
  });

  test('parseNdjson keeps its own contract: any JSON value, one per line', async () => {
    const values: unknown[] = [];
    for await (const value of parseNdjson<unknown>(new Blob(['[1]\nnull\n42\n{"a":1}\n']).stream())) {
      values.push(value);
    }
    expect(values).toEqual([[1], null, 42, { a: 1 }]);
  });
});
