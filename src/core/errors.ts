import { parseRetryAfterMs } from './retry-after.js';

/** What an SDK error knows about the call that failed. Every field is optional. */
export type CloudElementsErrorOptions = {
  /** HTTP status of the response, when there was one. */
  status?: number;
  /** HTTP method, e.g. `GET`. */
  method?: string;
  /** Request path relative to the API base URL, without the query string, e.g. `/instances/12`. */
  path?: string;
  /** Cloud Elements request id (`Elements-Request-Id` header or `requestId` in the body). */
  requestId?: string;
  /** Text from the provider behind the element (`providerMessage` in the body), when the provider failed. */
  providerMessage?: string;
  /** Parsed error body (JSON value, or the text when it was not JSON). Secrets already redacted. */
  body?: unknown;
  /** The underlying error. */
  cause?: unknown;
};

/**
 * Root of every error the SDK throws for a failed call. Check the subclass (`instanceof NotFoundError`) or
 * `status`. Never carries credentials: no request headers are kept.
 */
export class CloudElementsError extends Error {
  override name = 'CloudElementsError';
  /** HTTP status, when the server answered. */
  readonly status?: number;
  /** HTTP method of the failed call. */
  readonly method?: string;
  /** Path of the failed call relative to the base URL, without query string. */
  readonly path?: string;
  /** Cloud Elements request id; quote it to Cloud Elements support, or look it up with `GET /usage/{id}`. */
  readonly requestId?: string;
  /** Message from the provider (Salesforce, Box, …) when the provider produced the error. */
  readonly providerMessage?: string;
  /** Parsed error body (JSON value or text). */
  readonly body?: unknown;

  constructor(message: string, options: CloudElementsErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    if (options.status !== undefined) this.status = options.status;
    if (options.method !== undefined) this.method = options.method;
    if (options.path !== undefined) this.path = options.path;
    if (options.requestId !== undefined) this.requestId = options.requestId;
    if (options.providerMessage !== undefined) this.providerMessage = options.providerMessage;
    if (options.body !== undefined) this.body = options.body;
  }
}

/** 400 and other 4xx statuses without a class of their own (405, 406, 415, 422, …): the request was invalid. */
export class BadRequestError extends CloudElementsError {
  override name = 'BadRequestError';
}

/** 401: a secret or the element token is wrong, or the instance was deleted. */
export class UnauthorizedError extends CloudElementsError {
  override name = 'UnauthorizedError';
}

/** 403: the provider forbids the call, or the instance is disabled. */
export class ForbiddenError extends CloudElementsError {
  override name = 'ForbiddenError';
}

/** 404 (and 410): the resource does not exist. */
export class NotFoundError extends CloudElementsError {
  override name = 'NotFoundError';
}

/** 409: the resource exists already or changed meanwhile. */
export class ConflictError extends CloudElementsError {
  override name = 'ConflictError';
}

/** 429: the provider's rate limit was hit. `retryAfterMs` comes from the `Retry-After` header when sent. */
export class RateLimitError extends CloudElementsError {
  override name = 'RateLimitError';
  /** How long the server asked to wait before trying again, in milliseconds. */
  readonly retryAfterMs?: number;

  constructor(message: string, options: CloudElementsErrorOptions & { retryAfterMs?: number } = {}) {
    super(message, options);
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
  }
}

/** 5xx (and 408): Cloud Elements or the provider failed; GET-like calls were already retried. */
export class ServerError extends CloudElementsError {
  override name = 'ServerError';
}

/** No HTTP response: the connection was refused, reset or could not be made. `cause` holds the network error. */
export class ConnectionError extends CloudElementsError {
  override name = 'ConnectionError';
}

/** The call took longer than `timeoutMs` (one attempt) or the retry deadline (all attempts). */
export class TimeoutError extends CloudElementsError {
  override name = 'TimeoutError';
  /** The limit that was exceeded, in milliseconds. */
  readonly timeoutMs: number;

  constructor(message: string, options: CloudElementsErrorOptions & { timeoutMs: number }) {
    super(message, options);
    this.timeoutMs = options.timeoutMs;
  }
}

/** What {@link createResponseError} needs to build an error from a non-2xx response. */
export type ResponseErrorInput = {
  /** The response (only status, status text and headers are read; the body must be passed as `body`). */
  response: Response;
  /** Parsed body: a JSON value, a string, or `undefined` when empty. */
  body: unknown;
  method?: string;
  path?: string;
};

function readString(body: unknown, key: string): string | undefined {
  if (body === null || typeof body !== 'object') return undefined;
  const value = (body as Record<string, unknown>)[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function describeBody(body: unknown): string | undefined {
  const message = readString(body, 'message') ?? readString(body, 'error');
  if (message !== undefined) return message;
  if (typeof body === 'string') {
    const text = body.trim().replace(/\s+/g, ' ');
    if (text === '') return undefined;
    return text.length > 200 ? `${text.slice(0, 200)}…` : text;
  }
  return undefined;
}

function pickClass(status: number): typeof CloudElementsError {
  if (status === 401) return UnauthorizedError;
  if (status === 403) return ForbiddenError;
  if (status === 404 || status === 410) return NotFoundError;
  if (status === 409) return ConflictError;
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
  const status = response.status;
  const requestId = response.headers.get('elements-request-id') ?? readString(body, 'requestId');
  const providerMessage = readString(body, 'providerMessage');
  const call = method && path ? `${method} ${path}` : method || path || 'Request';
  const statusText = response.statusText ? `${status} ${response.statusText}` : String(status);
  const detail =
    describeBody(body) ?? (body === undefined || body === '' ? 'empty response body' : 'no message');
  let message = `${call} failed with ${statusText}: ${detail}`;
  if (providerMessage !== undefined && providerMessage !== detail)
    message += ` (provider: ${providerMessage})`;
  if (requestId !== undefined) message += ` (request id ${requestId})`;
  const options: CloudElementsErrorOptions = { status };
  if (method !== undefined) options.method = method;
  if (path !== undefined) options.path = path;
  if (requestId !== undefined) options.requestId = requestId;
  if (providerMessage !== undefined) options.providerMessage = providerMessage;
  if (body !== undefined) options.body = body;
  if (status === 429) {
    const retryAfterMs = parseRetryAfterMs(response.headers.get('retry-after'));
    return new RateLimitError(message, retryAfterMs === undefined ? options : { ...options, retryAfterMs });
  }
  const ErrorClass = pickClass(status);
  return new ErrorClass(message, options);
}
