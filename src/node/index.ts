// Node-only conveniences: uploads from a file path and the `IncomingMessage` webhook adapter.
export { downloadBulkResultsToFile, uploadBulkFile } from './bulk.js';
export type { DownloadBulkResultsToFileOptions, UploadBulkFileOptions } from './bulk.js';
export { createUndiciFetch } from './undici.js';
export type { UndiciFetchOptions } from './undici.js';
export { parseNodeWebhookRequest, readNodeRequestBody } from './webhooks.js';
export type { ReadNodeRequestBodyOptions } from './webhooks.js';
