// Starts the OAuth example app from environment variables:
//
//   CE_USER_SECRET, CE_ORGANIZATION_SECRET   Cloud Elements secrets (required unless EMULATOR=1)
//   CE_BASE_URL or CE_ENVIRONMENT            API base URL, or us | eu | staging (default us)
//   ELEMENT_KEY                              element to connect (default sfdc)
//   OAUTH_API_KEY, OAUTH_API_SECRET          your provider app's client id and secret (required)
//   OAUTH_CALLBACK_URL                       its registered redirect URL (default http://127.0.0.1:<PORT>/oauth/callback)
//   PORT, HOST                               where to listen (default 3000, 127.0.0.1)
//   EMULATOR=1                               run against an in-process Cloud Elements emulator instead
//
// Run: npx tsx examples/oauth-app/main.ts
import { createClient, type Environment } from '../../src/index.js';
import { startEmulator } from '../../src/testing/index.js';
import { createOAuthApp } from './app.js';

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    console.error(`Set ${name} (see the comment at the top of examples/oauth-app/main.ts).`);
    process.exit(1);
  }
  return value;
}

const env = process.env;
const port = Number(env.PORT ?? 3000);
const host = env.HOST ?? '127.0.0.1';
const emulator = env.EMULATOR === '1' ? await startEmulator() : undefined;
const client = emulator
  ? createClient({ ...emulatorSecrets(), baseUrl: emulator.url })
  : createClient({
      userSecret: required('CE_USER_SECRET'),
      organizationSecret: required('CE_ORGANIZATION_SECRET'),
      ...(env.CE_BASE_URL
        ? { baseUrl: env.CE_BASE_URL }
        : { environment: (env.CE_ENVIRONMENT ?? 'us') as Environment }),
    });

function emulatorSecrets() {
  return {
    userSecret: emulator!.credentials.userSecret,
    organizationSecret: emulator!.credentials.organizationSecret,
  };
}

const server = createOAuthApp({
  client,
  elementKey: env.ELEMENT_KEY ?? 'sfdc',
  app: {
    apiKey: emulator ? 'emulator-client-id' : required('OAUTH_API_KEY'),
    apiSecret: emulator ? 'emulator-client-secret' : required('OAUTH_API_SECRET'),
    callbackUrl: env.OAUTH_CALLBACK_URL ?? `http://${host}:${port}/oauth/callback`,
  },
  log: (line) => console.log(line),
  // The emulator starts every instance empty; give the contacts page something to show.
  ...(emulator
    ? {
        afterConnect: async (hub) => {
          for (const [firstName, lastName, email] of [
            ['Ada', 'Lovelace', 'ada@example.com'],
            ['Grace', 'Hopper', 'grace@example.com'],
          ]) {
            await hub.POST('/hubs/crm/contacts', { body: { firstName, lastName, email } });
          }
        },
      }
    : {}),
});

server.listen(port, host, () => {
  console.log(`OAuth example listening on http://${host}:${port}/${emulator ? ' (emulator mode)' : ''}`);
});

const stop = () => {
  server.close();
  void emulator?.close();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
