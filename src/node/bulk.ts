/**
 * Bulk jobs and files on disk: uploads streamed from a file path, and results streamed to one. Neither holds the
 * file in memory.
 */
import { constants, createReadStream } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { access, open, rename, stat, unlink } from 'node:fs/promises';
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
import { CloudElementsError } from '../core/errors.js';

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
 * @throws {CloudElementsError} when the file changes size while it is uploaded (another process still writing it):
 *   the upload stops before its body is complete, so no job starts from part of the file.
 * @example
 * const job = await uploadBulkFile(crm, { hub: 'crm', objectName: 'contacts', path: './contacts.csv' });
 */
export async function uploadBulkFile(client: BulkClient, options: UploadBulkFileOptions): Promise<BulkJob> {
  const path = checkPath(options?.path, 'upload');
  let size: number;
  try {
    const found = await stat(path);
    if (!found.isFile()) throw new Error('not a regular file');
    // stat needs no read permission: a file of another user's is refused here, not once the upload has begun.
    await access(path, constants.R_OK);
    size = found.size;
  } catch (error) {
    fileFailure(`Cannot upload ${snippet(path)}`, error, 'Pass the path of a readable file.');
  }
  const { path: _path, ...rest } = options;
  // Opened only when the upload starts reading, and closed by it whatever happens: no handle leaks when the
  // upload is refused before it reads a byte.
  async function* chunks(): AsyncGenerator<Uint8Array, void, undefined> {
    let read = 0;
    for await (const chunk of createReadStream(path, {
      highWaterMark: 256 * 1024,
    }) as AsyncIterable<Uint8Array>) {
      read += chunk.byteLength;
      yield chunk;
    }
    // A file cut short or grown while it was read (another process still writing it) would start a job from part of
    // it, ending mid-record: the upload fails instead, before its body is complete.
    if (read !== size) {
      throw new CloudElementsError(
        `${snippet(path)} changed while it was uploaded (${read} bytes read, ${size} when the upload began), so the ` +
          'upload was stopped before its end. Upload a file that nothing writes to meanwhile.',
        { method: 'POST', mayHaveReachedServer: true },
      );
    }
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
 * @throws {TypeError} when no file can be created next to `path` (a missing or read-only folder), or `path` is a
 *   folder (refused before the download).
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
  // A folder at `path` would be found only by the rename, once the whole download is on disk.
  if ((await stat(path).catch(() => undefined))?.isDirectory()) {
    fileFailure(
      `Cannot write ${snippet(path)}`,
      { code: 'EISDIR' },
      'Pass the path of a file, not a folder.',
    );
  }
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
    await rename(partial, path).catch((error: unknown) =>
      fileFailure(`Cannot write ${snippet(path)}`, error, 'Pass the path of a file in a writable folder.'),
    );
  } catch (error) {
    // The download's own error is what rejects.
    await unlink(partial).catch(() => undefined);
    throw error;
  } finally {
    await file.close().catch(() => undefined);
  }
  return bytes;
}
