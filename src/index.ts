/**
 * The `.` entry: everything that runs in any JavaScript runtime (Node, Deno, Bun, workers, browsers).
 * @module cloud-elements-sdk
 */
// Named exports only, grouped by folder; internal helpers of a folder stay out.

// The API's types, as the spec describes it: `components['schemas']['CrmContact']`, `paths['/instances']`.
export type { components, operations, paths } from '../generated/schema.js';

// client/
export { BASE_URLS, SDK_VERSION, createClient, unwrap } from './client/index.js';
export type {
  CallOptions,
  ClientOptions,
  CloudElementsClient,
  Environment,
  LogRecord,
} from './client/index.js';

// core/: the Authorization header, errors, retry defaults
export { formatAuthorization, parseAuthorization } from './core/index.js';
export type { Credentials, ParsedAuthorization } from './core/index.js';
export {
  BadRequestError,
  CloudElementsError,
  ConflictError,
  ConnectionError,
  ForbiddenError,
  InvalidResponseError,
  NotFoundError,
  RateLimitError,
  ServerError,
  TimeoutError,
  UnauthorizedError,
} from './core/index.js';
export type { CloudElementsErrorOptions } from './core/index.js';
export { DEFAULT_RETRY_METHODS, DEFAULT_RETRY_STATUSES } from './core/index.js';
export type { RetryOptions } from './core/index.js';

// oauth/: connect a user's account (start → callback → finish)
export {
  OAuthCallbackError,
  OAuthProviderError,
  OAuthStateError,
  createOAuthState,
  defineOAuthApp,
  finishOAuth,
  readOAuth1Callback,
  readOAuthCallback,
  reauthorizeInstance,
  startOAuth,
  startOAuth1,
} from './oauth/index.js';
export type {
  FinishOAuthOptions,
  OAuth1Callback,
  OAuth1Start,
  OAuthApp,
  OAuthCallback,
  OAuthCallbackInput,
  OAuthCallbackProblem,
  OAuthCallbackResult,
  OAuthProviderData,
  OAuthStart,
  ReadOAuth1CallbackOptions,
  ReadOAuthCallbackOptions,
  ReauthorizeInstanceOptions,
  StartOAuth1Options,
  StartOAuthOptions,
} from './oauth/index.js';

// instances/: create an instance without OAuth; turn events on or off
export { buildEventsConfiguration, createInstance, disableEvents, enableEvents } from './instances/index.js';
export type {
  CreateInstanceOptions,
  ElementKeyOrId,
  EnableEventsOptions,
  InstanceFields,
  PollerResourceConfiguration,
} from './instances/index.js';

// query/: safe CEQL and pagination
export { ceql, formatBulkQuery, isCeqlFragment, paginate, paginatePages } from './query/index.js';
export type {
  BulkOrderKey,
  BulkQueryOptions,
  CeqlFragment,
  CeqlScalar,
  CeqlTag,
  CeqlValue,
  ListPath,
  ListRecord,
  Page,
  PaginateInit,
  PaginateOptions,
} from './query/index.js';

// bulk/: jobs, streamed uploads, results
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

// webhooks/: the same names as the `./webhooks` entry, taken from the folder: re-exporting the entry module itself
// would make the build give `.` an extra (empty) chunk file to load.
export {
  WEBHOOK_ID_HEADER,
  WEBHOOK_SIGNATURE_HEADER,
  WebhookVerificationError,
  createReplayGuard,
  createSignedWebhook,
  createWebhookVerifier,
  isAsyncEventNotification,
  isEventNotification,
  parseWebhookEvent,
  parseWebhookRequest,
  signWebhookPayload,
  verifyWebhookSignature,
} from './webhooks/index.js';
export type {
  AsyncEventNotification,
  BulkJobCallback,
  EventNotification,
  ReplayGuard,
  ReplayGuardOptions,
  SignedWebhook,
  VerifiedWebhook,
  WebhookBody,
  WebhookHeaders,
  WebhookKey,
  WebhookNotification,
  WebhookVerification,
  WebhookVerificationReason,
  WebhookVerifier,
  WebhookVerifierOptions,
} from './webhooks/index.js';
