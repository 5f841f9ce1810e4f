// Step 1 of an OAuth connection: the provider's authorization URL from Cloud Elements, and the `state` to keep.
import { CALL_SECRETS, checkClient, unwrapWithout, type CloudElementsClient } from '../client/index.js';
import {
  CloudElementsError,
  REDACTED,
  checkKnownKeys,
  checkText,
  constantTimeEqual,
  fail,
  hideSecrets,
  isHttpUrl,
  redactText,
  redactUrl,
  snippet,
} from '../core/index.js';
import { checkElementKey, checkOptionalObject, type ElementKeyOrId } from '../instances/index.js';
import { appSecrets, checkApp, checkScope } from './app.js';
import { createOAuthState } from './callback.js';
import type { OAuthApp } from './types.js';

/** Options of {@link startOAuth}. */
export type StartOAuthOptions = {
  /**
   * Element whose OAuth URL to get, e.g. `sfdc`, or `sfdcdocuments` for Salesforce Documents
   * (`GET /elements/sfdcdocuments/oauth/url`; the same Salesforce connected app serves both).
   */
  elementKey: ElementKeyOrId;
  /**
   * Value the provider sends back to your callback; compare it there with `readOAuthCallback`, which is the
   * protection against a forged callback (CSRF, login with the attacker's account). Leave it out: only an
   * unguessable value, new for each user and each flow, protects. A fixed one, such as an element key (Cloud
   * Elements' own examples ask `/elements/sfdc/oauth/url` with `state=sfdcdocuments`), is public, and the check
   * then accepts a callback anyone built with their own code. It is not refused, as those examples use it; ask
   * the element's own URL instead (`elementKey: 'sfdcdocuments'`).
   * @default 32 random bytes from Web Crypto, base64url (see `createOAuthState`)
   */
  state?: string | undefined;
  /**
   * Provider scopes to request.
   * @default app.scope
   */
  scope?: string | undefined;
  /** Provider site, where the element needs one (SharePoint site, `https://test.salesforce.com` for a sandbox). */
  siteAddress?: string | undefined;
  /** Element-specific extra query parameters, passed through as given, e.g. `{ subdomain: 'acme' }`. */
  parameters?: Readonly<Record<string, string | number | boolean>> | undefined;
  /** Cancels the call. */
  signal?: AbortSignal | undefined;
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

// Every key of StartOAuthOptions: a misspelt one (`siteadress`) would otherwise be dropped, and the consent asked
// of the wrong site.
const START_OPTIONS = ['elementKey', 'state', 'scope', 'siteAddress', 'parameters', 'signal'];

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

const reservedParameters = new Set([
  'apiKey',
  'apiSecret',
  'callbackUrl',
  'state',
  'scope',
  'siteAddress',
  'requestToken',
]);
// Percent-encodes like encodeURIComponent but keeps `:` and `/`, which are legal in a query: the callback URL
// then goes out as written in Cloud Elements' own examples (`callbackUrl=https://www.mycoolapp.com/auth`).
function encodeQueryPart(text: string): string {
  return encodeURIComponent(text).replace(/%3A/gi, ':').replace(/%2F/gi, '/');
}

// The query is buildOAuthQuery's: every value is a string.
function serializeQuery(query: Record<string, unknown>): string {
  return Object.entries(query)
    .map(([name, value]) => `${encodeQueryPart(name)}=${encodeQueryPart(String(value))}`)
    .join('&');
}

function buildOAuthQuery(
  app: OAuthApp,
  options: StartOAuth1Options & { state?: string },
): Record<string, string> {
  const query: Record<string, string> = {
    apiKey: app.apiKey,
    apiSecret: app.apiSecret,
    callbackUrl: app.callbackUrl,
  };
  if (options.state !== undefined) query.state = options.state;
  const scope = options.scope ?? app.scope;
  if (scope !== undefined) {
    checkScope(scope);
    query.scope = scope;
  }
  if (options.siteAddress !== undefined) {
    checkText('siteAddress', options.siteAddress, 'give the provider site address, or leave it out.');
    query.siteAddress = options.siteAddress;
  }
  const extra = options.parameters ?? {};
  checkOptionalObject('parameters', extra, 'of extra query parameters');
  for (const [name, value] of Object.entries(extra)) {
    if (reservedParameters.has(name)) {
      fail(`parameters.${name} is set by the SDK; pass it through the app or its own option.`);
    }
    if (!['string', 'number', 'boolean'].includes(typeof value)) {
      fail(`parameters.${name} must be a string, number or boolean.`);
    }
    query[name] = String(value);
  }
  return query;
}

/** What the two OAuth endpoints of an element answer: `oauthUrl` and `element`, or `token` and `secret`. */
type OAuthAnswer = { oauthUrl?: unknown; element?: unknown; token?: unknown; secret?: unknown } | undefined;

/**
 * `GET /elements/{keyOrId}/oauth/url` or `…/oauth/token` with the app's query, checked by `isComplete`: an
 * answer without what the next step needs is a CloudElementsError naming it (`missing`). Errors never show the
 * app's key or secret.
 */
async function getElementOAuth(
  client: CloudElementsClient,
  app: OAuthApp,
  options: StartOAuth1Options,
  endpoint: 'url' | 'token',
  query: Record<string, string>,
  missing: string,
  isComplete: (answer: OAuthAnswer) => boolean,
): Promise<NonNullable<OAuthAnswer>> {
  // The request token of an OAuth 1 flow, sent to get its URL, is as secret as the app's.
  const secrets = [...appSecrets(app, undefined), query['requestToken']];
  const answer: OAuthAnswer = await unwrapWithout(
    client.GET(`/elements/{keyOrId}/oauth/${endpoint}`, {
      params: {
        path: { keyOrId: String(options.elementKey) },
        query: query as { apiKey: string; apiSecret: string; callbackUrl: string },
      },
      querySerializer: serializeQuery,
      signal: options.signal,
      [CALL_SECRETS]: secrets,
    }),
    secrets,
  );
  if (!isComplete(answer)) {
    const path = `/elements/${String(options.elementKey)}/oauth/${endpoint}`;
    throw new CloudElementsError(`GET ${path} answered without ${missing}; check the element key.`, {
      method: 'GET',
      path,
    });
  }
  return answer!;
}

/** The provider's authorization URL, and the element key Cloud Elements answered with (else the requested one). */
async function getOAuthUrl(
  client: CloudElementsClient,
  app: OAuthApp,
  options: StartOAuth1Options,
  query: Record<string, string>,
): Promise<{ url: string; elementKey: string }> {
  // Only an http(s) URL may become a redirect: anything else (javascript:, data:) would run in the user's browser.
  const answer = await getElementOAuth(client, app, options, 'url', query, 'an http(s) oauthUrl', (answer) =>
    isHttpUrl(answer?.oauthUrl),
  );
  return {
    url: answer.oauthUrl as string,
    elementKey:
      typeof answer.element === 'string' && answer.element !== ''
        ? answer.element
        : String(options.elementKey),
  };
}

/**
 * Refuses a provider URL whose `state` is not the one sent. The provider sends back the state of the URL, and
 * `readOAuthCallback` compares it with the one kept: every callback would be refused as forged, after the user
 * consented. Seed 003 shows such an answer once (`/elements/sfdc/oauth/url` with `state=sfdcmarketingcloud`
 * answers a URL with `state=sfdc`), against its own text (the state comes back as sent, `sfdcdocuments` in its
 * first example) and its three other examples, which echo the state sent: most likely an editing slip, not a
 * rule. Keeping the URL's state as the expected one would let the flow pass, but with a state chosen by someone
 * else, perhaps public like `sfdc`: a callback anyone builds would then pass the check, the CSRF protection gone
 * without a word. So it is refused, early and with what to do. A URL without a state is left alone: nothing
 * shows that Cloud Elements drops it, and the callback's own check still stands.
 */
function checkUrlState(url: string, state: string, requested: ElementKeyOrId, answered: string): void {
  const sent = new URL(url).searchParams.getAll('state');
  if (sent.length === 0 || sent.every((value) => constantTimeEqual(value, state))) return;
  const path = `/elements/${String(requested)}/oauth/url`;
  // Neither state is quoted: the one kept guards this user's flow.
  const hint =
    answered !== String(requested)
      ? `ask the element's own URL (elementKey: ${snippet(answered)}) with a random state`
      : 'check the element key (the SDK gives no URL whose callback it could not tell from a forged one)';
  throw new CloudElementsError(
    `GET ${path} answered a provider URL whose state is not the one sent: the provider would send that state ` +
      `back, and readOAuthCallback would refuse the callback as forged; ${hint}.`,
    { method: 'GET', path },
  );
}

/**
 * Step 1 of an OAuth 2 connection: asks Cloud Elements for the provider's authorization URL
 * (`GET /elements/{keyOrId}/oauth/url` with the app's `apiKey`, `apiSecret`, `callbackUrl`) and returns it with
 * the `state` to keep for this user. Redirect the browser to `url`.
 * @throws {CloudElementsError} subclass by status when Cloud Elements refuses (message without app secrets);
 * `CloudElementsError` itself when the provider URL carries another `state` than the one sent, whose callback
 * would be refused as forged
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
  checkClient('startOAuth', client);
  checkApp(app);
  if (typeof options === 'object' && options !== null) checkKnownKeys('startOAuth', options, START_OPTIONS);
  checkElementKey(options?.elementKey);
  if (options.state !== undefined) checkText('state', options.state, 'leave state out to get a random one.');
  const state = options.state ?? createOAuthState();
  const query = buildOAuthQuery(app, { ...options, state });
  const { url, elementKey } = await getOAuthUrl(client, app, options, query);
  checkUrlState(url, state, options.elementKey, elementKey);
  // The provider URL names the app's key as `client_id`, which the SDK shows nowhere else, and may carry its
  // secret under a name that does not look secret (seed 003's `client_secret` does; another need not).
  const shownUrl = redactText(redactUrl(url), appSecrets(app, undefined) as string[]);
  return hideSecrets({ url, state, elementKey }, { url: shownUrl, state, elementKey }, 'OAuthStart');
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
  checkClient('startOAuth1', client);
  checkApp(app);
  if (typeof options === 'object' && options !== null) {
    checkKnownKeys(
      'startOAuth1',
      options,
      START_OPTIONS.filter((name) => name !== 'state'),
    );
  }
  checkElementKey(options?.elementKey);
  const query = buildOAuthQuery(app, options);
  const answer = await getElementOAuth(
    client,
    app,
    options,
    'token',
    query,
    'a request token and secret',
    (answer) => typeof answer?.token === 'string' && answer.token !== '' && typeof answer.secret === 'string',
  );
  const requestToken = answer.token as string;
  const requestTokenSecret = answer.secret as string;
  const { url, elementKey } = await getOAuthUrl(client, app, options, { ...query, requestToken });
  return hideSecrets(
    { url, elementKey, requestToken, requestTokenSecret },
    {
      url: redactText(redactUrl(url), [...(appSecrets(app, undefined) as string[]), requestToken]),
      elementKey,
      requestToken: REDACTED,
      requestTokenSecret: REDACTED,
    },
    'OAuth1Start',
  );
}
