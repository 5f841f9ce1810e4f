// Your provider app (key, secret, callback URL): checked once, printed without its secrets, and listed among the
// values no error may show.
import {
  REDACTED,
  checkKnownKeys,
  checkText,
  fail,
  hideSecrets,
  isHttpUrl,
  redactUrl,
} from '../core/index.js';
import { instanceSecrets } from '../instances/index.js';
import type { OAuthApp } from './types.js';

/** Checks an app object; messages name the bad field, never its value. */
export function checkApp(app: unknown): asserts app is OAuthApp {
  if (app === null || typeof app !== 'object') {
    fail(
      'The OAuth app must be an object { apiKey, apiSecret, callbackUrl } with the values of your provider app.',
    );
  }
  const { apiKey, apiSecret, callbackUrl, scope } = app as Record<string, unknown>;
  checkText('apiKey', apiKey, 'use the client id (consumer key) of your provider app.');
  checkText('apiSecret', apiSecret, 'use the client secret (consumer secret) of your provider app.');
  checkText('callbackUrl', callbackUrl, 'use the redirect URL registered with your provider app.');
  if (!isHttpUrl(callbackUrl)) {
    fail('callbackUrl must be an absolute http(s) URL, exactly as registered with your provider app.');
  }
  if (scope !== undefined) checkScope(scope);
}

/** Checks provider scopes, of the app or of one call. */
export function checkScope(scope: unknown): asserts scope is string {
  checkText('scope', scope, 'give the provider scopes as one string, or leave scope out.');
}

// Every key of OAuthApp: a misspelt one (`scopes`) would otherwise be dropped, and the flow run without it.
const APP_SETTINGS = ['apiKey', 'apiSecret', 'callbackUrl', 'scope'] as const;

/**
 * Checks `settings` and returns them as a frozen app object whose `JSON.stringify`, `util.inspect` and
 * `String()` show `apiKey` and `apiSecret` as `[REDACTED]`. Optional: the OAuth functions accept plain objects.
 * Throws a `TypeError` naming a missing or invalid field (never its value), or a field it does not know
 * (`scopes`: it names the one meant).
 * @example const app = defineOAuthApp({ apiKey, apiSecret, callbackUrl: 'https://app.example.com/oauth/callback' });
 */
export function defineOAuthApp(settings: OAuthApp): OAuthApp {
  // Before the field checks, so that `apikey` is named as the misspelling it is rather than as a missing apiKey.
  if (settings !== null && typeof settings === 'object')
    checkKnownKeys('defineOAuthApp', settings, APP_SETTINGS);
  checkApp(settings);
  const app: OAuthApp = {
    apiKey: settings.apiKey,
    apiSecret: settings.apiSecret,
    callbackUrl: settings.callbackUrl,
    ...(settings.scope === undefined ? {} : { scope: settings.scope }),
  };
  // A callback URL may carry a token in its query or a user:password@ of its own.
  const shown = { ...app, apiKey: REDACTED, apiSecret: REDACTED, callbackUrl: redactUrl(app.callbackUrl) };
  return hideSecrets(app, shown, 'OAuthApp');
}

/** What must not appear in an error: the app's key and secret, every provider value, secret configuration values. */
export function appSecrets(
  app: OAuthApp,
  providerData: Readonly<Record<string, unknown>> | undefined,
  configuration?: Readonly<Record<string, unknown>>,
): unknown[] {
  return [app.apiKey, app.apiSecret, callbackPassword(app), ...instanceSecrets(providerData, configuration)];
}

/**
 * The password of a callback URL's `user:password@`, if it has one: the OAuth URL call sends the callback URL
 * percent-encoded (`%40`), where the `user:password@` pattern of redaction does not find it.
 */
function callbackPassword(app: OAuthApp): string | undefined {
  try {
    return decodeURIComponent(new URL(app.callbackUrl).password) || undefined;
  } catch {
    return undefined;
  }
}
