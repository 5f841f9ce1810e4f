import { ConnectionError, TimeoutError } from './errors.js';
import { computeRetryDelayMs, resolveRetryPolicy, type RetryOptions, type RetryPolicy } from './retry.js';
import { redactUrl, type Redactor } from './redact.js';
import { parseRetryAfterMs } from './retry-after.js';

/** One record per attempt, given to the client's `logger`. Holds no secret: the URL is redacted. */
export type LogRecord = {
  /** HTTP method, e.g. `GET`. */
  method: string;
  /** Path relative to the base URL, without query string, e.g. `/instances/12`. */
  path: string;
  /** Full URL with secret query values (`apiKey`, `apiSecret`, `code`, …) replaced by `[REDACTED]`. */
  url: string;
  /** 1 for the first attempt. */
  attempt: number;
  /** What happened: a response was returned, the attempt will be retried, or it failed for good. */
  outcome: 'response' | 'retry' | 'timeout' | 'connection-error' | 'aborted';
  /** Response status, when the server answered. */
  status?: number;
  /** Time from sending to response headers (or failure), in milliseconds. */
  durationMs: number;
  /** `Elements-Request-Id` of the response, when present. */
  requestId?: string;
  /** For `outcome: 'retry'`: how long the SDK waits before the next attempt. */
  retryInMs?: number;
  /** Error message for failed attempts (secrets redacted). */
  error?: string;
};

/** Options one call may carry next to openapi-fetch's own (`client.POST(path, { body, retry: true })`). */
export type RequestOptions = {
  /** Per-attempt time limit for this call, overriding the client's `timeoutMs`. */
  timeoutMs?: number;
  /**
   * `true` opts this call into retries whatever its method (use it for a POST or PATCH that is safe to repeat);
   * a `RetryOptions` object does the same and overrides parts of the client's policy; `false` turns retries off.
   */
  retry?: boolean | RetryOptions;
};

/** What {@link createTransport} needs; built by `createClient` from its options. */
export type TransportOptions = {
  /** The fetch that sends one attempt. */
  fetch: (request: Request) => Promise<Response>;
  /** Base URL, used to report paths relative to it. */
  baseUrl: string;
  /** Per-attempt limit; `Infinity` for none. */
  timeoutMs: number;
  /** The client's policy, the base for per-request overrides. */
  retry: RetryPolicy;
  /** `false` when the client turned retries off (a request can still opt in with `retry`). */
  retryEnabled: boolean;
  logger?: (record: LogRecord) => void;
  /** Scrubs the client's secrets from error text. */
  redact: Redactor;
};

/** Checks a timeout value; `Infinity` means no limit. */
export function checkTimeoutMs(value: unknown, name = 'timeoutMs'): number {
  if (typeof value !== 'number' || Number.isNaN(value) || value <= 0) {
    throw new TypeError(
      `[cloud-elements] ${name} must be a positive number of milliseconds (or Infinity), got ${String(value)}.`,
    );
  }
  return value;
}

/**
 * Path of `url` relative to `basePath` (`/elements/api-v2`), without query string. `url` is a serialized absolute
 * URL, as `Request.url` and `Response.url` give it.
 */
export function relativePath(url: string, basePath: string): string {
  const pathname = pathnameOf(url);
  return basePath && pathname.startsWith(`${basePath}/`) ? pathname.slice(basePath.length) : pathname;
}

// Runs on every call (transport and client middleware): string search instead of a `URL` parse. A serialized
// http(s) URL always has a `/` right after the host, and the host holds no `/`, `?` or `#`.
function pathnameOf(url: string): string {
  const hostAt = url.startsWith('https://') ? 8 : url.startsWith('http://') ? 7 : -1;
  const slash = hostAt === -1 ? -1 : url.indexOf('/', hostAt);
  if (slash === -1) return new URL(url).pathname;
  let end = url.indexOf('?', hostAt);
  if (end === -1) end = url.length;
  const hash = url.indexOf('#', hostAt);
  if (hash !== -1 && hash < end) end = hash;
  return slash < end ? url.slice(slash, end) : new URL(url).pathname;
}

function waitOrAbort(policy: RetryPolicy, ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    policy.sleep(ms, signal).then(
      () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function abortOnTimeout(controller: AbortController): void {
  controller.abort();
}

/**
 * Creates the fetch function handed to openapi-fetch: one `Request` in, one `Response` out, with per-attempt
 * timeouts, retries with backoff, the caller's `AbortSignal`, and one log record per attempt.
 */
export function createTransport(options: TransportOptions): (request: Request) => Promise<Response> {
  const basePath = new URL(options.baseUrl).pathname.replace(/\/+$/, '');
  const logger = options.logger;
  const log = (record: LogRecord) => {
    if (!logger) return;
    try {
      logger(record);
    } catch {
      // A failing logger must not fail the API call.
    }
  };

  return async function send(request: Request): Promise<Response> {
    // openapi-fetch copies unknown call options onto the Request (see RequestOptions).
    const extra = request as Request & RequestOptions;
    const timeoutMs = extra.timeoutMs === undefined ? options.timeoutMs : checkTimeoutMs(extra.timeoutMs);
    let policy = options.retry;
    let retryable = options.retryEnabled && policy.methods.has(request.method);
    if (extra.retry !== undefined) {
      if (typeof extra.retry === 'object') policy = resolveRetryPolicy(extra.retry, policy);
      else if (typeof extra.retry !== 'boolean') {
        throw new TypeError('[cloud-elements] The request option retry must be true, false or RetryOptions.');
      }
      retryable = extra.retry !== false;
    }
    const maxAttempts = retryable ? policy.maxAttempts : 1;
    const method = request.method;
    const requestUrl = request.url;
    const path = relativePath(requestUrl, basePath);
    const url = logger ? redactUrl(requestUrl) : '';
    // Follows the signal the caller passed to the call (openapi-fetch puts it on the Request).
    const callerSignal = request.signal;
    const startedAt = Date.now();
    const deadlineAt = policy.deadlineMs === undefined ? Infinity : startedAt + policy.deadlineMs;

    for (let attempt = 1; ; attempt++) {
      const last = attempt >= maxAttempts;
      const remainingMs = deadlineAt - Date.now();
      const limitMs = Math.min(timeoutMs, remainingMs);
      const byDeadline = remainingMs < timeoutMs;
      let attemptRequest: Request;
      let attemptSignal: AbortSignal | undefined;
      let handle: ReturnType<typeof setTimeout> | undefined;
      let onAbort: (() => void) | undefined;
      if (Number.isFinite(limitMs)) {
        // One controller per attempt, aborted by the timer or by the caller: cheaper than AbortSignal.any, whose
        // weak references only full GCs free (nodejs/node#48419).
        const controller = new AbortController();
        attemptSignal = controller.signal;
        if (callerSignal.aborted) controller.abort(callerSignal.reason);
        else {
          onAbort = () => controller.abort(callerSignal.reason);
          callerSignal.addEventListener('abort', onAbort);
        }
        handle = setTimeout(abortOnTimeout, Math.max(0, limitMs), controller);
        // A body can be sent once, so every attempt but the last sends a copy. Without a body, the new Request
        // is already a copy that leaves the original untouched.
        const source = last || request.body === null ? request : request.clone();
        attemptRequest = new Request(source, { signal: attemptSignal });
      } else {
        // No time limit: the original Request, whose signal follows the caller's, goes out as it is.
        attemptRequest = last ? request : request.clone();
      }
      const sentAt = Date.now();
      let response: Response;
      try {
        response = await options.fetch(attemptRequest);
      } catch (error) {
        if (onAbort) callerSignal.removeEventListener('abort', onAbort);
        const durationMs = Date.now() - sentAt;
        const base = { method, path, url, attempt, durationMs };
        if (callerSignal.aborted) {
          log({ ...base, outcome: 'aborted', error: 'aborted by the caller' });
          throw callerSignal.reason;
        }
        if (attemptSignal?.aborted) {
          const limit = byDeadline
            ? `the retry deadline of ${policy.deadlineMs} ms`
            : `the timeout of ${timeoutMs} ms`;
          const message = `${method} ${path} got no response within ${limit} (attempt ${attempt})`;
          log({ ...base, outcome: 'timeout', error: message });
          throw new TimeoutError(message, {
            method,
            path,
            timeoutMs: byDeadline ? (policy.deadlineMs ?? limitMs) : timeoutMs,
          });
        }
        const reason = describeNetworkError(error);
        const failure = new ConnectionError(options.redact(`${method} ${path} failed: ${reason}`), {
          method,
          path,
          cause: error,
        });
        const delayMs = last ? undefined : computeRetryDelayMs(policy, attempt);
        if (delayMs === undefined || Date.now() + delayMs >= deadlineAt) {
          log({ ...base, outcome: 'connection-error', error: failure.message });
          throw failure;
        }
        log({ ...base, outcome: 'retry', error: failure.message, retryInMs: delayMs });
        await waitOrAbort(policy, delayMs, callerSignal);
        continue;
      } finally {
        clearTimeout(handle);
      }
      const durationMs = Date.now() - sentAt;
      let record: LogRecord | undefined;
      if (logger) {
        record = { method, path, url, attempt, outcome: 'response', status: response.status, durationMs };
        const requestId = response.headers.get('elements-request-id');
        if (requestId !== null) record.requestId = requestId;
      }
      if (last || !policy.statuses.has(response.status)) {
        // The caller's signal stays linked: aborting it still stops the reading of the response body.
        if (record) log(record);
        return response;
      }
      const retryAfterMs = parseRetryAfterMs(response.headers.get('retry-after'));
      const delayMs = computeRetryDelayMs(policy, attempt, retryAfterMs);
      if (Date.now() + delayMs >= deadlineAt) {
        if (record) log(record);
        return response;
      }
      if (record) log({ ...record, outcome: 'retry', retryInMs: delayMs });
      // Free the connection; this response is dropped.
      await response.body?.cancel().catch(() => undefined);
      if (onAbort) callerSignal.removeEventListener('abort', onAbort);
      await waitOrAbort(policy, delayMs, callerSignal);
    }
  };
}

function describeNetworkError(error: unknown): string {
  // undici puts the useful part (ECONNREFUSED, socket closed) in `cause`.
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  const detail = typeof cause?.message === 'string' ? cause.message : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return [message, code, detail && detail !== code ? detail : undefined].filter(Boolean).join(': ');
}
