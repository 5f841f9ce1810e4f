// Creating an instance (`POST /instances`): the body in Cloud Elements' documented shape, checked arguments, and
// errors scrubbed of every secret the body carried. oauth/ builds on it for the OAuth flavour.
import {
  CALL_SECRETS,
  SEND_ONCE,
  checkClient,
  unwrapWithout,
  type CloudElementsClient,
} from '../client/index.js';
import { checkKnownKeys, checkText, fail, isSecretName, snippet } from '../core/index.js';
import type { ElementKeyOrId, Instance, InstanceConfiguration, InstanceFields, Schemas } from './types.js';

/** Options of {@link createInstance}. */
export type CreateInstanceOptions = InstanceFields & {
  /** Element to create the instance of, e.g. `closeio`. */
  elementKey: ElementKeyOrId;
  /** Provider data, for elements that need some without an OAuth flow (Marketo: `{ code: '' }`). */
  providerData?: Readonly<Record<string, unknown>> | undefined;
  /**
   * `initial` for an OAuth element whose tokens you obtained yourself: they go in `configuration`
   * (`oauth.user.refresh_token`, `oauth.api.key`, …) and no `providerData` is needed. Cloud Elements' default is
   * `none` (it runs the OAuth flow, see `finishOAuth`).
   */
  externalAuthentication?: 'initial' | 'none' | undefined;
};

// Every key of CreateInstanceOptions: a misspelt one (`configuraton`) would otherwise be dropped, and the instance
// created without it.
const CREATE_INSTANCE_OPTIONS = [
  'elementKey',
  'name',
  'tags',
  'configuration',
  'providerData',
  'externalAuthentication',
  'signal',
] as const;

/** Checks an element key (non-empty string) or numeric element id. */
export function checkElementKey(elementKey: unknown): asserts elementKey is ElementKeyOrId {
  const valid = typeof elementKey === 'string' ? elementKey.trim() !== '' : isPositiveInteger(elementKey);
  if (!valid) fail('elementKey must be an element key such as "sfdc" or a numeric element id.');
}

/** Checks the id of an existing instance; the message does not show the value (it may be a token by mistake). */
export function checkInstanceId(instanceId: unknown): asserts instanceId is number {
  if (!isPositiveInteger(instanceId)) fail("instanceId must be the instance's numeric id, e.g. 12345.");
}

function isPositiveInteger(value: unknown): boolean {
  return Number.isSafeInteger(value) && (value as number) > 0;
}

/** Checks an option that may be left out but is otherwise an object; the message names it, never its value. */
export function checkOptionalObject(name: string, value: unknown, hint: string): void {
  if (value !== undefined && (value === null || typeof value !== 'object')) {
    fail(`${name} must be an object ${hint}.`);
  }
}

/** What must not appear in an error: every provider value and the secret configuration values. */
export function instanceSecrets(
  providerData: Readonly<Record<string, unknown>> | undefined,
  configuration?: Readonly<Record<string, unknown>>,
): unknown[] {
  const found: unknown[] = Object.values(providerData ?? {});
  for (const [key, value] of Object.entries(configuration ?? {})) if (isSecretName(key)) found.push(value);
  return found;
}

/** Checks the fields every new instance has: a name, and optional tags and configuration. */
export function checkInstanceFields(options: Partial<InstanceFields>): void {
  checkText('name', options.name, 'give the instance a name, e.g. "Acme Salesforce".');
  if (
    options.tags !== undefined &&
    (!Array.isArray(options.tags) || options.tags.some((t) => typeof t !== 'string'))
  ) {
    fail('tags must be an array of strings.');
  }
  checkOptionalObject('configuration', options.configuration, 'of configuration keys and values');
}

type InstanceCreateBody = Schemas['InstanceCreate'];

/** The `POST /instances` (or `PUT /instances/{id}`) body of checked options. */
export function instanceBody(
  options: InstanceFields & { elementKey: ElementKeyOrId },
  configuration: InstanceConfiguration | undefined,
  providerData: Readonly<Record<string, unknown>> | undefined,
): InstanceCreateBody {
  const { elementKey, tags } = options;
  // Key order follows Cloud Elements' documented examples (seed 002/003); fields left `undefined` are not sent
  // (the body goes out as JSON).
  return {
    element: typeof elementKey === 'number' ? { id: elementKey } : { key: elementKey },
    providerData: providerData && { ...providerData },
    configuration,
    tags: tags && [...tags],
    name: options.name,
  } as InstanceCreateBody;
}

/**
 * Creates an instance (`POST /instances`) and returns it, with its element `token`. For elements connected by
 * configuration only, e.g. `{ elementKey: 'closeio', name, configuration: { username, password } }`; OAuth
 * elements use `finishOAuth` (`cloud-elements-sdk/oauth`), or `externalAuthentication: 'initial'` with tokens you
 * obtained yourself in `configuration`. Never sent again once Cloud Elements may have acted, whatever the client's
 * policy (a create is not idempotent); a 429 or a refused connection is retried as for any call.
 * Refuses an option it does not know (`configuraton`), naming the one meant.
 * @throws {CloudElementsError} subclass by status (message without secret configuration values)
 * @throws {ConnectionError} with `mayHaveReachedServer: true` when the answer was lost: the instance may exist;
 * look for it with `GET /instances` before creating it again
 */
export async function createInstance(
  client: CloudElementsClient,
  options: CreateInstanceOptions,
): Promise<Instance> {
  checkClient('createInstance', client);
  // Before the other checks, so that `elementkey` is named as the misspelling it is.
  if (options !== null && typeof options === 'object') {
    checkKnownKeys('createInstance', options, CREATE_INSTANCE_OPTIONS);
  }
  checkElementKey(options?.elementKey);
  checkInstanceFields(options);
  checkOptionalObject('providerData', options.providerData, 'of provider values');
  const { externalAuthentication } = options;
  if (
    externalAuthentication !== undefined &&
    externalAuthentication !== 'initial' &&
    externalAuthentication !== 'none'
  ) {
    fail(
      `externalAuthentication must be 'initial' (tokens obtained elsewhere) or 'none', got ${snippet(externalAuthentication)}.`,
    );
  }
  const body = instanceBody(options, options.configuration, options.providerData);
  if (externalAuthentication !== undefined) body.externalAuthentication = externalAuthentication;
  const secrets = instanceSecrets(options.providerData, options.configuration);
  // Not sent again once Cloud Elements may have acted, whatever the client's policy: after a lost answer the
  // instance may exist, and a second POST would create another one. A 429 or a refused connection still is.
  return unwrapWithout(
    client.POST('/instances', { body, signal: options.signal, [SEND_ONCE]: true, [CALL_SECRETS]: secrets }),
    secrets,
  );
}
