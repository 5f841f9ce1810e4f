import {
  CloudElementsError,
  REDACTED,
  SNIPPET_LENGTH,
  checkKnownKeys,
  constantTimeEqual,
  fail,
  hideSecrets,
  snippet,
} from '../core/index.js';
import type { OAuthProviderData } from './types.js';

/** Why an OAuth callback was refused; see {@link OAuthCallbackError.reason}. */
export type OAuthCallbackProblem =
  'provider_error' | 'missing_state' | 'state_mismatch' | 'missing_code' | 'malformed_callback';

/**
 * The callback of an OAuth authorization cannot be used: the provider sent an error, the `state` is missing or
 * differs from the expected one, or the code is missing. Thrown by {@link readOAuthCallback} and
 * {@link readOAuth1Callback} before any network call. The message never contains the code or the state.
 */
export class OAuthCallbackError extends CloudElementsError {
  /** Always `'OAuthCallbackError'`, the class's name, also in stack traces and logs. */
  override name = 'OAuthCallbackError';
  static override readonly name: string = 'OAuthCallbackError';
  /** What was wrong with the callback. */
  readonly reason: OAuthCallbackProblem;

  constructor(message: string, reason: OAuthCallbackProblem) {
    super(message);
    this.reason = reason;
  }
}

/**
 * The provider redirected back with an OAuth `error` instead of a code, e.g. `access_denied` when the user
 * refused access. Show the user a way to try again.
 */
export class OAuthProviderError extends OAuthCallbackError {
  /** Always `'OAuthProviderError'`, the class's name, also in stack traces and logs. */
  override name = 'OAuthProviderError';
  static override readonly name: string = 'OAuthProviderError';
  /** The OAuth `error` parameter, e.g. `access_denied`, `invalid_scope`; `access_denied` for an OAuth 1 `denied`. */
  readonly error: string;
  /** The OAuth `error_description` parameter, when the provider sent one. */
  readonly errorDescription?: string | undefined;
  /** The OAuth `error_uri` parameter, when the provider sent one. */
  readonly errorUri?: string | undefined;

  constructor(fields: { error: string; errorDescription?: string; errorUri?: string }) {
    const description = fields.errorDescription === undefined ? '' : `: ${fields.errorDescription}`;
    super(`The provider refused the authorization (${fields.error})${description}`, 'provider_error');
    // Class fields are own properties from the start (`undefined` when the provider sent nothing).
    this.error = fields.error;
    this.errorDescription = fields.errorDescription;
    this.errorUri = fields.errorUri;
  }
}

/**
 * The callback's `state` (or OAuth 1 `oauth_token`) is missing or is not the one this user's flow started with:
 * the callback may be forged (CSRF) or belong to another browser session. Start the flow again.
 */
export class OAuthStateError extends OAuthCallbackError {
  /** Always `'OAuthStateError'`, the class's name, also in stack traces and logs. */
  override name = 'OAuthStateError';
  static override readonly name: string = 'OAuthStateError';
}

/**
 * A callback as received: the full URL, the request path (`req.url`), its query, the parsed query object, or a
 * web `Request` (its `url` is read).
 */
export type OAuthCallbackInput =
  string | URL | URLSearchParams | Request | Readonly<Record<string, string | readonly string[] | undefined>>;

/** Options of {@link readOAuthCallback}. */
export type ReadOAuthCallbackOptions = {
  /**
   * The `state` returned by `startOAuth` for this user, kept in an HttpOnly cookie or a server-side session. Pass
   * what you read even when it is missing (an expired cookie, another browser): `undefined` is refused with a
   * `TypeError` that says to start the flow again.
   */
  expectedState: string | undefined;
};

/**
 * A verified OAuth 2 callback, ready for `finishOAuth`. `JSON.stringify`, `util.inspect` and `String()` hide the
 * code, of the callback and of its `providerData` alike.
 */
export type OAuthCallback = {
  /** The authorization code; single use and short-lived. */
  readonly code: string;
  /** The state, equal to the expected one. */
  readonly state: string;
  /**
   * What goes to `POST /instances` as `providerData`: `code` plus any element-specific callback values (e.g.
   * QuickBooks' `realmId`); `state` and the OAuth `error*` parameters are left out. Its JSON form hides the values
   * (`[REDACTED]`), so that logging it shows no code: pass it to `finishOAuth`, or spread it
   * (`providerData: { ...callback.providerData }`) into a body of your own.
   */
  readonly providerData: OAuthProviderData;
};

/** Options of {@link readOAuth1Callback}. */
export type ReadOAuth1CallbackOptions = {
  /**
   * The request token returned by `startOAuth1` (`requestToken`), kept server-side for this user; `undefined`
   * (lost) is refused with a `TypeError` that says to start the flow again.
   */
  requestToken: string | undefined;
  /** The request token secret returned by `startOAuth1` (`requestTokenSecret`), kept server-side. */
  requestTokenSecret: string | undefined;
};

/**
 * A verified OAuth 1 callback, ready for `finishOAuth`. `JSON.stringify`, `util.inspect` and `String()` hide its
 * values, of the callback and of its `providerData` alike.
 */
export type OAuth1Callback = {
  /** `{ oauth_token, oauth_verifier, secret }` plus any other callback values, for `providerData`. */
  readonly providerData: OAuthProviderData;
};

/**
 * Creates a fresh OAuth `state`: 32 random bytes from Web Crypto (`crypto.getRandomValues`), base64url-encoded
 * (43 characters). Keep it for the user (HttpOnly cookie or session) and compare it on the callback.
 */
export function createOAuthState(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** Reads the callback into name → values, keeping repeated names so that they can be refused. */
function toParams(input: OAuthCallbackInput): Map<string, string[]> {
  const params = new Map<string, string[]>();
  const add = (name: string, value: unknown) => {
    if (typeof value !== 'string') {
      throw new OAuthCallbackError(
        `The OAuth callback parameter ${snippet(name)} is not a string; pass the raw query values.`,
        'malformed_callback',
      );
    }
    params.set(name, [...(params.get(name) ?? []), value]);
  };
  let search = callbackSearch(input);
  if (typeof search === 'string') {
    const text = search.split('#')[0]!;
    const question = text.indexOf('?');
    // A URL or a path (`req.url`) carries its query after `?`; anything else is taken as the query itself.
    const isUrl = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) || text.startsWith('/');
    search = new URLSearchParams(question !== -1 ? text.slice(question + 1) : isUrl ? '' : text);
  }
  if (search instanceof URLSearchParams) {
    for (const [name, value] of search) add(name, value);
  } else {
    for (const [name, value] of Object.entries(search)) {
      if (value !== undefined) for (const item of Array.isArray(value) ? value : [value]) add(name, item);
    }
  }
  return params;
}

const callbackHint = 'pass req.url (or the URL, its search string, URLSearchParams, or a Request).';

/**
 * The part of the input that holds the query: a string, URLSearchParams or a plain query object. A web `Request`
 * gives its URL. Any other object is refused: read as a query object, a Node or Express request (or `Headers`)
 * has no `state` among its own fields, and the callback would be taken for a forged one.
 */
function callbackSearch(
  input: OAuthCallbackInput,
): string | URLSearchParams | Readonly<Record<string, unknown>> {
  if (typeof input === 'string' || input instanceof URLSearchParams) return input;
  if (input instanceof URL) return input.searchParams;
  if (input === null || typeof input !== 'object') {
    fail(`The OAuth callback must be its URL, query string or parsed query object; ${callbackHint}`);
  }
  const { url, headers } = input as { url?: unknown; headers?: unknown };
  // A web Request, of this realm's fetch or another's (undici's own, a polyfill): its URL has the query.
  if ((typeof Request !== 'undefined' && input instanceof Request) || isFetchRequest(url, headers)) {
    return url as string;
  }
  const proto: unknown = Object.getPrototypeOf(input);
  // Parsed query objects are plain (`{}`) or have no prototype (node:querystring's); a query parameter named
  // `headers` is a string or an array of them, a request's headers an object.
  if (
    (proto !== Object.prototype && proto !== null) ||
    (headers !== null && typeof headers === 'object' && !Array.isArray(headers))
  ) {
    fail(`The OAuth callback is a request or another object, not its query; ${callbackHint}`);
  }
  return input as Readonly<Record<string, unknown>>;
}

/** Whether an object's `url` and `headers` are those of a fetch `Request` (a `Headers` with `get`). */
function isFetchRequest(url: unknown, headers: unknown): boolean {
  return typeof url === 'string' && typeof (headers as { get?: unknown } | null)?.get === 'function';
}

/** The single value of `name`, `undefined` when absent or empty; a repeated name is refused. */
function single(params: Map<string, string[]>, name: string): string | undefined {
  const values = params.get(name);
  if (values === undefined) return undefined;
  if (values.length > 1) {
    throw new OAuthCallbackError(
      `The OAuth callback has "${name}" ${values.length} times; a genuine callback sends it once.`,
      'malformed_callback',
    );
  }
  return values[0] || undefined;
}

// Provider text goes into error messages and maybe HTML pages: keep it short and printable.
/** The single value of `name`, cut to `maxLength` and with unprintable characters replaced. */
function providerText(params: Map<string, string[]>, name: string, maxLength: number): string | undefined {
  const printable = single(params, name)
    // Format characters too (U+202E turns `gnp.exe` around in a page or a terminal).
    ?.replace(/[^\x20-\x7e\u{a0}-\u{10ffff}]|\p{Cf}/gu, ' ')
    .trim();
  if (!printable) return undefined;
  return printable.length > maxLength ? `${printable.slice(0, maxLength)}…` : printable;
}

function assertKept(name: string, value: unknown, start: string): asserts value is string {
  if (typeof value !== 'string' || value === '') {
    fail(
      `${name} is required: pass the one ${start} returned for this user; if it is lost (expired cookie, ` +
        'other browser), start the flow again.',
    );
  }
}

/**
 * Checks a callback in the order that keeps forged ones out, and returns its state and code. The state (OAuth 1:
 * `oauth_token`) is checked before anything else is believed: a forged callback carrying an `error` must fail as
 * a forged callback, not show the attacker's error text as the provider's. Then a provider `error` (or, given
 * `deniedName`, an OAuth 1 `denied`), then the code (OAuth 1: `oauth_verifier`).
 */
function checkCallback(
  params: Map<string, string[]>,
  stateName: string,
  expectedState: string,
  codeName: string,
  deniedName?: string,
): [state: string, code: string] {
  // OAuth 1 providers answer a refusal with `denied=<request token>`, often without `oauth_token`: its value then
  // stands for the token, and is checked like it before the refusal is believed.
  const denied = deniedName === undefined ? undefined : single(params, deniedName);
  const state = single(params, stateName) ?? denied;
  if (state === undefined) {
    throw new OAuthStateError(
      `The OAuth callback has no ${stateName}; start the connection again.`,
      'missing_state',
    );
  }
  if (
    !constantTimeEqual(state, expectedState) ||
    (denied !== undefined && !constantTimeEqual(denied, expectedState))
  ) {
    throw new OAuthStateError(
      `The OAuth callback's ${stateName} is not the one this flow started with (forged, or from another ` +
        'browser session?); start the connection again.',
      'state_mismatch',
    );
  }
  const error = providerText(params, 'error', 100);
  if (error !== undefined) {
    throw new OAuthProviderError({
      error,
      errorDescription: providerText(params, 'error_description', SNIPPET_LENGTH),
      errorUri: providerText(params, 'error_uri', SNIPPET_LENGTH),
    });
  }
  if (denied !== undefined) throw new OAuthProviderError({ error: 'access_denied' });
  const code = single(params, codeName);
  if (code === undefined) {
    throw new OAuthCallbackError(`The OAuth callback has neither ${codeName} nor error.`, 'missing_code');
  }
  return [state, code];
}

// `toJSON` and `toString` give the printed view (see hideSecrets): a callback parameter of that name would take
// their place, and print the values, or be sent to Cloud Elements as a function.
const ignoredInProviderData = new Set([
  'state',
  'error',
  'error_description',
  'error_uri',
  'toJSON',
  'toString',
]);

/**
 * `base` plus the callback's other single, non-empty parameters, frozen: the `providerData` to send. Printed
 * (`JSON.stringify`, `util.inspect`, `String()`) it shows its names with every value `[REDACTED]`: logging
 * `callback.providerData` must not show the code (element values such as `access_token` are as secret). Read
 * or spread (as `finishOAuth` does) it gives the values.
 */
function collectProviderData(params: Map<string, string[]>, base: Record<string, string>): OAuthProviderData {
  const data: Record<string, string> = { ...base };
  for (const [name, values] of params) {
    if (ignoredInProviderData.has(name) || Object.hasOwn(base, name)) continue;
    const value = values.length === 1 ? values[0] : undefined;
    // A parameter named `__proto__` stays a plain own field instead of changing the object's prototype.
    if (value) {
      Object.defineProperty(data, name, { value, enumerable: true, writable: true, configurable: true });
    }
  }
  const shown = Object.fromEntries(Object.keys(data).map((name) => [name, REDACTED]));
  return hideSecrets(data, shown, 'OAuthProviderData');
}

/**
 * Step 2 of an OAuth 2 connection: checks the provider's redirect to your callback URL and returns the code.
 * Checks `state` first: throws {@link OAuthStateError} when it is missing or differs from `expectedState`
 * (compared in constant time), even when the callback also carries an `error`, so a forged callback never passes
 * for the provider's answer. Then throws {@link OAuthProviderError} when the provider sent an `error` (e.g. the
 * user denied access), and {@link OAuthCallbackError} when the code is missing or a parameter is repeated. Makes
 * no network call.
 * @example
 * // No state cookie (expired, another browser): undefined is refused with a TypeError that says to start again.
 * const callback = readOAuthCallback(req.url ?? '', { expectedState: cookies.oauth_state });
 * const instance = await finishOAuth(ce, app, { elementKey: 'sfdc', callback, name: 'Acme Salesforce' });
 */
export function readOAuthCallback(
  input: OAuthCallbackInput,
  options: ReadOAuthCallbackOptions,
): OAuthCallback {
  // A misspelt `expectedstate` would read as a lost state, and say to start again.
  if (typeof options === 'object' && options !== null) {
    checkKnownKeys('readOAuthCallback', options, ['expectedState']);
  }
  assertKept('expectedState', options?.expectedState, 'startOAuth');
  const params = toParams(input);
  const [state, code] = checkCallback(params, 'state', options.expectedState, 'code');
  const providerData = collectProviderData(params, { code });
  // `providerData` prints its own view, with every value redacted.
  return hideSecrets({ code, state, providerData }, { code: REDACTED, state, providerData }, 'OAuthCallback');
}

/**
 * Step 2 of an OAuth 1 connection: checks the provider's redirect (`oauth_token`, `oauth_verifier`) and returns
 * the `providerData` Cloud Elements needs (`oauth_token`, `oauth_verifier`, `secret`). The `oauth_token` must be
 * the request token of this user's flow (compared in constant time), else {@link OAuthStateError}; it is checked
 * before a provider `error` ({@link OAuthProviderError}) is believed. A refusal sent as `denied=<request token>`
 * (with or without `oauth_token`) is checked the same way, then thrown as an {@link OAuthProviderError} with
 * `error` `access_denied`.
 */
export function readOAuth1Callback(
  input: OAuthCallbackInput,
  options: ReadOAuth1CallbackOptions,
): OAuth1Callback {
  assertKept('requestToken', options?.requestToken, 'startOAuth1');
  assertKept('requestTokenSecret', options.requestTokenSecret, 'startOAuth1');
  const params = toParams(input);
  // As for OAuth 2: the request token is checked before an `error` is believed.
  const [token, verifier] = checkCallback(
    params,
    'oauth_token',
    options.requestToken,
    'oauth_verifier',
    'denied',
  );
  const providerData = collectProviderData(params, {
    oauth_token: token,
    oauth_verifier: verifier,
    secret: options.requestTokenSecret,
  });
  // `providerData` prints its own view, with every value redacted.
  return hideSecrets({ providerData }, { providerData }, 'OAuth1Callback');
}
