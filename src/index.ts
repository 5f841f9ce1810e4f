// Public surface of the Cloud Elements SDK. Named exports only, grouped by module.

// client
export { BASE_URLS, SDK_VERSION, createClient, unwrap } from './client.js';
export type { CallOptions, ClientOptions, CloudElementsClient, Environment, LogRecord } from './client.js';

// auth
export { assertCredential, formatAuthorization, parseAuthorization, validateCredentials } from './auth.js';
export type { Credentials, ParsedAuthorization } from './auth.js';

// errors
export {
  BadRequestError,
  CloudElementsError,
  ConflictError,
  ConnectionError,
  ForbiddenError,
  NotFoundError,
  RateLimitError,
  ServerError,
  TimeoutError,
  UnauthorizedError,
  createResponseError,
} from './errors.js';
export type { CloudElementsErrorOptions, ResponseErrorInput } from './errors.js';

// retry
export {
  DEFAULT_RETRY_METHODS,
  DEFAULT_RETRY_STATUSES,
  computeRetryDelayMs,
  resolveRetryPolicy,
} from './retry.js';
export type { RetryOptions, RetryPolicy } from './retry.js';

// oauth (connect a user's account: start → callback → finish)
export { defineOAuthApp, startOAuth, startOAuth1 } from './oauth.js';
export type {
  ElementKeyOrId,
  OAuth1Start,
  OAuthApp,
  OAuthStart,
  StartOAuth1Options,
  StartOAuthOptions,
} from './oauth.js';
export { createInstance, finishOAuth, reauthorizeInstance } from './oauth-finish.js';
export type {
  CreateInstanceOptions,
  FinishOAuthOptions,
  InstanceFields,
  OAuthCallbackResult,
  ReauthorizeInstanceOptions,
} from './oauth-finish.js';
export {
  OAuthCallbackError,
  OAuthProviderError,
  OAuthStateError,
  constantTimeEqual,
  createOAuthState,
  readOAuth1Callback,
  readOAuthCallback,
} from './oauth-callback.js';
export type {
  OAuth1Callback,
  OAuthCallback,
  OAuthCallbackInput,
  OAuthCallbackProblem,
  OAuthProviderData,
  ReadOAuth1CallbackOptions,
  ReadOAuthCallbackOptions,
} from './oauth-callback.js';

// ceql (safe where clauses and bulk queries)
export { ceql, formatBulkQuery, isCeqlFragment } from './ceql.js';
export type { BulkQueryOptions, CeqlFragment, CeqlScalar, CeqlTag, CeqlValue } from './ceql.js';

// pagination
export { paginate, paginatePages } from './pagination.js';
export type { ListPath, ListRecord, Page, PaginateInit, PaginateOptions } from './pagination.js';

// bulk (job types, start a query job, status, wait, cancel)
export {
  BULK_TERMINAL_STATUSES,
  BulkJobError,
  cancelBulkJob,
  getBulkJobStatus,
  isBulkJobFinished,
  startBulkQuery,
  waitForBulkJob,
} from './bulk.js';
export type {
  BulkClient,
  BulkJob,
  BulkJobRef,
  BulkJobStatusReport,
  StartBulkQueryOptions,
  WaitForBulkJobOptions,
} from './bulk.js';

// bulk-upload (records streamed as a multipart body)
export { uploadBulkRecords } from './bulk-upload.js';
export type { BulkUploadMetaData, BulkUploadSource, UploadBulkRecordsOptions } from './bulk-upload.js';

// bulk-download (a finished job's records and its failed records)
export { downloadBulkResults, listBulkJobErrors, readBulkRecords } from './bulk-download.js';
export type {
  BulkJobErrorRecord,
  DownloadBulkResultsOptions,
  ListBulkJobErrorsOptions,
} from './bulk-download.js';

// bulk-formats (NDJSON and CSV parsing)
export { parseCsvRecords, parseCsvRows, parseNdjson } from './bulk-formats.js';
export type { ByteSource } from './bulk-formats.js';

// webhooks (verify and parse what Cloud Elements POSTs to your callback URL)
export {
  WEBHOOK_ID_HEADER,
  WEBHOOK_SIGNATURE_HEADER,
  createWebhookVerifier,
  isAsyncEventNotification,
  isEventNotification,
  parseWebhookEvent,
  verifyWebhookSignature,
} from './webhooks.js';
export type {
  AsyncEventNotification,
  BulkJobCallback,
  EventNotification,
  VerifiedWebhook,
  WebhookBody,
  WebhookHeaders,
  WebhookKey,
  WebhookNotification,
  WebhookVerification,
  WebhookVerifier,
  WebhookVerifierOptions,
} from './webhooks.js';

// webhook-errors (why a webhook was rejected)
export { WebhookVerificationError } from './webhook-errors.js';
export type { WebhookVerificationReason } from './webhook-errors.js';

// webhook-signing (signed test requests for your own webhook handlers)
export { createSignedWebhook, signWebhookPayload } from './webhook-signing.js';
export type { SignedWebhook } from './webhook-signing.js';

// replay-guard (reject deliveries seen before)
export { createReplayGuard } from './replay-guard.js';
export type { ReplayGuard, ReplayGuardOptions } from './replay-guard.js';

// webhook-request (web Request adapter: Deno, Bun, workers, Next.js)
export { parseWebhookRequest } from './webhook-request.js';

// webhooks-node (Node http adapter: Express, Fastify, Koa)
export { parseNodeWebhookRequest, readNodeRequestBody } from './webhooks-node.js';
export type { ReadNodeRequestBodyOptions } from './webhooks-node.js';

// events (turn event notifications on for an instance)
export { buildEventsConfiguration, disableEvents, enableEvents } from './events.js';
export type { EnableEventsOptions, PollerResourceConfiguration } from './events.js';

// redaction (for logging your own requests without leaking secrets)
export { REDACTED, redactAuthorization, redactHeaders, redactUrl } from './internal/redact.js';
