/**
 * Turning events on (or off) for an instance in one call, by setting the documented `event.*` configuration
 * keys with `PATCH /instances/{id}`.
 */
import type { Client } from 'openapi-fetch';
import type { components, paths } from '../../generated/schema.js';
import { CALL_SECRETS, checkClient, unwrapWithout } from '../client/index.js';
import { checkKnownKeys, fail, isHttpUrl, snippet, type CloudElementsError } from '../core/index.js';
import { checkInstanceId, checkOptionalObject } from './create.js';
import type { Instance, InstanceConfiguration } from './types.js';

/** How the poller reads one resource (an entry of `event.poller.configuration`). */
export type PollerResourceConfiguration = components['schemas']['InstancePollerResource'];

/** Options of {@link enableEvents} and {@link buildEventsConfiguration}. */
export type EnableEventsOptions = {
  /**
   * How Cloud Elements learns of changes at the provider: `webhook` (the provider calls Cloud Elements; the
   * element must support it) or `polling` (Cloud Elements asks the provider every `pollIntervalMinutes`).
   */
  mode: 'webhook' | 'polling';
  /** Your URL that receives the event notifications (HTTP POST): `event.notification.callback.url`. */
  callbackUrl: string;
  /**
   * Key Cloud Elements signs notifications with (`Elements-Webhook-Signature`); verify them with
   * `createWebhookVerifier({ key })`. Strongly recommended: without it notifications are not signed.
   */
  signatureKey?: string | undefined;
  /** Minutes between polls (`event.poller.refresh_interval`); polling only. @default the element's (often 15) */
  pollIntervalMinutes?: number | undefined;
  /**
   * What to poll, by resource (`event.poller.configuration`); polling only.
   *
   * @default the element's own configuration
   */
  pollerConfiguration?: Record<string, PollerResourceConfiguration> | undefined;
  /**
   * Resources to poll, for older elements that take a list instead of a configuration (`event.poller.urls`, the
   * names joined with `|`; Marketo's `leads`); polling only.
   */
  pollerUrls?: readonly string[] | undefined;
  /** Objects to watch, e.g. `['Contact', 'Account']` (`event.objects`; Salesforce-family elements). */
  objects?: readonly string[] | undefined;
};

const signatureKeyName = 'event.notification.signature.key';

// Every key of EnableEventsOptions: a misspelt one would otherwise be dropped without a word, and `signaturekey`
// turn on unsigned notifications.
const EVENTS_OPTIONS = [
  'mode',
  'callbackUrl',
  'signatureKey',
  'pollIntervalMinutes',
  'pollerConfiguration',
  'pollerUrls',
  'objects',
] as const;

/**
 * Builds the `configuration` entries that turn events on, for a `POST /instances` body or a PATCH: sets
 * `event.notification.enabled`, `event.vendor.type`, `event.notification.callback.url` and, when given,
 * `event.notification.signature.key`, `event.poller.refresh_interval`, `event.poller.configuration`,
 * `event.poller.urls` and `event.objects`.
 *
 * @throws {TypeError} for a callback URL that is not absolute http(s), polling options in webhook mode, a bad
 *   interval or object name, or an option it does not know (`signaturekey`: it names the one meant). The message
 *   never contains the signature key.
 * @example
 * await client.POST('/instances', { body: { element: { key: 'sfdc' }, name, configuration: {
 *   ...oauthConfiguration, ...buildEventsConfiguration({ mode: 'webhook', callbackUrl, signatureKey }) } } });
 */
export function buildEventsConfiguration(options: EnableEventsOptions): InstanceConfiguration {
  return eventsConfiguration('buildEventsConfiguration', options, EVENTS_OPTIONS);
}

/** {@link buildEventsConfiguration} for `where`, which takes the options `known`. */
function eventsConfiguration(
  where: string,
  options: EnableEventsOptions,
  known: readonly string[],
): InstanceConfiguration {
  if (options === null || typeof options !== 'object') {
    fail("Pass events options such as { mode: 'webhook', callbackUrl }.");
  }
  checkKnownKeys(where, options, known);
  const { mode, callbackUrl, signatureKey, pollIntervalMinutes, pollerConfiguration, pollerUrls, objects } =
    options;
  if (mode !== 'webhook' && mode !== 'polling') {
    fail(`mode must be 'webhook' or 'polling', got ${snippet(mode)}.`);
  }
  if ('callbackUrl' in options && callbackUrl === undefined) {
    fail(
      'callbackUrl is undefined: is the environment variable set? Pass the absolute http(s) URL that receives ' +
        'the notifications, such as https://example.com/ce-events.',
    );
  }
  if (!isHttpUrl(callbackUrl)) {
    fail('callbackUrl must be an absolute http(s) URL such as https://example.com/ce-events.');
  }
  // `signatureKey: process.env.KEY` with the variable unset would quietly turn on unsigned notifications: a key
  // that is named but undefined is a mistake; unsigned events are asked for by leaving the option out.
  if ('signatureKey' in options && signatureKey === undefined) {
    fail(
      'signatureKey is undefined: is the environment variable set? Leave the option out for unsigned events.',
    );
  }
  if (signatureKey !== undefined && (typeof signatureKey !== 'string' || signatureKey.trim() === '')) {
    fail('signatureKey must be a non-empty string (is the environment variable set?).');
  }
  if (
    mode === 'webhook' &&
    (pollIntervalMinutes !== undefined || pollerConfiguration !== undefined || pollerUrls !== undefined)
  ) {
    fail(
      "pollIntervalMinutes, pollerConfiguration and pollerUrls apply to mode 'polling' only; remove them or " +
        'switch the mode.',
    );
  }
  checkNames('pollerUrls', pollerUrls, '|', "['leads', 'activities']");
  if (
    pollIntervalMinutes !== undefined &&
    (!Number.isSafeInteger(pollIntervalMinutes) || pollIntervalMinutes < 1)
  ) {
    fail(`pollIntervalMinutes must be a whole number of minutes >= 1, got ${snippet(pollIntervalMinutes)}.`);
  }
  checkOptionalObject(
    'pollerConfiguration',
    pollerConfiguration,
    'keyed by resource, e.g. { contacts: { url, idField } }',
  );
  checkNames('objects', objects, ',', "['Contact', 'Account']");
  const configuration: InstanceConfiguration = {
    'event.notification.enabled': true,
    'event.vendor.type': mode,
    'event.notification.callback.url': callbackUrl,
  };
  if (signatureKey !== undefined) configuration[signatureKeyName] = signatureKey;
  if (pollIntervalMinutes !== undefined)
    configuration['event.poller.refresh_interval'] = String(pollIntervalMinutes);
  if (pollerConfiguration !== undefined) configuration['event.poller.configuration'] = pollerConfiguration;
  if (pollerUrls !== undefined)
    configuration['event.poller.urls'] = pollerUrls.map((name) => name.trim()).join('|');
  if (objects !== undefined) configuration['event.objects'] = objects.map((name) => name.trim()).join(',');
  return configuration;
}

/** Refuses a list option (`objects`, `pollerUrls`) that is empty or holds a name with its `separator`. */
function checkNames(option: string, names: unknown, separator: string, example: string): void {
  if (names === undefined) return;
  if (!Array.isArray(names) || names.length === 0) {
    fail(`${option} must be a non-empty array of names such as ${example}.`);
  }
  for (const name of names) {
    if (typeof name !== 'string' || name.trim() === '' || name.includes(separator)) {
      fail(`${option} holds ${snippet(name)}; names are non-empty and have no '${separator}'.`);
    }
  }
}

/** A client that can call `PATCH /instances/{id}`: the Cloud Elements client (platform credentials). */
export type EventsClient = Client<paths>;

async function patchConfiguration(
  client: EventsClient,
  instanceId: number,
  configuration: InstanceConfiguration,
  signal: AbortSignal | undefined,
): Promise<Instance> {
  checkInstanceId(instanceId);
  // Cloud Elements may echo the configuration in an error; keep the signature key out of what we throw.
  const secret = configuration[signatureKeyName];
  return (await unwrapWithout(
    client.PATCH('/instances/{id}', {
      params: { path: { id: instanceId } },
      body: { configuration },
      signal,
      [CALL_SECRETS]: [secret],
    }),
    [secret],
  )) as Instance;
}

/**
 * Turns events on for an instance in one call: `PATCH /instances/{id}` with the `configuration` that
 * {@link buildEventsConfiguration} builds. Resolves with the updated instance.
 *
 * @throws {CloudElementsError} (the subclass for the status) when Cloud Elements refuses the change; the
 *   signature key is removed from the error.
 * @throws {TypeError} for invalid options (see {@link buildEventsConfiguration}).
 * @example
 * await enableEvents(client, 12345, {
 *   mode: 'polling',
 *   callbackUrl: 'https://example.com/ce-events',
 *   signatureKey: process.env.CE_SIGNATURE_KEY,
 *   pollIntervalMinutes: 15,
 * });
 */
export async function enableEvents(
  client: EventsClient,
  instanceId: number,
  options: EnableEventsOptions & { signal?: AbortSignal },
): Promise<Instance> {
  checkClient('enableEvents', client);
  const configuration = eventsConfiguration('enableEvents', options, [...EVENTS_OPTIONS, 'signal']);
  return patchConfiguration(client, instanceId, configuration, options.signal);
}

/**
 * Turns events off for an instance (`event.notification.enabled` = `false`), keeping the rest of its events
 * configuration for later.
 *
 * @throws {CloudElementsError} (the subclass for the status) when Cloud Elements refuses the change.
 * @throws {TypeError} for options that are given but not an object (`null`), or hold another key than `signal`.
 */
export async function disableEvents(
  client: EventsClient,
  instanceId: number,
  options: { signal?: AbortSignal } = {},
): Promise<Instance> {
  checkClient('disableEvents', client);
  checkOptionalObject('disableEvents options', options, 'such as { signal }, or left out');
  checkKnownKeys('disableEvents', options, ['signal']);
  return patchConfiguration(client, instanceId, { 'event.notification.enabled': false }, options.signal);
}
