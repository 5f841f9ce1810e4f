import { ConnectionError, TimeoutError, type CloudElementsError } from './errors.js';
import { redactUrl, type Redactor } from './redact.js';
import { parseRetryAfterMs } from './retry-after.js';
import {
  MAX_TIMER_MS,
  computeRetryDelayMs,
  resolveRetryPolicy,
  type RetryOptions,
  type RetryPolicy,
} from './retry.js';

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

/** Options one call may carry next to openapi-fetch's own; typed through `client.withOptions(…)`. */
export type RequestOptions = {
  /**
   * Time limit of the whole call: every attempt, the waits between them, and the reading of a JSON or text body
   * to its last byte. `Infinity` for none; at most 2147483647 (about 24.8 days).
   */
  timeoutMs?: number;
  /**
   * For streamed uploads and downloads: the call fails with `TimeoutError` when no byte moves for this long, and
   * `timeoutMs` does not apply. Set by the SDK's upload and download helpers.
   */
  idleTimeoutMs?: number;
  /**
   * `true` opts this call into retries whatever its method (use it for a POST or PATCH that is safe to repeat);
   * a `RetryOptions` object does the same and overrides parts of the client's policy; `false` turns retries off.
   */
  retry?: boolean | RetryOptions;
  /**
   * Builds a streamed request body afresh for a retry. Without it a streamed body is sent at most once: the SDK
   * never copies a stream to be able to send it again.
   */
  bodyFactory?: () => BodyInit;
};

/** What {@link createTransport} needs; built by `createClient` from its options. */
export type TransportOptions = {
  /** The fetch that sends one attempt. */
  fetch: (request: Request) => Promise<Response>;
  /** Base URL, used to report paths relative to it. */
  baseUrl: string;
  /** Limit of a whole call; `Infinity` for none. */
  timeoutMs: number;
  /** The client's policy, the base for per-request overrides. */
  retry: RetryPolicy;
  /** `false` when the client turned retries off (a request can still opt in with `retry`). */
  retryEnabled: boolean;
  logger?: (record: LogRecord) => unknown;
  /** Scrubs the client's secrets from error text. */
  redact: Redactor;
};

/** The property of a `Request` on which the client marks a call whose body is a stream (`duplex: 'half'`). */
export const STREAMED_BODY = 'cloudElementsStreamedBody';

/** What the transport learnt about the call behind a response, for the error `unwrap` may build from it. */
export type CallFacts = { attempts: number; mayHaveReachedServer: boolean };
const facts = new WeakMap<Response, CallFacts>();

/** Attempts and certainty of the call that produced `response` (undefined for responses of other fetches). */
export function callFactsOf(response: Response): CallFacts | undefined {
  return facts.get(response);
}

/** Checks a timeout value; `Infinity` means no limit. */
export function checkTimeoutMs(value: unknown, name = 'timeoutMs'): number {
  if (typeof value !== 'number' || Number.isNaN(value) || value <= 0) {
    throw new TypeError(
      `[cloud-elements] ${name} must be a positive number of milliseconds (or Infinity), got ${typeof value === 'number' ? String(value) : `a ${typeof value}`}.`,
    );
  }
  // Timers fire at once beyond 2^31-1 ms; a larger value is almost always a unit mistake (seconds × 1000²).
  if (value > MAX_TIMER_MS && value !== Infinity) {
    throw new TypeError(
      `[cloud-elements] ${name} must be at most ${MAX_TIMER_MS} ms (about 24.8 days); use Infinity for no limit.`,
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

// Runs on every call: string search instead of a `URL` parse. A serialized http(s) URL always has a `/` right
// after the host, and the host holds no `/`, `?` or `#`.
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

const noop = () => undefined;

// Connection failures that happen before the request could reach a server: safe to retry whatever the method.
const NEVER_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

function networkCode(error: unknown): string | undefined {
  // undici puts the system error (ECONNREFUSED, socket closed) in `cause`, sometimes one level deeper.
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current !== null && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  const detail = typeof cause?.message === 'string' ? cause.message : undefined;
  const message = error instanceof Error ? error.message : String(error);
  const text = [message, code, detail && detail !== code ? detail : undefined].filter(Boolean).join(': ');
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/**
 * One attempt's clock and cancellation. The controller is held here, strongly, by the timer and the caller's
 * listener: Node 20's fetch follows an abort only through a weak reference (nodejs/undici#4068), so the SDK never
 * relies on fetch hearing the abort; every wait races against `aborted` instead.
 */
class Attempt {
  readonly controller = new AbortController();
  readonly aborted: Promise<never>;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private onCallerAbort: (() => void) | undefined;

  constructor(
    private readonly callerSignal: AbortSignal,
    private readonly timeoutError: () => CloudElementsError,
  ) {
    this.aborted = new Promise<never>((_, reject) => {
      this.controller.signal.addEventListener('abort', () => reject(this.controller.signal.reason), {
        once: true,
      });
    });
    this.aborted.catch(noop);
    if (callerSignal.aborted) this.controller.abort(callerSignal.reason);
    else {
      this.onCallerAbort = () => this.controller.abort(callerSignal.reason);
      callerSignal.addEventListener('abort', this.onCallerAbort, { once: true });
    }
  }

  /** (Re)starts the clock: the attempt is aborted with a timeout error `ms` from now. */
  arm(ms: number): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    if (ms === Infinity) return;
    this.timer = setTimeout(() => this.controller.abort(this.timeoutError()), Math.max(0, ms));
    // An answer nobody reads must not keep the process alive; a pending request holds its socket anyway.
    this.timer.unref?.();
  }

  /** Waits for `promise`, or rejects as soon as the attempt is aborted. */
  race<T>(promise: Promise<T>): Promise<T> {
    return Promise.race([promise, this.aborted]);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  done(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.onCallerAbort) this.callerSignal.removeEventListener('abort', this.onCallerAbort);
    this.onCallerAbort = undefined;
  }
}

/**
 * The response handed on, with a body that obeys the attempt's clock: a stall ends in `TimeoutError`, a body cut
 * off mid-way in `ConnectionError`, and either frees the connection. Streams restart the clock on every chunk.
 */
function guardBody(
  response: Response,
  attempt: Attempt,
  idle: number | undefined,
  cutOff: (received: number, error: unknown) => CloudElementsError,
): Response {
  const source = response.body;
  if (source === null) {
    attempt.done();
    return response;
  }
  const reader = source.getReader();
  let received = 0;
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await attempt.race(reader.read());
        } catch (error) {
          attempt.done();
          reader.cancel(error).catch(noop);
          throw attempt.signal.aborted ? attempt.signal.reason : cutOff(received, error);
        }
        if (chunk.done) {
          attempt.done();
          controller.close();
          return;
        }
        received += chunk.value.byteLength;
        if (idle !== undefined) attempt.arm(idle);
        controller.enqueue(chunk.value);
      },
      cancel(reason) {
        attempt.done();
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
  const guarded = new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  // A new Response has no URL; unwrap and users read it.
  Object.defineProperty(guarded, 'url', { value: response.url });
  Object.defineProperty(guarded, 'redirected', { value: response.redirected });
  return guarded;
}

/** Counts the bytes of a streamed upload as fetch reads them, restarting the idle clock. */
function watchUpload(
  body: ReadableStream<Uint8Array>,
  attempt: Attempt,
  idle: number,
): ReadableStream<Uint8Array> {
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        attempt.arm(idle);
        controller.enqueue(chunk);
      },
    }),
  );
}

/**
 * Creates the fetch function handed to openapi-fetch: one `Request` in, one `Response` out, with the call's time
 * limit (through the last byte of the body), retries with backoff, the caller's `AbortSignal`, and one log record
 * per attempt. Every failure it produces is a `CloudElementsError` carrying `attempts` and `mayHaveReachedServer`.
 */
export function createTransport(options: TransportOptions): (request: Request) => Promise<Response> {
  const basePath = new URL(options.baseUrl).pathname.replace(/\/+$/, '');
  const logger = options.logger;
  const log = (record: LogRecord) => {
    if (!logger) return;
    try {
      const result = logger(record);
      // An async logger that rejects must not become an unhandled rejection.
      if (result !== null && typeof (result as { then?: unknown })?.then === 'function') {
        (result as Promise<unknown>).then(noop, noop);
      }
    } catch {
      // A failing logger must not fail the API call.
    }
  };

  return async function send(request: Request): Promise<Response> {
    // openapi-fetch copies unknown call options onto the Request (see RequestOptions).
    const extra = request as Request & RequestOptions & { [STREAMED_BODY]?: boolean };
    const idle =
      extra.idleTimeoutMs === undefined ? undefined : checkTimeoutMs(extra.idleTimeoutMs, 'idleTimeoutMs');
    const timeoutMs =
      idle !== undefined
        ? Infinity
        : extra.timeoutMs === undefined
          ? options.timeoutMs
          : checkTimeoutMs(extra.timeoutMs);
    let policy = options.retry;
    let retryEnabled = options.retryEnabled;
    let optedIn = false;
    if (extra.retry !== undefined) {
      if (typeof extra.retry === 'object' && extra.retry !== null)
        policy = resolveRetryPolicy(extra.retry, policy);
      else if (typeof extra.retry !== 'boolean') {
        throw new TypeError(
          '[cloud-elements] The call option retry must be true, false or a RetryOptions object.',
        );
      }
      retryEnabled = extra.retry !== false;
      optedIn = extra.retry !== false;
    }
    const method = request.method;
    // Safe methods, or a call that opted in, retry on every listed status and connection error. Any method
    // retries a 429 and a connection that was refused: Cloud Elements did not act on either.
    const idempotent = optedIn || policy.methods.has(method);
    const streamed = extra[STREAMED_BODY] === true;
    const bodyFactory = typeof extra.bodyFactory === 'function' ? extra.bodyFactory : undefined;
    // A stream can be sent once; without a factory there is nothing to send again.
    const maxAttempts = !retryEnabled || (streamed && !bodyFactory) ? 1 : policy.maxAttempts;
    const requestUrl = request.url;
    const path = relativePath(requestUrl, basePath);
    const url = logger ? redactUrl(requestUrl) : '';
    const callerSignal = request.signal;
    const startedAt = Date.now();
    const limitMs = Math.min(timeoutMs, policy.deadlineMs ?? Infinity);
    const deadlineAt = startedAt + limitMs;
    // A body that is not a stream is read once, so that every attempt sends the same bytes without a tee.
    const bytes =
      !streamed && request.body !== null && maxAttempts > 1
        ? new Uint8Array(await request.arrayBuffer())
        : undefined;
    let reached = false;

    for (let attempt = 1; ; attempt++) {
      const last = attempt >= maxAttempts;
      const timeoutError = () => {
        const what =
          idle !== undefined ? `made no progress for ${idle} ms` : `did not complete within ${limitMs} ms`;
        const message = `${method} ${path} ${what} (attempt ${attempt} of at most ${maxAttempts})`;
        return new TimeoutError(message, {
          method,
          path,
          timeoutMs: idle ?? limitMs,
          attempts: attempt,
          mayHaveReachedServer: true,
        });
      };
      const clock = new Attempt(callerSignal, timeoutError);
      clock.arm(idle ?? deadlineAt - Date.now());
      let body: BodyInit | null | undefined;
      if (attempt > 1 && streamed) body = bodyFactory?.();
      else if (bytes !== undefined) body = bytes;
      if (idle !== undefined && streamed) {
        const stream =
          body === undefined ? request.body : body instanceof ReadableStream ? body : new Response(body).body;
        if (stream) body = watchUpload(stream, clock, idle);
      }
      const init: RequestInit & { duplex?: 'half' } = { signal: clock.signal };
      if (body !== undefined) {
        init.body = body;
        if (streamed) init.duplex = 'half';
      }
      const attemptRequest = new Request(request, init);
      const sentAt = Date.now();
      let response: Response;
      try {
        const fetching = options.fetch(attemptRequest);
        // Should the race be lost, a late answer is dropped and its connection freed.
        fetching.then((late) => {
          if (clock.signal.aborted) late.body?.cancel().catch(noop);
        }, noop);
        response = await clock.race(fetching);
      } catch (error) {
        clock.done();
        const durationMs = Date.now() - sentAt;
        const base = { method, path, url, attempt, durationMs };
        if (callerSignal.aborted) {
          log({ ...base, outcome: 'aborted', error: 'aborted by the caller' });
          throw callerSignal.reason;
        }
        if (clock.signal.aborted) {
          const failure = clock.signal.reason as TimeoutError;
          log({ ...base, outcome: 'timeout', error: failure.message });
          throw failure;
        }
        const code = networkCode(error);
        const neverSent = code !== undefined && NEVER_SENT_CODES.has(code);
        reached ||= !neverSent;
        const failure = new ConnectionError(
          options.redact(`${method} ${path} failed: ${describeNetworkError(error)}`),
          {
            method,
            path,
            cause: error,
            attempts: attempt,
            mayHaveReachedServer: reached,
          },
        );
        const delayMs = last || !(idempotent || neverSent) ? undefined : computeRetryDelayMs(policy, attempt);
        if (delayMs === undefined || Date.now() + delayMs >= deadlineAt) {
          log({ ...base, outcome: 'connection-error', error: failure.message });
          throw failure;
        }
        log({ ...base, outcome: 'retry', error: failure.message, retryInMs: delayMs });
        await wait(policy, delayMs, callerSignal);
        continue;
      }
      const durationMs = Date.now() - sentAt;
      const status = response.status;
      let record: LogRecord | undefined;
      if (logger) {
        record = { method, path, url, attempt, outcome: 'response', status, durationMs };
        const requestId = response.headers.get('elements-request-id');
        if (requestId !== null) record.requestId = requestId;
      }
      const retryable = policy.statuses.has(status) && (idempotent || status === 429);
      let delayMs: number | undefined;
      if (!last && retryable) {
        const retryAfterMs = parseRetryAfterMs(response.headers.get('retry-after'));
        // A server that asks for a longer wait than the policy allows, or than the time left, gets no retry.
        if (retryAfterMs === undefined || retryAfterMs <= policy.maxDelayMs) {
          delayMs = computeRetryDelayMs(policy, attempt, retryAfterMs);
          if (Date.now() + delayMs >= deadlineAt) delayMs = undefined;
        }
      }
      if (delayMs === undefined) {
        if (record) log(record);
        reached ||= status >= 500 || status === 408;
        const guarded = guardBody(response, clock, idle, (received, error) => {
          return new ConnectionError(
            options.redact(
              `${method} ${path} answered ${status} but its body was cut off after ${received} bytes: ${describeNetworkError(error)}`,
            ),
            { method, path, status, cause: error, attempts: attempt, mayHaveReachedServer: true },
          );
        });
        facts.set(guarded, { attempts: attempt, mayHaveReachedServer: reached });
        return guarded;
      }
      clock.done();
      reached ||= status >= 500 || status === 408;
      if (record) log({ ...record, outcome: 'retry', retryInMs: delayMs });
      // Free the connection; this response is dropped.
      await response.body?.cancel().catch(noop);
      await wait(policy, delayMs, callerSignal);
    }
  };
}

function wait(policy: RetryPolicy, ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    policy.sleep(Math.min(ms, MAX_TIMER_MS), signal).then(
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
