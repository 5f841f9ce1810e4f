import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { sendJson, startServer, type RecordedRequest, type TestServer } from './http-server.js';

/**
 * A small fake of Cloud Elements plus the provider's authorize page, for the OAuth tests: `oauth/url` and
 * `oauth/token`, a consent step that redirects to the callback URL, `POST /instances` and `PUT`/`PATCH
 * /instances/{id}` that check the code once and the app values against the provider app, and
 * `GET /hubs/crm/contacts` for the instance's token. Error messages echo the code and secrets on purpose, so that
 * tests prove the SDK keeps them out of its own errors.
 */

/** The provider app (place 1 of the three that must agree): its key, secret and registered callback URL. */
export type ProviderApp = { apiKey: string; apiSecret: string; callbackUrl: string };

export type FakeInstance = {
  id: number;
  name: string;
  elementKey: string;
  token: string;
  tags: string[];
  configuration: Record<string, unknown>;
  providerData?: Record<string, unknown>;
};

export type FakeOAuthCe = TestServer & {
  /** API base URL for `createClient({ baseUrl })`. */
  baseUrl: string;
  /** What the user does on the next consent page. */
  decision: 'approve' | 'deny';
  /** Instances created, by id. */
  instances: Map<number, FakeInstance>;
  /** Codes issued by the consent page. */
  codes: Map<string, { elementKey: string; apiKey: string; redirectUri: string; used: boolean }>;
  /** Contacts every instance's `GET /hubs/crm/contacts` answers. */
  contacts: { id: string; firstName: string; lastName: string; email: string }[];
};

const API = '/elements/api-v2';
const oauth1Elements = new Set(['twitter1', 'evernote']);

function secret(bytes = 18): string {
  return randomBytes(bytes).toString('base64url');
}

function ceError(res: ServerResponse, status: number, message: string, providerMessage?: string): void {
  sendJson(res, status, { requestId: secret(8), message, ...(providerMessage ? { providerMessage } : {}) });
}

export async function startFakeOAuthCe(options: {
  userSecret: string;
  organizationSecret: string;
  apps: ProviderApp[];
}): Promise<FakeOAuthCe> {
  const instances = new Map<number, FakeInstance>();
  const codes: FakeOAuthCe['codes'] = new Map();
  const requestTokens = new Map<
    string,
    { secret: string; elementKey: string; apiKey: string; verifier?: string }
  >();
  let nextId = 1001;
  const fake = {} as FakeOAuthCe;
  const platformAuth = `User ${options.userSecret}, Organization ${options.organizationSecret}`;
  const findApp = (apiKey: string | null | undefined) => options.apps.find((app) => app.apiKey === apiKey);

  const redirect = (res: ServerResponse, location: string) => {
    res.writeHead(302, { Location: location });
    res.end();
  };

  function checkExchange(req: RecordedRequest, res: ServerResponse): { elementKey: string } | undefined {
    const body = req.json as Record<string, any> | undefined;
    const configuration = (body?.configuration ?? {}) as Record<string, unknown>;
    const providerData = (body?.providerData ?? {}) as Record<string, unknown>;
    const app = findApp(configuration['oauth.api.key'] as string);
    if (typeof providerData.oauth_token === 'string') {
      const grant = requestTokens.get(providerData.oauth_token);
      if (!grant || grant.verifier !== providerData.oauth_verifier || grant.secret !== providerData.secret) {
        ceError(res, 400, `OAuth 1 token ${providerData.oauth_token} is not valid`);
        return undefined;
      }
      requestTokens.delete(providerData.oauth_token);
      return { elementKey: grant.elementKey };
    }
    const code = providerData.code as string;
    const grant = codes.get(code);
    if (!grant || grant.used) {
      ceError(
        res,
        400,
        `Failed to create instance: code ${code} is invalid or was already used`,
        'invalid_grant',
      );
      return undefined;
    }
    if (!app || app.apiSecret !== configuration['oauth.api.secret'] || grant.apiKey !== app.apiKey) {
      ceError(res, 400, `invalid client: ${String(configuration['oauth.api.secret'])}`, 'invalid_client');
      return undefined;
    }
    if (configuration['oauth.callback.url'] !== grant.redirectUri) {
      grant.used = true;
      ceError(res, 400, 'redirect_uri_mismatch', 'redirect_uri must match the one of the authorization');
      return undefined;
    }
    grant.used = true;
    return { elementKey: grant.elementKey };
  }

  function instanceJson(instance: FakeInstance) {
    const configuration = Object.fromEntries(
      Object.entries(instance.configuration).map(([k, v]) => [
        k,
        /secret|password/.test(k) ? '********' : String(v),
      ]),
    );
    return {
      id: instance.id,
      name: instance.name,
      token: instance.token,
      element: { key: instance.elementKey, name: instance.elementKey },
      tags: instance.tags,
      configuration,
      valid: true,
      disabled: false,
    };
  }

  const server = await startServer((req, res) => {
    const url = new URL(req.url, 'http://fake.invalid');
    const q = url.searchParams;
    // Provider pages (no Cloud Elements auth).
    if (req.method === 'GET' && url.pathname === '/provider/authorize') {
      const app = findApp(q.get('client_id'));
      if (q.get('oauth_token')) {
        const grant = requestTokens.get(q.get('oauth_token')!);
        if (!grant) return void ceError(res, 400, 'unknown request token');
        const callback = new URL(q.get('redirect_uri')!);
        grant.verifier = secret();
        callback.searchParams.set('oauth_token', q.get('oauth_token')!);
        callback.searchParams.set('oauth_verifier', grant.verifier);
        return redirect(res, callback.toString());
      }
      // A real provider shows an error page, not a redirect, for an unknown app or an unregistered redirect URI.
      if (!app) return void ceError(res, 400, 'invalid_client_id');
      if (q.get('redirect_uri') !== app.callbackUrl) return void ceError(res, 400, 'redirect_uri_mismatch');
      const callback = new URL(app.callbackUrl);
      if (fake.decision === 'deny') {
        callback.searchParams.set('error', 'access_denied');
        callback.searchParams.set('error_description', 'end-user denied authorization');
      } else {
        const code = secret();
        codes.set(code, {
          elementKey: q.get('element')!,
          apiKey: app.apiKey,
          redirectUri: q.get('redirect_uri')!,
          used: false,
        });
        callback.searchParams.set('code', code);
      }
      if (q.get('state') !== null) callback.searchParams.set('state', q.get('state')!);
      return redirect(res, callback.toString());
    }
    if (!url.pathname.startsWith(`${API}/`)) return void ceError(res, 404, 'not found');
    const path = url.pathname.slice(API.length);
    const auth = req.headers.authorization ?? '';
    const segments = path.split('/').slice(1).map(decodeURIComponent);

    if (req.method === 'GET' && path === '/hubs/crm/contacts') {
      const token = /Element (\S+)/.exec(auth)?.[1];
      const instance = [...instances.values()].find((i) => i.token === token);
      if (!instance) return void ceError(res, 401, 'Invalid element token');
      return void sendJson(res, 200, fake.contacts);
    }
    if (auth !== platformAuth) return void ceError(res, 401, 'Invalid Organization or User secret');

    if (req.method === 'GET' && segments[0] === 'elements' && segments[2] === 'oauth') {
      const elementKey = segments[1]!;
      const missing = ['apiKey', 'apiSecret', 'callbackUrl'].filter((n) => !q.get(n));
      if (missing.length > 0) return void ceError(res, 400, `Missing ${missing.join(', ')}`);
      if (segments[3] === 'token') {
        if (!oauth1Elements.has(elementKey))
          return void ceError(res, 400, `${elementKey} is not an OAuth 1 element`);
        const token = secret();
        requestTokens.set(token, { secret: secret(), elementKey, apiKey: q.get('apiKey')! });
        return void sendJson(res, 200, { token, secret: requestTokens.get(token)!.secret });
      }
      if (segments[3] !== 'url') return void ceError(res, 404, 'not found');
      const authorize = new URL('/provider/authorize', server.url);
      if (q.get('requestToken')) {
        authorize.searchParams.set('oauth_token', q.get('requestToken')!);
        authorize.searchParams.set('redirect_uri', q.get('callbackUrl')!);
      } else {
        authorize.searchParams.set('response_type', 'code');
        authorize.searchParams.set('client_id', q.get('apiKey')!);
        authorize.searchParams.set('client_secret', q.get('apiSecret')!);
        if (q.get('scope')) authorize.searchParams.set('scope', q.get('scope')!);
        authorize.searchParams.set('redirect_uri', q.get('callbackUrl')!);
        authorize.searchParams.set('state', q.get('state') ?? elementKey);
        authorize.searchParams.set('element', elementKey);
      }
      return void sendJson(res, 200, { element: elementKey, oauthUrl: authorize.toString() });
    }
    if (req.method === 'POST' && path === '/instances') {
      const body = req.json as Record<string, any> | undefined;
      const elementKey = body?.element?.key as string | undefined;
      if (!elementKey || !body?.name) return void ceError(res, 400, 'element and name are required');
      if (body.providerData !== undefined && !checkExchange(req, res)) return;
      const instance: FakeInstance = {
        id: nextId++,
        name: body.name,
        elementKey,
        token: secret(30),
        tags: body.tags ?? [],
        configuration: body.configuration ?? {},
      };
      instances.set(instance.id, instance);
      return void sendJson(res, 200, instanceJson(instance));
    }
    if (
      (req.method === 'PUT' || req.method === 'PATCH') &&
      segments[0] === 'instances' &&
      segments.length === 2
    ) {
      const instance = instances.get(Number(segments[1]));
      if (!instance) return void ceError(res, 404, `No instance found with ID ${segments[1]}`);
      if (!checkExchange(req, res)) return;
      const body = req.json as Record<string, any>;
      if (req.method === 'PUT') {
        instance.name = body.name;
        instance.tags = body.tags ?? [];
        instance.configuration = body.configuration ?? {};
      } else {
        Object.assign(instance.configuration, body.configuration ?? {});
      }
      return void sendJson(res, 200, instanceJson(instance));
    }
    ceError(res, 404, `No resource found for ${req.method} ${path}`);
  });

  return Object.assign(fake, server, {
    baseUrl: `${server.url}${API}`,
    decision: 'approve' as const,
    instances,
    codes,
    contacts: [
      { id: '003A', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' },
      { id: '003B', firstName: 'Alan', lastName: 'Turing', email: 'alan@example.com' },
    ],
  });
}
