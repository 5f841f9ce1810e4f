import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { downloadBulkResults, listBulkJobErrors, readBulkRecords } from '../../src/bulk/index.js';
import { uploadBulkRecords } from '../../src/bulk/index.js';
import { uploadBulkFile } from '../../src/node/index.js';
import {
  BULK_TERMINAL_STATUSES,
  BulkJobError,
  cancelBulkJob,
  getBulkJobStatus,
  isBulkJobFinished,
  startBulkQuery,
  waitForBulkJob,
} from '../../src/bulk/index.js';
import { ceql, formatBulkQuery } from '../../src/query/index.js';
import { createClient, type CloudElementsClient } from '../../src/client/index.js';
import {
  BadRequestError,
  CloudElementsError,
  InvalidResponseError,
  NotFoundError,
  TimeoutError,
} from '../../src/core/index.js';
import { sendJson, startServer, type TestHandler, type TestServer } from '../helpers/http-server.js';

const base = '/elements/api-v2';
let server: TestServer | undefined;
const ownServers: Server[] = [];
afterEach(async () => {
  await server?.close();
  server = undefined;
  for (const s of ownServers.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

function clientFor(origin: string): CloudElementsClient {
  return createClient({
    userSecret: 'user-secret',
    organizationSecret: 'org-secret',
    baseUrl: `${origin}${base}`,
    retry: false,
  }).forInstance('element-token');
}

async function start(handler: TestHandler): Promise<CloudElementsClient> {
  server = await startServer(handler);
  return clientFor(server.url);
}

/** Starts a node:http server whose handler sees the request stream unread (the shared helper reads it first). */
async function startRaw(
  handler: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>,
): Promise<string> {
  const raw = createServer((req, res) => {
    Promise.resolve(handler(req, res)).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { message: String(error) });
      else res.destroy();
    });
  });
  ownServers.push(raw);
  await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(raw.address() as AddressInfo).port}`;
}

/** Writes `total` chunks from `make`, waiting for `drain` so that the server never runs ahead of the socket. */
async function writeWithBackpressure(
  res: ServerResponse,
  total: number,
  make: (i: number) => string,
  onWrite?: (bytes: number) => void,
) {
  for (let i = 0; i < total; i++) {
    const chunk = make(i);
    onWrite?.(Buffer.byteLength(chunk));
    if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
  }
  res.end();
}

describe('bulk query jobs', () => {
  test('starts a query job with the CEQL query, dates and callback URL', async () => {
    const crm = await start((_req, res) => sendJson(res, 200, { id: '1235', status: 'CREATED' }));
    const job = await startBulkQuery(crm, {
      hub: 'crm',
      query: formatBulkQuery({ from: 'contacts', where: ceql`lastName = ${"O'Hara"}`, limit: 500 }),
      lastRunDate: new Date(Date.UTC(2018, 0, 15)),
      callbackUrl: 'https://app.example.com/bulk-done',
    });
    expect(job).toEqual({ id: '1235', status: 'CREATED' });
    const [request] = server!.requests;
    expect(request!.method).toBe('POST');
    expect(request!.path).toBe(`${base}/hubs/crm/bulk/query`);
    expect(request!.query).toEqual({
      q: "select * from contacts where lastName = 'O''Hara' limit 500",
      lastRunDate: '2018-01-15T00:00:00.000Z',
    });
    expect(request!.headers['elements-async-callback-url']).toBe('https://app.example.com/bulk-done');
    expect(request!.headers.authorization).toMatch(/Element element-token$/);
  });

  test('sends orderBy as the separate orderby parameter, and continues a job without a query', async () => {
    const crm = await start((_req, res) => sendJson(res, 200, { id: '1236', status: 'CREATED' }));
    await startBulkQuery(crm, { hub: 'crm', query: 'select * from contacts', orderBy: 'createdDate' });
    await startBulkQuery(crm, { hub: 'crm', continueFromJobId: '1235' });
    // The id as the job's answer gave it, a number in some (BulkJob.id is either).
    await startBulkQuery(crm, { hub: 'crm', continueFromJobId: 1237 });
    expect(server!.requests.map((r) => r.query)).toEqual([
      { q: 'select * from contacts', orderby: 'createdDate' },
      { continueFromJobId: '1235' },
      { continueFromJobId: '1237' },
    ]);
  });

  test('throws the API error for a query it cannot parse', async () => {
    const crm = await start((_req, res) => sendJson(res, 400, { message: 'Error parsing query: selec' }));
    const error = await startBulkQuery(crm, { hub: 'crm', query: 'selec * from contacts' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BadRequestError);
    expect(String(error)).toMatch(/Error parsing query/);
  });

  test('refuses an empty query, a missing hub and a bad callback URL before calling', async () => {
    const crm = await start((_req, res) => sendJson(res, 200, {}));
    await expect(startBulkQuery(crm, { hub: 'crm', query: '' })).rejects.toThrow(
      /query must be a non-empty string/,
    );
    await expect(startBulkQuery(crm, { hub: '', query: 'select * from x' })).rejects.toThrow(/hub/);
    await expect(
      startBulkQuery(crm, { hub: 'crm', query: 'select * from x', callbackUrl: 'ftp://x' }),
    ).rejects.toThrow(/callbackUrl/);
    expect(server!.requests).toHaveLength(0);
  });
});

describe('waitForBulkJob', () => {
  function serveStatuses(statuses: (string | undefined)[], extra: Record<string, unknown> = {}): TestHandler {
    return (_req, res, index) => {
      const status = statuses[Math.min(index, statuses.length - 1)];
      if (status === undefined) return; // never answers
      sendJson(res, 200, { id: 'job-1', status, ...extra });
    };
  }

  test.each([
    ['null', 'null'],
    ['no body', ''],
  ])('refuses a status check that answers %s with InvalidResponseError', async (_name, text) => {
    const crm = await start((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(text.length) });
      res.end(text);
    });
    const error = await waitForBulkJob(crm, { hub: 'crm', jobId: '7', timeoutMs: 5_000 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InvalidResponseError);
    // unwrap's own words: a GET read as JSON that got nothing is refused before it is looked at as a report.
    expect((error as Error).message).toMatch(
      /^GET \/hubs\/crm\/bulk\/7\/status answered 200 with (null|no body) where the JSON the operation gives was due/,
    );
  });

  test('polls with growing delays until the job completes', async () => {
    const crm = await start(
      serveStatuses(['CREATED', 'IN_PROGRESS', 'IN_PROGRESS', 'COMPLETED'], { recordsCount: 9 }),
    );
    const seen: string[] = [];
    const report = await waitForBulkJob(crm, {
      hub: 'crm',
      jobId: 'job-1',
      initialDelayMs: 20,
      maxDelayMs: 60,
      onStatus: (r) => seen.push(String(r.status)),
    });
    expect(report).toEqual({ id: 'job-1', status: 'COMPLETED', recordsCount: 9 });
    expect(seen).toEqual(['CREATED', 'IN_PROGRESS', 'IN_PROGRESS', 'COMPLETED']);
    expect(server!.requests.map((r) => r.path)).toEqual(Array(4).fill(`${base}/hubs/crm/bulk/job-1/status`));
  });

  test('accepts COMPLETE, the bulk guide spelling, in any case', async () => {
    const crm = await start(serveStatuses(['complete']));
    await expect(waitForBulkJob(crm, { hub: 'crm', jobId: 'job-1' })).resolves.toMatchObject({
      status: 'complete',
    });
  });

  test.each(['FAILED', 'CANCELLED', 'ABORTED'])(
    'throws BulkJobError when the job ends %s',
    async (status) => {
      const crm = await start(serveStatuses(['CREATED', status], { message: 'provider said no' }));
      const error = await waitForBulkJob(crm, { hub: 'crm', jobId: 'job-1', initialDelayMs: 1 }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(BulkJobError);
      expect(error).toBeInstanceOf(CloudElementsError);
      expect(error).toMatchObject({
        jobId: 'job-1',
        jobStatus: status,
        job: { status, message: 'provider said no' },
      });
      expect(String(error)).toMatch(new RegExp(`ended with status ${status}: provider said no`));
    },
  );

  test('knows every terminal status', () => {
    expect(BULK_TERMINAL_STATUSES).toEqual(['COMPLETED', 'COMPLETE', 'FAILED', 'CANCELLED', 'ABORTED']);
    expect(['COMPLETED', 'complete', 'Failed', 'CANCELLED', 'ABORTED'].every(isBulkJobFinished)).toBe(true);
    expect(['CREATED', 'IN_PROGRESS', 'QUEUED', undefined].some(isBulkJobFinished)).toBe(false);
  });

  test('gives up with TimeoutError after timeoutMs, also while a status call hangs', async () => {
    const crm = await start(serveStatuses(['CREATED']));
    const error = await waitForBulkJob(crm, {
      hub: 'crm',
      jobId: 'job-1',
      timeoutMs: 150,
      initialDelayMs: 10,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(String(error)).toMatch(/did not finish within 150 ms .*last status CREATED/);
    await server!.close();

    const hanging = await start(serveStatuses([undefined]));
    const hung = await waitForBulkJob(hanging, { hub: 'crm', jobId: 'job-1', timeoutMs: 100 }).catch(
      (e: unknown) => e,
    );
    expect(hung).toBeInstanceOf(TimeoutError);
    expect(String(hung)).toMatch(/last status unknown/);
  });

  test('stops when the signal aborts', async () => {
    const crm = await start(serveStatuses(['CREATED']));
    const controller = new AbortController();
    const waiting = waitForBulkJob(crm, {
      hub: 'crm',
      jobId: 'job-1',
      initialDelayMs: 10_000,
      signal: controller.signal,
      onStatus: () => controller.abort(new Error('user stopped')),
    });
    await expect(waiting).rejects.toThrow('user stopped');
    expect(server!.requests).toHaveLength(1);
  });

  test('throws the API error when the status call fails', async () => {
    const crm = await start((_req, res) => sendJson(res, 404, { message: 'No job found with id job-1' }));
    await expect(waitForBulkJob(crm, { hub: 'crm', jobId: 'job-1' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getBulkJobStatus(crm, { hub: 'crm', jobId: 'job-1' })).rejects.toThrow(/No job found/);
  });

  test('rejects bad timing options', async () => {
    const crm = await start(serveStatuses(['COMPLETED']));
    await expect(waitForBulkJob(crm, { hub: 'crm', jobId: 'j', timeoutMs: 0 })).rejects.toThrow(/timeoutMs/);
    await expect(waitForBulkJob(crm, { hub: 'crm', jobId: 'j', initialDelayMs: -1 })).rejects.toThrow(
      /initialDelayMs/,
    );
    await expect(waitForBulkJob(crm, { hub: 'crm', jobId: '' })).rejects.toThrow(/jobId/);
    // A timer cannot hold more than 2^31-1 ms: such a limit is refused instead of firing at once.
    await expect(waitForBulkJob(crm, { hub: 'crm', jobId: 'j', timeoutMs: 2 ** 31 })).rejects.toThrow(
      /timeoutMs must be at most 2147483647 ms/,
    );
    expect(server!.requests).toHaveLength(0);
  });

  test('waits between checks even when a delay is longer than a timer can hold', async () => {
    const crm = await start(serveStatuses(['CREATED']));
    const error = await waitForBulkJob(crm, {
      hub: 'crm',
      jobId: 'job-1',
      timeoutMs: 300,
      initialDelayMs: 2 ** 32,
      maxDelayMs: Infinity,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    // One check, then a wait that outlasts the deadline (before, the over-long timer fired at once, every 1 ms).
    expect(server!.requests).toHaveLength(1);
  });
});

describe('a bulk download job from start to records', () => {
  const recordCount = 200_000;
  const line = (i: number) =>
    `${JSON.stringify({ id: `c-${i}`, email: `person${i}@example.com`, n: i, note: 'x'.repeat(80) })}\n`;

  test('moves through its statuses and streams a large NDJSON download as parsed records', async () => {
    let polls = 0;
    let written = 0;
    let maxAhead = 0;
    let consumed = 0;
    const crm = await start(async (req, res) => {
      if (req.method === 'POST') return sendJson(res, 200, { id: 'job-9', status: 'CREATED' });
      if (req.path.endsWith('/status')) {
        polls += 1;
        return sendJson(res, 200, {
          id: 'job-9',
          status: ['CREATED', 'IN_PROGRESS', 'COMPLETED'][Math.min(polls - 1, 2)],
        });
      }
      expect(req.headers.accept).toBe('application/json');
      res.writeHead(200, { 'content-type': 'application/json' });
      // 200 records per write, about 25 MB in all.
      await writeWithBackpressure(
        res,
        recordCount / 200,
        (chunk) => Array.from({ length: 200 }, (_, k) => line(chunk * 200 + k)).join(''),
        (bytes) => {
          written += bytes;
          maxAhead = Math.max(maxAhead, written - consumed);
        },
      );
    });
    const job = await startBulkQuery(crm, { hub: 'crm', query: formatBulkQuery({ from: 'contacts' }) });
    await waitForBulkJob(crm, { hub: 'crm', jobId: job.id, initialDelayMs: 5 });
    expect(polls).toBe(3);
    let count = 0;
    let sum = 0;
    for await (const record of readBulkRecords(crm, { hub: 'crm', jobId: job.id, objectName: 'contacts' })) {
      expect(record['id']).toBe(`c-${count}`);
      sum += record['n'] as number;
      count += 1;
      consumed += line(count - 1).length;
    }
    expect(count).toBe(recordCount);
    expect(sum).toBe((recordCount * (recordCount - 1)) / 2);
    expect(written).toBeGreaterThan(25_000_000);
    // The server could only write ahead of the parser by what the socket and stream buffers hold: the download
    // was consumed as it arrived, never collected first (that would let the server finish before record 1).
    expect(maxAhead).toBeLessThan(written / 2);
    expect(server!.requests.at(-1)!.path).toBe(`${base}/hubs/crm/bulk/job-9/contacts`);
  });

  test('streams CSV with quotes, commas and line breaks as records', async () => {
    const crm = await start(async (req, res) => {
      expect(req.headers.accept).toBe('text/csv');
      res.writeHead(200, { 'content-type': 'text/csv' });
      res.write('id,name,notes\r\n');
      await writeWithBackpressure(res, 20_000, (i) => `${i},"Smith, ""Al"" ${i}","line one\r\nline two"\r\n`);
    });
    let count = 0;
    for await (const record of readBulkRecords(crm, {
      hub: 'crm',
      jobId: 'j',
      objectName: 'contacts',
      format: 'csv',
    })) {
      expect(record).toEqual({
        id: String(count),
        name: `Smith, "Al" ${count}`,
        notes: 'line one\r\nline two',
      });
      count += 1;
    }
    expect(count).toBe(20_000);
  });

  test('gives the raw byte stream for piping to a file', async () => {
    const crm = await start((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/csv' });
      res.end('id\n1\n2\n');
    });
    const stream = await downloadBulkResults(crm, {
      hub: 'crm',
      jobId: 'j',
      objectName: 'contacts',
      format: 'csv',
    });
    expect(await new Response(stream).text()).toBe('id\n1\n2\n');
  });

  test("asks for the provider's own values with convertToNativeType: false", async () => {
    const crm = await start((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id":"1","score":"42"}\n');
    });
    const records: unknown[] = [];
    const options = { hub: 'crm', jobId: 'j', objectName: 'contacts', convertToNativeType: false };
    for await (const record of readBulkRecords(crm, options)) records.push(record);
    expect(records).toEqual([{ id: '1', score: '42' }]);
    expect(server!.requests[0]!.query).toEqual({ json: '{"convertToNativeType":"false"}' });
    await expect(
      downloadBulkResults(crm, { ...options, convertToNativeType: 'false' as never }),
    ).rejects.toThrow(/convertToNativeType must be true or false/);
  });

  test('throws the API error when the download is refused', async () => {
    const crm = await start((_req, res) =>
      sendJson(res, 406, { message: 'Could not find acceptable representation' }),
    );
    await expect(
      readBulkRecords(crm, { hub: 'crm', jobId: 'j', objectName: 'contacts' }).next(),
    ).rejects.toBeInstanceOf(CloudElementsError);
  });
});

describe('bulk job errors and cancel', () => {
  test('reads a job’s failed records across pages', async () => {
    const failures = Array.from({ length: 37 }, (_, i) => ({ row: i + 1, error: 'INVALID_EMAIL' }));
    const crm = await start((req, res) => {
      const offset = req.query['nextPage'] ? Number(req.query['nextPage']) : 0;
      const size = Number(req.query['pageSize']);
      const page = failures.slice(offset, offset + size);
      const headers: Record<string, string> = { 'Elements-Returned-Count': String(page.length) };
      if (offset + size < failures.length) headers['Elements-Next-Page-Token'] = String(offset + size);
      sendJson(res, 200, page, headers);
    });
    const read: unknown[] = [];
    for await (const failure of listBulkJobErrors(crm, { hub: 'crm', jobId: 'job-3', pageSize: 30 }))
      read.push(failure);
    expect(read).toEqual(failures);
    expect(server!.requests.map((r) => r.url)).toEqual([
      `${base}/hubs/crm/bulk/job-3/errors?pageSize=30`,
      `${base}/hubs/crm/bulk/job-3/errors?pageSize=30&nextPage=30`,
    ]);
  });

  test('cancels a job, which then reads CANCELLED', async () => {
    let cancelled = false;
    const crm = await start((req, res) => {
      if (req.method === 'PUT') {
        cancelled = true;
        res.writeHead(200).end();
        return;
      }
      sendJson(res, 200, { id: 'job-4', status: cancelled ? 'CANCELLED' : 'CREATED' });
    });
    await cancelBulkJob(crm, { hub: 'crm', jobId: 'job-4' });
    expect(server!.requests[0]).toMatchObject({ method: 'PUT', path: `${base}/hubs/crm/bulk/job-4/cancel` });
    await expect(waitForBulkJob(crm, { hub: 'crm', jobId: 'job-4' })).rejects.toMatchObject({
      jobStatus: 'CANCELLED',
    });
  });

  test('throws the API error when cancel fails', async () => {
    const crm = await start((_req, res) => sendJson(res, 404, { message: 'No job found' }));
    await expect(cancelBulkJob(crm, { hub: 'crm', jobId: 'nope' })).rejects.toBeInstanceOf(NotFoundError);
  });
});

type ReceivedUpload = {
  contentType: string;
  callbackUrl: string | undefined;
  metaData: unknown;
  fileHeaders: string;
  fileBytes: number;
  fileSha256: string;
  fileText?: string;
};

/**
 * A bulk upload endpoint that parses the multipart body as it arrives: the text parts, then the file part, hashed
 * incrementally (only a small tail is held back, to strip the closing boundary).
 */
async function startUploadServer(
  onReceived: (bytes: number) => void = () => undefined,
  keepText = false,
): Promise<{ origin: string; uploads: ReceivedUpload[] }> {
  const uploads: ReceivedUpload[] = [];
  const origin = await startRaw(async (req, res) => {
    const contentType = req.headers['content-type'] ?? '';
    const boundary = /boundary=(.+)$/.exec(contentType)?.[1];
    if (!boundary) return sendJson(res, 415, { message: 'multipart expected' });
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const fileMarker = Buffer.from('name="file"');
    let head = Buffer.alloc(0);
    let held = Buffer.alloc(0);
    let inFile = false;
    let fileHeaders = '';
    let fileBytes = 0;
    const hash = createHash('sha256');
    const textParts: Buffer[] = [];
    const take = (bytes: Buffer) => {
      // Hold back the closing boundary's length; everything before it is file content.
      held = Buffer.concat([held, bytes]);
      if (held.length > tail.length) {
        const content = held.subarray(0, held.length - tail.length);
        hash.update(content);
        if (keepText) textParts.push(Buffer.from(content));
        fileBytes += content.length;
        held = Buffer.from(held.subarray(held.length - tail.length));
      }
    };
    for await (const chunk of req) {
      onReceived((chunk as Buffer).length);
      if (inFile) {
        take(chunk as Buffer);
        continue;
      }
      head = Buffer.concat([head, chunk as Buffer]);
      const marker = head.indexOf(fileMarker);
      const headerEnd = marker === -1 ? -1 : head.indexOf('\r\n\r\n', marker);
      if (headerEnd !== -1) {
        inFile = true;
        const partStart = head.lastIndexOf(`--${boundary}`, marker);
        fileHeaders = head.subarray(partStart, headerEnd).toString();
        const before = head.subarray(0, partStart).toString();
        const metaJson = /name="metaData"\r\nContent-Type: application\/json\r\n\r\n(.*)\r\n$/s.exec(
          before,
        )?.[1];
        uploads.push({
          contentType,
          callbackUrl: req.headers['elements-async-callback-url'] as string | undefined,
          metaData: metaJson === undefined ? undefined : JSON.parse(metaJson),
          fileHeaders,
          fileBytes: 0,
          fileSha256: '',
        });
        take(head.subarray(headerEnd + 4));
        head = Buffer.alloc(0);
      }
    }
    const upload = uploads.at(-1)!;
    expect(held.equals(tail)).toBe(true);
    upload.fileBytes = fileBytes;
    upload.fileSha256 = hash.digest('hex');
    if (keepText) upload.fileText = Buffer.concat(textParts).toString();
    sendJson(res, 200, { id: `upload-${uploads.length}`, status: 'CREATED' });
  });
  return { origin, uploads };
}

describe('uploadBulkRecords', () => {
  test.each([
    ['an async generator stalled in a read, with idleTimeoutMs', 'generator', 'idle'],
    ['a ReadableStream stalled in a pull, with idleTimeoutMs', 'stream', 'idle'],
    ['an async generator stalled in a read, with a signal that aborts', 'generator', 'signal'],
  ] as const)('settles when the source stalls: %s', async (_name, kind, stop) => {
    const client = await start((_req, res) => sendJson(res, 200, { id: 'job-1' }));
    async function* stuckCursor() {
      yield 'a,b\n';
      await new Promise(() => {}); // e.g. a database cursor that hangs
    }
    const stuckStream = new ReadableStream<Uint8Array>({
      start: (controller) => controller.enqueue(new TextEncoder().encode('a,b\n')),
      pull: () => new Promise(() => {}),
    });
    const started = performance.now();
    const error = await uploadBulkRecords(client, {
      hub: 'crm',
      objectName: 'contacts',
      file: kind === 'generator' ? stuckCursor() : stuckStream,
      ...(stop === 'idle' ? { idleTimeoutMs: 300 } : { signal: AbortSignal.timeout(300) }),
    }).catch((e: unknown) => e);
    // The SDK's TimeoutError for the idle limit, the signal's own reason (also named TimeoutError) for the abort.
    expect((error as Error).name).toBe('TimeoutError');
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  test('streams a large upload that arrives intact while the client never holds it whole', async () => {
    const chunkBytes = 64 * 1024;
    const chunks = 1024; // 64 MiB
    let produced = 0;
    let received = 0;
    let maxAhead = 0;
    const { origin, uploads } = await startUploadServer((bytes) => {
      received += bytes;
    });
    const expected = createHash('sha256');
    async function* csv() {
      for (let i = 0; i < chunks; i++) {
        // Each chunk is made on demand and dropped once sent.
        const chunk = Buffer.alloc(chunkBytes, `${i % 10},row ${i},"quoted, text"\n`);
        expected.update(chunk);
        produced += chunk.length;
        maxAhead = Math.max(maxAhead, produced - received);
        yield chunk;
      }
    }
    const job = await uploadBulkRecords(clientFor(origin), {
      hub: 'crm',
      objectName: 'contacts',
      file: csv(),
      fileName: 'contacts.csv',
      identifierFieldName: 'email',
      metaData: { action: 'upsert' },
      callbackUrl: 'https://app.example.com/bulk-done',
    });
    expect(job).toEqual({ id: 'upload-1', status: 'CREATED' });
    const [upload] = uploads;
    expect(upload!.fileBytes).toBe(chunkBytes * chunks);
    expect(upload!.fileSha256).toBe(expected.digest('hex'));
    expect(upload!.metaData).toEqual({ action: 'upsert', identifierFieldName: 'email' });
    expect(upload!.callbackUrl).toBe('https://app.example.com/bulk-done');
    expect(upload!.contentType).toMatch(/^multipart\/form-data; boundary=----CloudElementsSdk[0-9a-f]{32}$/);
    expect(upload!.fileHeaders).toContain(
      'Content-Disposition: form-data; name="file"; filename="contacts.csv"',
    );
    expect(upload!.fileHeaders).toContain('Content-Type: text/csv');
    // The generator was never more than a few socket buffers ahead of the server: a client that collected the
    // file before sending would have produced all 64 MiB before the server received a byte.
    expect(maxAhead).toBeLessThan((chunkBytes * chunks) / 4);
  });

  test('refuses redirects, so that Node’s fetch keeps no copy of the sent chunks', async () => {
    // Node's fetch holds every chunk of a streamed body while a redirect could still replay it
    // (nodejs/undici#4058); bench/bulk-memory.bench.ts shows the memory this saves.
    const modes: string[] = [];
    const { origin, uploads } = await startUploadServer();
    const crm = createClient({
      userSecret: 'user-secret',
      baseUrl: `${origin}${base}`,
      fetch: (request) => {
        modes.push(request.redirect);
        return fetch(request);
      },
    }).forInstance('element-token');
    await uploadBulkRecords(crm, { hub: 'crm', objectName: 'contacts', file: new Blob(['email\n']) });
    expect(modes).toEqual(['error']);
    expect(uploads).toHaveLength(1);

    const moved = await start((_req, res) => {
      res.writeHead(307, { location: '/elsewhere' }).end();
    });
    const error = await uploadBulkRecords(moved, {
      hub: 'crm',
      objectName: 'c',
      file: new Blob(['email\n']),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CloudElementsError);
    expect(String(error)).toMatch(/answered with a redirect, which a streamed upload cannot follow/);
  });

  test('uploads a file from a path, with its name', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ce-bulk-'));
    try {
      const path = join(dir, 'leads.csv');
      const text =
        'email,name\n' +
        Array.from({ length: 50_000 }, (_, i) => `p${i}@example.com,"Name, ${i}"`).join('\n');
      await writeFile(path, text);
      const { origin, uploads } = await startUploadServer(undefined, true);
      await uploadBulkFile(clientFor(origin), { hub: 'marketing', objectName: 'leads', path });
      expect(uploads[0]!.fileText).toBe(text);
      expect(uploads[0]!.fileHeaders).toContain('filename="leads.csv"');
      expect(uploads[0]!.metaData).toEqual({});
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('uploads a Blob, a ReadableStream and bytes', async () => {
    const { origin, uploads } = await startUploadServer(undefined, true);
    const crm = clientFor(origin);
    await uploadBulkRecords(crm, {
      hub: 'crm',
      objectName: 'contacts',
      file: new File(['{"email":"a@example.com"}\n'], 'contacts.ndjson'),
    });
    const encoder = new TextEncoder();
    await uploadBulkRecords(crm, {
      hub: 'crm',
      objectName: 'contacts',
      file: new ReadableStream({
        start(controller) {
          controller.enqueue(encoder.encode('email\n'));
          controller.enqueue(encoder.encode('b@example.com\n'));
          controller.close();
        },
      }),
    });
    await uploadBulkRecords(crm, {
      hub: 'crm',
      objectName: 'contacts',
      file: encoder.encode('email\nc@example.com\n'),
    });
    expect(uploads.map((u) => u.fileText)).toEqual([
      '{"email":"a@example.com"}\n',
      'email\nb@example.com\n',
      'email\nc@example.com\n',
    ]);
    expect(uploads[0]!.fileHeaders).toContain('filename="contacts.ndjson"');
    expect(uploads[0]!.fileHeaders).toContain('Content-Type: application/json');
    expect(uploads[0]!.metaData).toEqual({ format: 'json' });
    expect(uploads[1]!.fileHeaders).toContain('filename="records.csv"');
  });

  test('sends record objects as one JSON object per line', async () => {
    const { origin, uploads } = await startUploadServer(undefined, true);
    async function* records() {
      yield { email: 'a@example.com', name: 'Ada' };
      yield { email: 'b@example.com', name: 'Bob "the" builder' };
    }
    await uploadBulkRecords(clientFor(origin), { hub: 'crm', objectName: 'contacts', file: records() });
    expect(uploads[0]!.fileText).toBe(
      '{"email":"a@example.com","name":"Ada"}\n{"email":"b@example.com","name":"Bob \\"the\\" builder"}\n',
    );
    expect(uploads[0]!.metaData).toEqual({ format: 'json' });
    await uploadBulkRecords(clientFor(origin), {
      hub: 'crm',
      objectName: 'contacts',
      file: [{ id: 1 }, { id: 2 }],
    });
    expect(uploads[1]!.fileText).toBe('{"id":1}\n{"id":2}\n');
  });

  test('surfaces an error of the source instead of a network error', async () => {
    const { origin } = await startUploadServer();
    async function* broken() {
      yield 'email\n';
      throw new Error('disk on fire');
    }
    await expect(
      uploadBulkRecords(clientFor(origin), { hub: 'crm', objectName: 'c', file: broken() }),
    ).rejects.toThrow('disk on fire');
  });

  test('refuses a source that mixes record objects with text or bytes', async () => {
    const crm = await start((_req, res) => sendJson(res, 200, {}));
    async function* recordsThenText() {
      yield { id: 1 };
      yield 'id\n';
    }
    await expect(
      uploadBulkRecords(crm, { hub: 'crm', objectName: 'c', file: recordsThenText() }),
    ).rejects.toThrow(
      /yielded string after record objects; yield only bytes or text, or only record objects/,
    );
    await expect(
      uploadBulkRecords(crm, { hub: 'crm', objectName: 'c', file: ['id\n', { id: 1 }] as never }),
    ).rejects.toThrow(/yielded object; yield only bytes or text/);
  });

  test('throws the API error when the upload is refused', async () => {
    const crm = await start((_req, res) =>
      sendJson(res, 415, { message: "Content type 'text/plain' not supported" }),
    );
    const error = await uploadBulkFile(crm, {
      hub: 'crm',
      objectName: 'contacts',
      path: 'x',
    }).catch((e: unknown) => e);
    // A path that does not exist is refused before any request.
    expect(error).toBeInstanceOf(TypeError);
    expect(String(error)).toMatch(/Cannot upload "x": ENOENT/);
    expect(server!.requests).toHaveLength(0);
    await expect(
      uploadBulkRecords(crm, { hub: 'crm', objectName: 'contacts', file: new Blob(['email\n']) }),
    ).rejects.toThrow(/not supported/);
  });

  test('rejects unusable sources and options', async () => {
    const crm = await start((_req, res) => sendJson(res, 200, {}));
    await expect(uploadBulkRecords(crm, { hub: 'crm', objectName: 'c', file: 42 as never })).rejects.toThrow(
      /file must be a Blob, a ReadableStream/,
    );
    await expect(
      uploadBulkRecords(crm, { hub: 'crm', objectName: 'c', file: 'a.csv' as never }),
    ).rejects.toThrow(/uploadBulkFile from 'cloud-elements-sdk\/node'/);
    await expect(
      uploadBulkRecords(crm, { hub: 'crm', objectName: '', file: new Blob(['x']) }),
    ).rejects.toThrow(/objectName/);
    await expect(
      uploadBulkRecords(crm, { hub: 'crm', objectName: 'c', file: new Blob(['x']), format: 'xml' as never }),
    ).rejects.toThrow(/format must be 'csv' or 'json'/);
    await expect(
      uploadBulkRecords(crm, { hub: 'crm', objectName: 'c', file: new Blob(['x']), fileName: 7 as never }),
    ).rejects.toThrow('[cloud-elements] fileName must be a non-empty string, got number.');
    expect(server!.requests).toHaveLength(0);
  });
});
