// Creating an instance (`POST /instances`): the body in Cloud Elements' documented shape, checked arguments, and
// errors scrubbed of every secret the body carried. oauth/ builds on it for the OAuth flavour.
import { unwrapWithout, type CloudElementsClient } from '../client/index.js';
import { checkText, fail, isSecretName } from '../core/index.js';
import type { ElementKeyOrId, Instance, InstanceConfiguration, InstanceFields, Schemas } from './types.js';

/** Options of {@link createInstance}. */
export type CreateInstanceOptions = InstanceFields & {
  /** Element to create the instance of, e.g. `closeio`. */
  elementKey: ElementKeyOrId;
  /** Provider data, for elements that need some without an OAuth flow (Marketo: `{ code: '' }`). */
  providerData?: Readonly<Record<string, unknown>>;
};

/** Checks an element key (non-empty string) or numeric element id. */
export function checkElementKey(elementKey: unknown): asserts elementKey is ElementKeyOrId {
  const valid =
    (typeof elementKey === 'string' && elementKey.trim() !== '') ||
    (typeof elementKey === 'number' && Number.isSafeInteger(elementKey) && elementKey > 0);
  if (!valid) fail('elementKey must be an element key such as "sfdc" or a numeric element id.');
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

function elementRef(elementKey: ElementKeyOrId): { key: string } | { id: number } {
  return typeof elementKey === 'number' ? { id: elementKey } : { key: elementKey };
}

export function checkInstanceFields(options: Partial<InstanceFields>, nameRequired: boolean): void {
  if (nameRequired || options.name !== undefined) {
    checkText('name', options.name, 'give the instance a name, e.g. "Acme Salesforce".');
  }
  if (
    options.tags !== undefined &&
    (!Array.isArray(options.tags) || options.tags.some((t) => typeof t !== 'string'))
  ) {
    fail('tags must be an array of strings.');
  }
  if (
    options.configuration !== undefined &&
    (options.configuration === null || typeof options.configuration !== 'object')
  ) {
    fail('configuration must be an object of configuration keys and values.');
  }
}

type InstanceCreateBody = Schemas['InstanceCreate'];

export function instanceBody(
  elementKey: ElementKeyOrId,
  fields: Partial<InstanceFields>,
  configuration: InstanceConfiguration | undefined,
  providerData: Readonly<Record<string, unknown>> | undefined,
): InstanceCreateBody {
  // Key order follows Cloud Elements' documented examples (seed 002/003).
  return {
    element: elementRef(elementKey),
    ...(providerData === undefined ? {} : { providerData: { ...providerData } }),
    ...(configuration === undefined ? {} : { configuration }),
    ...(fields.tags === undefined ? {} : { tags: [...fields.tags] }),
    name: fields.name ?? '',
  } as InstanceCreateBody;
}

/**
 * Creates an instance (`POST /instances`) and returns it, with its element `token`. For elements connected by
 * configuration only, e.g. `{ elementKey: 'closeio', name, configuration: { username, password } }`; OAuth
 * elements use {@link finishOAuth}. Not retried: a create is not idempotent.
 * @throws {CloudElementsError} subclass by status (message without secret configuration values)
 */
export async function createInstance(
  client: CloudElementsClient,
  options: CreateInstanceOptions,
): Promise<Instance> {
  checkElementKey(options?.elementKey);
  checkInstanceFields(options, true);
  if (
    options.providerData !== undefined &&
    (options.providerData === null || typeof options.providerData !== 'object')
  ) {
    fail('providerData must be an object.');
  }
  const body = instanceBody(options.elementKey, options, options.configuration, options.providerData);
  const secrets = instanceSecrets(options.providerData, options.configuration);
  return unwrapWithout(
    client.POST('/instances', { body, ...(options.signal ? { signal: options.signal } : {}) }),
    secrets,
  );
}
