// Checks and error scrubbing shared by the OAuth modules (oauth.ts, oauth-finish.ts). Not public API.
import { unwrap } from '../client.js';
import { CloudElementsError, createResponseError } from '../errors.js';
import type { ElementKeyOrId, OAuthApp } from '../oauth.js';
import { createRedactor, isSecretName, type Redactor } from './redact.js';
import { isHttpUrl } from './http-url.js';

/** Throws the SDK's misuse `TypeError` (`[cloud-elements] …`). */
export function fail(message: string): never {
  throw new TypeError(`[cloud-elements] ${message}`);
}

/** Checks a required string option; the message names the option and says how to fix it, never its value. */
export function checkText(name: string, value: unknown, hint: string): asserts value is string {
  if (typeof value !== 'string' || value.trim() === '') fail(`${name} must be a non-empty string; ${hint}`);
  if (/[\r\n]/.test(value)) fail(`${name} contains a line break; ${hint}`);
}

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
  if (scope !== undefined)
    checkText('scope', scope, 'give the provider scopes as one string, or leave scope out.');
}

/** Checks an element key (non-empty string) or numeric element id. */
export function checkElementKey(elementKey: unknown): asserts elementKey is ElementKeyOrId {
  const valid =
    (typeof elementKey === 'string' && elementKey.trim() !== '') ||
    (typeof elementKey === 'number' && Number.isSafeInteger(elementKey) && elementKey > 0);
  if (!valid) fail('elementKey must be an element key such as "sfdc" or a numeric element id.');
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
export async function unwrapWithout<R extends FetchResult>(
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
export function secretsOf(
  app: OAuthApp | undefined,
  providerData: Readonly<Record<string, unknown>> | undefined,
  configuration?: Readonly<Record<string, unknown>>,
): unknown[] {
  const found: unknown[] = app ? [app.apiKey, app.apiSecret] : [];
  found.push(...Object.values(providerData ?? {}));
  for (const [key, value] of Object.entries(configuration ?? {})) if (isSecretName(key)) found.push(value);
  return found;
}

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/**
 * Gives `target` a `toJSON`, a `toString` and a `util.inspect` view that show `shown` instead of its fields.
 */
export function hideSecrets<T extends object>(target: T, shown: Record<string, unknown>, label: string): T {
  Object.defineProperties(target, {
    toJSON: { value: () => ({ ...shown }) },
    toString: { value: () => `${label} ${JSON.stringify(shown)}` },
    [inspectSymbol]: { value: () => ({ ...shown }) },
  });
  return Object.freeze(target);
}
