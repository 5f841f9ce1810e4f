// The `./node` entry: Node-only conveniences (bulk files on disk, the `IncomingMessage` webhook adapter).
export {
  downloadBulkResultsToFile,
  parseNodeWebhookRequest,
  readNodeRequestBody,
  uploadBulkFile,
} from './node/index.js';
export type {
  DownloadBulkResultsToFileOptions,
  ReadNodeRequestBodyOptions,
  UploadBulkFileOptions,
} from './node/index.js';
