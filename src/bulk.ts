/**
 * Bulk jobs: start a query (download) job, upload records as a streamed multipart body, wait for a job with
 * backoff, download the results as a stream or as parsed records, read a job's errors, cancel a job.
 */
import type { Client } from 'openapi-fetch';
import type { components, paths } from '../generated/schema.js';
import { parseCsvRecords, parseNdjson, type ByteSource } from './bulk-formats.js';
import { isCeqlFragment, type CeqlFragment } from './ceql.js';
import { unwrap } from './client.js';
import { CloudElementsError, TimeoutError } from './errors.js';
import { createBoundary, createMultipartStream } from './internal/multipart.js';
import { paginate } from './pagination.js';

/** A bulk job as created (`{ id, status }`). */
export type BulkJob = components['schemas']['BulkJob'];
/** Status of a bulk job as `GET /hubs/{hub}/bulk/{id}/status` reports it. */
export type BulkJobStatusReport = components['schemas']['BulkJobStatusReport'];
/** One failed record of a bulk job. */
export type BulkJobErrorRecord = components['schemas']['BulkJobError'];
/** Options of a bulk upload, sent as the `metaData` part. */
export type BulkUploadMetaData = components['schemas']['BulkUploadMetaData'];

/** A client that can call the bulk paths: the Cloud Elements client, usually `client.forInstance(token)`. */
export type BulkClient = Client<paths>;

/** Which job: the hub in the path (`crm`, `marketing`, …; Cloud Elements ignores it but it is required) and its id. */
export type BulkJobRef = {
  /** Hub segment of the path, e.g. `crm`. */
  hub: string;
  /** The job's `id`. */
  jobId: string;
  /** Aborts the call. */
  signal?: AbortSignal;
};

/** Statuses after which a job does not change any more. */
export const BULK_TERMINAL_STATUSES: readonly string[] = Object.freeze([
  'COMPLETED',
  'COMPLETE',
  'FAILED',
  'CANCELLED',
  'ABORTED',
]);
const successStatuses = new Set(['COMPLETED', 'COMPLETE']);

/** Whether a job status is final: `COMPLETED`/`COMPLETE` (success), `FAILED`, `CANCELLED` or `ABORTED`. */
export function isBulkJobFinished(status: string | undefined): boolean {
  return status !== undefined && BULK_TERMINAL_STATUSES.includes(status.toUpperCase());
}

/** A bulk job ended without completing (`FAILED`, `CANCELLED`, `ABORTED`). */
export class BulkJobError extends CloudElementsError {
  override name = 'BulkJobError';
  /** The job's id. */
  readonly jobId: string;
  /** The final status, e.g. `FAILED`. */
  readonly jobStatus: string;
  /** The last status report. */
  readonly job: BulkJobStatusReport;

  constructor(message: string, options: { jobId: string; job: BulkJobStatusReport }) {
    super(message);
    this.jobId = options.jobId;
    this.job = options.job;
    this.jobStatus = String(options.job.status);
  }
}

const prefix = '[cloud-elements]';

function checkText(name: string, value: unknown): asserts value is string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new TypeError(
      `${prefix} ${name} must be a non-empty string, got ${value === '' ? 'an empty string' : typeof value}.`,
    );
  }
}

function checkRef(ref: BulkJobRef): void {
  if (ref === null || typeof ref !== 'object') {
    throw new TypeError(`${prefix} Pass the job as { hub: 'crm', jobId: '1234' }.`);
  }
  checkText('hub', ref.hub);
  checkText('jobId', ref.jobId);
}

// Throws the typed error of a failed call; returns the data of a successful one.
async function dataOf<T>(result: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  return (await unwrap(result)) as T;
}

function callbackHeader(callbackUrl: string | undefined): Record<string, string> | undefined {
  if (callbackUrl === undefined) return undefined;
  try {
    const url = new URL(callbackUrl);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('not http(s)');
  } catch {
    throw new TypeError(
      `${prefix} callbackUrl must be an absolute http(s) URL such as https://example.com/bulk-done.`,
    );
  }
  return { 'Elements-Async-Callback-Url': callbackUrl };
}

/** Options of {@link startBulkQuery}. */
export type StartBulkQueryOptions = {
  /** Hub segment of the path, e.g. `crm`. */
  hub: string;
  /** The query: `formatBulkQuery(…)`, a `ceql` fragment, or your own `select … from …` text. */
  query: CeqlFragment | string;
  /** URL Cloud Elements POSTs to when the job ends (`Elements-Async-Callback-Url`). */
  callbackUrl?: string;
  /** Only records changed since then (elements with incremental downloads). */
  lastRunDate?: Date | string;
  /** Start of a date range, where the element supports one. */
  from?: Date | string;
  /** End of a date range, where the element supports one. */
  to?: Date | string;
  /** Continue a `limit`ed job (Marketo). */
  continueFromJobId?: string;
  /** Aborts the call. */
  signal?: AbortSignal;
};

const isoDate = (value: Date | string) => (value instanceof Date ? value.toISOString() : value);

/**
 * Starts a bulk download job: `POST /hubs/{hub}/bulk/query?q=…`.
 *
 * @throws {CloudElementsError} (the subclass for the status), e.g. `BadRequestError` with `Error parsing query`.
 * @example
 * const job = await startBulkQuery(crm, { hub: 'crm', query: formatBulkQuery({ from: 'contacts', where: ceql`lastName = ${name}` }) });
 */
export async function startBulkQuery(client: BulkClient, options: StartBulkQueryOptions): Promise<BulkJob> {
  checkText('hub', options?.hub);
  const q = isCeqlFragment(options.query) ? options.query.text : options.query;
  if (options.continueFromJobId === undefined) checkText('query', q);
  const query: NonNullable<paths['/hubs/{hub}/bulk/query']['post']['parameters']['query']> = {};
  if (q !== undefined && q !== '') query.q = q;
  if (options.lastRunDate !== undefined) query.lastRunDate = isoDate(options.lastRunDate);
  if (options.from !== undefined) query.from = isoDate(options.from);
  if (options.to !== undefined) query.to = isoDate(options.to);
  if (options.continueFromJobId !== undefined) query.continueFromJobId = options.continueFromJobId;
  const headers = callbackHeader(options.callbackUrl);
  return dataOf(
    client.POST('/hubs/{hub}/bulk/query', {
      params: { path: { hub: options.hub }, query },
      ...(headers ? { headers } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    }),
  );
}

/** What {@link uploadBulkRecords} can read records from. */
export type BulkUploadSource =
  /** A file path (Node only), read as a stream. */
  | string
  /** A `Blob` or `File`, read with `blob.stream()`. */
  | Blob
  /** A web byte stream. */
  | ReadableStream<Uint8Array>
  /** Bytes already in memory (small files). */
  | Uint8Array
  | ArrayBuffer
  /** Bytes or text chunks, or record objects (sent as one JSON object per line). */
  | AsyncIterable<Uint8Array | string | Record<string, unknown>>
  | Iterable<Record<string, unknown>>;

/** Options of {@link uploadBulkRecords}. */
export type UploadBulkRecordsOptions = {
  /** Hub segment of the path, e.g. `crm`. */
  hub: string;
  /** Object to upload into, e.g. `contacts`. */
  objectName: string;
  /** The records. The file is streamed: it is never held in memory whole. */
  file: BulkUploadSource;
  /**
   * `csv` or `json` (one object per line). Record objects are always sent as `json`.
   *
   * @default from the file name (`.json`, `.ndjson`, `.jsonl` → `json`), else `csv`
   */
  format?: 'csv' | 'json';
  /**
   * Name of the file part.
   *
   * @default the path's base name, the `File`'s name, or `records.csv` / `records.json`
   */
  fileName?: string;
  /** Field that matches existing records for updates and upserts (`metaData.identifierFieldName`). */
  identifierFieldName?: string;
  /** Other upload options (`action`, `primaryKeyName`, …), sent as the JSON `metaData` part. */
  metaData?: BulkUploadMetaData;
  /** URL Cloud Elements POSTs to when the job ends (`Elements-Async-Callback-Url`). */
  callbackUrl?: string;
  /** Aborts the upload. */
  signal?: AbortSignal;
};

const encoder = new TextEncoder();

type Chunk = Uint8Array | string | Record<string, unknown>;

function isIterable(value: unknown): value is AsyncIterable<Chunk> | Iterable<Chunk> {
  return (
    value !== null &&
    typeof value === 'object' &&
    (Symbol.asyncIterator in value || Symbol.iterator in (value as object))
  );
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

/** Opens the source as an async iterator of raw chunks (bytes, text or record objects). */
async function openSource(
  file: BulkUploadSource,
): Promise<{ chunks: AsyncIterator<Chunk>; fileName?: string }> {
  if (typeof file === 'string') {
    const fs = await import('node:fs');
    try {
      const stats = await fs.promises.stat(file);
      if (!stats.isFile()) throw new Error('not a regular file');
    } catch (error) {
      throw new TypeError(
        `${prefix} Cannot upload ${file}: ${(error as Error).message}. Pass the path of a readable file.`,
        {
          cause: error,
        },
      );
    }
    const stream = fs.createReadStream(file, { highWaterMark: 256 * 1024 });
    return {
      chunks: (stream as AsyncIterable<Uint8Array>)[Symbol.asyncIterator](),
      fileName: baseName(file),
    };
  }
  if (typeof Blob !== 'undefined' && file instanceof Blob) {
    const name = (file as Blob & { name?: unknown }).name;
    return {
      chunks: readStream(file.stream()),
      ...(typeof name === 'string' && name !== '' ? { fileName: name } : {}),
    };
  }
  if (file instanceof ReadableStream) return { chunks: readStream(file) };
  if (file instanceof Uint8Array || file instanceof ArrayBuffer) {
    const bytes = file instanceof Uint8Array ? file : new Uint8Array(file);
    return { chunks: [bytes][Symbol.iterator]() as unknown as AsyncIterator<Chunk> };
  }
  if (isIterable(file)) {
    const iterator =
      Symbol.asyncIterator in file
        ? (file as AsyncIterable<Chunk>)[Symbol.asyncIterator]()
        : (file as Iterable<Chunk>)[Symbol.iterator]();
    return { chunks: iterator as AsyncIterator<Chunk> };
  }
  throw new TypeError(
    `${prefix} file must be a file path, a Blob, a ReadableStream or an (async) iterable of bytes, text or records.`,
  );
}

async function* readStream(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array, void, undefined> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

/**
 * Uploads records and starts a bulk upload job: `POST /hubs/{hub}/bulk/{objectName}` with a `multipart/form-data`
 * body (a JSON `metaData` part and the `file` part). The body is written as a stream that reads the source only
 * as fast as the connection sends it (request `duplex: 'half'`), so a file of any size is never buffered whole.
 * The upload is not retried (its source can be read only once).
 *
 * @throws {CloudElementsError} (the subclass for the status) when the API refuses the upload.
 * @throws {TypeError} for a missing file, an empty object name or an unusable source.
 * @example
 * const job = await uploadBulkRecords(crm, {
 *   hub: 'crm',
 *   objectName: 'contacts',
 *   file: './contacts.csv',
 *   identifierFieldName: 'email',
 *   metaData: { action: 'upsert' },
 * });
 */
export async function uploadBulkRecords(
  client: BulkClient,
  options: UploadBulkRecordsOptions,
): Promise<BulkJob> {
  checkText('hub', options?.hub);
  checkText('objectName', options.objectName);
  if (options.format !== undefined && options.format !== 'csv' && options.format !== 'json') {
    throw new TypeError(`${prefix} format must be 'csv' or 'json', got ${JSON.stringify(options.format)}.`);
  }
  const headers = callbackHeader(options.callbackUrl);
  const opened = await openSource(options.file);
  const fileName = options.fileName ?? opened.fileName;
  // Peek at the first chunk: record objects mean JSON lines, whatever the name says.
  const first = await opened.chunks.next();
  const objects = !first.done && !(first.value instanceof Uint8Array) && typeof first.value !== 'string';
  const format = objects
    ? 'json'
    : (options.format ?? (fileName && /\.(nd)?jsonl?$/i.test(fileName) ? 'json' : 'csv'));
  let sourceError: unknown;
  async function* bytes(): AsyncGenerator<Uint8Array, void, undefined> {
    try {
      let next = first;
      while (!next.done) {
        const chunk = next.value;
        if (chunk instanceof Uint8Array) {
          if (objects) throw new TypeError(`${prefix} The upload source mixes record objects with bytes.`);
          yield chunk;
        } else if (typeof chunk === 'string') {
          if (objects) throw new TypeError(`${prefix} The upload source mixes record objects with text.`);
          yield encoder.encode(chunk);
        } else if (chunk !== null && typeof chunk === 'object' && objects) {
          yield encoder.encode(`${JSON.stringify(chunk)}\n`);
        } else {
          throw new TypeError(
            `${prefix} The upload source yielded ${chunk === null ? 'null' : typeof chunk}; yield bytes, text or record objects.`,
          );
        }
        next = await opened.chunks.next();
      }
    } catch (error) {
      sourceError = error;
      throw error;
    } finally {
      await Promise.resolve(opened.chunks.return?.()).catch(() => undefined);
    }
  }
  const metaData: BulkUploadMetaData = { ...options.metaData };
  if (options.identifierFieldName !== undefined) metaData.identifierFieldName = options.identifierFieldName;
  if (format === 'json' && metaData.format === undefined) metaData.format = 'json';
  const boundary = createBoundary();
  const body = createMultipartStream(
    boundary,
    [{ name: 'metaData', value: JSON.stringify(metaData), contentType: 'application/json' }],
    {
      name: 'file',
      fileName: fileName ?? `records.${format}`,
      contentType: format === 'json' ? 'application/json' : 'text/csv',
      content: bytes(),
    },
  );
  try {
    return await dataOf(
      client.POST('/hubs/{hub}/bulk/{objectName}', {
        params: { path: { hub: options.hub, objectName: options.objectName } },
        // The typed body documents the form; the serializer sends the stream built above instead.
        body: { file: fileName ?? `records.${format}`, metaData },
        bodySerializer: () => body,
        headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}`, ...headers },
        // A streamed request body needs half-duplex fetch (Node's fetch and the Fetch standard require it).
        duplex: 'half',
        // With redirects allowed, Node's fetch keeps every chunk sent in case it must replay the body, so the
        // whole file ends up in memory (nodejs/undici#4058, seen on Node 20.20: +512 MiB RSS for 512 MiB).
        // A streamed body cannot be replayed anyway.
        redirect: 'error',
        retry: false,
        ...(options.signal ? { signal: options.signal } : {}),
      }),
    );
  } catch (error) {
    // fetch reports a failing body stream as a network error; surface the source's own error instead.
    if (sourceError !== undefined) throw sourceError;
    if (error instanceof CloudElementsError && /unexpected redirect/.test(error.message)) {
      throw new CloudElementsError(
        `POST /hubs/${options.hub}/bulk/${options.objectName} was answered with a redirect, which a streamed upload ` +
          'cannot follow; check that baseUrl points at the API itself (…/elements/api-v2).',
        { method: 'POST', path: `/hubs/${options.hub}/bulk/${options.objectName}`, cause: error },
      );
    }
    throw error;
  } finally {
    // Close the source if the request ended without reading it to the end (refused connection, early answer).
    await body.cancel().catch(() => undefined);
    await Promise.resolve(opened.chunks.return?.()).catch(() => undefined);
  }
}

/** Reads a job's status once: `GET /hubs/{hub}/bulk/{id}/status`. */
export async function getBulkJobStatus(client: BulkClient, ref: BulkJobRef): Promise<BulkJobStatusReport> {
  checkRef(ref);
  return dataOf(
    client.GET('/hubs/{hub}/bulk/{id}/status', {
      params: { path: { hub: ref.hub, id: ref.jobId } },
      ...(ref.signal ? { signal: ref.signal } : {}),
    }),
  );
}

/** Options of {@link waitForBulkJob}. */
export type WaitForBulkJobOptions = BulkJobRef & {
  /**
   * Longest total wait, in milliseconds; then a `TimeoutError` is thrown (the job keeps running).
   *
   * @default 3_600_000 (1 hour)
   */
  timeoutMs?: number;
  /**
   * Wait before the second status check, in milliseconds; each later wait doubles, up to `maxDelayMs`.
   *
   * @default 1_000
   */
  initialDelayMs?: number;
  /**
   * Longest wait between two status checks, in milliseconds.
   *
   * @default 30_000
   */
  maxDelayMs?: number;
  /** Called with every status report, e.g. to show progress. */
  onStatus?: (report: BulkJobStatusReport) => void;
};

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function checkMs(name: string, value: number, allowZero = true): void {
  if (typeof value !== 'number' || Number.isNaN(value) || value < 0 || (!allowZero && value === 0)) {
    throw new TypeError(
      `${prefix} ${name} must be a ${allowZero ? 'non-negative' : 'positive'} number of milliseconds, got ${String(value)}.`,
    );
  }
}

/**
 * Polls a job's status until it is finished, waiting longer between checks each time (exponential backoff).
 * Resolves with the final report when the job is `COMPLETED` or `COMPLETE`; any other status is read as "still
 * running".
 *
 * @throws {BulkJobError} when the job ends `FAILED`, `CANCELLED` or `ABORTED` (`error.job` is the report).
 * @throws {TimeoutError} when `timeoutMs` passes first.
 * @throws the signal's reason when `signal` aborts.
 * @example
 * const report = await waitForBulkJob(crm, { hub: 'crm', jobId: job.id, timeoutMs: 600_000 });
 */
export async function waitForBulkJob(
  client: BulkClient,
  options: WaitForBulkJobOptions,
): Promise<BulkJobStatusReport> {
  checkRef(options);
  const { timeoutMs = 3_600_000, initialDelayMs = 1_000, maxDelayMs = 30_000, signal, onStatus } = options;
  checkMs('timeoutMs', timeoutMs, false);
  checkMs('initialDelayMs', initialDelayMs);
  checkMs('maxDelayMs', maxDelayMs);
  const deadline = Date.now() + timeoutMs;
  // Abort the status call in flight when the deadline passes, not only between calls.
  const timer = new AbortController();
  const handle = Number.isFinite(timeoutMs) ? setTimeout(() => timer.abort(), timeoutMs) : undefined;
  const combined = signal ? AbortSignal.any([signal, timer.signal]) : timer.signal;
  let delayMs = initialDelayMs;
  let last: BulkJobStatusReport | undefined;
  let checks = 0;
  const timeout = () =>
    new TimeoutError(
      `Bulk job ${options.jobId} did not finish within ${timeoutMs} ms (${checks} status checks, last status ` +
        `${last ? String(last.status) : 'unknown'}); it may still be running.`,
      { timeoutMs, method: 'GET', path: `/hubs/${options.hub}/bulk/${options.jobId}/status` },
    );
  try {
    for (;;) {
      try {
        last = await getBulkJobStatus(client, { hub: options.hub, jobId: options.jobId, signal: combined });
      } catch (error) {
        if (timer.signal.aborted && !signal?.aborted) throw timeout();
        throw error;
      }
      checks += 1;
      onStatus?.(last);
      const status = String(last.status ?? '').toUpperCase();
      if (successStatuses.has(status)) return last;
      if (isBulkJobFinished(status)) {
        const detail = typeof last.message === 'string' && last.message !== '' ? `: ${last.message}` : '';
        throw new BulkJobError(`Bulk job ${options.jobId} ended with status ${status}${detail}.`, {
          jobId: options.jobId,
          job: last,
        });
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw timeout();
      try {
        await sleep(Math.min(delayMs, remaining), combined);
      } catch (error) {
        if (timer.signal.aborted && !signal?.aborted) throw timeout();
        throw error;
      }
      delayMs = Math.min(maxDelayMs, Math.max(delayMs * 2, 1));
    }
  } finally {
    clearTimeout(handle);
  }
}

/** Options of {@link downloadBulkResults} and {@link readBulkRecords}. */
export type DownloadBulkResultsOptions = BulkJobRef & {
  /** The object of the job's query, e.g. `contacts`. */
  objectName: string;
  /**
   * `json`: newline-delimited JSON (`Accept: application/json`); `csv`: CSV with a header row (`Accept: text/csv`).
   *
   * @default 'json'
   */
  format?: 'json' | 'csv';
};

/**
 * Downloads a finished job's records as a byte stream (`GET /hubs/{hub}/bulk/{id}/{objectName}`), in NDJSON or
 * CSV. Nothing is buffered: pipe it to a file or parse it as it arrives.
 *
 * @throws {CloudElementsError} (the subclass for the status) when the download is refused.
 * @example
 * const stream = await downloadBulkResults(crm, { hub: 'crm', jobId, objectName: 'contacts', format: 'csv' });
 * await stream.pipeTo(Writable.toWeb(fs.createWriteStream('contacts.csv')));
 */
export async function downloadBulkResults(
  client: BulkClient,
  options: DownloadBulkResultsOptions,
): Promise<ReadableStream<Uint8Array>> {
  checkRef(options);
  checkText('objectName', options.objectName);
  const format = options.format ?? 'json';
  if (format !== 'json' && format !== 'csv') {
    throw new TypeError(`${prefix} format must be 'json' or 'csv', got ${JSON.stringify(format)}.`);
  }
  const stream = await dataOf(
    client.GET('/hubs/{hub}/bulk/{id}/{objectName}', {
      params: { path: { hub: options.hub, id: options.jobId, objectName: options.objectName } },
      headers: { Accept: format === 'csv' ? 'text/csv' : 'application/json' },
      parseAs: 'stream',
      ...(options.signal ? { signal: options.signal } : {}),
    }),
  );
  return (
    (stream as ReadableStream<Uint8Array> | null | undefined) ??
    new ReadableStream({ start: (c) => c.close() })
  );
}

/**
 * Downloads a finished job's records and parses them as they arrive: NDJSON lines as JSON objects, or CSV rows as
 * objects keyed by the header row (values are strings). One record is held at a time.
 *
 * @throws {CloudElementsError} when the download is refused or a line/row is malformed.
 * @example
 * for await (const contact of readBulkRecords(crm, { hub: 'crm', jobId, objectName: 'contacts' })) save(contact);
 */
export async function* readBulkRecords(
  client: BulkClient,
  options: DownloadBulkResultsOptions,
): AsyncGenerator<Record<string, unknown>, void, undefined> {
  const stream: ByteSource = await downloadBulkResults(client, options);
  if ((options.format ?? 'json') === 'csv') yield* parseCsvRecords(stream);
  else yield* parseNdjson(stream);
}

/** Options of {@link listBulkJobErrors}. */
export type ListBulkJobErrorsOptions = BulkJobRef & {
  /**
   * Failed records per page.
   *
   * @default the element's page size
   */
  pageSize?: number;
  /** Most failed records to read. */
  limit?: number;
};

/**
 * Iterates over the records a job could not process (`GET /hubs/{hub}/bulk/{id}/errors`), across pages.
 *
 * @throws {CloudElementsError} (the subclass for the status) when a page fails.
 */
export function listBulkJobErrors(
  client: BulkClient,
  options: ListBulkJobErrorsOptions,
): AsyncGenerator<BulkJobErrorRecord, void, undefined> {
  checkRef(options);
  return paginate(client, '/hubs/{hub}/bulk/{id}/errors', {
    params: { path: { hub: options.hub, id: options.jobId } },
    ...(options.pageSize !== undefined ? { pageSize: options.pageSize } : {}),
    ...(options.limit !== undefined ? { limit: options.limit } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
}

/**
 * Cancels a job: `PUT /hubs/{hub}/bulk/{id}/cancel`. Its status then reads `CANCELLED`.
 *
 * @throws {CloudElementsError} (the subclass for the status) when the call fails.
 */
export async function cancelBulkJob(client: BulkClient, ref: BulkJobRef): Promise<void> {
  checkRef(ref);
  await unwrap(
    client.PUT('/hubs/{hub}/bulk/{id}/cancel', {
      params: { path: { hub: ref.hub, id: ref.jobId } },
      parseAs: 'text',
      ...(ref.signal ? { signal: ref.signal } : {}),
    }),
  );
}
