import { EmulatorHttpError } from '../errors.js';
import { findElement, oauthAppOf, requireElement, type CatalogElement } from '../model/catalog.js';
import { createSecret } from '../model/random.js';
import type { EmulatorState } from '../model/state.js';
import type { OAuthClient, OAuthCode } from '../model/types.js';
import { readJsonObject } from '../server/http.js';
import type { Reply, RequestContext, Route } from '../server/types.js';
import type { Handlers, OperationReply } from './types.js';

/** Path of the emulated provider's consent page of an element. */
export function consentPath(elementKey: string): string {
  return `/oauth/${encodeURIComponent(elementKey)}/authorize`;
}

/** Key of a registered app: elements of one provider app (the Salesforce family) share it. */
function clientKey(elementKey: string, apiKey: string): string {
  return `${oauthAppOf(elementKey)}\n${apiKey}`;
}

function requireOAuthElement(keyOrId: string): CatalogElement {
  const element = requireElement(keyOrId);
  if (element.provision !== 'oauth2') {
    throw new EmulatorHttpError(
      400,
      `Element ${element.key} does not use the OAuth authorization code flow; create its instance with ` +
        `configuration only (${element.requiredConfiguration.join(', ')}).`,
    );
  }
  return element;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function htmlPage(status: number, title: string, body: string): Reply {
  const page =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
    '<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto}a.button{display:inline-block;' +
    'padding:.5rem 1.25rem;margin-right:1rem;border-radius:.25rem;text-decoration:none;color:#fff}' +
    '#approve{background:#0b7a35}#deny{background:#a61b1b}</style></head>' +
    `<body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
  return { status, bytes: page, contentType: 'text/html; charset=utf-8' };
}

/** Answers the OAuth URL of an element and registers the app (api key, secret, callback URL) with the provider. */
function oauthUrlReply(
  state: EmulatorState,
  ctx: RequestContext,
  keyOrId: string,
  input: Record<string, unknown>,
): OperationReply<'getElementOAuthUrl'> {
  const element = requireOAuthElement(keyOrId);
  const text = (name: string): string | undefined => {
    const value = input[name];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const missing = ['apiKey', 'apiSecret', 'callbackUrl'].filter((name) => text(name) === undefined);
  if (missing.length > 0) {
    throw new EmulatorHttpError(400, `Missing required parameter(s): ${missing.join(', ')}.`);
  }
  const apiKey = text('apiKey')!;
  const callbackUrl = text('callbackUrl')!;
  if (!URL.canParse(callbackUrl)) {
    throw new EmulatorHttpError(400, `callbackUrl '${callbackUrl}' is not an absolute URL.`);
  }
  const key = clientKey(element.key, apiKey);
  const client: OAuthClient = state.oauthClients.get(key) ?? {
    elementKey: element.key,
    apiKey,
    apiSecret: text('apiSecret')!,
    callbackUrls: new Set(),
  };
  client.apiSecret = text('apiSecret')!;
  client.callbackUrls.add(callbackUrl);
  state.oauthClients.set(key, client);
  const url = new URL(consentPath(element.key), ctx.origin);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', apiKey);
  url.searchParams.set('redirect_uri', callbackUrl);
  if (text('scope')) url.searchParams.set('scope', text('scope')!);
  const stateValue = text('state');
  url.searchParams.set('state', stateValue ?? element.key);
  // A state naming another element of the same provider app names the element the code is for, and the answer
  // says so (seed 003: `/elements/sfdc/oauth/url?…&state=sfdcdocuments` answers `"element": "sfdcdocuments"`).
  const named = stateValue === undefined ? undefined : findElement(stateValue);
  const answered = named && named.key === stateValue && oauthAppOf(named.key) === oauthAppOf(element.key);
  return { json: { element: answered ? named.key : element.key, oauthUrl: url.toString() } };
}

/** A consent request the provider refuses to show; providers answer an error page instead of redirecting. */
class ConsentPageError extends Error {
  readonly page: Reply;
  constructor(problem: string) {
    super(problem);
    this.page = htmlPage(400, 'Authorization error', `<p>${escapeHtml(problem)}</p>`);
  }
}

/** Checks the query of a consent page or decision: the app must be registered and the redirect URI one of its own. */
function consentRequest(state: EmulatorState, elementKey: string, query: URLSearchParams) {
  const element = requireOAuthElement(elementKey);
  const clientId = query.get('client_id') ?? '';
  const redirectUri = query.get('redirect_uri') ?? '';
  const client = state.oauthClients.get(clientKey(element.key, clientId));
  let problem: string | undefined;
  if (!client) problem = `invalid_client_id: no app with client id '${clientId}' is registered.`;
  else if (!client.callbackUrls.has(redirectUri)) {
    problem = `redirect_uri_mismatch: '${redirectUri}' is not a callback URL of this app.`;
  }
  if (problem) throw new ConsentPageError(problem);
  return { element, clientId, redirectUri, scope: query.get('scope'), state: query.get('state') };
}

/** Runs a site handler, turning a consent error into its HTML page. */
function withErrorPage(handle: (ctx: RequestContext) => Reply): (ctx: RequestContext) => Reply {
  return (ctx) => {
    try {
      return handle(ctx);
    } catch (error) {
      if (error instanceof ConsentPageError) return error.page;
      throw error;
    }
  };
}

/**
 * Exchanges an authorization code for a connection, as the provider's token endpoint would: the code must be known,
 * unused and unexpired, and the api key, secret and callback URL must be those of the `oauth/url` call.
 */
function decodeOnce(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function exchangeAuthorizationCode(
  state: EmulatorState,
  element: CatalogElement,
  providerData: Record<string, unknown>,
  configuration: Map<string, string | null>,
): void {
  const code = providerData['code'];
  // Cloud Elements takes the code as it stands in the callback URL too, still percent-encoded (seed 002 posts
  // `…%3D%3D`): it is decoded once when it is not found as it is.
  const grant =
    typeof code === 'string'
      ? (state.oauthCodes.get(code) ?? state.oauthCodes.get(decodeOnce(code)))
      : undefined;
  const apiKey = configuration.get('oauth.api.key');
  const expired = grant !== undefined && state.now() - grant.issuedAtMs > state.settings.oauthCodeTtlMs;
  // A code is for the provider app, not one element: the Salesforce family shares its connected app's codes.
  const otherApp = grant !== undefined && oauthAppOf(grant.elementKey) !== oauthAppOf(element.key);
  if (!grant || grant.used || expired || otherApp || grant.apiKey !== apiKey) {
    throw new EmulatorHttpError(
      400,
      `Failed to create the ${element.key} instance: the provider refused the authorization code.`,
      {
        providerMessage: 'invalid_grant: authorization code is invalid, expired or already used',
      },
    );
  }
  const client = state.oauthClients.get(clientKey(element.key, grant.apiKey));
  if (!client || client.apiSecret !== configuration.get('oauth.api.secret')) {
    throw new EmulatorHttpError(
      400,
      `Failed to create the ${element.key} instance: the provider refused the app credentials.`,
      {
        providerMessage: 'invalid_client: invalid client credentials',
      },
    );
  }
  if (configuration.get('oauth.callback.url') !== grant.redirectUri) {
    throw new EmulatorHttpError(
      400,
      `Failed to create the ${element.key} instance: oauth.callback.url differs from the callbackUrl of the OAuth URL.`,
      {
        providerMessage: 'redirect_uri_mismatch: redirect_uri must match configuration',
      },
    );
  }
  if (grant.realmId !== undefined && providerData['realmId'] !== grant.realmId) {
    throw new EmulatorHttpError(
      400,
      `providerData.realmId is missing or wrong for ${element.key}: send the realmId the provider added to your callback URL next to the code.`,
    );
  }
  grant.used = true;
}

/**
 * Decides a consent as the user would: returns the callback URL the provider redirects to, with `code` and `state`
 * (approve) or `error=access_denied` and `state` (deny).
 */
export function decideConsent(state: EmulatorState, oauthUrl: string, approve: boolean): string {
  const url = new URL(oauthUrl);
  const key = decodeURIComponent(url.pathname.split('/')[2] ?? '');
  const request = consentRequest(state, key, url.searchParams);
  const callback = new URL(request.redirectUri);
  if (approve) {
    const code = createSecret(24);
    const grant: OAuthCode = {
      code,
      elementKey: request.element.key,
      apiKey: request.clientId,
      redirectUri: request.redirectUri,
      issuedAtMs: state.now(),
      used: false,
    };
    callback.searchParams.set('code', code);
    // Intuit names the company the user connected next to the code; every QuickBooks call needs it.
    if (request.element.key === 'quickbooks') {
      grant.realmId = String(9_130_000_000_000_000 + state.oauthCodes.size);
      callback.searchParams.set('realmId', grant.realmId);
    }
    state.oauthCodes.set(code, grant);
  } else {
    callback.searchParams.set('error', 'access_denied');
    callback.searchParams.set('error_description', 'The user denied access to the app.');
  }
  if (request.state !== null) callback.searchParams.set('state', request.state);
  return callback.toString();
}

/** Handlers of the OAuth URL calls. */
export function oauthHandlers(state: EmulatorState): Handlers {
  return {
    getElementOAuthUrl: (ctx) =>
      oauthUrlReply(state, ctx, ctx.params.keyOrId ?? '', Object.fromEntries(ctx.query)),
    requestElementOAuthUrl: async (ctx) =>
      oauthUrlReply(state, ctx, ctx.params.keyOrId ?? '', await readJsonObject(ctx)),
  };
}

/** The emulated provider's consent page and the decision link it offers (site pages, outside the API). */
export function consentPages(state: EmulatorState): Route[] {
  return [
    {
      method: 'GET',
      path: '/oauth/{key}/authorize',
      auth: 'none',
      site: true,
      handle: withErrorPage((ctx) => {
        const request = consentRequest(state, ctx.params.key ?? '', ctx.query);
        const decision = (verdict: string) => {
          const url = new URL(`/oauth/${encodeURIComponent(request.element.key)}/decision`, ctx.origin);
          for (const [name, value] of ctx.query) url.searchParams.set(name, value);
          url.searchParams.set('decision', verdict);
          return escapeHtml(url.pathname + url.search);
        };
        const scope = request.scope ? `<p>Scopes: <code>${escapeHtml(request.scope)}</code></p>` : '';
        return htmlPage(
          200,
          `Allow access to ${request.element.provider}?`,
          `<p>The app <code>${escapeHtml(request.clientId)}</code> asks to access your ${escapeHtml(request.element.provider)} ` +
            `account through Cloud Elements (emulated provider for element <code>${escapeHtml(request.element.key)}</code>).</p>` +
            `${scope}<p><a class="button" id="approve" role="button" href="${decision('approve')}">Approve</a>` +
            `<a class="button" id="deny" role="button" href="${decision('deny')}">Deny</a></p>`,
        );
      }),
    },
    {
      method: 'GET',
      path: '/oauth/{key}/decision',
      auth: 'none',
      site: true,
      handle: withErrorPage((ctx) => {
        const verdict = ctx.query.get('decision');
        if (verdict !== 'approve' && verdict !== 'deny') {
          return htmlPage(400, 'Authorization error', '<p>decision must be approve or deny.</p>');
        }
        const consentUrl = new URL(
          `${consentPath(ctx.params.key ?? '')}?${ctx.query.toString()}`,
          ctx.origin,
        );
        return {
          status: 302,
          headers: { Location: decideConsent(state, consentUrl.toString(), verdict === 'approve') },
        };
      }),
    },
  ];
}
