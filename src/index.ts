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

// redaction (for logging your own requests without leaking secrets)
export { REDACTED, redactAuthorization, redactHeaders, redactUrl } from './internal/redact.js';
