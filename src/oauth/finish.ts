// Step 3 of an OAuth connection: the instance created (or re-authorized) from a verified callback, with the app's
// three OAuth values in its configuration.
import {
  CALL_SECRETS,
  SEND_ONCE,
  checkClient,
  unwrapWithout,
  type CloudElementsClient,
} from '../client/index.js';
import { REDACTED, checkKnownKeys, fail, snippet } from '../core/index.js';
import {
  checkElementKey,
  checkInstanceFields,
  checkInstanceId,
  checkOptionalObject,
  instanceBody,
  type ElementKeyOrId,
  type Instance,
  type InstanceConfiguration,
  type InstanceFields,
} from '../instances/index.js';
import { appSecrets, checkApp } from './app.js';
import type { OAuthApp, OAuthCallbackResult } from './types.js';

/** Options of {@link finishOAuth}. */
export type FinishOAuthOptions = InstanceFields & {
  /** Element to create the instance of, e.g. `sfdcdocuments`. */
  elementKey: ElementKeyOrId;
  /** The verified callback. */
  callback: OAuthCallbackResult;
};

// Every key of FinishOAuthOptions: a misspelt one (`configuraton`) would otherwise be dropped, and the instance made
// without it.
const FINISH_OPTIONS = ['elementKey', 'callback', 'name', 'tags', 'configuration', 'signal'];

/** Options of {@link reauthorizeInstance}: `PATCH` (default) changes only the credentials; `PUT` replaces the instance. */
export type ReauthorizeInstanceOptions =
  | {
      /** Id of the instance to re-authorize. */
      instanceId: number;
      /** The verified callback of a new authorization of the same account. */
      callback: OAuthCallbackResult;
      /** @default 'PATCH' */
      method?: 'PATCH' | undefined;
      /** Other configuration keys to change at the same time. */
      configuration?: InstanceConfiguration | undefined;
      /** Cancels the call. */
      signal?: AbortSignal | undefined;
    }
  | (InstanceFields & {
      /** Id of the instance to re-authorize. */
      instanceId: number;
      /** The verified callback of a new authorization of the same account. */
      callback: OAuthCallbackResult;
      /** Replace the whole instance: `elementKey` and `name` are required, unlisted configuration is reset. */
      method: 'PUT';
      /** Key (or id) of the instance's element, as when it was created. */
      elementKey: ElementKeyOrId;
    });

function checkCallback(callback: unknown): asserts callback is OAuthCallbackResult {
  const data = (callback as OAuthCallbackResult | undefined)?.providerData;
  if (data === null || typeof data !== 'object') {
    fail(
      'callback must be the result of readOAuthCallback (or readOAuth1Callback), or { providerData: { code } }.',
    );
  }
  // A callback kept through JSON (a session store, a job queue) holds what its JSON shows: the values hidden.
  for (const [key, value] of Object.entries(data)) {
    if (value === REDACTED) {
      fail(
        `callback.providerData[${snippet(key, 40)}] is "${REDACTED}": the callback went through JSON.stringify, which ` +
          'hides its values; keep the values themselves (e.g. { ...callback.providerData }) to pass them on.',
      );
    }
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
    // Each of the app's three keys is set in the app alone, so that every call agrees.
    if (Object.hasOwn(configuration, key) && value !== configuration[key]) {
      fail(`configuration["${key}"] differs from the OAuth app; set it only in the app object.`);
    }
  }
  // Spread copies keys as data, so a `__proto__` key (from JSON.parse) stays a key instead of a new prototype.
  return { ...configuration, ...extra };
}

/**
 * Step 3 of an OAuth connection: creates the instance (`POST /instances`) from the verified callback, with
 * `oauth.api.key`, `oauth.api.secret` and `oauth.callback.url` taken from `app`, and returns it with its element
 * `token` (store the token and instance id server-side). Works for OAuth 1 callbacks too. Never retried, whatever
 * the client's policy: the code can be used once.
 * @throws {CloudElementsError} subclass by status, e.g. `BadRequestError` for a used, expired or unknown code
 * (message without the code or app secrets)
 * @throws {ConnectionError} with `mayHaveReachedServer: true` when the answer was lost: the instance may exist;
 * look for it with `GET /instances` before starting the connection again
 */
export async function finishOAuth(
  client: CloudElementsClient,
  app: OAuthApp,
  options: FinishOAuthOptions,
): Promise<Instance> {
  checkClient('finishOAuth', client);
  checkApp(app);
  if (typeof options === 'object' && options !== null) checkKnownKeys('finishOAuth', options, FINISH_OPTIONS);
  checkElementKey(options?.elementKey);
  checkCallback(options.callback);
  checkInstanceFields(options);
  const configuration = oauthConfiguration(app, options.configuration);
  const providerData = options.callback.providerData;
  const body = instanceBody(options, configuration, providerData);
  const secrets = appSecrets(app, providerData, configuration);
  return unwrapWithout(
    // Not sent again once Cloud Elements may have acted, whatever the client's policy: the provider's code can be
    // used once, so a retry after a lost answer would be refused with invalid_grant while the instance exists. A
    // 429 or a refused connection, which it never acted on, still is.
    client.POST('/instances', { body, signal: options.signal, [SEND_ONCE]: true, [CALL_SECRETS]: secrets }),
    secrets,
  );
}

/**
 * Re-authorizes an existing instance with a new authorization of the same account (after the user revoked
 * access, or the instance became invalid): `PATCH /instances/{id}` (default) or `PUT` with the new
 * `providerData` and the app's three OAuth values. Start with `startOAuth`, read the callback, then call this
 * instead of `finishOAuth`. Not sent again once Cloud Elements may have acted: the code can be used once.
 */
export async function reauthorizeInstance(
  client: CloudElementsClient,
  app: OAuthApp,
  options: ReauthorizeInstanceOptions,
): Promise<Instance> {
  checkClient('reauthorizeInstance', client);
  checkApp(app);
  if (typeof options === 'object' && options !== null) {
    checkKnownKeys('reauthorizeInstance', options, [...FINISH_OPTIONS, 'instanceId', 'method']);
  }
  checkInstanceId(options?.instanceId);
  checkCallback(options.callback);
  checkOptionalObject('configuration', options.configuration, 'of configuration keys and values');
  const configuration = oauthConfiguration(app, options.configuration);
  const providerData = options.callback.providerData;
  const secrets = appSecrets(app, providerData, configuration);
  const init = {
    params: { path: { id: options.instanceId } },
    signal: options.signal,
    [SEND_ONCE]: true,
    [CALL_SECRETS]: secrets,
  };
  if (options.method === 'PUT') {
    checkElementKey(options.elementKey);
    checkInstanceFields(options);
    const body = instanceBody(options, configuration, providerData);
    return unwrapWithout(client.PUT('/instances/{id}', { ...init, body }), secrets);
  }
  if (options.method !== undefined && options.method !== 'PATCH') fail('method must be "PATCH" or "PUT".');
  // A PATCH sends the credentials and configuration only: the fields of a PUT were dropped unsent, silently.
  const putOnly = (['name', 'tags', 'elementKey'] as const).filter(
    (name) => (options as Partial<Record<string, unknown>>)[name] !== undefined,
  );
  if (putOnly.length > 0) {
    fail(
      `reauthorizeInstance sends ${putOnly.join(' and ')} only with method: 'PUT', which replaces the whole ` +
        "instance; the default PATCH changes its credentials and configuration. Pass method: 'PUT' with " +
        'elementKey and name, or leave them out.',
    );
  }
  const body = { providerData: { ...providerData }, configuration };
  return unwrapWithout(client.PATCH('/instances/{id}', { ...init, body }), secrets);
}
