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

// redaction (for logging your own requests without leaking secrets)
export { REDACTED, redactAuthorization, redactHeaders, redactUrl } from './internal/redact.js';
