// Credentials and base URL from the environment variables the demo (scripts/demo.ts) reads.
import {
  BASE_URLS,
  SDK_VERSION,
  createClient,
  type CloudElementsClient,
  type Environment,
} from '../client/index.js';
import { CliError, EXIT, sdkMessage } from './args.js';
import type { CliContext } from './context.js';

/** The variables, for help texts. */
export const ENVIRONMENT_HELP =
  'Credentials come from the environment, as for `npm run demo`: CE_USER_SECRET, CE_ORGANIZATION_SECRET, and ' +
  `CE_BASE_URL (a full API base URL) or CE_ENVIRONMENT (${Object.keys(BASE_URLS).join(', ')}; default us).`;

/** Where the API is: `CE_BASE_URL`, else `CE_ENVIRONMENT`, else US production. */
export function baseFromEnv(env: CliContext['env']): { baseUrl: string } | { environment: Environment } {
  if (env.CE_BASE_URL) return { baseUrl: env.CE_BASE_URL };
  const environment = env.CE_ENVIRONMENT || 'us';
  if (!Object.hasOwn(BASE_URLS, environment)) {
    throw new CliError(
      `CE_ENVIRONMENT is "${environment}"; set it to one of ${Object.keys(BASE_URLS).join(', ')}, or set CE_BASE_URL to a full API base URL.`,
      EXIT.usage,
    );
  }
  return { environment: environment as Environment };
}

/**
 * A client with the secrets of the environment. `organization: 'required'` for platform calls; hub calls can do
 * without it when an element token is given.
 */
export function clientFromEnv(
  ctx: CliContext,
  options: { organization: 'required' | 'optional' },
): CloudElementsClient {
  const { env } = ctx;
  if (!env.CE_USER_SECRET) {
    throw new CliError(
      'CE_USER_SECRET is not set. Export your user secret (and CE_ORGANIZATION_SECRET) first; ' +
        '`cloud-elements emulator` prints test values.',
      EXIT.usage,
    );
  }
  if (options.organization === 'required' && !env.CE_ORGANIZATION_SECRET) {
    throw new CliError(
      'CE_ORGANIZATION_SECRET is not set; this call needs your organization secret.',
      EXIT.usage,
    );
  }
  try {
    return createClient({
      userSecret: env.CE_USER_SECRET,
      ...(env.CE_ORGANIZATION_SECRET ? { organizationSecret: env.CE_ORGANIZATION_SECRET } : {}),
      ...baseFromEnv(env),
      userAgent: `cloud-elements-sdk-cli/${SDK_VERSION}`,
    });
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw sayAsUserWroteIt(error, {
      userSecret: 'CE_USER_SECRET',
      organizationSecret: 'CE_ORGANIZATION_SECRET',
      baseUrl: 'CE_BASE_URL',
    });
  }
}

/**
 * The SDK's check of an argument as a usage error that names what the user set (`CE_BASE_URL`, `--instance`)
 * where the SDK names its own option (`baseUrl`, `elementToken`): the user never wrote those. The SDK's checks
 * name the bad field and never its value.
 */
export function sayAsUserWroteIt(error: unknown, names: Record<string, string>): Error {
  if (!(error instanceof TypeError) || !error.message.startsWith('[cloud-elements] ')) return error as Error;
  let message = sdkMessage(error.message);
  for (const [field, name] of Object.entries(names))
    message = message.replace(new RegExp(`\\b(?:the )?${field}\\b`, 'g'), name);
  return new CliError(message, EXIT.usage);
}
