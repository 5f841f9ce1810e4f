// The `./node` entry: Node-only conveniences (uploads from a file path, the `IncomingMessage` webhook adapter).
export { parseNodeWebhookRequest, readNodeRequestBody, uploadBulkFile } from './node/index.js';
export type { ReadNodeRequestBodyOptions, UploadBulkFileOptions } from './node/index.js';
