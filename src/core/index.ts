// The base layer every concern builds on: errors, the Authorization header, redaction, following a caller's
// signal, the constant-time compare, URL checks, retry policy, reading web streams and the fetch transport. It
// imports no other folder of src/.
export {
  assertCredential,
  formatAuthorization,
  joinAuthorization,
  parseAuthorization,
  validateCredentials,
} from './authorization.js';
export type { Credentials, ParsedAuthorization } from './authorization.js';
export {
  SNIPPET_LENGTH,
  checkKnownKeys,
  checkText,
  describeValue,
  fail,
  looksLike,
  quoteKey,
  snippet,
} from './checks.js';
export { follow, unfollow } from './caller-signals.js';
export type { Follower } from './caller-signals.js';
export { constantTimeEqual } from './constant-time.js';
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
  InvalidResponseError,
  createResponseError,
  serverSnippet,
} from './errors.js';
export type { CloudElementsErrorOptions, ResponseErrorInput } from './errors.js';
export {
  REDACTED,
  createRedactor,
  hideSecrets,
  isSecretName,
  parserWords,
  redactAuthorization,
  redactError,
  redactHeaders,
  redactText,
  redactUrl,
  redactValue,
} from './redact.js';
export type { Redactor } from './redact.js';
export { concatBytes, encoder, readStream } from './streams.js';
export {
  DEFAULT_RETRY_METHODS,
  DEFAULT_RETRY_STATUSES,
  MAX_TIMER_MS,
  RETRY_OPTIONS,
  resolveRetryPolicy,
  sleep,
} from './retry.js';
export type { RetryOptions, RetryPolicy } from './retry.js';
export {
  Attempt,
  CALL_STATE,
  callFactsOf,
  endAttemptOf,
  loosenAttemptOf,
  checkTimeoutMs,
  createTransport,
  isUnreadable,
  relativePath,
} from './transport.js';
export type { CallFacts, CallState, LogRecord, RequestOptions, TransportOptions } from './transport.js';
export { isHttpUrl } from './urls.js';
