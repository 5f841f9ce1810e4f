// Bulk jobs the way production fails, over real HTTP: a source that hangs before its first row, servers that echo
// the credentials they were sent, status checks that fail for a while, a proxy's page where records were due, and a
// shutdown signal shared by every wait of a long-running process.
import { inspect } from 'node:util';
import { afterEach, describe, expect, test } from 'vitest';
import {
  getBulkJobStatus,
  parseCsvRecords,
  readBulkRecords,
  uploadBulkRecords,
  waitForBulkJob,
} from '../../src/bulk/index.js';
import type { CloudElementsClient } from '../../src/client/index.js';
import { InvalidResponseError, NotFoundError, ServerError, TimeoutError } from '../../src/core/index.js';
import {
  clientOf,
  sendJson,
  startServer,
  type TestHandler,
  type TestServer,
} from '../helpers/http-server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(handler: TestHandler): Promise<CloudElementsClient> {
  server = await startServer(handler);
  return clientOf(server).forInstance('element-token-0123456789');
}

/** The secrets of the client above, as a server that echoes the `Authorization` header sends them back. */
const echoed = 'User user-secret, Organization org-secret, Element element-token-0123456789';
const secrets = /user-secret|org-secret|element-token/;

/** Everything a user may print of an error: its message, inspect (causes included) and JSON. */
function shown(error: unknown): string {
  return `${(error as Error).message}\n${inspect(error, { depth: 6 })}\n${JSON.stringify(error)}`;
}

const ref = { hub: 'crm', jobId: 7 };

describe('uploadBulkRecords with a source that stalls before its first chunk', () => {
  // A database cursor that hangs before its first row: nothing is sent yet, so the transport's clocks do not run.
  function hanging() {
    let reads = 0;
    const source: AsyncIterable<string> = {
      [Symbol.asyncIterator]: () => ({
        next: () => {
          reads += 1;
          return new Promise<IteratorResult<string>>(() => undefined);
        },
      }),
    };
    return { source, reads: () => reads };
  }

  test('ends with the caller abort reason when the signal aborts, having sent nothing', async () => {
    const crm = await start((_req, res) => sendJson(res, 200, { id: 1 }));
    const { source } = hanging();
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('shutting down')), 50);
    const error = await uploadBulkRecords(crm, {
      hub: 'crm',
      objectName: 'contacts',
      file: source,
      signal: controller.signal,
    }).catch((e: unknown) => e);
    expect(error).toEqual(new Error('shutting down'));
    expect(server!.requests).toEqual([]);
  });

  test('ends with a TimeoutError after idleTimeoutMs, having sent nothing', async () => {
    const crm = await start((_req, res) => sendJson(res, 200, { id: 1 }));
    const { source } = hanging();
    const error = await uploadBulkRecords(crm, {
      hub: 'crm',
      objectName: 'contacts',
      file: source,
      idleTimeoutMs: 50,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({
      method: 'POST',
      path: '/hubs/crm/bulk/contacts',
      timeoutMs: 50,
      mayHaveReachedServer: false,
    });
    expect((error as Error).message).toBe(
      'POST /hubs/crm/bulk/contacts not sent: the upload source gave no data within idleTimeoutMs (50 ms).',
    );
    expect(server!.requests).toEqual([]);
  });

  test('reads nothing from the source when the signal has aborted already', async () => {
    const crm = await start((_req, res) => sendJson(res, 200, { id: 1 }));
    const { source, reads } = hanging();
    const error = await uploadBulkRecords(crm, {
      hub: 'crm',
      objectName: 'contacts',
      file: source,
      signal: AbortSignal.abort(new Error('stopped before')),
    }).catch((e: unknown) => e);
    expect(error).toEqual(new Error('stopped before'));
    expect(reads()).toBe(0);
  });
});

describe('a status check answered with something other than a report', () => {
  test.each([
    ['a list', '[{"status":"COMPLETED"}]', 'a JSON array of 1'],
    ['an empty object', '{}', 'an object with no status'],
    [
      'a message without a status',
      '{"message":"No bulk job found with ID 7"}',
      'an object with no status, saying "No bulk job found with ID 7"',
    ],
    ['a status that is not text', '{"status":3}', 'an object with a non-text status'],
  ])('is refused at once when it is %s, not polled until the deadline', async (_name, text, shape) => {
    const crm = await start((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(text);
    });
    const error = await waitForBulkJob(crm, { ...ref, initialDelayMs: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toBe(
      `GET /hubs/crm/bulk/7/status answered 200 with ${shape} instead of a job status report.`,
    );
    expect(server!.requests).toHaveLength(1);
  });

  test('quotes no secret the server echoed, in a text or in a message', async () => {
    for (const body of [echoed, { message: echoed }]) {
      const crm = await start((_req, res) => sendJson(res, 200, body));
      const error = await getBulkJobStatus(crm, ref).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect((error as Error).message).toContain('[REDACTED]');
      expect(shown(error)).not.toMatch(secrets);
      await server!.close();
    }
  });
});

test('a wait that runs out of time quotes the last status without the secrets it echoed, and briefly', async () => {
  const crm = await start((_req, res) =>
    sendJson(res, 200, { status: `QUEUED (${echoed}) ${'x'.repeat(5000)}` }),
  );
  const error = await waitForBulkJob(crm, { ...ref, timeoutMs: 150, initialDelayMs: 20 }).catch(
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TimeoutError);
  expect((error as Error).message).toMatch(
    /last status QUEUED \(User \[REDACTED\], Organization \[REDACTED\], Element \[REDACTED\]\) x+…\); it may/,
  );
  expect((error as Error).message.length).toBeLessThan(400);
  expect(shown(error)).not.toMatch(secrets);
});

describe('waitForBulkJob through status checks that fail for a while', () => {
  /** Fails the first `failures` status checks with `fail`, then answers COMPLETED. */
  function failingFirst(failures: number, fail: TestHandler): TestHandler {
    return (req, res, index, raw) =>
      index < failures ? fail(req, res, index, raw) : sendJson(res, 200, { id: '7', status: 'COMPLETED' });
  }

  test('waits out a 503 from a gateway and finishes', async () => {
    const crm = await start(failingFirst(3, (_req, res) => sendJson(res, 503, { message: 'restarting' })));
    await expect(waitForBulkJob(crm, { ...ref, initialDelayMs: 5 })).resolves.toMatchObject({
      status: 'COMPLETED',
    });
    expect(server!.requests).toHaveLength(4);
  });

  test('waits as long as a 429 asks, even past maxDelayMs', async () => {
    const crm = await start(
      failingFirst(1, (_req, res) => sendJson(res, 429, { message: 'slow down' }, { 'retry-after': '1' })),
    );
    const started = Date.now();
    await expect(waitForBulkJob(crm, { ...ref, initialDelayMs: 5, maxDelayMs: 10 })).resolves.toMatchObject({
      status: 'COMPLETED',
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  test('gives up on the 6th failed check in a row, with that failure', async () => {
    const crm = await start((_req, res) => sendJson(res, 502, { message: 'bad gateway' }));
    const error = await waitForBulkJob(crm, { ...ref, initialDelayMs: 1, maxDelayMs: 2 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 502 });
    expect(server!.requests).toHaveLength(6);
  });

  test('ends at once on a failure that does not pass (a 404 for a job that does not exist)', async () => {
    const crm = await start((_req, res) => sendJson(res, 404, { message: 'No job 7' }));
    await expect(waitForBulkJob(crm, { ...ref, initialDelayMs: 1 })).rejects.toBeInstanceOf(NotFoundError);
    expect(server!.requests).toHaveLength(1);
  });

  test('a deadline met while checks fail is a TimeoutError whose cause is the last failure', async () => {
    const crm = await start((_req, res) => sendJson(res, 503, { message: 'down' }));
    const error = await waitForBulkJob(crm, { ...ref, timeoutMs: 100, initialDelayMs: 500 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toBe(
      'Bulk job 7 did not finish within 100 ms (0 status checks, last status unknown, the last check failed); it ' +
        'may still be running.',
    );
    expect((error as Error).cause).toBeInstanceOf(ServerError);
  });
});

test('a shutdown signal passed to every waitForBulkJob keeps nothing of the waits that ended', async () => {
  // On Node 20, AbortSignal.any([signal, …]) adds an entry to the signal's dependants that is never removed.
  const crm = await start((_req, res) => sendJson(res, 200, { id: '7', status: 'COMPLETED' }));
  const shutdown = new AbortController();
  for (let i = 0; i < 20; i += 1) await waitForBulkJob(crm, { ...ref, signal: shutdown.signal });
  const dependants = Object.getOwnPropertySymbols(shutdown.signal).find(
    (symbol) => symbol.description === 'kDependantSignals',
  );
  const kept = dependants && (shutdown.signal as unknown as Record<symbol, Set<unknown>>)[dependants];
  expect(kept?.size ?? 0).toBe(0);
  // Still followed while a wait runs: aborting it ends that wait with the signal's reason.
  const crmSlow = await start((_req, res) => sendJson(res, 200, { id: '7', status: 'RUNNING' }));
  const waiting = waitForBulkJob(crmSlow, { ...ref, signal: shutdown.signal, initialDelayMs: 1_000 });
  setTimeout(() => shutdown.abort(new Error('shutting down')), 50);
  await expect(waiting).rejects.toEqual(new Error('shutting down'));
});

describe('readBulkRecords on a download that is not records', () => {
  async function read(crm: CloudElementsClient, format?: 'csv') {
    const records: unknown[] = [];
    try {
      for await (const record of readBulkRecords(crm, { ...ref, objectName: 'contacts', format })) {
        records.push(record);
      }
    } catch (error) {
      return { records, error };
    }
    return { records, error: undefined };
  }

  test("a proxy's HTML page answered 200 is the answer's InvalidResponseError, quoting nothing of it", async () => {
    const crm = await start((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<html>Proxy error for ${echoed}</html>`);
    });
    const { records, error } = await read(crm);
    expect(records).toEqual([]);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ method: 'GET', path: '/hubs/crm/bulk/7/contacts', status: 200 });
    expect((error as Error).message).toMatch(/answered 200 with an HTML page instead of the job's records/);
    expect(shown(error)).not.toMatch(secrets);
  });

  test.each([
    [
      'an NDJSON line that is not JSON',
      undefined,
      `{"a":1}\nProxy error for ${echoed}\n`,
      /^Line 2 of the NDJSON/,
    ],
    ['a CSV row with text after a closing quote', 'csv' as const, `a\n"x"${echoed}\n`, /^Row 2 of the CSV/],
    ['a CSV header that names a column twice', 'csv' as const, `${echoed},${echoed}\n1,2\n`, /twice/],
  ])(
    "%s is the answer's InvalidResponseError, with the echoed secrets redacted",
    async (_name, format, text, said) => {
      const crm = await start((_req, res) => {
        res.writeHead(200, { 'content-type': format === 'csv' ? 'text/csv' : 'application/json' });
        res.end(text);
      });
      const { error } = await read(crm, format);
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect(error).toMatchObject({ method: 'GET', path: '/hubs/crm/bulk/7/contacts', status: 200 });
      expect((error as Error).message).toMatch(said);
      expect((error as Error).message).toContain('[REDACTED]');
      expect(shown(error)).not.toMatch(secrets);
    },
  );

  test('a one-column CSV keeps a record whose value is empty, written as a blank line', async () => {
    // What the emulator and many writers send for `select title from contacts` with an empty title in the middle.
    const crm = await start((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/csv' });
      res.end('title\r\nCEO\r\n\r\nCTO\r\n\r\n');
    });
    const { records, error } = await read(crm, 'csv');
    expect(error).toBeUndefined();
    expect(records).toEqual([{ title: 'CEO' }, { title: '' }, { title: 'CTO' }]);
  });
});

test('the errors about an answer name its request id, as every call error does', async () => {
  const crm = await start((req, res) => {
    const headers = { 'content-type': 'application/json', 'elements-request-id': 'req-123' };
    res.writeHead(200, headers);
    res.end(req.path.endsWith('/status') ? '[]' : req.method === 'POST' ? '{}' : 'not json\n');
  });
  const status = await getBulkJobStatus(crm, ref).catch((e: unknown) => e);
  const download = await readBulkRecords(crm, { ...ref, objectName: 'contacts' })
    .next()
    .catch((e: unknown) => e);
  for (const error of [status, download]) {
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({
      requestId: 'req-123',
      status: 200,
      attempts: 1,
      mayHaveReachedServer: true,
    });
  }
});

test('parseCsvRecords: blank lines are records only in a one-column CSV, and never at the end', async () => {
  const parse = async (text: string) => {
    const records: unknown[] = [];
    for await (const record of parseCsvRecords(new Blob([text]).stream())) records.push(record);
    return records;
  };
  expect(await parse('\na\n\n\nx\n\n')).toEqual([{ a: '' }, { a: '' }, { a: 'x' }]);
  expect(await parse('a,b\n\n1,2\n\n')).toEqual([{ a: '1', b: '2' }]);
  expect(await parse('a\n""\nx')).toEqual([{ a: '' }, { a: 'x' }]);
});
