// Node-only conveniences: uploads from a file path and the `IncomingMessage` webhook adapter.
export { uploadBulkFile } from './bulk.js';
export type { UploadBulkFileOptions } from './bulk.js';
export { parseNodeWebhookRequest, readNodeRequestBody } from './webhooks.js';
export type { ReadNodeRequestBodyOptions } from './webhooks.js';
