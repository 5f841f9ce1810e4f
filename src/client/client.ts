import createFetchClient, {
  type Client,
  type FetchResponse,
  type MaybeOptionalInit,
  type Middleware,
} from 'openapi-fetch';
import type { paths } from '../../generated/schema.js';
import {
  Attempt,
  CALL_STATE,
  CloudElementsError,
  InvalidResponseError,
  assertCredential,
  callFactsOf,
  endAttemptOf,
  loosenAttemptOf,
  checkKnownKeys,
  checkTimeoutMs,
  createRedactor,
  createResponseError,
  createTransport,
  fail,
  isHttpUrl,
  isUnreadable,
  joinAuthorization,
  looksLike,
  quoteKey,
  redactAuthorization,
  redactUrl,
  redactValue,
  relativePath,
  RETRY_OPTIONS,
  resolveRetryPolicy,
  serverSnippet,
  validateCredentials,
  type CallState,
  type RequestOptions as CallOptions,
  type Credentials,
  type LogRecord,
  type RetryOptions,
  parserWords,
} from '../core/index.js';

/** Cloud Elements regions, each with its own API host. */
export type Environment = 'us' | 'eu' | 'staging';

/** API base URL of each {@link Environment}. */
export const BASE_URLS: Readonly<Record<Environment, string>> = /* @__PURE__ */ Object.freeze({
  us: 'https://api.cloud-elements.com/elements/api-v2',
  eu: 'https://api.cloud-elements.co.uk/elements/api-v2',
  staging: 'https://staging.cloud-elements.com/elements/api-v2',
});

/**
 * Marks a fetch of the SDK's own (see `createUndiciFetch`): it honours `init.signal` and does not change the
 * Request it is given. Registered globally, so that it needs no import between the two folders.
 */
const SDK_FETCH = Symbol.for('cloud-elements-sdk.fetch');

/**
 * What the mark of a fetch of the SDK's own holds: a class it reads as well as a `Request`, built like one, which
 * openapi-fetch makes in place of a `Request` for a call without a body that no middleware or fetch of the
 * caller's sees.
 */
type SdkFetchMark = { Request?: typeof Request | undefined };

/** Version sent in the default `User-Agent`; keep in step with package.json. */
export const SDK_VERSION = '0.1.0';

/** Options of {@link createClient}. */
export type ClientOptions = {
  /** User secret; sent on every call. */
  userSecret: string;
  /** Organization secret; needed for platform calls, may be left out for hub calls with an element token. */
  organizationSecret?: string | undefined;
  /** Element token that every call of this client sends; usually set later with `client.forInstance(token)`. */
  elementToken?: string | undefined;
  /**
   * Region whose API to call; not allowed together with `baseUrl`.
   * @default 'us'
   */
  environment?: Environment | undefined;
  /** Full base URL instead of an environment, e.g. `http://127.0.0.1:4010/elements/api-v2` for a local emulator. */
  baseUrl?: string | undefined;
  /**
   * fetch implementation that sends one `Request`; the SDK wraps it with timeouts, retries and logging.
   * @default globalThis.fetch (looked up at each call, so test stubs installed later are seen)
   */
  fetch?: ((request: Request) => Promise<Response>) | undefined;
  /**
   * Time limit of each call as a whole: every attempt, the waits between retries, and the reading of a JSON or
   * text body to its last byte. When it runs out the call fails with `TimeoutError`, however many attempts were
   * left. `Infinity` for none; at most 2147483647 (about 24.8 days). Override per call with `{ timeoutMs }`.
   * @default 60000
   */
  timeoutMs?: number | undefined;
  /**
   * Retry policy, `true` for the default one, or `false` for none (a call can still opt in with
   * `{ retry: true }`).
   * @default { maxAttempts: 3, baseDelayMs: 500, maxDelayMs: 30000 } for GET, HEAD, PUT, DELETE, OPTIONS
   */
  retry?: RetryOptions | boolean | undefined;
  /** Receives one record per attempt (method, path, status, duration, attempt, request id); holds no secret. */
  logger?: ((record: LogRecord) => void) | undefined;
  /**
   * `User-Agent` header value.
   * @default `cloud-elements-sdk/<version>`
   */
  userAgent?: string | undefined;
};

/**
 * An openapi-fetch client for the Cloud Elements API (`GET`, `POST`, `PUT`, `PATCH`, `DELETE`, … with typed
 * paths, params, bodies and results) that adds the `Authorization` header to every call. Besides openapi-fetch's
 * options, each call accepts `timeoutMs` and `retry` (see {@link CallOptions}). An upload (a `multipart/form-data`
 * body) also takes the `FormData` it sends: `POST('/hubs/documents/files', { params, body: form })`.
 */
export type CloudElementsClient<Paths extends {} = paths> = Client<Paths> &
  FormUploads<Paths> &
  ClientPaths<Paths> & {
    /** Base URL every path is appended to, e.g. `https://api.cloud-elements.com/elements/api-v2`. */
    readonly baseUrl: string;
    /**
     * Returns a client that acts as the instance with `elementToken` (`…, Element <token>`). Cheap: it shares the
     * transport (timeouts, retries, logger) and the already checked secrets, and starts with the middleware
     * registered on this client so far. Pass the `paths` that `cloud-elements types --instance <id>` wrote to type
     * its calls by the instance's own records, custom fields and objects: `ce.forInstance<InstancePaths>(token)`.
     */
    forInstance<InstancePaths extends {} = paths>(elementToken: string): CloudElementsClient<InstancePaths>;
    /**
     * Returns a client whose every call carries `options` (a call's own options win): the typed way to set a
     * call's `timeoutMs`, `idleTimeoutMs`, `retry` or `bodyFactory`, checked when you call it.
     * @example await unwrap(ce.withOptions({ retry: true, timeoutMs: 10_000 }).POST('/hubs/crm/contacts', { body }));
     */
    withOptions(options: CallOptions): CloudElementsClient<Paths>;
  };

/**
 * A second signature of `POST`, `PUT` and `PATCH` for the uploads of `Paths`, whose `multipart/form-data` body it
 * types as the `FormData` that is sent: openapi-typescript writes a form's binary part as `string`, which no upload
 * can be, and openapi-fetch sends a `FormData` body as it is, with its boundary. A second signature rather than a
 * change of openapi-fetch's, so that the client stays a `Client<Paths>` (for libraries built on openapi-fetch), and
 * the form's parts with a `bodySerializer`, as openapi-fetch documents uploads, still type-check.
 */
type FormUploads<Paths> = {
  POST: FormMethod<Paths, 'post'>;
  PUT: FormMethod<Paths, 'put'>;
  PATCH: FormMethod<Paths, 'patch'>;
};
type FormMethod<Paths, M extends 'post' | 'put' | 'patch'> = <
  Path extends FormPaths<Paths, M>,
  Init extends MaybeOptionalInit<FormOperations<Paths[Path]>, M & keyof Paths[Path]>,
>(
  url: Path,
  ...init: RequiredKeys<Init> extends never
    ? [(Init & { [key: string]: unknown })?]
    : [Init & { [key: string]: unknown }]
) => Promise<
  FetchResponse<
    Paths[Path][M & keyof Paths[Path]] & Record<string | number, unknown>,
    Init,
    `${string}/${string}`
  >
>;
/** The paths of `Paths` whose method `M` takes a `multipart/form-data` body. */
type FormPaths<Paths, M extends string> = {
  [P in keyof Paths]: Paths[P] extends {
    [K in M]: { requestBody: { content: { 'multipart/form-data': unknown } } };
  }
    ? P
    : never;
}[keyof Paths];
/** A path's operations with each form body typed as `FormData`. */
type FormOperations<PathItem> = {
  [M in keyof PathItem]: PathItem[M] extends { requestBody: { content: { 'multipart/form-data': unknown } } }
    ? {
        [K in keyof PathItem[M]]: K extends 'requestBody'
          ? { content: { 'multipart/form-data': FormData } }
          : PathItem[M][K];
      }
    : PathItem[M];
};
type RequiredKeys<T> = { [K in keyof T]: {} extends Pick<T, K> ? never : K }[keyof T] extends infer R
  ? R extends undefined
    ? never
    : R
  : never;

/**
 * The call option under which a helper of the SDK (paging) asks to be told of a call's response before its body is
 * read (`CallState.onHeaders`): a symbol, so that no user's option collides with it and the check of misspelt
 * options does not see it.
 */
export const ON_HEADERS = Symbol('cloud-elements-sdk.on-headers');

/**
 * The call option under which a helper of the SDK marks a call that must not be sent again once the server may have
 * acted on it, whatever the client's policy says (`CallState.sendOnce`): creating an instance, exchanging an OAuth
 * code. Unlike `retry: false`, it keeps the retries of a 429 and of a refused connection, which the server never
 * acted on; a client without retries still makes none.
 */
export const SEND_ONCE = Symbol('cloud-elements-sdk.send-once');

/**
 * The call option under which a helper of the SDK names the secrets of one call (an OAuth code, the app's secret, a
 * configuration password): its errors and log records are scrubbed of them too, beside the client's own, also when
 * a fetch of the caller's quotes the request in the error it throws.
 */
export const CALL_SECRETS = Symbol('cloud-elements-sdk.call-secrets');

// Never set at run time; it only gives ClientPaths a key that no other object type has.
declare const pathsKey: unique symbol;

/**
 * Which paths a client from {@link createClient} was typed with (`paths` of the spec, or an instance's own from
 * `ce.forInstance<InstancePaths>(token)`). Helpers that are generic over a client's paths, such as `paginate`,
 * read them from here: inferring them from openapi-fetch's `Client<Paths>` makes TypeScript measure that
 * interface's variance, about 150,000 type instantiations (a second or so) for the first such call in a program.
 */
export type ClientPaths<Paths> = {
  /** Type only: never present on a client at run time. */
  readonly [pathsKey]?: Paths;
};

/** Per-call options the SDK adds to openapi-fetch's: `client.POST('/instances', { body, retry: true })`. */
export type { RequestOptions as CallOptions, LogRecord } from '../core/index.js';

function resolveBaseUrl(options: ClientOptions): string {
  if (options.baseUrl !== undefined && options.environment !== undefined) {
    fail('Pass either environment or baseUrl, not both.');
  }
  if (options.baseUrl !== undefined) {
    if (!isHttpUrl(options.baseUrl)) {
      fail('baseUrl must be an absolute http(s) URL such as https://api.cloud-elements.com/elements/api-v2.');
    }
    const { username, password, search, hash } = new URL(options.baseUrl);
    if (search !== '' || hash !== '' || /[?#]/.test(options.baseUrl)) {
      // Paths are appended to it: a query or fragment would end up in the middle of every call's URL.
      fail(
        'baseUrl must be the API root, without a query or fragment (?… or #…), e.g. https://host/elements/api-v2.',
      );
    }
    if (username !== '' || password !== '') {
      // fetch refuses such a URL on every call, and the client would print it: refused here, without quoting it.
      fail(
        'baseUrl must not hold a user name or password (user:password@): Cloud Elements takes the credentials ' +
          'in the Authorization header, which the client sends.',
      );
    }
    return options.baseUrl.replace(/\/+$/, '');
  }
  const environment = options.environment ?? 'us';
  const url = Object.hasOwn(BASE_URLS, environment) ? BASE_URLS[environment] : undefined;
  if (url === undefined) {
    fail(`environment must be one of ${Object.keys(BASE_URLS).join(', ')}; pass baseUrl for any other host.`);
  }
  return url;
}

/** The options of {@link createClient}, for its check of misspelt ones. */
const CLIENT_OPTIONS = [
  'userSecret',
  'organizationSecret',
  'elementToken',
  'environment',
  'baseUrl',
  'fetch',
  'timeoutMs',
  'retry',
  'logger',
  'userAgent',
];
/** What `withOptions` carries to every call. */
export const CALL_OPTIONS = ['timeoutMs', 'idleTimeoutMs', 'retry', 'bodyFactory'];
/**
 * A call's options that are checked for misspellings: the SDK's and `params`. Any other option goes on to
 * openapi-fetch and fetch unchecked, as `RequestInit` grows.
 */
const CALL_CHECKED = [...CALL_OPTIONS, 'params'];
/** openapi-fetch's options that most calls carry (skipped at once), and those close to a checked name. */
const CALL_PASSED = ['params', 'body', 'headers', 'signal', 'parseAs', 'middleware', 'bodySerializer'];

/**
 * Creates a Cloud Elements client. Credentials are checked here (a bad one throws a `TypeError` naming the
 * field, never its value) and kept out of sight: `JSON.stringify`, `util.inspect` and `String()` show them redacted.
 * @example
 * const ce = createClient({ userSecret, organizationSecret });
 * const { data, error } = await ce.GET('/instances/{id}', { params: { path: { id: 12 } } });
 * const contacts = await unwrap(ce.forInstance(token).GET('/hubs/{hub}/{objectName}', …));
 */
export function createClient(options: ClientOptions): CloudElementsClient {
  if (options === null || typeof options !== 'object') {
    fail('createClient needs an options object such as { userSecret, organizationSecret }.');
  }
  checkKnownKeys('createClient', options, CLIENT_OPTIONS);
  const credentials: Credentials = { userSecret: options.userSecret };
  if (options.organizationSecret !== undefined) credentials.organizationSecret = options.organizationSecret;
  if (options.elementToken !== undefined) credentials.elementToken = options.elementToken;
  validateCredentials(credentials);
  const baseUrl = resolveBaseUrl(options);
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    fail('fetch must be a function (request: Request) => Promise<Response>.');
  }
  if (options.logger !== undefined && typeof options.logger !== 'function') {
    fail('logger must be a function (record: LogRecord) => void.');
  }
  // The default fetch takes the attempt's signal in its init, so the Request openapi-fetch builds need not carry it.
  const baseFetch =
    options.fetch ?? ((request: Request, init?: { signal: AbortSignal }) => globalThis.fetch(request, init));
  // A fetch of the SDK's own (`createUndiciFetch`) says so with a mark: it takes the signal in its init too, and
  // leaves the Request as it is. A shared symbol, since node/ builds on this folder and not the other way round.
  // The mark is `true` from a `./node` of a version before the plain request, which an app with two installs of
  // the package may hand to this client.
  const mark = (options.fetch as { [SDK_FETCH]?: SdkFetchMark | true } | undefined)?.[SDK_FETCH];
  const ownFetch = options.fetch === undefined || mark === true || typeof mark === 'object';
  const retryEnabled = options.retry !== false;
  if (
    options.retry !== undefined &&
    typeof options.retry !== 'boolean' &&
    (options.retry === null || typeof options.retry !== 'object')
  ) {
    fail('retry must be a RetryOptions object, true (the default policy) or false (no retries).');
  }
  const transport = createTransport({
    fetch: baseFetch,
    fetchMayChangeRequest: !ownFetch,
    baseUrl,
    timeoutMs: options.timeoutMs === undefined ? 60_000 : checkTimeoutMs(options.timeoutMs),
    retry: resolveRetryPolicy(typeof options.retry === 'object' ? options.retry : {}),
    retryEnabled,
    ...(options.logger ? { logger: options.logger } : {}),
    // Known secrets are scrubbed from error text too, in case a server echoes the header back.
    redact: redactorFor(credentials),
  });
  const userAgent = options.userAgent ?? `cloud-elements-sdk/${SDK_VERSION}`;
  // A header value: visible ASCII, spaces and tabs, nothing that could end the header or start another.
  if (typeof userAgent !== 'string' || userAgent.trim() === '' || !/^[\t\x20-\x7e]*$/.test(userAgent)) {
    fail('userAgent must be a non-empty header value: printable ASCII, no line breaks, e.g. my-app/1.2.');
  }
  return buildClient({
    credentials,
    baseUrl,
    transport,
    signalInInit: ownFetch,
    plainRequest: typeof mark === 'object' ? mark.Request : undefined,
    // The SDK's own fetch (createUndiciFetch) follows no redirect: a 3xx is the call's answer already.
    followsRedirects: mark === undefined,
    userAgent,
    middleware: [],
    defaults: {},
  });
}

type BuildInput = {
  credentials: Credentials;
  baseUrl: string;
  transport: (request: Request) => Promise<Response>;
  /** The transport's fetch takes a call's signal in its init (see `CallState.signalInInit`). */
  signalInInit: boolean;
  /** The request class the transport's fetch reads as well as a `Request` (see `SdkFetchMark`). */
  plainRequest?: typeof Request | undefined;
  /** The fetch follows redirects (any but the SDK's own): a call that changes something is sent `manual`. */
  followsRedirects: boolean;
  userAgent: string;
  middleware: Middleware[];
  /** Call options every call of this client carries (from `withOptions`); a call's own win. */
  defaults: CallOptions;
};

const METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const;

/**
 * Refuses path parameters that would change which resource a call reaches, and a path whose `{name}` has no value
 * (openapi-fetch would send `/instances/%7Bid%7D`, and the 404 would not name the mistake).
 */
function checkPathParams(path: string, init: Record<string, unknown> | undefined): void {
  const params = (init?.params as { path?: unknown } | undefined)?.path;
  if (params !== undefined && params !== null && typeof params !== 'object') {
    fail('params.path must be an object of path parameters, e.g. { id: 12 }.');
  }
  const given = (params ?? {}) as Record<string, unknown>;
  // Each `{name}` of the path, found without a regular expression: this runs on every call.
  for (let open = path.indexOf('{'); open !== -1; open = path.indexOf('{', open + 1)) {
    const close = path.indexOf('}', open);
    const name = path.slice(open + 1, close);
    if (close !== -1 && given[name] === undefined) {
      fail(`${path} needs params.path.${name}, e.g. { params: { path: { ${name}: … } } }.`);
    }
  }
  for (const name in given) {
    const value = given[name];
    if (typeof value !== 'string' && typeof value !== 'number') {
      fail(
        `Path parameter ${name} must be a string or a number, got ${value === null ? 'null' : typeof value}.`,
      );
    }
    if (typeof value === 'number' && !Number.isFinite(value)) {
      fail(
        `Path parameter ${name} is ${value}; pass the id or key of the resource (was it parsed from text?).`,
      );
    }
    const text = String(value);
    if (text === '' || text === '.' || text === '..') {
      fail(
        `Path parameter ${name} is ${text === '' ? 'empty' : `"${text}"`}, which would call another path; pass the id or key of the resource.`,
      );
    }
  }
}

/**
 * `init` with each query value that is an object with a text form of its own sent as that text: a `ceql` fragment
 * as its CEQL (openapi-fetch would send `where[text]=…`, which the API ignores, so the list came back unfiltered)
 * and a `Date` as its ISO time (openapi-fetch would send nothing). Plain objects and arrays stay as they are.
 */
function withQueryText(init: Record<string, unknown>): Record<string, unknown> {
  const params = init.params as { query?: unknown } | undefined;
  const query = params?.query;
  if (query === null || typeof query !== 'object') return init;
  let text: Record<string, unknown> | undefined;
  for (const name in query) {
    const value = (query as Record<string, unknown>)[name];
    if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
    const proto = Object.getPrototypeOf(value) as { toString?: unknown } | null;
    if (proto === null || proto === Object.prototype) continue;
    text ??= { ...query };
    text[name] = value instanceof Date ? value.toISOString() : String(value);
  }
  return text ? { ...init, params: { ...params, query: text } } : init;
}

/** Refuses an option of a call that looks like one of the call's options but is not (`timeout`, `query`). */
function checkCallInit(method: string, init: Record<string, unknown>): void {
  for (const key in init) {
    if (CALL_PASSED.includes(key) || CALL_CHECKED.includes(key)) continue;
    if (key === 'query' || key === 'path') {
      fail(`${method} has no option ${key}; put it in params: { params: { ${key}: { … } } }.`);
    }
    if (RETRY_OPTIONS.includes(key)) {
      fail(`${method} has no option ${key}; it is one of retry's: { retry: { ${key}: … } }.`);
    }
    // Then without a unit (`timout`): the name a user has in mind before the SDK's `Ms`; second, so that
    // `idleTimeout` is taken for idleTimeoutMs, not for timeoutMs.
    const meant =
      CALL_CHECKED.find((name) => looksLike(key, name)) ??
      CALL_CHECKED.find((name) => looksLike(key, name.replace(/Ms$/, '')));
    if (meant) fail(`${method} has no option ${quoteKey(key)}; did you mean ${meant}?`);
  }
}

/** Checks the call options of `withOptions` and of a call; the message names the option. */
export function checkCallOptions(options: unknown, where: string): CallOptions {
  if (options === null || typeof options !== 'object') {
    fail(`${where} takes an object such as { timeoutMs: 10000, retry: true }.`);
  }
  if (where === 'withOptions') checkKnownKeys(where, options, CALL_OPTIONS);
  const { timeoutMs, idleTimeoutMs, retry, bodyFactory } = options as CallOptions;
  if (timeoutMs !== undefined) checkTimeoutMs(timeoutMs);
  if (idleTimeoutMs !== undefined) checkTimeoutMs(idleTimeoutMs, 'idleTimeoutMs');
  if (retry !== undefined && typeof retry !== 'boolean') resolveRetryPolicy(retry);
  if (bodyFactory !== undefined && typeof bodyFactory !== 'function') {
    fail('bodyFactory must be a function that returns a new body for each attempt.');
  }
  return options as CallOptions;
}

/** Turns what openapi-fetch lets through into the SDK's errors: a 2xx body that is not JSON, mainly. */
function typedError(error: unknown, state: CallState, method: string): unknown {
  // encodeURIComponent refuses text that is not valid Unicode (a lone surrogate) with a bare URIError.
  if (error instanceof URIError) {
    return new TypeError(
      `[cloud-elements] A path or query parameter of this ${method} call is not valid text (it holds a lone surrogate, \\ud800–\\udfff); pass well-formed strings.`,
      { cause: error },
    );
  }
  const unreadable = isUnreadable(error);
  if (
    error instanceof CloudElementsError ||
    // The caller's own abort reason is handed back as given, whatever its class.
    (state.callerSignal?.aborted && error === state.callerSignal.reason) ||
    !(error instanceof SyntaxError || unreadable) ||
    !state.response
  ) {
    return error;
  }
  const { status, headers } = state.response;
  const facts = callFactsOf(state.response);
  const path = facts && relativePath(facts.url, facts.basePath);
  if (unreadable && !state.response.ok) {
    // An error answer whose body could not be read (openapi-fetch reads it whole, whatever parseAs says): the
    // status's own error, without the body.
    return createResponseError({
      response: state.response,
      body: undefined,
      detail: 'a body too large to read whole',
      redact: state.redact,
      method,
      path,
      attempts: facts?.attempts ?? 1,
      mayHaveReachedServer: facts?.mayHaveReachedServer,
    });
  }
  // Headers are the server's text: a gateway may echo anything there, the credentials it refused included.
  const requestIdHeader = headers.get('elements-request-id');
  const requestId = requestIdHeader === null ? undefined : state.redact!(requestIdHeader);
  const contentType = state.redact!(headers.get('content-type') ?? 'no content type');
  const answered = `${method} ${path ?? ''} answered ${status} with a body `;
  const about = `(${serverSnippet(contentType)})${requestId ? ` (request id ${serverSnippet(requestId)})` : ''}; `;
  return new InvalidResponseError(
    unreadable
      ? // Read whole, it does not fit one string or buffer of this runtime; no attempt again would be different.
        `${answered}too large to read whole ${about}pass parseAs: 'stream'.`
      : `${answered}that is not JSON ${about}` +
          // V8's words for JSON followed by more: JSON lines, as a bulk job's results come, not a proxy's page.
          (/after JSON at/.test((error as SyntaxError).message)
            ? "it is JSON lines (as bulk results are): pass parseAs: 'text' or 'stream', or use readBulkRecords."
            : // A file's own type (a download) is no proxy's page: the call wanted `parseAs`.
              /html|json|^no content type$/i.test(contentType)
              ? 'is a proxy answering instead of Cloud Elements?'
              : "if it answers a file, pass parseAs: 'blob' (or 'stream', 'arrayBuffer', 'text')."),
    {
      status,
      method,
      path,
      requestId,
      // The parser's message quotes the body around the bad token (`"User uS3cr"...`), unescaped, so a quote in
      // the body shifts any pairing of quotes. Part of a secret is still a leak, and redaction finds whole secrets
      // only: the cause keeps the parser's words up to its first quote, and the position when it gives one.
      cause: unreadable ? error : new SyntaxError(parserWords((error as SyntaxError).message)),
      attempts: facts?.attempts ?? 1,
      mayHaveReachedServer: true,
    },
  );
}

// The call options the transport reads from the Request (openapi-fetch copies unknown options onto the one it
// builds), and the call's state.
const CARRIED = [CALL_STATE, 'timeoutMs', 'idleTimeoutMs', 'retry', 'bodyFactory'] as const;

/**
 * The last middleware of a call when there are others: a middleware may return a new Request, which would reach the
 * transport without the call's time limits, retry choice, body factory and state (and with them its signal's
 * listener). This one puts them back on whatever Request the others leave.
 */
function carryCallOptions(options: Record<string, unknown>): Middleware {
  return {
    onRequest({ request }) {
      const target = request as unknown as Record<string, unknown>;
      for (const key of CARRIED)
        if (options[key] !== undefined && !(key in target)) target[key] = options[key];
      return undefined;
    },
  };
}

/** Scrubs each of the client's secrets from text: error bodies and messages, log records, causes. */
const redactorFor = (credentials: Credentials) =>
  createRedactor([credentials.userSecret, credentials.organizationSecret, credentials.elementToken]);

function buildClient(input: BuildInput): CloudElementsClient {
  const { credentials, baseUrl, transport, userAgent, defaults } = input;
  const redact = redactorFor(credentials);
  const authorization = joinAuthorization(credentials);
  const inner = createFetchClient<paths>({
    baseUrl,
    fetch: transport,
    headers: { Authorization: authorization, 'User-Agent': userAgent },
  });
  const middleware = [...input.middleware];
  if (middleware.length > 0) inner.use(...middleware);

  const call = (method: string) => {
    const send = (inner as unknown as Record<string, (path: unknown, init?: unknown) => Promise<unknown>>)[
      method
    ]!;
    return (path: unknown, init?: Record<PropertyKey, unknown>) => {
      if (typeof path !== 'string' || !path.startsWith('/')) {
        fail(`${method} needs a path of the spec such as '/instances', as its first argument.`);
      }
      if (init !== undefined && (init === null || typeof init !== 'object')) {
        fail(`The second argument of ${method} must be an options object such as { params }.`);
      }
      checkPathParams(path, init);
      if (init) {
        checkCallInit(method, init);
        init = withQueryText(init);
      }
      const callerSignal = (init?.signal as AbortSignal | null | undefined) ?? undefined;
      if (callerSignal !== undefined && !(callerSignal instanceof AbortSignal)) {
        fail('signal must be an AbortSignal (e.g. AbortSignal.timeout(60_000) or controller.signal).');
      }
      const attempt = new Attempt(callerSignal);
      const state: CallState = { attempt, streamed: init?.duplex === 'half', redact };
      if (callerSignal) state.callerSignal = callerSignal;
      if (init?.[SEND_ONCE] === true) state.sendOnce = true;
      const secrets = init?.[CALL_SECRETS];
      if (Array.isArray(secrets)) {
        const more = createRedactor(secrets.filter((secret): secret is string => typeof secret === 'string'));
        state.redact = (text) => more(redact(text));
      }
      // A form goes out as it is (openapi-fetch passes a FormData through): the transport encodes it for the
      // attempts without reading its files into memory (a whole file, for an upload from disk). Not when a
      // middleware could have changed the Request's body, nor with a serializer of the caller's.
      if (
        init?.body !== undefined &&
        init.body instanceof FormData &&
        init.bodySerializer === undefined &&
        middleware.length === 0 &&
        init.middleware === undefined
      ) {
        state.form = init.body;
      }
      // Only when no middleware can replace the response: the headers told must be the ones the caller gets.
      const onHeaders = init?.[ON_HEADERS];
      if (typeof onHeaders === 'function' && middleware.length === 0 && init?.middleware === undefined) {
        state.onHeaders = onHeaders as CallState['onHeaders'];
      }
      // The first attempt's signal goes into openapi-fetch's own options, so its Request is sent as it is; or,
      // when no middleware can see that Request and the fetch takes the signal itself, it goes to fetch alone.
      const signalInInit = input.signalInInit && middleware.length === 0;
      if (signalInInit) state.signalInInit = true;
      const options: Record<string, unknown> = {
        ...defaults,
        ...init,
        signal: signalInInit ? undefined : attempt.controller.signal,
        [CALL_STATE]: state,
      };
      // A call that changes something is not turned into a GET by a 301, 302 or 303, which fetch follows so (the
      // GET's answer would pass for the call's): the transport sees each redirect (see CallState.redirects).
      if (input.followsRedirects && method !== 'GET' && method !== 'HEAD' && options.redirect === undefined) {
        options.redirect = 'manual';
        state.redirects = true;
      }
      // A call without a body that no middleware (the client's or its own) and no fetch of the caller's sees goes
      // out as the SDK fetch's plain request, if it has one: a Request costs Node 20 about 9 µs, a tenth of a GET.
      if (
        signalInInit &&
        input.plainRequest &&
        (init === undefined ||
          (init.body === undefined &&
            init.Request === undefined &&
            init.fetch === undefined &&
            init.middleware === undefined))
      ) {
        options.Request = input.plainRequest;
      }
      // A middleware may put a new Request in place of the one openapi-fetch built: the call's options must travel
      // on that one too.
      const own = init?.middleware as Middleware[] | undefined;
      if (middleware.length > 0 || (Array.isArray(own) && own.length > 0)) {
        options.middleware = [...(own ?? []), carryCallOptions(options)];
      }
      const promise = send(path, options);
      return promise.then(
        (result) => {
          // openapi-fetch is done with the response: the call is over unless its body was handed out as a stream.
          const answer = result as { data?: unknown; error?: unknown };
          // No response reached the transport: a middleware answered. The attempt was never used.
          if (!state.response) attempt.done();
          else if (!(answer.data instanceof ReadableStream)) endAttemptOf(state.response);
          else loosenAttemptOf(state.response);
          // A GET read as JSON that got no body, or `null` (a gateway's empty 200): unwrap will not hand that out as
          // the record or list the spec promises (see CallFacts.noJson).
          if (
            answer.data == null &&
            method === 'GET' &&
            state.response?.ok &&
            state.response.status !== 204 &&
            (options.parseAs ?? 'json') === 'json'
          ) {
            const facts = callFactsOf(state.response);
            if (facts) facts.noJson = true;
          }
          // A call refused by a client without the credential it needs: the likely cause, which the 401 cannot say.
          const status = state.response?.status;
          const facts = status === 401 || status === 404 ? callFactsOf(state.response!) : undefined;
          if (facts) {
            // A baseUrl of a host alone (an emulator's or a gateway's origin): every path misses the API's root.
            if (status === 404) {
              if (!facts.basePath)
                facts.hint = "this client's baseUrl has no path; the API's paths start at /elements/api-v2";
            } else if (path.startsWith('/hubs/')) {
              if (!credentials.elementToken)
                facts.hint =
                  'this client has no element token: make hub calls with client.forInstance(token)';
            } else if (!credentials.organizationSecret) {
              facts.hint = 'this client has no organizationSecret, which platform calls need';
            }
          }
          // The error body as `unwrap`'s errors hold it: a server that refuses a credential may echo it.
          if (answer.error !== undefined) answer.error = redactValue(answer.error, redact);
          return result;
        },
        (error: unknown) => {
          attempt.done();
          throw typedError(error, state, method);
        },
      );
    };
  };
  const request = (inner as unknown as { request: (m: string, p: unknown, i?: unknown) => Promise<unknown> })
    .request;
  const shown = { baseUrl: redactUrl(baseUrl), authorization: redactAuthorization(authorization) };
  const methods = Object.fromEntries(METHODS.map((m) => [m, call(m)]));
  const client = {
    ...inner,
    ...methods,
    request(method: string, path: unknown, init?: Record<string, unknown>) {
      if (typeof method !== 'string') fail("request() needs a method such as 'GET'.");
      const upper = method.toUpperCase();
      return (methods[upper] ?? ((p: unknown, i?: unknown) => request(method, p, i)))(path, init);
    },
    baseUrl,
    use(...added: Middleware[]) {
      inner.use(...added);
      middleware.push(...added.filter(Boolean));
    },
    eject(...removed: Middleware[]) {
      inner.eject(...removed);
      for (const m of removed) {
        const i = middleware.indexOf(m);
        if (i !== -1) middleware.splice(i, 1);
      }
    },
    forInstance(elementToken: string) {
      assertCredential('elementToken', elementToken);
      return buildClient({ ...input, credentials: { ...credentials, elementToken }, middleware });
    },
    withOptions(options: CallOptions) {
      checkCallOptions(options, 'withOptions');
      return buildClient({ ...input, middleware, defaults: { ...defaults, ...options } });
    },
  } as unknown as CloudElementsClient;
  Object.defineProperties(client, {
    toJSON: { value: () => ({ ...shown }) },
    toString: { value: () => `CloudElementsClient(${shown.baseUrl})` },
    [Symbol.for('nodejs.util.inspect.custom')]: { value: () => ({ ...shown }) },
  });
  return client;
}
