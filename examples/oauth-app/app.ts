// Example web app: connect a user's account to a Cloud Elements element in three steps, then list the account's
// CRM contacts. Plain node:http, no framework. Element tokens stay on the server: pages show instance ids only.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloudElementsError, unwrap, type CloudElementsClient } from '../../src/index.js';
import {
  OAuthCallbackError,
  OAuthProviderError,
  createOAuthState,
  defineOAuthApp,
  finishOAuth,
  readOAuthCallback,
  startOAuth,
  type OAuthApp,
} from '../../src/oauth.js';

/** Options of {@link createOAuthApp}. */
export type OAuthExampleOptions = {
  /** Cloud Elements client with the user and organization secrets. */
  client: CloudElementsClient;
  /** Element to connect, e.g. `sfdc`. */
  elementKey: string;
  /**
   * Your provider app. Leave `callbackUrl` out to use `http://<listening address>/oauth/callback` (local testing).
   * Its path is the app's callback route.
   */
  app: { apiKey: string; apiSecret: string; callbackUrl?: string; scope?: string };
  /** Receives one line per event (connected, refused, failed); never secrets, codes or tokens. @default no logging */
  log?: (line: string) => void;
  /** Runs after an instance is created, e.g. to seed an emulator; gets a client acting as the new instance. */
  afterConnect?: (hub: CloudElementsClient, instance: { id: number; name: string }) => Promise<void>;
};

type StoredInstance = { id: number; name: string; elementKey: string; token: string };

const stateCookie = 'oauth_state';
const sessionCookie = 'session';

function escapeHtml(text: unknown): string {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function readCookies(req: IncomingMessage): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    // A cookie another app on the same host set, or a hand-edited one, may not be valid percent-encoding
    // (`a=100%`): it is none of ours, so it is skipped rather than failing the page with a 500.
    try {
      cookies.set(part.slice(0, eq).trim(), decodeURIComponent(part.slice(eq + 1).trim()));
    } catch {
      continue;
    }
  }
  return cookies;
}

function cookie(name: string, value: string, maxAgeSeconds: number, secure: boolean): string {
  return `${name}=${value}; HttpOnly; SameSite=Lax; Path=/; Max-Age=${maxAgeSeconds}${secure ? '; Secure' : ''}`;
}

function send(
  res: ServerResponse,
  status: number,
  title: string,
  body: string,
  cookies: string[] = [],
): void {
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
    '<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto}td,th{padding:.25rem .75rem;text-align:left}</style>' +
    `</head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    // The callback URL carries the code: no Referer may repeat it, no cache may keep the pages.
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
    'X-Content-Type-Options': 'nosniff',
    ...(cookies.length > 0 ? { 'Set-Cookie': cookies } : {}),
  });
  res.end(html);
}

function redirect(res: ServerResponse, status: 302 | 303, location: string, cookies: string[] = []): void {
  res.writeHead(status, {
    Location: location,
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    ...(cookies.length > 0 ? { 'Set-Cookie': cookies } : {}),
  });
  res.end();
}

/** A line for the log: the error's class, status and (already redacted) message. */
function describe(error: unknown): string {
  if (error instanceof CloudElementsError) {
    return `${error.name}${error.status ? ` ${error.status}` : ''}: ${error.message}`;
  }
  return error instanceof Error ? error.name : 'unknown error';
}

/**
 * Creates the example app's node:http server (not listening yet): `GET /` (home), `GET /connect` (redirect to
 * the provider, state in an HttpOnly SameSite=Lax cookie), the callback route (verify, create the instance,
 * redirect to it), `GET /instances/{id}` and `GET /instances/{id}/contacts` (the instance's CRM contacts).
 * @example
 * const server = createOAuthApp({ client, elementKey: 'sfdc', app: { apiKey, apiSecret, callbackUrl } });
 * server.listen(3000, '127.0.0.1');
 */
export function createOAuthApp(options: OAuthExampleOptions): Server {
  const { client, elementKey } = options;
  const log = options.log ?? (() => {});
  // Instances by session: the element token never leaves the server.
  const sessions = new Map<string, Map<number, StoredInstance>>();
  let app: OAuthApp | undefined;
  let server: Server;

  // One app object for start and finish, so the key, secret and callback URL agree in every call.
  const oauthApp = (): OAuthApp => {
    if (app) return app;
    let callbackUrl = options.app.callbackUrl;
    if (callbackUrl === undefined) {
      const address = server.address() as AddressInfo;
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      callbackUrl = `http://${host}:${address.port}/oauth/callback`;
    }
    app = defineOAuthApp({ ...options.app, callbackUrl });
    return app;
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://app.invalid');
    const current = oauthApp();
    const secure = current.callbackUrl.startsWith('https:');
    const cookies = readCookies(req);
    const session = sessions.get(cookies.get(sessionCookie) ?? '');
    if (req.method !== 'GET') return send(res, 405, 'Method not allowed', '<p>Only GET is served.</p>');

    if (url.pathname === '/') {
      const list = [...(session?.values() ?? [])]
        .map(
          (i) =>
            `<li><a href="/instances/${i.id}">${escapeHtml(i.name)}</a> (${escapeHtml(i.elementKey)})</li>`,
        )
        .join('');
      return send(
        res,
        200,
        'Cloud Elements OAuth example',
        `<p><a id="connect" href="/connect">Connect your ${escapeHtml(elementKey)} account</a></p>` +
          (list ? `<h2>Connected</h2><ul id="instances">${list}</ul>` : ''),
      );
    }

    if (url.pathname === '/connect') {
      try {
        const start = await startOAuth(client, current, { elementKey });
        return redirect(res, 302, start.url, [cookie(stateCookie, start.state, 600, secure)]);
      } catch (error) {
        log(`connect failed: ${describe(error)}`);
        return send(
          res,
          502,
          'Could not start the connection',
          '<p>Cloud Elements did not answer as expected. Try again later.</p>',
        );
      }
    }

    if (url.pathname === new URL(current.callbackUrl).pathname) {
      // The state is single use: clear it whatever happens next.
      const clearState = cookie(stateCookie, '', 0, secure);
      const again = '<p><a href="/connect">Start again</a></p>';
      let callback;
      try {
        const expectedState = cookies.get(stateCookie);
        if (!expectedState) {
          log('callback refused: no state cookie');
          return send(
            res,
            400,
            'Connection expired',
            `<p>This sign-in is not from this browser or took too long.</p>${again}`,
            [clearState],
          );
        }
        callback = readOAuthCallback(req.url ?? '', { expectedState });
      } catch (error) {
        log(`callback refused: ${describe(error)}`);
        if (error instanceof OAuthProviderError) {
          const detail = error.errorDescription ? ` (${escapeHtml(error.errorDescription)})` : '';
          return send(
            res,
            400,
            'Access not granted',
            `<p id="error">The provider said: <code>${escapeHtml(error.error)}</code>${detail}.</p>${again}`,
            [clearState],
          );
        }
        const text =
          error instanceof OAuthCallbackError
            ? 'This sign-in link is not valid for this browser.'
            : 'The callback could not be read.';
        return send(res, 400, 'Connection refused', `<p id="error">${text}</p>${again}`, [clearState]);
      }
      try {
        const name = `${elementKey} connected ${new Date().toISOString().slice(0, 10)}`;
        const instance = await finishOAuth(client, current, {
          elementKey,
          callback,
          name,
          tags: ['oauth-example'],
        });
        const sessionId = session ? cookies.get(sessionCookie)! : createOAuthState();
        const owned = session ?? new Map<number, StoredInstance>();
        sessions.set(sessionId, owned);
        owned.set(instance.id, { id: instance.id, name: instance.name, elementKey, token: instance.token });
        log(`connected instance ${instance.id} (${elementKey})`);
        if (options.afterConnect) await options.afterConnect(client.forInstance(instance.token), instance);
        // 303 to a plain page: reloading it does not send the used code again.
        return redirect(res, 303, `/instances/${instance.id}`, [
          clearState,
          cookie(sessionCookie, sessionId, 86_400, secure),
        ]);
      } catch (error) {
        log(`finish failed: ${describe(error)}`);
        return send(
          res,
          502,
          'Could not connect',
          `<p id="error">Cloud Elements refused the connection.</p>${again}`,
          [clearState],
        );
      }
    }

    const match = /^\/instances\/(\d+)(\/contacts)?$/.exec(url.pathname);
    const instance = match ? session?.get(Number(match[1])) : undefined;
    if (!match || !instance) return send(res, 404, 'Not found', '<p><a href="/">Home</a></p>');
    if (!match[2]) {
      return send(
        res,
        200,
        `Connected: ${instance.name}`,
        `<dl><dt>Instance id</dt><dd id="instance-id">${instance.id}</dd><dt>Element</dt><dd>${escapeHtml(instance.elementKey)}</dd></dl>` +
          `<p><a id="contacts-link" href="/instances/${instance.id}/contacts">CRM contacts</a> · <a href="/">Home</a></p>`,
      );
    }
    try {
      const contacts = await unwrap(client.forInstance(instance.token).GET('/hubs/crm/contacts'));
      const rows = contacts
        .map(
          (c) =>
            `<tr><td>${escapeHtml(c.firstName ?? '')} ${escapeHtml(c.lastName ?? '')}</td><td>${escapeHtml(c.email ?? '')}</td></tr>`,
        )
        .join('');
      return send(
        res,
        200,
        `Contacts of ${instance.name}`,
        `<table id="contacts"><thead><tr><th>Name</th><th>Email</th></tr></thead><tbody>${rows}</tbody></table>` +
          `<p id="count">${contacts.length} contact(s)</p><p><a href="/instances/${instance.id}">Back</a></p>`,
      );
    } catch (error) {
      log(`contacts failed: ${describe(error)}`);
      return send(
        res,
        502,
        'Could not read contacts',
        '<p id="error">Cloud Elements did not return the contacts.</p>',
      );
    }
  }

  server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`request failed: ${describe(error)}`);
      if (!res.headersSent) send(res, 500, 'Error', '<p>Something went wrong.</p>');
      else res.destroy();
    });
  });
  return server;
}
