/**
 * Bulk uploads from a file path: the file is streamed from disk, never read whole into memory.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  uploadBulkRecords,
  type BulkClient,
  type BulkJob,
  type UploadBulkRecordsOptions,
} from '../bulk/index.js';

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
  const path = options?.path;
  if (typeof path !== 'string' || path === '') {
    throw new TypeError('[cloud-elements] path must be the path of the file to upload, e.g. ./contacts.csv.');
  }
  try {
    if (!(await stat(path)).isFile()) throw new Error('not a regular file');
  } catch (error) {
    throw new TypeError(
      `[cloud-elements] Cannot upload ${path}: ${(error as Error).message}. Pass the path of a readable file.`,
      { cause: error },
    );
  }
  const { path: _path, ...rest } = options;
  const stream = createReadStream(path, { highWaterMark: 256 * 1024 });
  return uploadBulkRecords(client, {
    ...rest,
    file: stream as AsyncIterable<Uint8Array>,
    fileName: options.fileName ?? basename(path),
  });
}
