/**
 * Bulk jobs and files on disk: uploads streamed from a file path, and results streamed to one. Neither holds the
 * file in memory.
 */
import { createReadStream } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { open, rename, stat, unlink } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import {
  downloadBulkResults,
  uploadBulkRecords,
  type BulkClient,
  type BulkJob,
  type DownloadBulkResultsOptions,
  type UploadBulkRecordsOptions,
} from '../bulk/index.js';
import { fail, snippet } from '../core/checks.js';

/** Returns the `path` option after checking it is a non-empty string; the message says what the file is for. */
function checkPath(path: unknown, use: 'upload' | 'write'): string {
  if (typeof path !== 'string' || path === '') {
    fail(`path must be the path of the file to ${use}, e.g. ./contacts.csv.`);
  }
  return path;
}

/**
 * Fails with a file system error told by its code (`ENOENT`), not its message, which repeats the (possibly long)
 * path; the error stays as the cause.
 */
function fileFailure(what: string, error: unknown, advice: string): never {
  const reason = (error as { code?: unknown }).code ?? (error as Error).message;
  return fail(`${what}: ${String(reason)}. ${advice}`, error);
}

/** Options of {@link uploadBulkFile}: those of `uploadBulkRecords`, with `path` in place of `file`. */
export type UploadBulkFileOptions = Omit<UploadBulkRecordsOptions, 'file'> & {
  /** Path of the CSV or JSON-lines file to upload. */
  path: string;
};

/**
 * Uploads the records of a file and starts a bulk upload job, like `uploadBulkRecords` with the file streamed
 * from disk. The format follows the file name (`.json`, `.ndjson`, `.jsonl` → `json`, else `csv`) unless
 * `format` says otherwise; the file part is named after the file.
 *
 * @throws {TypeError} when `path` is not a readable regular file.
 * @example
 * const job = await uploadBulkFile(crm, { hub: 'crm', objectName: 'contacts', path: './contacts.csv' });
 */
export async function uploadBulkFile(client: BulkClient, options: UploadBulkFileOptions): Promise<BulkJob> {
  const path = checkPath(options?.path, 'upload');
  try {
    if (!(await stat(path)).isFile()) throw new Error('not a regular file');
  } catch (error) {
    fileFailure(`Cannot upload ${snippet(path)}`, error, 'Pass the path of a readable file.');
  }
  const { path: _path, ...rest } = options;
  // Opened only when the upload starts reading, and closed by it whatever happens: no handle leaks when the
  // upload is refused before it reads a byte.
  async function* chunks(): AsyncGenerator<Uint8Array, void, undefined> {
    yield* createReadStream(path, { highWaterMark: 256 * 1024 }) as AsyncIterable<Uint8Array>;
  }
  return uploadBulkRecords(client, {
    ...rest,
    file: chunks(),
    fileName: options.fileName ?? basename(path),
  });
}

/** Options of {@link downloadBulkResultsToFile}: those of `downloadBulkResults`, and where to write. */
export type DownloadBulkResultsToFileOptions = DownloadBulkResultsOptions & {
  /** Path of the file to write (created, or replaced once the download is complete). */
  path: string;
};

/**
 * Writes a finished job's records (NDJSON or CSV) to a file as they arrive and resolves with the number of bytes
 * written. Memory stays flat whatever the size: it uses `pipeline(Readable.fromWeb(…))`, not `pipeTo`, which
 * holds the whole body on Node 20 (nodejs/node#56269).
 *
 * The records go to a new temporary file next to `path` (`<path>.<random>.partial`), renamed over `path` only
 * once the whole body is written. A download that fails (a cut-off body, a stall past `idleTimeoutMs`, the
 * caller's abort, a write error) removes the temporary file and rejects with its own error: a file already at
 * `path` stays as it was. As any rename does, a completed download replaces `path` with a new file (its own
 * permissions; a symbolic link at `path` is replaced, not written through).
 *
 * @throws {TypeError} when no file can be created next to `path` (a missing or read-only folder).
 * @example
 * await downloadBulkResultsToFile(crm, { hub: 'crm', jobId: job.id, objectName: 'contacts', format: 'csv', path: 'contacts.csv' });
 */
export async function downloadBulkResultsToFile(
  client: BulkClient,
  options: DownloadBulkResultsToFileOptions,
): Promise<number> {
  const path = checkPath(options?.path, 'write');
  const { path: _path, ...download } = options;
  // In the same directory, so that the rename stays on one file system; 'wx' never opens a file already there.
  // Opened before the download starts, so that a failure at any point finds it there to remove.
  const partial = `${path}.${randomBytes(6).toString('hex')}.partial`;
  const file = await open(partial, 'wx').catch((error: unknown) =>
    fileFailure(`Cannot write next to ${snippet(path)}`, error, 'Pass a path in a writable folder.'),
  );
  let bytes = 0;
  try {
    const body = await downloadBulkResults(client, download);
    const source = Readable.fromWeb(body as NodeReadableStream<Uint8Array>);
    source.on('data', (chunk: Uint8Array) => {
      bytes += chunk.byteLength;
    });
    await pipeline(source, file.createWriteStream());
    await rename(partial, path);
  } catch (error) {
    // The download's own error is what rejects.
    await unlink(partial).catch(() => undefined);
    throw error;
  } finally {
    await file.close().catch(() => undefined);
  }
  return bytes;
}
