// The typed openapi-fetch client with the SDK's transport, and `unwrap` for data-or-throw calls.
export {
  BASE_URLS,
  CALL_OPTIONS,
  CALL_SECRETS,
  ON_HEADERS,
  SDK_VERSION,
  SEND_ONCE,
  createClient,
} from './client.js';
export type {
  CallOptions,
  ClientOptions,
  ClientPaths,
  CloudElementsClient,
  Environment,
  LogRecord,
} from './client.js';
export { answerFacts, calledPath, redactorOf, unexpectedAnswer, unwrap, unwrapWithout } from './unwrap.js';
export { checkClient } from './check-client.js';
