/**
 * Bulk uploads: records from a `Blob`, a stream or an iterable (files by path: ../node/bulk.ts), sent as a streamed multipart body that
 * starts a bulk upload job.
 */
import type { components } from '../../generated/schema.js';
import { checkClient, unwrap } from '../client/index.js';
import {
  CloudElementsError,
  TimeoutError,
  checkTimeoutMs,
  encoder,
  fail,
  follow,
  snippet,
  unfollow,
  type Follower,
} from '../core/index.js';
import { callbackHeader, checkFormat, checkJob, checkText, signalOf } from './checks.js';
import { createMultipartBody } from './multipart.js';
import type { BulkClient, BulkJob } from './types.js';

/** Options of a bulk upload, sent as the `metaData` part. */
export type BulkUploadMetaData = components['schemas']['BulkUploadMetaData'];

/** What {@link uploadBulkRecords} can read records from. */
export type BulkUploadSource =
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
  format?: 'csv' | 'json' | undefined;
  /**
   * Name of the file part.
   *
   * @default the `File`'s name, or `records.csv` / `records.json`
   */
  fileName?: string | undefined;
  /** Field that matches existing records for updates and upserts (`metaData.identifierFieldName`). */
  identifierFieldName?: string | undefined;
  /** Other upload options (`action`, `primaryKeyName`, …), sent as the JSON `metaData` part. */
  metaData?: BulkUploadMetaData | undefined;
  /** URL Cloud Elements POSTs to when the job ends (`Elements-Async-Callback-Url`). */
  callbackUrl?: string | undefined;
  /** Aborts the upload. */
  signal?: AbortSignal | undefined;
  /**
   * The upload fails with `TimeoutError` when no byte moves for this long (sending the file, or waiting for the
   * answer); a large file may take as long as it needs while bytes keep moving.
   *
   * @default 60000
   */
  idleTimeoutMs?: number | undefined;
};

type Chunk = Uint8Array | string | Record<string, unknown>;

/**
 * Opens the source as an iterator of raw chunks (bytes, text or record objects), and the name of a `File`. An
 * iterable is read through its own iterator: `for await` or `yield*` would wait for a record object that happens
 * to have a `then` method.
 */
function openSource(file: BulkUploadSource): {
  chunks: AsyncIterator<Chunk> | Iterator<Chunk>;
  name?: unknown | undefined;
} {
  if (typeof Blob !== 'undefined' && file instanceof Blob) {
    return { chunks: streamChunks(file.stream()), name: (file as Partial<File>).name };
  }
  if (file instanceof ReadableStream) return { chunks: streamChunks(file) };
  if (file instanceof ArrayBuffer) file = new Uint8Array(file);
  if (file instanceof Uint8Array) return { chunks: [file][Symbol.iterator]() };
  if (file !== null && typeof file === 'object') {
    if (Symbol.asyncIterator in file) {
      return { chunks: (file as AsyncIterable<Chunk>)[Symbol.asyncIterator]() };
    }
    if (Symbol.iterator in file) return { chunks: (file as Iterable<Chunk>)[Symbol.iterator]() };
  }
  // A string lands here too: it could be a path or the records themselves. Reading files needs Node, so paths go
  // through ./node.
  fail(
    'file must be a Blob, a ReadableStream, bytes or an (async) iterable of bytes, text or records; for a file ' +
      "path, use uploadBulkFile from 'cloud-elements-sdk/node', and pass text as new Blob([text]).",
  );
}

/**
 * The chunks of a stream through its own reader, not a generator: stopping it cancels the stream at once, also
 * while a read is waiting on a source that has stalled (a generator's `return()` would wait for that read).
 */
function streamChunks(stream: ReadableStream<Chunk>): AsyncIterator<Chunk> {
  const reader = stream.getReader();
  return {
    next: () => reader.read() as Promise<IteratorResult<Chunk>>,
    return: async () => {
      await reader.cancel().catch(() => undefined);
      return { done: true, value: undefined };
    },
  };
}

/**
 * The source's first chunk, read before the request exists (it decides the format), so under the upload's own
 * limits: the caller's signal and `idleTimeoutMs`, which a cursor that hangs before its first row would outlast.
 */
function firstChunk(
  chunks: AsyncIterator<Chunk> | Iterator<Chunk>,
  signal: AbortSignal | undefined,
  idleTimeoutMs: number,
  path: string,
): Promise<IteratorResult<Chunk>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let follower: Follower | undefined;
  return new Promise<IteratorResult<Chunk>>((resolve, reject) => {
    Promise.resolve(chunks.next()).then(resolve, reject);
    if (Number.isFinite(idleTimeoutMs)) {
      timer = setTimeout(
        () =>
          reject(
            new TimeoutError(
              `POST ${path} not sent: the upload source gave no data within idleTimeoutMs (${idleTimeoutMs} ms).`,
              { method: 'POST', path, timeoutMs: idleTimeoutMs, mayHaveReachedServer: false },
            ),
          ),
        idleTimeoutMs,
      );
    }
    if (signal) follow(signal, (follower = { handleEvent: () => reject(signal.reason) }));
  }).finally(() => {
    clearTimeout(timer);
    if (follower) unfollow(signal!, follower);
  });
}

/** Whether a chunk is a record object (sent as one JSON line) rather than bytes or text. */
function isRecord(chunk: unknown): boolean {
  return chunk !== null && typeof chunk === 'object' && !(chunk instanceof Uint8Array);
}

/**
 * Uploads records and starts a bulk upload job: `POST /hubs/{hub}/bulk/{objectName}` with a `multipart/form-data`
 * body (a JSON `metaData` part and the `file` part). The body is written as a stream that reads the source only
 * as fast as the connection sends it (request `duplex: 'half'`), so a file of any size is never buffered whole.
 * The upload is not retried (its source can be read only once).
 *
 * @throws {CloudElementsError} (the subclass for the status) when the API refuses the upload.
 * @throws {InvalidResponseError} when the answer is not a job with an `id` (no body, `null`, no `id`).
 * @throws {TypeError} for a missing file, an empty object name or an unusable source.
 * @example
 * const job = await uploadBulkRecords(crm, {
 *   hub: 'crm',
 *   objectName: 'contacts',
 *   file: new Blob([csvText]),
 *   identifierFieldName: 'email',
 *   metaData: { action: 'upsert' },
 * });
 */
export async function uploadBulkRecords(
  client: BulkClient,
  options: UploadBulkRecordsOptions,
): Promise<BulkJob> {
  checkClient('uploadBulkRecords', client);
  checkText('hub', options?.hub);
  checkText('objectName', options.objectName);
  checkFormat(options.format);
  if (options.fileName !== undefined) checkText('fileName', options.fileName);
  const given: unknown = options.metaData;
  // A string would be spread into one key per character, and its `action` lost.
  if (given !== undefined && (given === null || typeof given !== 'object' || Array.isArray(given))) {
    fail(
      `metaData must be an object, got ${typeof given === 'string' ? 'a string' : snippet(given)}; pass metaData ` +
        "as an object, e.g. { action: 'upsert', identifierFieldName: 'email' }.",
    );
  }
  const headers = callbackHeader(options.callbackUrl);
  const idleTimeoutMs = checkTimeoutMs(options.idleTimeoutMs ?? 60_000, 'idleTimeoutMs');
  const path = `/hubs/${options.hub}/bulk/${options.objectName}`;
  // Before anything is read: a source that can be read once keeps its first chunk for a later try.
  options.signal?.throwIfAborted();
  const { chunks, name } = openSource(options.file);
  const fileName = options.fileName ?? (typeof name === 'string' && name !== '' ? name : undefined);
  // Peek at the first chunk: record objects mean JSON lines, whatever the name says.
  let first: IteratorResult<Chunk>;
  try {
    first = await firstChunk(chunks, options.signal, idleTimeoutMs, path);
  } catch (error) {
    void Promise.resolve(chunks.return?.()).catch(() => undefined);
    throw error;
  }
  const objects = isRecord(first.value);
  const format = objects
    ? 'json'
    : (options.format ?? (fileName && /\.(nd)?jsonl?$/i.test(fileName) ? 'json' : 'csv'));
  let sourceError: unknown;
  async function* bytes(): AsyncGenerator<Uint8Array, void, undefined> {
    try {
      for (let next = first; !next.done; next = await chunks.next()) {
        const chunk = next.value;
        if (objects ? !isRecord(chunk) : typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) {
          fail(
            `The upload source yielded ${chunk instanceof Uint8Array ? 'bytes' : chunk === null ? 'null' : typeof chunk}` +
              `${objects ? ' after record objects' : ''}; yield only bytes or text, or only record objects.`,
          );
        }
        yield chunk instanceof Uint8Array
          ? chunk
          : encoder.encode(objects ? `${JSON.stringify(chunk)}\n` : (chunk as string));
      }
    } catch (error) {
      sourceError = error;
      throw error;
    }
  }
  const metaData: BulkUploadMetaData = { ...options.metaData };
  if (options.identifierFieldName !== undefined) metaData.identifierFieldName = options.identifierFieldName;
  if (format === 'json' && metaData.format === undefined) metaData.format = 'json';
  const partName = fileName ?? `records.${format}`;
  const metaDataJson = JSON.stringify(metaData);
  const { contentType, body } = createMultipartBody(metaDataJson, {
    fileName: partName,
    contentType: format === 'json' ? 'application/json' : 'text/csv',
    content: bytes(),
  });
  try {
    const answer = await client.POST('/hubs/{hub}/bulk/{objectName}', {
      params: { path: { hub: options.hub, objectName: options.objectName } },
      // The typed body documents the form; the serializer sends the stream built above instead.
      body: { file: partName, metaData: metaDataJson },
      bodySerializer: () => body,
      headers: { 'Content-Type': contentType, ...headers },
      // A streamed request body needs half-duplex fetch (Node's fetch and the Fetch standard require it).
      duplex: 'half',
      // With redirects allowed, Node's fetch keeps every chunk sent in case it must replay the body, so the
      // whole file ends up in memory (nodejs/undici#4058, seen on Node 20.20: +512 MiB RSS for 512 MiB).
      // A streamed body cannot be replayed anyway.
      redirect: 'error',
      retry: false,
      idleTimeoutMs,
      ...signalOf(options.signal),
    });
    return checkJob(await unwrap(answer), answer.response, {
      name: 'uploadBulkRecords',
      method: 'POST',
      path,
    });
  } catch (error) {
    // fetch reports a failing body stream as a network error; surface the source's own error instead.
    if (sourceError !== undefined) throw sourceError;
    if (error instanceof CloudElementsError && /unexpected redirect/.test(error.message)) {
      throw new CloudElementsError(
        `POST ${path} was answered with a redirect, which a streamed upload cannot follow; check that baseUrl ` +
          'points at the API itself (…/elements/api-v2).',
        { method: 'POST', path, cause: error },
      );
    }
    throw error;
  } finally {
    // Close the source if the request ended without reading it to the end (refused connection, early answer,
    // an error in the source, a time limit); a source read to its end is closed already, and failing to close it
    // fails nothing. Not awaited: a source stalled in a read (a database cursor that hangs) may never close, and
    // the upload has its outcome already.
    void Promise.resolve(chunks.return?.()).catch(() => undefined);
  }
}
