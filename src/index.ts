/**
 * The `.` entry: the client and what every call needs (errors, the Authorization header, CEQL, paging), for any
 * JavaScript runtime (Node, Deno, Bun, workers, browsers). The other concerns are entries of their own, so that an
 * app loads only what it uses: `./oauth`, `./instances`, `./bulk`, `./webhooks`, and `./node` for Node.
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
  ClientPaths,
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
