/**
 * The `./bulk` entry: bulk jobs. Start a query, upload records as a stream, wait for the job, read its results and
 * the records it failed on.
 * @module cloud-elements-sdk/bulk
 */
export {
  BULK_TERMINAL_STATUSES,
  BulkJobError,
  cancelBulkJob,
  downloadBulkResults,
  getBulkJobStatus,
  isBulkJobFinished,
  listBulkJobErrors,
  parseCsvRecords,
  parseCsvRows,
  parseNdjson,
  readBulkRecords,
  startBulkQuery,
  uploadBulkRecords,
  waitForBulkJob,
} from './bulk/index.js';
export type {
  BulkClient,
  BulkJob,
  BulkJobErrorRecord,
  BulkJobRef,
  BulkJobStatusReport,
  BulkUploadMetaData,
  BulkUploadSource,
  ByteSource,
  DownloadBulkResultsOptions,
  ListBulkJobErrorsOptions,
  StartBulkQueryOptions,
  UploadBulkRecordsOptions,
  WaitForBulkJobOptions,
} from './bulk/index.js';
