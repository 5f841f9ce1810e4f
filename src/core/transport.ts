import { follow, unfollow, type Follower } from './caller-signals.js';
import { describeValue, fail } from './checks.js';
import { formBlob } from './form-blob.js';
import { CloudElementsError, ConnectionError, TimeoutError, serverSnippet } from './errors.js';
import { redactError, redactUrl, type Redactor } from './redact.js';
import { parseRetryAfterMs } from './retry-after.js';
import { encoder } from './streams.js';
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
  status?: number | undefined;
  /** Time from sending to response headers (or failure), in milliseconds. */
  durationMs: number;
  /** `Elements-Request-Id` of the response, when present. */
  requestId?: string | undefined;
  /** For `outcome: 'retry'`: how long the SDK waits before the next attempt. */
  retryInMs?: number | undefined;
  /** Error message for failed attempts (secrets redacted). */
  error?: string | undefined;
};

/** Options one call may carry next to openapi-fetch's own; typed through `client.withOptions(…)`. */
export type RequestOptions = {
  /**
   * Time limit of the whole call: every attempt, the waits between them, and the reading of a JSON or text body
   * to its last byte. `Infinity` for none; at most 2147483647 (about 24.8 days).
   */
  timeoutMs?: number | undefined;
  /**
   * For streamed uploads and downloads: the call fails with `TimeoutError` when no byte moves for this long, and
   * `timeoutMs` does not apply. Set by the SDK's upload and download helpers; a JSON or text body read whole obeys
   * it the same way, chunk by chunk.
   */
  idleTimeoutMs?: number | undefined;
  /**
   * `true` opts this call into retries whatever its method (use it for a POST or PATCH that is safe to repeat);
   * a `RetryOptions` object does the same and overrides parts of the client's policy; `false` turns retries off.
   */
  retry?: boolean | RetryOptions | undefined;
  /**
   * Builds a streamed request body afresh for a retry. Without it a streamed body is sent at most once: the SDK
   * never copies a stream to be able to send it again.
   */
  bodyFactory?: (() => NonNullable<RequestInit['body']>) | undefined;
};

/** What {@link createTransport} needs; built by `createClient` from its options. */
export type TransportOptions = {
  /**
   * The fetch that sends one attempt. It gets an `init` with the attempt's signal only for a call whose Request
   * does not carry that signal (see `CallState.signalInInit`), which the client sets for a fetch that honours it;
   * `streamed` there says whether the body is a stream the caller gave, of a length nobody knows before it ends
   * (else the body is in memory: JSON, a form, bytes).
   */
  fetch: (request: Request, init?: { signal: AbortSignal; streamed: boolean }) => Promise<Response>;
  /**
   * `true` when `fetch` is the caller's own: it may change the Request it gets, so when a call can be retried,
   * the first attempt's headers are noted before it goes out, and the retries are sent with those. Node's fetch
   * and the SDK's own change nothing.
   */
  fetchMayChangeRequest?: boolean | undefined;
  /** Base URL, used to report paths relative to it. */
  baseUrl: string;
  /** Limit of a whole call; `Infinity` for none. */
  timeoutMs: number;
  /** The client's policy, the base for per-request overrides. */
  retry: RetryPolicy;
  /** `false` when the client turned retries off (a request can still opt in with `retry`). */
  retryEnabled: boolean;
  logger?: ((record: LogRecord) => unknown) | undefined;
  /** Scrubs the client's secrets from error text. */
  redact: Redactor;
};

/**
 * The property on which a call's state travels from the client to the transport: openapi-fetch copies call
 * options it does not know onto the `Request` it builds.
 */
export const CALL_STATE = 'cloudElementsCall';

/** What the client tells the transport about one call, and what the transport tells back. */
export type CallState = {
  /** The first attempt's clock, whose signal the client already put on the `Request` (so no copy is built). */
  attempt?: Attempt | undefined;
  /** The caller's own signal, when there is one. */
  callerSignal?: AbortSignal | undefined;
  /**
   * The Request does not carry `attempt`'s signal, and fetch takes it in its `init` instead: each Request that
   * carries a signal costs a listener, a weak reference and a finalizer, and the default fetch makes its own
   * Request anyway. Set by the client only when no middleware could see the Request.
   */
  signalInInit?: boolean | undefined;
  /** The body is a stream (`duplex: 'half'`): sent at most once unless a `bodyFactory` is given. */
  streamed?: boolean | undefined;
  /**
   * Sent again only when the server surely did not act (a 429, a refused connection), whatever the policy's
   * methods or the call's `retry` say: a second instance, or an OAuth code used twice, must not follow a lost answer.
   */
  sendOnce?: boolean | undefined;
  /**
   * The client sent the call with `redirect: 'manual'` (one that changes something, whose caller chose no redirect
   * mode): fetch would follow a 301, 302 or 303 with a GET, whose answer would pass for the call's. The transport
   * follows a 307 or 308 on the call's origin hop by hop (method and body kept) and hands any other redirect on as
   * the call's answer.
   */
  redirects?: boolean | undefined;
  /** The form the Request's body was made from, as the caller gave it: what a retry encodes again (`formBlob`). */
  form?: FormData | undefined;
  /** Scrubs the calling client's secrets (its element token too) from error bodies, messages, logs and causes. */
  redact?: Redactor | undefined;
  /** Set by the transport: the response handed on. */
  response?: Response | undefined;
  /**
   * Told of the response the transport hands on, after any retry and before anything reads its body: paging sends
   * the next page's request from the headers while this page's body is still arriving. Set by the client only when
   * no middleware can replace the response; what it throws is ignored.
   */
  onHeaders?: ((response: Response) => void) | undefined;
};

/** What the transport learnt about the call behind a response, for the error `unwrap` may build from it. */
export type CallFacts = {
  attempts: number;
  mayHaveReachedServer: boolean;
  method: string;
  url: string;
  basePath: string;
  redact: Redactor;
  /** Set by the client when it knows the likely cause of a failure, for the error's message. */
  hint?: string | undefined;
  /** Set by the client: a GET read as JSON was answered 2xx without a body, or with `null`, which unwrap refuses. */
  noJson?: boolean | undefined;
};

/** Attempts and certainty of the call that produced `response` (undefined for responses of other fetches). */
export function callFactsOf(response: Response): CallFacts | undefined {
  return (response as Partial<Guarded>)[GUARD]?.call;
}

/**
 * Ends the attempt that answered `response`: its clock and its listener on the caller's signal stop. The client
 * calls it once openapi-fetch is done with the response, which may have read no body at all (a 204, a HEAD, a
 * length of 0); only a body handed out as a stream keeps its attempt, which that stream's end or the clock ends.
 */
export function endAttemptOf(response: Response): void {
  const guard = (response as Partial<Guarded>)[GUARD];
  guard?.attempt.done();
  // A response the caller keeps must not keep the call's copy of its request body (a PUT's) for a retry.
  if (guard) guard.again = undefined;
}

/** The body of `response` went out as a stream: its attempt goes on, held by the stream (see `Attempt.loosen`). */
export function loosenAttemptOf(response: Response): void {
  const guard = (response as Partial<Guarded>)[GUARD];
  if (!guard) return;
  // The idle clock of the headers stops: from now on it runs only while the reader waits for bytes (see
  // guardStream), not until the app starts reading (a second download read after the first, which has arrived).
  if (guard.call.idle !== undefined) guard.attempt.arm(Infinity);
  guard.attempt.loosen();
  // A stream handed out is not read again from a new attempt.
  guard.again = undefined;
}

/** Checks a timeout value; `Infinity` means no limit. */
export function checkTimeoutMs(value: unknown, name = 'timeoutMs'): number {
  if (typeof value !== 'number' || Number.isNaN(value) || value <= 0) {
    fail(`${name} must be a positive number of milliseconds (or Infinity), got ${describeValue(value)}.`);
  }
  // Timers fire at once beyond 2^31-1 ms; a larger value is almost always a unit mistake (seconds × 1000²).
  if (value > MAX_TIMER_MS && value !== Infinity) {
    fail(`${name} must be at most ${MAX_TIMER_MS} ms (about 24.8 days); use Infinity for no limit.`);
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

/** Drops an answer that came after its attempt was given up, and frees its connection. */
function dropResponse(late: Response): void {
  late.body?.cancel().catch(noop);
}

// Connection failures that happen before the request could reach a server: safe to retry whatever the method.
const NEVER_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

function networkCode(error: unknown): string | undefined {
  return causeWith(error, (code) => /^E[A-Z]+$/.test(code))?.code;
}

/**
 * The first error down `error`'s causes whose `code` (`''` for none) and `message` `test` takes: undici puts the
 * system error (ECONNREFUSED, socket closed) in `cause`, sometimes one level deeper.
 */
function causeWith(
  error: unknown,
  test: (code: string, message: unknown) => boolean,
): { code: string; message?: unknown } | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current !== null && typeof current === 'object'; depth++) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (test(typeof code === 'string' ? code : '', message))
      return current as { code: string; message?: unknown };
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Whether undici refused the request before sending it, for a header it does not send (`Expect`, `Upgrade`,
 * `Keep-Alive`…): no attempt again could go out, and the server never saw it. Only those: undici raises the same
 * codes for other failures, after a request went out.
 */
function refusedToSend(error: unknown): boolean {
  const refusal = causeWith(
    error,
    (code, message) =>
      (code === 'UND_ERR_NOT_SUPPORTED' || code === 'UND_ERR_INVALID_ARG') &&
      typeof message === 'string' &&
      /\bheader\b/.test(message),
  );
  return refusal !== undefined;
}

/**
 * Whether the failure would come again if the call were sent again: answer headers over undici's size limit, or
 * redirects that go round (Node's fetch gives up after 20). Retried, one call made 63 requests.
 */
function failsEveryTime(error: unknown): boolean {
  const again = causeWith(
    error,
    (code, message) => code === 'UND_ERR_HEADERS_OVERFLOW' || message === 'redirect count exceeded',
  );
  return again !== undefined;
}

/**
 * Which limit of undici's own (the dispatcher behind Node's fetch: 300 s for headers and between body chunks) ended
 * the call, if one did: a time limit, not a lost connection, and sending the call again meets it again.
 */
function dispatcherTimeout(error: unknown): 'headers' | 'body' | undefined {
  const code = causeWith(error, (code) => /^UND_ERR_(HEADERS|BODY)_TIMEOUT$/.test(code))?.code;
  if (code === undefined) return undefined;
  return code === 'UND_ERR_BODY_TIMEOUT' ? 'body' : 'headers';
}

/**
 * A network failure in words, secrets redacted, at most about 300 characters. Redacted before it is cut: a secret
 * cut short is no longer a secret that redaction recognises, and its first characters would stay.
 */
function describeNetworkError(error: unknown, redact: Redactor): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  const detail = typeof cause?.message === 'string' ? cause.message : undefined;
  const message = error instanceof Error ? error.message : String(error);
  const text = redact(
    [message, code, detail && detail !== code ? detail : undefined].filter(Boolean).join(': '),
  );
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/**
 * What the transport knows of one call, shared by its attempts: the facts {@link callFactsOf} gives `unwrap`, what
 * the messages of its errors say, and its log records. One object per call rather than closures per attempt.
 * @internal
 */
export class TransportCall implements CallFacts {
  /** The attempt in progress; once the call is over, the one that produced the response. */
  attempts = 0;
  mayHaveReachedServer = false;
  hint: string | undefined = undefined;
  noJson: boolean | undefined = undefined;
  private path: string | undefined = undefined;
  private loggedUrl: string | undefined = undefined;

  constructor(
    readonly method: string,
    readonly url: string,
    readonly basePath: string,
    /**
     * Scrubs the calling client's secrets (a `forInstance` client's element token too) from error bodies, the
     * SDK's messages, log records and the errors it keeps as causes.
     */
    readonly redact: Redactor,
    readonly idle: number | undefined,
    readonly limitMs: number,
    /**
     * The most attempts a timeout's message names: the policy's for a call retried after any failure, 1 for one sent
     * again only when the server surely did not act (a POST's 429), lest "of at most 3" promise a retry of a POST.
     */
    readonly maxAttempts: number,
    private readonly logger: ((record: LogRecord) => unknown) | undefined,
  ) {}

  pathOf(): string {
    // Redacted: a caller can put a secret in a path parameter, and errors and log records show the path.
    return (this.path ??= this.redact(relativePath(this.url, this.basePath)));
  }

  /** The path as messages show it, cut short: a hostile or mistaken path parameter can be megabytes long. */
  shown(): string {
    return serverSnippet(this.pathOf());
  }

  /**
   * Hands the logger (if any) the record of the current attempt. The URL is redacted; a logger that throws or
   * rejects does not fail the call.
   */
  log(
    outcome: LogRecord['outcome'],
    durationMs: number,
    response?: Response,
    error?: string,
    retryInMs?: number,
  ): void {
    const { logger, url } = this;
    if (!logger) return;
    const record: LogRecord = {
      method: this.method,
      path: this.pathOf(),
      // Secrets by parameter name, then the client's own wherever they are: a server can send them back in a value
      // the SDK sends on (a next-page token), and a caller can put one in a path.
      url: (this.loggedUrl ??= this.redact(redactUrl(url))),
      attempt: this.attempts,
      outcome,
      durationMs,
    };
    if (response) {
      record.status = response.status;
      // A header is the server's text: a gateway may put anything there, the credentials it refused included.
      const requestId = response.headers.get('elements-request-id');
      if (requestId !== null) record.requestId = this.redact(requestId);
    }
    if (error !== undefined) record.error = error;
    if (retryInMs !== undefined) record.retryInMs = retryInMs;
    try {
      // An async logger that rejects must not become an unhandled rejection.
      (logger(record) as Promise<unknown> | undefined)?.then?.(noop, noop);
    } catch {
      // A failing logger must not fail the API call.
    }
  }

  timeoutError(attempt: number): TimeoutError {
    const { method, idle, limitMs } = this;
    const what =
      idle !== undefined ? `made no progress for ${idle} ms` : `did not complete within ${limitMs} ms`;
    return new TimeoutError(
      `${method} ${this.shown()} ${what} (attempt ${attempt}${this.maxAttempts > 1 ? ` of at most ${this.maxAttempts}` : ''})`,
      {
        method,
        path: this.pathOf(),
        timeoutMs: idle ?? limitMs,
        attempts: attempt,
        mayHaveReachedServer: true,
      },
    );
  }

  /** The time limit of the fetch's own dispatcher (see {@link dispatcherTimeout}) that ended an attempt. */
  dispatcherTimeoutError(kind: 'headers' | 'body', elapsedMs: number, attempt: number): TimeoutError {
    const { method } = this;
    return new TimeoutError(
      `${method} ${this.shown()} hit the fetch's own ${kind}Timeout (undici's, 300 s in Node) before timeoutMs; for ` +
        'longer calls, pass fetch: createUndiciFetch() from cloud-elements-sdk/node.',
      { method, path: this.pathOf(), timeoutMs: elapsedMs, attempts: attempt, mayHaveReachedServer: true },
    );
  }

  cutOffError(status: number, error: unknown): ConnectionError {
    const { method } = this;
    return new ConnectionError(
      this.redact(`${method} ${this.shown()} answered ${status} but its body was cut off: `) +
        describeNetworkError(error, this.redact),
      {
        method,
        path: this.pathOf(),
        status,
        cause: redactError(error, this.redact),
        attempts: this.attempts,
        mayHaveReachedServer: true,
      },
    );
  }
}

/**
 * Whether a response's body is a web stream, or none: what the SDK reads it as (`getReader`, `cancel`). node-fetch
 * and cross-fetch answer a Node stream there, which the SDK could neither read nor free.
 */
function hasWebBody(response: Response): boolean {
  // A Response of the global class has one; its `body` is not read here, which would make the stream of a body
  // that is read whole (json()) for nothing.
  if (response instanceof Response) return true;
  const body = (response as { body: Partial<ReadableStream> | null }).body;
  return body === null || typeof body?.getReader === 'function';
}

/**
 * A web Response of another fetch's answer whose body is an async iterable of bytes (node-fetch's Node stream), or
 * `undefined` when none can be made (a status a Response cannot have, such as 600).
 */
function webResponseOf(response: Response): Response | undefined {
  type NodeBody = AsyncIterable<Uint8Array | string> & { resume?: () => unknown };
  const body = response.body as unknown as NodeBody | null;
  if (typeof body?.[Symbol.asyncIterator] !== 'function') return undefined;
  const chunks = body[Symbol.asyncIterator]();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await chunks.next();
      if (done) controller.close();
      else controller.enqueue(typeof value === 'string' ? encoder.encode(value) : value);
    },
    // Drained, not destroyed: node-fetch pipes the socket's answer into this stream, and destroying it leaves the
    // socket stuck on unread data until the server gives up (one per retried answer).
    cancel: () => void (body.resume ? body.resume() : chunks.return?.()),
  });
  // node-fetch joins repeated headers (Set-Cookie) when iterated; its `raw()` keeps them apart.
  const raw = (response.headers as { raw?: () => Record<string, string[]> }).raw?.();
  const headers = raw
    ? Object.entries(raw).flatMap(([name, values]) => values.map((value): [string, string] => [name, value]))
    : (response.headers as HeadersInit);
  const { status } = response;
  const statusText = String(response.statusText ?? '');
  try {
    return new Response([204, 205, 304].includes(status) ? null : stream, {
      status,
      headers,
      // A status text a Response cannot carry (a DEL character, which Node's parser lets through) is left out.
      statusText: /^[\t\x20-\x7e\x80-\xff]*$/.test(statusText) ? statusText : '',
    });
  } catch {
    void stream.cancel();
    return undefined;
  }
}

/**
 * `location` read against `base`, or `undefined` when it is no address a call may be sent on to: not a URL, not
 * http or https (a `data:` URL would answer the call itself), or with a user or password (a Request refuses those).
 */
function urlOf(location: string, base: string): string | undefined {
  try {
    const url = new URL(location, base);
    return /^https?:$/.test(url.protocol) && !url.username && !url.password ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The statuses of a redirect fetch follows (see `CallState.redirects`). */
const REDIRECTS = /* @__PURE__ */ new Set([301, 302, 303, 307, 308]);

/** Whether `value` can be read as a Response: any fetch's (undici's own class is not the global one). */
function isResponse(value: unknown): value is Response {
  const candidate = value as Partial<Response> | null | undefined;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.status === 'number' &&
    typeof candidate.headers?.get === 'function'
  );
}

/**
 * One attempt's clock and cancellation. The controller is held here, strongly, by the timer and the caller's
 * listener: Node 20's fetch follows an abort only through a weak reference (nodejs/undici#4068), so the SDK never
 * relies on fetch hearing the abort; every wait races against `aborted` instead.
 */
export class Attempt {
  readonly controller = new AbortController();
  /** The call this attempt belongs to, for the message of its timeout; set by the transport. */
  call: TransportCall | undefined = undefined;
  /** 1 for the first attempt of the call. */
  number = 1;
  private timer: ReturnType<typeof setTimeout> | undefined = undefined;
  /** What follows the caller's signal for this attempt: the attempt itself, or a weak stand-in (see `loosen`). */
  private follower: Follower | undefined = undefined;
  private rejectWaiter: ((reason: unknown) => void) | undefined = undefined;

  constructor(private readonly callerSignal: AbortSignal | undefined) {
    if (callerSignal === undefined) return;
    if (callerSignal.aborted) this.controller.abort(callerSignal.reason);
    else {
      // The attempt is its own follower (`handleEvent`): no closure per call.
      follow(callerSignal, (this.follower = this));
    }
  }

  /** The caller's signal aborted. */
  handleEvent(): void {
    this.follower = undefined;
    this.abort(this.callerSignal?.reason);
  }

  /**
   * The body went out as a stream, which the caller may drop without reading it to its end or cancelling it: from
   * now on the caller's signal holds the attempt weakly. A long-lived signal (a process's shutdown signal) would
   * otherwise keep the attempt of every stream dropped so, for good. While the stream is held, so is the attempt
   * (its reads use it), and the signal still reaches it.
   */
  loosen(): void {
    const signal = this.callerSignal!;
    // Both or neither: WeakRef came with FinalizationRegistry (ES2021).
    if (this.follower !== this || !dropped) return;
    const attempt = new WeakRef(this);
    unfollow(signal, this);
    follow(signal, (this.follower = { handleEvent: () => attempt.deref()?.handleEvent() }));
    dropped.register(this, [signal, this.follower], this);
  }

  /**
   * Aborts the attempt: the pending wait rejects at once with `reason`, and fetch hears it through the signal when
   * it still listens. Every abort goes through here, so the attempt needs no listener on its own signal. An
   * aborted attempt is over: it stops listening to the caller's signal, even when nobody reads its body.
   */
  abort(reason: unknown): void {
    const signal = this.controller.signal;
    if (signal.aborted) return;
    this.controller.abort(reason);
    this.rejectWaiter?.(signal.reason);
    this.done();
  }

  /** The error of a timeout of this attempt. */
  timeoutError(): CloudElementsError {
    return this.call
      ? this.call.timeoutError(this.number)
      : new TimeoutError('The call timed out', { timeoutMs: 0 });
  }

  /** (Re)starts the clock: the attempt is aborted with a timeout error `ms` from now. */
  arm(ms: number): void {
    clearTimeout(this.timer);
    if (ms === Infinity) return;
    this.timer = setTimeout(abortWithTimeout, Math.max(0, ms), this);
    // An answer nobody reads must not keep the process alive; a pending request holds its socket anyway.
    this.timer.unref?.();
  }

  /**
   * Waits for `promise`, or rejects as soon as the attempt is aborted (one waiter at a time). A value that comes
   * after the race was lost goes to `late` (fetch's answer: dropped, and its connection freed); a rejection that
   * comes after it must not go unhandled.
   */
  race<T>(promise: Promise<T>, late: (value: T) => void = noop): Promise<T> {
    const signal = this.controller.signal;
    if (signal.aborted) {
      promise.then(late, noop);
      return Promise.reject(signal.reason);
    }
    return new Promise<T>((resolve, reject) => {
      this.rejectWaiter = reject;
      promise.then((value) => {
        if (signal.aborted) return late(value);
        // The reject function holds its promise, and so the value (a parsed page), for as long as anything holds
        // the attempt: a response the caller keeps, or Node 20's fetch, which keeps the Request (and through it
        // the attempt) alive across minor GCs, so that every page would be promoted to the old generation.
        this.rejectWaiter = undefined;
        resolve(value);
      }, reject);
    });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  done(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const follower = this.follower;
    if (follower) {
      this.follower = undefined;
      unfollow(this.callerSignal!, follower);
      if (follower !== this) dropped!.unregister(this);
    }
  }
}

/** Takes the weak stand-in of a collected attempt (see `Attempt.loosen`) off its caller's signal. */
const dropped =
  typeof FinalizationRegistry === 'function'
    ? new FinalizationRegistry<[AbortSignal, Follower]>(([signal, follower]) => unfollow(signal, follower))
    : undefined;

function abortWithTimeout(attempt: Attempt): void {
  attempt.abort(attempt.timeoutError());
}

// Where a guarded response keeps its guard, and with it the facts of its call; a symbol, so it never shows in
// JSON or collides with a field.
const GUARD = Symbol('cloudElementsBodyGuard');
type Guard = {
  /** The prototype the response came with, whose readers the guarded ones call. */
  base: Readers;
  attempt: Attempt;
  call: TransportCall;
  status: number;
  stream?: ReadableStream<Uint8Array> | null | undefined;
  /**
   * Sends the call again after its body was cut off, when the call may be retried and has attempts and time left:
   * the next attempt's response, or the call's failure.
   */
  again?: ((failure: ConnectionError) => Promise<Response>) | undefined;
};
type Guarded = Response & { [GUARD]: Guard };
const READERS = ['json', 'text', 'arrayBuffer', 'blob', 'formData'] as const;
type Readers = Record<(typeof READERS)[number], (this: Response) => Promise<unknown>>;

/**
 * The error a failed body read ends with: the timeout or abort when the attempt was stopped; a body that arrived
 * whole but could not be read as asked (not JSON, too long for one string) as it is, for the client to type; the
 * dispatcher's own time limit; else a cut-off.
 */
function bodyFailure(guard: Guard, error: unknown, startedAt: number): unknown {
  const signal = guard.attempt.controller.signal;
  if (signal.aborted) return signal.reason;
  if (error instanceof SyntaxError || isUnreadable(error)) return error;
  const limit = dispatcherTimeout(error);
  if (limit) return guard.call.dispatcherTimeoutError(limit, Date.now() - startedAt, guard.call.attempts);
  return guard.call.cutOffError(guard.status, error);
}

/** Whether a body read failed in this process, not on the wire: too long for one string or one buffer. */
export function isUnreadable(error: unknown): boolean {
  return error instanceof RangeError || (error as { code?: unknown } | null)?.code === 'ERR_STRING_TOO_LONG';
}

// One guarded prototype per prototype responses come with (`Response.prototype`, or a subclass's), shared by all
// their responses instead of per-call closures: a guarded response is a Response whose readers obey the attempt's
// clock. `instanceof Response` still holds, and the internal body is untouched.
const guardedPrototypes = new WeakMap<object, object>();

function makeGuardedPrototype(base: Readers): object {
  // The `body` getter of the prototype, found up the chain once (workerd defines it on a parent of
  // `Response.prototype`; a fetch of the SDK's own answers a subclass that defines its own).
  let baseBody: (() => unknown) | undefined;
  for (let at: object | null = base; at && !baseBody; at = Object.getPrototypeOf(at)) {
    baseBody = Object.getOwnPropertyDescriptor(at, 'body')?.get;
  }
  const guarded = Object.create(base, {
    body: {
      configurable: true,
      get(this: Guarded) {
        const guard = this[GUARD];
        if (guard.stream === undefined) {
          const source = baseBody ? (baseBody.call(this) as ReadableStream<Uint8Array> | null) : null;
          // A body already read (by json(), text()…) is handed out as it is, as a plain Response does: logging the
          // response (`console.log(result)` reads every getter) must not throw on its locked stream.
          if (source?.locked || this.bodyUsed) return source;
          guard.stream = guardStream(source, guard);
        }
        return guard.stream;
      },
    },
  }) as object;
  for (const name of READERS) {
    Object.defineProperty(guarded, name, {
      configurable: true,
      writable: true,
      value(this: Guarded): Promise<unknown> {
        const guard = this[GUARD];
        const { attempt, again } = guard;
        const startedAt = Date.now();
        // Once: the body is read now, and the retry's closure holds the call's copy of the request body.
        guard.again = undefined;
        // A body read whole can be read again from a new attempt when it is cut off; not one something else has
        // started to read as a stream.
        const retry = again && !guard.stream;
        // With an idle limit, the body is read through the guarded stream, whose clock restarts on every chunk: a
        // long body that keeps arriving is not "no progress". (The whole-call limit needs no stream.) So it is too
        // once something has taken `body` (a middleware that logged the response): the stream holds the bytes now.
        const read =
          guard.call.idle !== undefined || guard.stream
            ? (new Response(this.body, { headers: this.headers })[name]() as Promise<unknown>)
            : attempt.race(guard.base[name].call(this)).then(
                (value) => {
                  attempt.done();
                  return value;
                },
                (error: unknown) => {
                  attempt.done();
                  throw bodyFailure(guard, error, startedAt);
                },
              );
        return retry
          ? read.catch(async (error: unknown) => {
              if (!(error instanceof ConnectionError)) throw error;
              const next = (await again(error)) as Guarded;
              return next[name]();
            })
          : read;
      },
    });
  }
  return guarded;
}

/**
 * Makes the response's body obey the attempt's clock, in place (no new Response, no extra stream for the JSON
 * that most calls read): `json()`, `text()` and the other readers end with `TimeoutError` when the body stalls and
 * `ConnectionError` when it is cut off mid-way; `body`, read as a stream, does the same chunk by chunk and
 * restarts an idle clock on each chunk. The guard also carries the call's facts (see {@link callFactsOf}).
 */
function guardBody(response: Response, attempt: Attempt, call: TransportCall, status: number): Guard {
  const base = Object.getPrototypeOf(response) as Readers;
  const guard: Guard = ((response as Guarded)[GUARD] = { base, attempt, call, status });
  let guarded = guardedPrototypes.get(base);
  if (!guarded) guardedPrototypes.set(base, (guarded = makeGuardedPrototype(base)));
  Object.setPrototypeOf(response, guarded);
  return guard;
}

function guardStream(
  source: ReadableStream<Uint8Array> | null,
  guard: Guard,
): ReadableStream<Uint8Array> | null {
  if (source === null) return null;
  const { attempt } = guard;
  const idle = guard.call.idle;
  const reader = source.getReader();
  let startedAt = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          // The idle clock runs while the reader waits for bytes, not while it works on the last chunk: a
          // download that has arrived must not fail because the app took its time with each record.
          if (idle !== undefined) attempt.arm(idle);
          startedAt = Date.now();
          chunk = await attempt.race(reader.read());
          if (idle !== undefined) attempt.arm(Infinity);
        } catch (error) {
          attempt.done();
          reader.cancel(error).catch(noop);
          throw bodyFailure(guard, error, startedAt);
        }
        if (chunk.done) {
          attempt.done();
          controller.close();
          return;
        }
        controller.enqueue(chunk.value);
      },
      cancel(reason) {
        attempt.done();
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}

/**
 * Creates the fetch function handed to openapi-fetch: one `Request` in, one `Response` out, with the call's time
 * limit (through the last byte of the body), retries with backoff, the caller's `AbortSignal`, and one log record
 * per attempt. Every failure it produces is a `CloudElementsError` carrying `attempts` and `mayHaveReachedServer`.
 */
export function createTransport(options: TransportOptions): (request: Request) => Promise<Response> {
  const basePath = new URL(options.baseUrl).pathname.replace(/\/+$/, '');

  return async function send(request: Request): Promise<Response> {
    // openapi-fetch copies unknown call options onto the Request (see RequestOptions and CallState).
    const extra = request as Request & RequestOptions & { [CALL_STATE]?: CallState };
    const state = extra[CALL_STATE];
    const idle =
      extra.idleTimeoutMs === undefined ? undefined : checkTimeoutMs(extra.idleTimeoutMs, 'idleTimeoutMs');
    const timeoutMs =
      idle !== undefined
        ? Infinity
        : extra.timeoutMs === undefined
          ? options.timeoutMs
          : checkTimeoutMs(extra.timeoutMs);
    let policy = options.retry;
    const retry = extra.retry;
    if (retry !== undefined && typeof retry !== 'boolean') {
      if (typeof retry !== 'object' || retry === null) {
        fail('The call option retry must be true, false or a RetryOptions object.');
      }
      policy = resolveRetryPolicy(retry, policy);
    }
    const method = request.method;
    // Safe methods, or a call that opted in, retry on every listed status and connection error. Any method
    // retries a 429 and a connection that was refused: Cloud Elements did not act on either.
    const idempotent =
      state?.sendOnce !== true && ((retry !== undefined && retry !== false) || policy.methods.has(method));
    const streamed = state?.streamed === true;
    const bodyFactory = typeof extra.bodyFactory === 'function' ? extra.bodyFactory : undefined;
    // A stream can be sent once; without a factory there is nothing to send again.
    const maxAttempts =
      (retry === undefined ? !options.retryEnabled : retry === false) || (streamed && !bodyFactory)
        ? 1
        : policy.maxAttempts;
    const callerSignal = state ? state.callerSignal : request.signal;
    const limitMs = Math.min(timeoutMs, policy.deadlineMs ?? Infinity);
    const deadlineAt = Date.now() + limitMs;
    const call = new TransportCall(
      method,
      request.url,
      basePath,
      state?.redact ?? options.redact,
      idle,
      limitMs,
      idempotent ? maxAttempts : 1,
      options.logger,
    );
    // A body that is not a stream is read once, so that every attempt sends the same bytes without a tee. A Blob, not
    // a byte array: Node's fetch sends a byte array by moving its buffer away, and then cannot send it again when it
    // follows a 307 or 308 ("Cannot perform ArrayBuffer.prototype.slice on a detached ArrayBuffer").
    // A form is encoded to a Blob of its own whose files are not read (see formBlob), under its own boundary; also
    // for a call sent once, since it costs no read: Node's fetch re-encodes a form it follows a 307 with under a new
    // boundary, which the Content-Type it keeps does not name.
    let bodyCopy: Blob | undefined;
    let formType: string | undefined;
    if (!streamed && request.body !== null) {
      if (state?.form) ({ blob: bodyCopy, contentType: formType } = formBlob(state.form));
      else if (maxAttempts > 1) bodyCopy = await request.blob();
    }
    // The headers as they were before the caller's fetch got the first attempt's Request, for the retries.
    let headersBefore: Headers | undefined;
    const signalInInit = state?.signalInInit === true;

    // A call of `redirects` follows a 307 or 308 by hand, one hop at a time in manual mode (a 303 further on must not
    // turn it into a GET): the address of the next hop, and the hops made.
    let target: string | undefined;
    let hops = 0;
    // Set once a browser's hidden redirect (`opaqueredirect`) sent the call again for fetch to follow (see below).
    let following = false;
    const resendable = request.body === null || bodyCopy !== undefined;

    // The attempts from `first` on; a call whose body is cut off runs it again from the next one (`Guard.again`).
    const run = async (first: number): Promise<Response> => {
      for (let attempt = first; ; attempt++) {
        call.attempts = attempt;
        // The first attempt's signal is already on the Request when the client made it; others get their own.
        const given = attempt === 1 && !following && target === undefined ? state?.attempt : undefined;
        const clock = given ?? new Attempt(callerSignal);
        const signal = clock.controller.signal;
        clock.call = call;
        clock.number = attempt;
        clock.arm(idle ?? deadlineAt - Date.now());
        let body: RequestInit['body'] | undefined;
        if (attempt > 1 && streamed) {
          try {
            body = bodyFactory?.();
          } catch (error) {
            // The factory's own error is the call's; the attempt it was for must not stay on the caller's signal.
            clock.done();
            throw error;
          }
        } else if (bodyCopy !== undefined) body = bodyCopy;
        if (idle !== undefined && streamed) {
          const stream =
            body === undefined
              ? request.body
              : body instanceof ReadableStream
                ? body
                : new Response(body).body;
          // Counts the bytes of a streamed upload as fetch reads them, restarting the idle clock.
          if (stream) {
            body = stream.pipeThrough(
              new TransformStream<Uint8Array, Uint8Array>({
                transform(chunk, controller) {
                  clock.arm(idle);
                  controller.enqueue(chunk);
                },
              }),
            );
          }
        }
        let attemptRequest = request;
        // A middleware that built a Request of its own dropped the manual mode the client asked for.
        const unmanaged = state?.redirects === true && request.redirect !== 'manual';
        if (
          body !== undefined ||
          (!given && !signalInInit) ||
          following ||
          target !== undefined ||
          unmanaged
        ) {
          const init: RequestInit & { duplex?: 'half' } = { signal };
          if (state?.redirects) init.redirect = following ? 'follow' : 'manual';
          if (body !== undefined) {
            init.body = body;
            if (streamed) init.duplex = 'half';
          }
          if (headersBefore !== undefined) init.headers = headersBefore;
          if (formType !== undefined && body === bodyCopy) {
            const headers = new Headers(init.headers ?? request.headers);
            headers.set('content-type', formType);
            init.headers = headers;
          }
          // A hop stays on the call's origin (see urlOf), so its headers, credentials included, are the call's.
          attemptRequest =
            target === undefined
              ? new Request(request, init)
              : new Request(target, { ...init, method, headers: init.headers ?? request.headers });
        } else if (options.fetchMayChangeRequest && maxAttempts > 1) {
          // The first attempt goes out as it is, and the caller's fetch may change it: its headers (all a fetch can
          // change but the body, which a retry sends afresh) are noted for the retries. Far cheaper than a copy.
          headersBefore = new Headers(request.headers);
        }
        const sentAt = Date.now();
        let response: Response;
        let delayMs: number | undefined;
        const last = attempt >= maxAttempts;
        try {
          // Promise.resolve: a fetch of the user's may hand back a Response without a promise.
          response = await clock.race(
            Promise.resolve(
              signalInInit
                ? options.fetch(attemptRequest, { signal, streamed })
                : options.fetch(attemptRequest),
            ),
            dropResponse,
          );
        } catch (error) {
          clock.done();
          const durationMs = Date.now() - sentAt;
          if (callerSignal?.aborted) {
            call.log('aborted', durationMs, undefined, 'aborted by the caller');
            throw callerSignal.reason;
          }
          if (signal.aborted) {
            const failure = signal.reason as TimeoutError;
            call.log('timeout', durationMs, undefined, failure.message);
            throw failure;
          }
          const limit = dispatcherTimeout(error);
          if (limit) {
            const failure = call.dispatcherTimeoutError(limit, durationMs, attempt);
            call.log('timeout', durationMs, undefined, failure.message);
            throw failure;
          }
          const refused = refusedToSend(error);
          const code = networkCode(error);
          const neverSent = refused || (code !== undefined && NEVER_SENT_CODES.has(code));
          call.mayHaveReachedServer ||= !neverSent;
          const failure = new (refused ? CloudElementsError : ConnectionError)(
            call.redact(
              `${method} ${call.shown()} ${refused ? 'was not sent, the fetch refused it' : 'failed'}: `,
            ) + describeNetworkError(error, call.redact),
            {
              method,
              path: call.pathOf(),
              cause: redactError(error, call.redact),
              attempts: attempt,
              mayHaveReachedServer: call.mayHaveReachedServer,
            },
          );
          if (!last && !refused && (idempotent || neverSent) && !failsEveryTime(error)) {
            delayMs = computeRetryDelayMs(policy, attempt);
          }
          if (delayMs === undefined || Date.now() + delayMs >= deadlineAt) {
            call.log('connection-error', durationMs, undefined, failure.message);
            throw failure;
          }
          call.log('retry', durationMs, undefined, failure.message, delayMs);
          await wait(policy, delayMs, callerSignal);
          continue;
        }
        // node-fetch's and cross-fetch's answers carry a Node stream: read through a web Response made of it.
        const readable = isResponse(response) && (hasWebBody(response) ? response : webResponseOf(response));
        if (!readable) {
          clock.done();
          // Not a network failure and nothing to retry: the fetch given to createClient broke its contract.
          const failure = new CloudElementsError(
            `${method} ${call.shown()}: the fetch given to createClient did not resolve to a Response (got ` +
              (isResponse(response)
                ? 'one whose body is neither a web ReadableStream nor an async iterable of bytes'
                : response === null
                  ? 'null'
                  : typeof response) +
              '); it must return a WHATWG Response or a promise of one (the global fetch, undici.fetch, or ' +
              'createUndiciFetch() from cloud-elements-sdk/node).',
            { method, path: call.pathOf(), attempts: attempt, mayHaveReachedServer: true },
          );
          call.log('connection-error', Date.now() - sentAt, undefined, failure.message);
          throw failure;
        }
        response = readable;
        const status = response.status;
        const durationMs = Date.now() - sentAt;
        if (state?.redirects && !following && (REDIRECTS.has(status) || response.type === 'opaqueredirect')) {
          const location = response.headers.get('location');
          const opaque = response.type === 'opaqueredirect';
          // A 307 or 308 keeps the method and body: followed to its address, by hand, on the same origin only. A
          // browser hides a redirect's status and address: the call goes out again for fetch to follow, as it would
          // have without `manual`.
          const next = opaque || location === null ? undefined : urlOf(location, target ?? request.url);
          const foreign = next !== undefined && new URL(next).origin !== new URL(request.url).origin;
          const followable =
            opaque || ((status === 307 || status === 308) && next !== undefined && !foreign && hops < 20);
          if (followable && resendable) {
            if (opaque) following = true;
            else target = next;
            hops += 1;
            clock.done();
            call.log('retry', durationMs, response, undefined, 0);
            response.body?.cancel().catch(noop);
            attempt -= 1;
            continue;
          }
          // Any other is the call's answer, an error of its status, with what happened in its message.
          const where = location ? ` to ${serverSnippet(call.redact(redactUrl(location)))}` : '';
          call.hint =
            `it was redirected${opaque ? ' (the browser shows neither status nor address)' : where}, which ` +
            (followable
              ? 'a call whose body cannot be sent again (retry: false, or a stream) does not follow'
              : status === 307 || status === 308
                ? foreign
                  ? `a ${method} does not follow to another origin, with the call's credentials and body`
                  : next === undefined
                    ? 'has no address to follow (an http or https URL without user or password)'
                    : 'is one redirect too many (20 were followed)'
                : `fetch would have followed with a GET in place of the ${method}`) +
            '; point baseUrl at the address the API answers at';
        }
        if (!last && policy.statuses.has(status) && (idempotent || status === 429)) {
          const retryAfterMs = parseRetryAfterMs(response.headers.get('retry-after'));
          // A server that asks for a longer wait than the policy allows, or than the time left, gets no retry.
          if (retryAfterMs === undefined || retryAfterMs <= policy.maxDelayMs) {
            delayMs = computeRetryDelayMs(policy, attempt, retryAfterMs);
            if (Date.now() + delayMs >= deadlineAt) delayMs = undefined;
          }
        }
        call.mayHaveReachedServer ||= status >= 500 || status === 408;
        if (delayMs === undefined) {
          call.log('response', durationMs, response);
          const guard = guardBody(response, clock, call, status);
          // A body cut off mid-way is a connection that failed, after the headers: a call that may be retried on one
          // is, when its body is read whole (json(), text()…), and the next answer is read the same way.
          if (!last && idempotent) {
            guard.again = async (failure) => {
              const waitMs = computeRetryDelayMs(policy, attempt);
              if (Date.now() + waitMs >= deadlineAt) throw failure;
              call.log('retry', Date.now() - sentAt, undefined, failure.message, waitMs);
              await wait(policy, waitMs, callerSignal);
              const next = await run(attempt + 1);
              // The caller was told the first answer's status: an answer of the other kind (an error after a
              // success) cannot stand in for it.
              if (next.ok === response.ok) return next;
              next.body?.cancel().catch(noop);
              // The first failure stands, with the attempts the call made after it.
              (failure as { attempts: number }).attempts = call.attempts;
              throw failure;
            };
          }
          // The answer the caller gets is the first run's; a run again after a cut-off only supplies its body.
          if (state && first === 1) {
            state.response = response;
            try {
              state.onHeaders?.(response);
            } catch {
              // What the hook does (paging's read-ahead) is an optimisation: the call's own answer stands.
            }
          }
          return response;
        }
        clock.done();
        call.log('retry', durationMs, response, undefined, delayMs);
        // Free the connection; this response is dropped. Not awaited: a body of a caller's fetch whose cancel never
        // settles would hold the call past its time limit.
        response.body?.cancel().catch(noop);
        await wait(policy, delayMs, callerSignal);
      }
    };
    return run(1);
  };
}

function wait(policy: RetryPolicy, ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return policy.sleep(Math.min(ms, MAX_TIMER_MS));
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    // A sleep of the caller's may not hear the signal.
    const follower = { handleEvent: () => reject(signal.reason) };
    follow(signal, follower);
    policy.sleep(Math.min(ms, MAX_TIMER_MS), signal).then(
      () => {
        unfollow(signal, follower);
        resolve();
      },
      (error: unknown) => {
        unfollow(signal, follower);
        reject(error);
      },
    );
  });
}
