import type { components } from '../generated/schema.js';
import { unwrap, type CloudElementsClient } from './client.js';
import { CloudElementsError, createResponseError } from './errors.js';
import { createRedactor, isSecretName, REDACTED, redactUrl, type Redactor } from './internal/redact.js';
import { createOAuthState, hideSecrets, type OAuthProviderData } from './oauth-callback.js';

type Schemas = components['schemas'];
type Instance = Schemas['Instance'];
type InstanceConfiguration = Schemas['InstanceConfigurationInput'];

/**
 * Your app as registered with the provider (Salesforce connected app, Concur app, …). Pass the same object to
 * {@link startOAuth} and {@link finishOAuth}: both take `apiKey`, `apiSecret` and `callbackUrl` from it, so the
 * three values are the same in the OAuth URL call and in `POST /instances`, as Cloud Elements requires.
 */
export type OAuthApp = {
  /** Client id of your provider app (`apiKey` of the OAuth URL, `oauth.api.key` of the instance). */
  readonly apiKey: string;
  /** Client secret of your provider app (`apiSecret`, `oauth.api.secret`). */
  readonly apiSecret: string;
  /** Redirect URL registered with the provider app, sent byte for byte (`callbackUrl`, `oauth.callback.url`). */
  readonly callbackUrl: string;
  /** Provider scopes to request, in the provider's syntax (e.g. `full refresh_token`); per-call `scope` wins. */
  readonly scope?: string;
};

/** An element key (`sfdc`) or numeric element id. */
export type ElementKeyOrId = string | number;

/** Options of {@link startOAuth}. */
export type StartOAuthOptions = {
  /** Element whose OAuth URL to get, e.g. `sfdc`; Salesforce Documents uses `sfdc` with `state: 'sfdcdocuments'`. */
  elementKey: ElementKeyOrId;
  /**
   * Value the provider sends back to your callback; compare it there with `readOAuthCallback`.
   * @default 32 random bytes from Web Crypto, base64url (see `createOAuthState`)
   */
  state?: string;
  /**
   * Provider scopes to request.
   * @default app.scope
   */
  scope?: string;
  /** Provider site, where the element needs one (SharePoint site, `https://test.salesforce.com` for a sandbox). */
  siteAddress?: string;
  /** Element-specific extra query parameters, passed through as given, e.g. `{ subdomain: 'acme' }`. */
  parameters?: Readonly<Record<string, string | number | boolean>>;
  /** Cancels the call. */
  signal?: AbortSignal;
};

/** What {@link startOAuth} returns. `JSON.stringify` and `util.inspect` show the URL with secrets redacted. */
export type OAuthStart = {
  /** The provider's authorization URL: redirect the user's browser here. */
  readonly url: string;
  /** The state sent to the provider: keep it for this user (HttpOnly cookie or session) for `readOAuthCallback`. */
  readonly state: string;
  /** The element key Cloud Elements answered with (`element`), or the requested key when it sent none. */
  readonly elementKey: string;
};

/** Options of {@link startOAuth1}: those of {@link startOAuth} without `state` (the request token plays its part). */
export type StartOAuth1Options = Omit<StartOAuthOptions, 'state'>;

/** What {@link startOAuth1} returns; keep `requestToken` and `requestTokenSecret` server-side for the callback. */
export type OAuth1Start = {
  /** The provider's authorization URL: redirect the user's browser here. */
  readonly url: string;
  /** The element key Cloud Elements answered with, or the requested key. */
  readonly elementKey: string;
  /** The OAuth 1 request token; the callback's `oauth_token` must equal it. */
  readonly requestToken: string;
  /** The request token secret; goes to `POST /instances` as `providerData.secret`. Never send it to the browser. */
  readonly requestTokenSecret: string;
};

/** Fields of a new instance besides the element and the credentials. */
export type InstanceFields = {
  /** Instance name, e.g. `Acme Salesforce`. */
  name: string;
  /** Tags, for finding the instance later (`GET /instances?tags[]=…`). */
  tags?: string[];
  /** Element-specific configuration (`base.url`, `event.notification.enabled`, …). */
  configuration?: InstanceConfiguration;
  /** Cancels the call. */
  signal?: AbortSignal;
};

/** What the callback step produced: `readOAuthCallback`'s or `readOAuth1Callback`'s result, or `{ providerData: { code } }`. */
export type OAuthCallbackResult = { readonly providerData: OAuthProviderData };

/** Options of {@link finishOAuth}. */
export type FinishOAuthOptions = InstanceFields & {
  /** Element to create the instance of, e.g. `sfdcdocuments`. */
  elementKey: ElementKeyOrId;
  /** The verified callback. */
  callback: OAuthCallbackResult;
};

/** Options of {@link createInstance}. */
export type CreateInstanceOptions = InstanceFields & {
  /** Element to create the instance of, e.g. `closeio`. */
  elementKey: ElementKeyOrId;
  /** Provider data, for elements that need some without an OAuth flow (Marketo: `{ code: '' }`). */
  providerData?: Readonly<Record<string, unknown>>;
};

/** Options of {@link reauthorizeInstance}: `PATCH` (default) changes only the credentials; `PUT` replaces the instance. */
export type ReauthorizeInstanceOptions =
  | {
      /** Id of the instance to re-authorize. */
      instanceId: number;
      /** The verified callback of a new authorization of the same account. */
      callback: OAuthCallbackResult;
      /** @default 'PATCH' */
      method?: 'PATCH';
      /** Other configuration keys to change at the same time. */
      configuration?: InstanceConfiguration;
      /** Cancels the call. */
      signal?: AbortSignal;
    }
  | (InstanceFields & {
      instanceId: number;
      callback: OAuthCallbackResult;
      /** Replace the whole instance: `elementKey` and `name` are required, unlisted configuration is reset. */
      method: 'PUT';
      elementKey: ElementKeyOrId;
    });

const oauthKeys = ['oauth.callback.url', 'oauth.api.key', 'oauth.api.secret'] as const;
const reservedParameters = new Set(['apiKey', 'apiSecret', 'callbackUrl', 'state', 'scope', 'siteAddress', 'requestToken']);

function fail(message: string): never {
  throw new TypeError(`[cloud-elements] ${message}`);
}

function checkText(name: string, value: unknown, hint: string): asserts value is string {
  if (typeof value !== 'string' || value.trim() === '') fail(`${name} must be a non-empty string; ${hint}`);
  if (/[\r\n]/.test(value)) fail(`${name} contains a line break; ${hint}`);
}

/** Checks an app object; messages name the bad field, never its value. */
function checkApp(app: unknown): asserts app is OAuthApp {
  if (app === null || typeof app !== 'object') {
    fail('The OAuth app must be an object { apiKey, apiSecret, callbackUrl } with the values of your provider app.');
  }
  const { apiKey, apiSecret, callbackUrl, scope } = app as Record<string, unknown>;
  checkText('apiKey', apiKey, 'use the client id (consumer key) of your provider app.');
  checkText('apiSecret', apiSecret, 'use the client secret (consumer secret) of your provider app.');
  checkText('callbackUrl', callbackUrl, 'use the redirect URL registered with your provider app.');
  let url: URL | undefined;
  try {
    url = new URL(callbackUrl);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    fail('callbackUrl must be an absolute http(s) URL, exactly as registered with your provider app.');
  }
  if (scope !== undefined) checkText('scope', scope, 'give the provider scopes as one string, or leave scope out.');
}

function checkElementKey(elementKey: unknown): asserts elementKey is ElementKeyOrId {
  const valid =
    (typeof elementKey === 'string' && elementKey.trim() !== '') ||
    (typeof elementKey === 'number' && Number.isSafeInteger(elementKey) && elementKey > 0);
  if (!valid) fail('elementKey must be an element key such as "sfdc" or a numeric element id.');
}

/**
 * Checks `settings` and returns them as a frozen app object whose `JSON.stringify`, `util.inspect` and
 * `String()` show `apiKey` and `apiSecret` as `[REDACTED]`. Optional: the OAuth functions accept plain objects.
 * Throws a `TypeError` naming a missing or invalid field (never its value).
 * @example const app = defineOAuthApp({ apiKey, apiSecret, callbackUrl: 'https://app.example.com/oauth/callback' });
 */
export function defineOAuthApp(settings: OAuthApp): OAuthApp {
  checkApp(settings);
  const app: OAuthApp = {
    apiKey: settings.apiKey,
    apiSecret: settings.apiSecret,
    callbackUrl: settings.callbackUrl,
    ...(settings.scope === undefined ? {} : { scope: settings.scope }),
  };
  const shown = { ...app, apiKey: REDACTED, apiSecret: REDACTED };
  return hideSecrets(app, shown, 'OAuthApp');
}

// Percent-encodes like encodeURIComponent but keeps `:` and `/`, which are legal in a query: the callback URL
// then goes out as written in Cloud Elements' own examples (`callbackUrl=https://www.mycoolapp.com/auth`).
function encodeQueryPart(text: string): string {
  return encodeURIComponent(text).replace(/%3A/gi, ':').replace(/%2F/gi, '/');
}

function serializeQuery(query: Record<string, unknown>): string {
  return Object.entries(query)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${encodeQueryPart(name)}=${encodeQueryPart(String(value))}`)
    .join('&');
}

function buildOAuthQuery(app: OAuthApp, options: StartOAuth1Options & { state?: string }): Record<string, string> {
  const query: Record<string, string> = { apiKey: app.apiKey, apiSecret: app.apiSecret, callbackUrl: app.callbackUrl };
  if (options.state !== undefined) query.state = options.state;
  const scope = options.scope ?? app.scope;
  if (scope !== undefined) {
    checkText('scope', scope, 'give the provider scopes as one string, or leave scope out.');
    query.scope = scope;
  }
  if (options.siteAddress !== undefined) {
    checkText('siteAddress', options.siteAddress, 'give the provider site address, or leave it out.');
    query.siteAddress = options.siteAddress;
  }
  const extra = options.parameters ?? {};
  if (extra === null || typeof extra !== 'object') fail('parameters must be an object of extra query parameters.');
  for (const [name, value] of Object.entries(extra)) {
    if (reservedParameters.has(name)) {
      fail(`parameters.${name} is set by the SDK; pass it through the app or its own option instead.`);
    }
    if (!['string', 'number', 'boolean'].includes(typeof value)) {
      fail(`parameters.${name} must be a string, number or boolean.`);
    }
    query[name] = String(value);
  }
  return query;
}

/** Replaces every string inside `value` (deeply) with its redacted form. */
function scrubDeep(value: unknown, redact: Redactor): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map((item) => scrubDeep(item, redact));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrubDeep(item, redact)]));
  }
  return value;
}

type FetchResult = { data?: unknown; error?: unknown; response: Response };

/**
 * `unwrap` whose error, if any, is rebuilt without `secrets`: Cloud Elements or the provider may echo the code
 * or the app secret in an error message, and the client only knows its own credentials.
 */
async function unwrapWithout<R extends FetchResult>(
  call: Promise<R>,
  secrets: readonly unknown[],
): Promise<Exclude<R, { error: unknown }>['data']> {
  const result = await call;
  try {
    return await unwrap(result);
  } catch (error) {
    if (!(error instanceof CloudElementsError)) throw error;
    const redact = createRedactor(secrets.filter((s): s is string => typeof s === 'string'));
    throw createResponseError({
      response: result.response,
      body: scrubDeep(error.body, redact),
      ...(error.method === undefined ? {} : { method: error.method }),
      ...(error.path === undefined ? {} : { path: error.path }),
    });
  }
}

/** What must not appear in an error: the app's key and secret, every provider value, secret configuration values. */
function secretsOf(
  app: OAuthApp | undefined,
  providerData: Readonly<Record<string, unknown>> | undefined,
  configuration?: Readonly<Record<string, unknown>>,
): unknown[] {
  const found: unknown[] = app ? [app.apiKey, app.apiSecret] : [];
  found.push(...Object.values(providerData ?? {}));
  for (const [key, value] of Object.entries(configuration ?? {})) if (isSecretName(key)) found.push(value);
  return found;
}

function parseUrl(text: unknown): URL | undefined {
  if (typeof text !== 'string') return undefined;
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

function elementRef(elementKey: ElementKeyOrId): { key: string } | { id: number } {
  return typeof elementKey === 'number' ? { id: elementKey } : { key: elementKey };
}

async function getOAuthUrl(
  client: CloudElementsClient,
  app: OAuthApp,
  elementKey: ElementKeyOrId,
  query: Record<string, string>,
  signal: AbortSignal | undefined,
): Promise<{ url: string; elementKey: string }> {
  const answer = await unwrapWithout(
    client.GET('/elements/{keyOrId}/oauth/url', {
      params: { path: { keyOrId: String(elementKey) }, query: query as { apiKey: string; apiSecret: string; callbackUrl: string } },
      querySerializer: serializeQuery,
      ...(signal ? { signal } : {}),
    }),
    secretsOf(app, undefined),
  );
  const url = parseUrl(answer?.oauthUrl);
  // Only an http(s) URL may become a redirect: anything else (javascript:, data:) would run in the user's browser.
  if (url === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new CloudElementsError(
      `GET /elements/${String(elementKey)}/oauth/url answered without an http(s) oauthUrl; check the element key.`,
      { method: 'GET', path: `/elements/${String(elementKey)}/oauth/url` },
    );
  }
  return {
    url: answer!.oauthUrl,
    elementKey: typeof answer!.element === 'string' && answer!.element !== '' ? answer!.element : String(elementKey),
  };
}

/**
 * Step 1 of an OAuth 2 connection: asks Cloud Elements for the provider's authorization URL
 * (`GET /elements/{keyOrId}/oauth/url` with the app's `apiKey`, `apiSecret`, `callbackUrl`) and returns it with
 * the `state` to keep for this user. Redirect the browser to `url`.
 * @throws {CloudElementsError} subclass by status when Cloud Elements refuses (message without app secrets)
 * @example
 * const { url, state } = await startOAuth(ce, app, { elementKey: 'sfdc' });
 * res.setHeader('Set-Cookie', `oauth_state=${state}; HttpOnly; Secure; SameSite=Lax; Path=/; Max-Age=600`);
 * res.writeHead(302, { Location: url }).end();
 */
export async function startOAuth(
  client: CloudElementsClient,
  app: OAuthApp,
  options: StartOAuthOptions,
): Promise<OAuthStart> {
  checkApp(app);
  checkElementKey(options?.elementKey);
  if (options.state !== undefined) checkText('state', options.state, 'leave state out to get a random one.');
  const state = options.state ?? createOAuthState();
  const query = buildOAuthQuery(app, { ...options, state });
  const { url, elementKey } = await getOAuthUrl(client, app, options.elementKey, query, options.signal);
  return hideSecrets({ url, state, elementKey }, { url: redactUrl(url), state, elementKey }, 'OAuthStart');
}

/**
 * Step 1 of an OAuth 1 connection: gets a request token (`GET /elements/{keyOrId}/oauth/token`), then the
 * provider's authorization URL for it (`oauth/url` with `requestToken`). Keep `requestToken` and
 * `requestTokenSecret` server-side for `readOAuth1Callback`, and redirect the browser to `url`.
 */
export async function startOAuth1(
  client: CloudElementsClient,
  app: OAuthApp,
  options: StartOAuth1Options,
): Promise<OAuth1Start> {
  checkApp(app);
  checkElementKey(options?.elementKey);
  const query = buildOAuthQuery(app, options);
  const token = await unwrapWithout(
    client.GET('/elements/{keyOrId}/oauth/token', {
      params: { path: { keyOrId: String(options.elementKey) }, query: query as { apiKey: string; apiSecret: string; callbackUrl: string } },
      querySerializer: serializeQuery,
      ...(options.signal ? { signal: options.signal } : {}),
    }),
    secretsOf(app, undefined),
  );
  if (typeof token?.token !== 'string' || token.token === '' || typeof token.secret !== 'string') {
    throw new CloudElementsError(
      `GET /elements/${String(options.elementKey)}/oauth/token answered without a request token and secret.`,
      { method: 'GET', path: `/elements/${String(options.elementKey)}/oauth/token` },
    );
  }
  const { url, elementKey } = await getOAuthUrl(
    client,
    app,
    options.elementKey,
    { ...query, requestToken: token.token },
    options.signal,
  );
  const start = { url, elementKey, requestToken: token.token, requestTokenSecret: token.secret };
  return hideSecrets(
    start,
    { url: redactUrl(url), elementKey, requestToken: REDACTED, requestTokenSecret: REDACTED },
    'OAuth1Start',
  );
}

function checkInstanceFields(options: Partial<InstanceFields>, nameRequired: boolean): void {
  if (nameRequired || options.name !== undefined) {
    checkText('name', options.name, 'give the instance a name, e.g. "Acme Salesforce".');
  }
  if (options.tags !== undefined && (!Array.isArray(options.tags) || options.tags.some((t) => typeof t !== 'string'))) {
    fail('tags must be an array of strings.');
  }
  if (options.configuration !== undefined && (options.configuration === null || typeof options.configuration !== 'object')) {
    fail('configuration must be an object of configuration keys and values.');
  }
}

function checkCallback(callback: unknown): asserts callback is OAuthCallbackResult {
  const data = (callback as OAuthCallbackResult | undefined)?.providerData;
  if (data === null || typeof data !== 'object') {
    fail('callback must be the result of readOAuthCallback (or readOAuth1Callback), or { providerData: { code } }.');
  }
}

/** The configuration of an OAuth instance: the app's three values, then the caller's extra keys. */
function oauthConfiguration(app: OAuthApp, extra: InstanceConfiguration | undefined): InstanceConfiguration {
  const configuration: InstanceConfiguration = {
    'oauth.callback.url': app.callbackUrl,
    'oauth.api.key': app.apiKey,
    'oauth.api.secret': app.apiSecret,
  };
  for (const [key, value] of Object.entries(extra ?? {})) {
    if ((oauthKeys as readonly string[]).includes(key)) {
      if (value === configuration[key]) continue;
      fail(`configuration["${key}"] differs from the OAuth app; set it only in the app object so that all calls agree.`);
    }
    configuration[key] = value;
  }
  return configuration;
}

type InstanceCreateBody = Schemas['InstanceCreate'];

function instanceBody(
  elementKey: ElementKeyOrId,
  fields: Partial<InstanceFields>,
  configuration: InstanceConfiguration | undefined,
  providerData: Readonly<Record<string, unknown>> | undefined,
): InstanceCreateBody {
  // Key order follows Cloud Elements' documented examples (seed 002/003).
  return {
    element: elementRef(elementKey),
    ...(providerData === undefined ? {} : { providerData: { ...providerData } }),
    ...(configuration === undefined ? {} : { configuration }),
    ...(fields.tags === undefined ? {} : { tags: [...fields.tags] }),
    name: fields.name ?? '',
  } as InstanceCreateBody;
}

/**
 * Creates an instance (`POST /instances`) and returns it, with its element `token`. For elements connected by
 * configuration only, e.g. `{ elementKey: 'closeio', name, configuration: { username, password } }`; OAuth
 * elements use {@link finishOAuth}. Not retried: a create is not idempotent.
 * @throws {CloudElementsError} subclass by status (message without secret configuration values)
 */
export async function createInstance(client: CloudElementsClient, options: CreateInstanceOptions): Promise<Instance> {
  checkElementKey(options?.elementKey);
  checkInstanceFields(options, true);
  if (options.providerData !== undefined && (options.providerData === null || typeof options.providerData !== 'object')) {
    fail('providerData must be an object.');
  }
  const body = instanceBody(options.elementKey, options, options.configuration, options.providerData);
  const secrets = secretsOf(undefined, options.providerData, options.configuration);
  return unwrapWithout(
    client.POST('/instances', { body, ...(options.signal ? { signal: options.signal } : {}) }),
    secrets,
  ) as Promise<Instance>;
}

/**
 * Step 3 of an OAuth connection: creates the instance (`POST /instances`) from the verified callback, with
 * `oauth.api.key`, `oauth.api.secret` and `oauth.callback.url` taken from `app`, and returns it with its element
 * `token` (store the token and instance id server-side). Works for OAuth 1 callbacks too.
 * @throws {CloudElementsError} subclass by status, e.g. `BadRequestError` for a used, expired or unknown code
 * (message without the code or app secrets)
 */
export async function finishOAuth(
  client: CloudElementsClient,
  app: OAuthApp,
  options: FinishOAuthOptions,
): Promise<Instance> {
  checkApp(app);
  checkElementKey(options?.elementKey);
  checkCallback(options.callback);
  checkInstanceFields(options, true);
  const configuration = oauthConfiguration(app, options.configuration);
  const providerData = options.callback.providerData;
  const body = instanceBody(options.elementKey, options, configuration, providerData);
  return unwrapWithout(
    client.POST('/instances', { body, ...(options.signal ? { signal: options.signal } : {}) }),
    secretsOf(app, providerData, configuration),
  ) as Promise<Instance>;
}

/**
 * Re-authorizes an existing instance with a new authorization of the same account (after the user revoked
 * access, or the instance became invalid): `PATCH /instances/{id}` (default) or `PUT` with the new
 * `providerData` and the app's three OAuth values. Start with `startOAuth`, read the callback, then call this
 * instead of `finishOAuth`. Not retried: the code can be used once.
 */
export async function reauthorizeInstance(
  client: CloudElementsClient,
  app: OAuthApp,
  options: ReauthorizeInstanceOptions,
): Promise<Instance> {
  checkApp(app);
  const instanceId = options?.instanceId;
  if (typeof instanceId !== 'number' || !Number.isSafeInteger(instanceId) || instanceId <= 0) {
    fail('instanceId must be the numeric id of the instance to re-authorize.');
  }
  checkCallback(options.callback);
  const configuration = oauthConfiguration(app, options.configuration);
  const providerData = options.callback.providerData;
  const secrets = secretsOf(app, providerData, configuration);
  const init = { params: { path: { id: instanceId } }, retry: false, ...(options.signal ? { signal: options.signal } : {}) };
  if (options.method === 'PUT') {
    checkElementKey(options.elementKey);
    checkInstanceFields(options, true);
    const body = instanceBody(options.elementKey, options, configuration, providerData);
    return unwrapWithout(client.PUT('/instances/{id}', { ...init, body }), secrets) as Promise<Instance>;
  }
  if (options.method !== undefined && options.method !== 'PATCH') fail('method must be "PATCH" or "PUT".');
  const body = { providerData: { ...providerData }, configuration };
  return unwrapWithout(client.PATCH('/instances/{id}', { ...init, body }), secrets) as Promise<Instance>;
}
