// Bulk jobs: start a query, upload records as a stream, wait for the job, read its results and failed records.
export { downloadBulkResults, listBulkJobErrors, readBulkRecords } from './download.js';
export type { BulkJobErrorRecord, DownloadBulkResultsOptions, ListBulkJobErrorsOptions } from './download.js';
export { parseCsvRecords, parseCsvRows, parseNdjson } from './formats.js';
export type { ByteSource } from './formats.js';
export {
  BULK_TERMINAL_STATUSES,
  BulkJobError,
  cancelBulkJob,
  getBulkJobStatus,
  isBulkJobFinished,
  startBulkQuery,
  waitForBulkJob,
} from './jobs.js';
export type { StartBulkQueryOptions, WaitForBulkJobOptions } from './jobs.js';
export type { BulkClient, BulkJob, BulkJobRef, BulkJobStatusReport } from './types.js';
export { uploadBulkRecords } from './upload.js';
export type { BulkUploadMetaData, BulkUploadSource, UploadBulkRecordsOptions } from './upload.js';
