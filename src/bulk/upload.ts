/**
 * Bulk uploads: records from a `Blob`, a stream or an iterable (files by path: ../node/bulk.ts), sent as a streamed multipart body that
 * starts a bulk upload job.
 */
import type { components } from '../../generated/schema.js';
import { CloudElementsError, snippet } from '../core/index.js';
import { callbackHeader, checkText, dataOf } from './checks.js';
import { createBoundary, createMultipartStream } from './multipart.js';
import type { BulkClient, BulkJob } from './types.js';

/** Options of a bulk upload, sent as the `metaData` part. */
export type BulkUploadMetaData = components['schemas']['BulkUploadMetaData'];

const prefix = '[cloud-elements]';

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
  format?: 'csv' | 'json';
  /**
   * Name of the file part.
   *
   * @default the `File`'s name, or `records.csv` / `records.json`
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
  /**
   * The upload fails with `TimeoutError` when no byte moves for this long (sending the file, or waiting for the
   * answer); a large file may take as long as it needs while bytes keep moving.
   *
   * @default 60000
   */
  idleTimeoutMs?: number;
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

/** Opens the source as an async iterator of raw chunks (bytes, text or record objects). */
async function openSource(
  file: BulkUploadSource,
): Promise<{ chunks: AsyncIterator<Chunk>; fileName?: string }> {
  if (typeof file === 'string') {
    // A string could be a path or the records themselves; reading files needs Node, so paths go through ./node.
    throw new TypeError(
      `${prefix} file is a string. To upload a file by its path, use uploadBulkFile from 'cloud-elements-sdk/node'; ` +
        'to upload text, pass it as a Blob (new Blob([text])) or an iterable of strings.',
    );
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
    `${prefix} file must be a Blob, a ReadableStream, bytes or an (async) iterable of bytes, text or records ` +
      "(for a file path, use uploadBulkFile from 'cloud-elements-sdk/node').",
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
 *   file: new Blob([csvText]),
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
    throw new TypeError(`${prefix} format must be 'csv' or 'json', got ${snippet(options.format)}.`);
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
        idleTimeoutMs: options.idleTimeoutMs ?? 60_000,
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
