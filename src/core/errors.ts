import { parseRetryAfterMs } from './retry-after.js';
import type { Redactor } from './redact.js';

/** What an SDK error knows about the call that failed. Every field is optional. */
export type CloudElementsErrorOptions = {
  /** HTTP status of the response, when there was one. */
  status?: number | undefined;
  /** HTTP method, e.g. `GET`. */
  method?: string | undefined;
  /** Request path relative to the API base URL, without the query string, e.g. `/instances/12`. */
  path?: string | undefined;
  /** Cloud Elements request id (`Elements-Request-Id` header or `requestId` in the body). */
  requestId?: string | undefined;
  /** Text from the provider behind the element (`providerMessage` in the body), when the provider failed. */
  providerMessage?: string | undefined;
  /** Parsed error body (JSON value, or the text when it was not JSON). Secrets already redacted. */
  body?: unknown | undefined;
  /** The underlying error. */
  cause?: unknown | undefined;
  /** How many attempts the call made, retries included. */
  attempts?: number | undefined;
  /** Whether the server may have received and carried out the request; see {@link CloudElementsError.mayHaveReachedServer}. */
  mayHaveReachedServer?: boolean | undefined;
};

// The options a CloudElementsError copies onto itself (all but `cause`, which `Error` keeps).
const OPTION_FIELDS = [
  'status',
  'method',
  'path',
  'requestId',
  'providerMessage',
  'body',
  'attempts',
  'mayHaveReachedServer',
] as const satisfies readonly (keyof CloudElementsErrorOptions)[];
type OptionField = (typeof OPTION_FIELDS)[number];

/**
 * Marks the SDK's error classes, shared through the global symbol registry. Each entry of the package is one file
 * with its own copy of the classes it uses (`.`, `./webhooks` and `./node` each have a `CloudElementsError`), and an
 * app may hold two installs of the package: `instanceof` holds across such copies by this mark and the class's
 * declared name (see {@link sdkClassName}).
 */
const ERROR_CLASS = Symbol.for('cloud-elements-sdk.error-class');

/**
 * The name of an error class of the SDK (of any copy), or undefined for any other class. Each of the SDK's classes
 * descends from a marked `CloudElementsError` and declares its name as a static field, which makes it an own,
 * enumerable property; a class that does not declare it (an app's subclass, whose name its minifier may shorten
 * to the same letter as another's) has the non-enumerable name of every function, and is told apart by the plain
 * prototype check alone.
 */
function sdkClassName(ctor: unknown): string | undefined {
  if (typeof ctor !== 'function' || (ctor as { [ERROR_CLASS]?: unknown })[ERROR_CLASS] !== true)
    return undefined;
  const name = Object.getOwnPropertyDescriptor(ctor, 'name');
  return name?.enumerable === true && typeof name.value === 'string' ? name.value : undefined;
}

/**
 * Root of every error the SDK throws for a failed call. Check the subclass (`instanceof NotFoundError`) or
 * `status`. Never carries credentials: no request headers are kept. `instanceof` works whichever entry of the
 * package (`.`, `./webhooks`, `./node`) the class and the error come from.
 */
export class CloudElementsError extends Error {
  static {
    // The mark (see ERROR_CLASS), which subclasses inherit; set here rather than declared, so that it stays out of
    // the published types.
    Object.defineProperty(this, ERROR_CLASS, { value: true });
  }
  /**
   * `instanceof`, which for a class of the SDK also knows its copies: a class of the SDK of the same name up the
   * value's prototype chain.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
    const name = sdkClassName(this);
    if (name === undefined || value === null || typeof value !== 'object') return false;
    for (let proto: unknown = Object.getPrototypeOf(value); proto; proto = Object.getPrototypeOf(proto)) {
      if (sdkClassName((proto as { constructor?: unknown }).constructor) === name) return true;
    }
    return false;
  }
  /** Always `'CloudElementsError'`, the class's name, also in stack traces and logs. */
  override name = 'CloudElementsError';
  // Every class of the SDK that users see names itself: the published build renames classes when it minifies
  // (scripts/build.mjs), and `console.log(error)` prints the class's name beside `name` when the two differ. The
  // declared name also tells the SDK's classes apart for `instanceof` (see sdkClassName).
  static override readonly name: string = 'CloudElementsError';
  // The option fields are `declare`d: the constructor copies them all in one loop over OPTION_FIELDS, which
  // makes each an own property of every error, in this order.
  /** HTTP status, when the server answered. */
  declare readonly status?: number;
  /** HTTP method of the failed call. */
  declare readonly method?: string;
  /** Path of the failed call relative to the base URL, without query string. */
  declare readonly path?: string;
  /** Cloud Elements request id; quote it to Cloud Elements support, or look it up with `GET /usage/{id}`. */
  declare readonly requestId?: string;
  /** Message from the provider (Salesforce, Box, …) when the provider produced the error. */
  declare readonly providerMessage?: string;
  /** Parsed error body (JSON value or text). */
  declare readonly body?: unknown;
  /** How many attempts the call made, retries included (1 when it was not retried). */
  declare readonly attempts?: number;
  /**
   * Whether the server may have received and carried out the request in one of the attempts: `true` after a
   * timeout or a lost connection once the request was sent, after a 5xx, and for any answer that follows such an
   * attempt (a retried DELETE that ends in 404 may have deleted on its first attempt). `false` when it surely did
   * not act: the connection was refused, or every answer was a 4xx. An unsure POST, PATCH or DELETE should be
   * checked (read the resource back) before it is sent again.
   */
  declare readonly mayHaveReachedServer?: boolean;

  constructor(message: string, options: CloudElementsErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    // Every field is set, `undefined` included, so that each error has the same own properties.
    const fields = this as Record<OptionField, unknown>;
    for (const field of OPTION_FIELDS) fields[field] = options[field];
  }
}

/** 400 and other 4xx statuses without a class of their own (405, 406, 415, 422, …): the request was invalid. */
export class BadRequestError extends CloudElementsError {
  /** Always `'BadRequestError'`, the class's name, also in stack traces and logs. */
  override name = 'BadRequestError';
  static override readonly name: string = 'BadRequestError';
}

/** 401: a secret or the element token is wrong, or the instance was deleted. */
export class UnauthorizedError extends CloudElementsError {
  /** Always `'UnauthorizedError'`, the class's name, also in stack traces and logs. */
  override name = 'UnauthorizedError';
  static override readonly name: string = 'UnauthorizedError';
}

/** 403: the provider forbids the call, or the instance is disabled. */
export class ForbiddenError extends CloudElementsError {
  /** Always `'ForbiddenError'`, the class's name, also in stack traces and logs. */
  override name = 'ForbiddenError';
  static override readonly name: string = 'ForbiddenError';
}

/** 404 (and 410): the resource does not exist. */
export class NotFoundError extends CloudElementsError {
  /** Always `'NotFoundError'`, the class's name, also in stack traces and logs. */
  override name = 'NotFoundError';
  static override readonly name: string = 'NotFoundError';
}

/** 409: the resource exists already or changed meanwhile. */
export class ConflictError extends CloudElementsError {
  /** Always `'ConflictError'`, the class's name, also in stack traces and logs. */
  override name = 'ConflictError';
  static override readonly name: string = 'ConflictError';
}

/** 429: the provider's rate limit was hit. `retryAfterMs` comes from the `Retry-After` header when sent. */
export class RateLimitError extends CloudElementsError {
  /** Always `'RateLimitError'`, the class's name, also in stack traces and logs. */
  override name = 'RateLimitError';
  static override readonly name: string = 'RateLimitError';
  // `declare`d like the base class's fields: the constructor sets it, `undefined` included.
  /** How long the server asked to wait before trying again, in milliseconds. */
  declare readonly retryAfterMs?: number;

  constructor(message: string, options: CloudElementsErrorOptions & { retryAfterMs?: number } = {}) {
    super(message, options);
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** 5xx (and 408): Cloud Elements or the provider failed; GET-like calls were already retried. */
export class ServerError extends CloudElementsError {
  /** Always `'ServerError'`, the class's name, also in stack traces and logs. */
  override name = 'ServerError';
  static override readonly name: string = 'ServerError';
}

/** No HTTP response: the connection was refused, reset or could not be made. `cause` holds the network error. */
export class ConnectionError extends CloudElementsError {
  /** Always `'ConnectionError'`, the class's name, also in stack traces and logs. */
  override name = 'ConnectionError';
  static override readonly name: string = 'ConnectionError';
}

/** The call took longer than `timeoutMs`, the retry deadline, or (for streams) `idleTimeoutMs` without progress. */
export class TimeoutError extends CloudElementsError {
  /** Always `'TimeoutError'`, the class's name, also in stack traces and logs. */
  override name = 'TimeoutError';
  static override readonly name: string = 'TimeoutError';
  // `declare`d like the base class's fields: the constructor sets it.
  /**
   * The limit that was exceeded, in milliseconds; for a limit of the fetch's own (undici's, which the SDK does not
   * know), the time the attempt waited.
   */
  declare readonly timeoutMs: number;

  constructor(message: string, options: CloudElementsErrorOptions & { timeoutMs: number }) {
    super(message, options);
    this.timeoutMs = options.timeoutMs;
  }
}

/**
 * A 2xx answer whose body could not be read as the call asked: not JSON (a proxy's HTML page, a file or JSON lines
 * read without `parseAs`), or too large to read whole. `status` and `requestId` say which answer it was, the message
 * what to pass instead; the body is not kept, since it may echo a secret.
 */
export class InvalidResponseError extends CloudElementsError {
  /** Always `'InvalidResponseError'`, the class's name, also in stack traces and logs. */
  override name = 'InvalidResponseError';
  static override readonly name: string = 'InvalidResponseError';
}

/** What {@link createResponseError} needs to build an error from a non-2xx response. */
export type ResponseErrorInput = {
  /** The response (only status, status text and headers are read; the body must be passed as `body`). */
  response: Response;
  /** Parsed body, redacted already: a JSON value, a string, or `undefined` when empty. */
  body: unknown;
  /**
   * Scrubs secrets from the status text and the `Elements-Request-Id` header, which a gateway may fill with the
   * credentials it refused (the body is the caller's to redact).
   */
  redact?: Redactor | undefined;
  method?: string | undefined;
  path?: string | undefined;
  /** Attempts the call made. */
  attempts?: number | undefined;
  /** Whether an attempt may have been carried out; a 5xx answer makes it `true` whatever this says. */
  mayHaveReachedServer?: boolean | undefined;
  /** What the SDK knows of the likely cause, added to the message (a hub call made without an element token). */
  hint?: string | undefined;
  /** Said of the body in place of its message, when it could not be read. */
  detail?: string | undefined;
};

function readString(body: unknown, key: string): string | undefined {
  if (body === null || typeof body !== 'object') return undefined;
  const value = (body as Record<string, unknown>)[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** At most 200 characters of server text on one line, so that a huge or hostile body cannot flood a message. */
export function serverSnippet(text: string): string {
  const line = text.slice(0, 1000).trim().replace(/\s+/g, ' ');
  return line.length > 200 || text.length > 1000 ? `${line.slice(0, 200)}…` : line;
}

/** What the message says about the body: its `message` or `error` field, else its text, else why there is none. */
function describeBody(body: unknown): string {
  // Cloud Elements' `message`; a gateway's `error`; an RFC 9457 problem's `detail`, else its `title`.
  const message =
    readString(body, 'message') ??
    readString(body, 'error') ??
    readString(body, 'detail') ??
    readString(body, 'title');
  if (message !== undefined) return serverSnippet(message);
  if (body === undefined || body === '') return 'empty response body';
  return (typeof body === 'string' && serverSnippet(body)) || 'no message';
}

/** The constructor shape shared by the classes {@link createResponseError} picks from. */
type ResponseErrorClass = new (
  message: string,
  options: CloudElementsErrorOptions & { retryAfterMs?: number | undefined },
) => CloudElementsError;

function pickClass(status: number): ResponseErrorClass {
  if (status === 401) return UnauthorizedError;
  if (status === 403) return ForbiddenError;
  if (status === 404 || status === 410) return NotFoundError;
  if (status === 409) return ConflictError;
  if (status === 429) return RateLimitError;
  if (status === 408 || status >= 500) return ServerError;
  if (status >= 400) return BadRequestError;
  return CloudElementsError;
}

/**
 * Builds the {@link CloudElementsError} subclass matching a non-2xx response. The message reads
 * `GET /instances/12 failed with 404 Not Found: No instance found (request id 5b04…)`, and stays useful for
 * empty (`empty response body`) and non-JSON bodies.
 */
export function createResponseError(input: ResponseErrorInput): CloudElementsError {
  const { response, body, method, path } = input;
  const redact = input.redact ?? ((text: string) => text);
  const status = response.status;
  const header = response.headers.get('elements-request-id');
  const requestId = header === null ? readString(body, 'requestId') : redact(header);
  const providerMessage = readString(body, 'providerMessage');
  const call = method && path ? `${method} ${path}` : method || path || 'Request';
  const statusText = response.statusText
    ? `${status} ${serverSnippet(redact(response.statusText))}`
    : String(status);
  const detail = input.detail ?? describeBody(body);
  let message = `${call} failed with ${statusText}: ${detail}`;
  if (providerMessage !== undefined && serverSnippet(providerMessage) !== detail)
    message += ` (provider: ${serverSnippet(providerMessage)})`;
  if (requestId !== undefined) message += ` (request id ${serverSnippet(requestId)})`;
  if (input.hint !== undefined) message += `; ${input.hint}`;
  const ErrorClass = pickClass(status);
  return new ErrorClass(message, {
    status,
    method,
    path,
    requestId,
    providerMessage,
    body,
    attempts: input.attempts,
    mayHaveReachedServer: status >= 500 || status === 408 || input.mayHaveReachedServer === true,
    // Read by RateLimitError only.
    retryAfterMs: status === 429 ? parseRetryAfterMs(response.headers.get('retry-after')) : undefined,
  });
}
