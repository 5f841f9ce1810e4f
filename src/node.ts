/**
 * The `./node` entry: Node-only conveniences (bulk files on disk, the `IncomingMessage` webhook adapter).
 * @module cloud-elements-sdk/node
 */
export {
  createUndiciFetch,
  downloadBulkResultsToFile,
  parseNodeWebhookRequest,
  readNodeRequestBody,
  uploadBulkFile,
} from './node/index.js';
export type {
  DownloadBulkResultsToFileOptions,
  UndiciFetchOptions,
  ReadNodeRequestBodyOptions,
  UploadBulkFileOptions,
} from './node/index.js';
