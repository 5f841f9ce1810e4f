/**
 * `npm run demo`: a short tour of the SDK that prints a readable transcript and exits 0.
 *
 * EMULATOR MODE (default, nothing leaves the machine): starts the local Cloud Elements emulator
 * (`cloud-elements-sdk/testing`), connects a Salesforce account through the OAuth flow by approving the emulator's
 * consent page the way a browser would, turns events on, creates contacts, lists them page by page and with a CEQL
 * filter, uploads and downloads a document, runs a bulk query, receives the signed event webhooks on a local
 * node:http receiver that verifies them with the SDK, and shows a typed error.
 *
 * REAL-API MODE (setting CE_USER_SECRET switches to it):
 *   CE_USER_SECRET, CE_ORGANIZATION_SECRET  your Cloud Elements secrets (both required)
 *   CE_ENVIRONMENT                          us | eu | staging (default us), or instead:
 *   CE_BASE_URL                             full API base URL, e.g. https://api.cloud-elements.com/elements/api-v2
 *   and one way to reach a CRM instance:
 *   CE_ELEMENT_TOKEN                        token of an existing CRM-hub instance (e.g. sfdc): skips OAuth, or
 *   OAUTH_API_KEY, OAUTH_API_SECRET         your provider app (e.g. a Salesforce connected app) to connect an
 *                                           account through OAuth: the script prints a local URL that leads to
 *                                           the consent page (never the consent URL, which can hold the secret),
 *                                           you open it
 *                                           in a browser and approve, the provider redirects to
 *   OAUTH_CALLBACK_URL                      a redirect URL registered with that app, served by this script:
 *                                           http on 127.0.0.1 or localhost with a port (default
 *                                           http://127.0.0.1:3000/oauth/callback); waits up to 5 minutes
 *   ELEMENT_KEY                             element to connect through OAuth (default sfdc)
 *   CE_DOCUMENTS_ELEMENT_TOKEN              optional: a documents-hub instance for the upload/download step
 *
 * Real-API mode writes only what it removes again: five contacts with e-mail addresses under a random
 * `sdk-demo-<run>.example.com` domain, the file `/sdk-demo-<run>.txt`, and the instance an OAuth connection
 * created. It skips turning events on and the webhook step (Cloud Elements cannot reach a receiver on this
 * machine), and says so in the transcript. Secrets, tokens and codes are never printed.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CloudElementsError,
  UnauthorizedError,
  ceql,
  createClient,
  formatBulkQuery,
  paginate,
  paginatePages,
  unwrap,
  type ClientOptions,
  type CloudElementsClient,
  type Environment,
} from '../src/index.js';
import { defineOAuthApp, finishOAuth, readOAuthCallback, startOAuth, type OAuthApp } from '../src/oauth.js';
import { enableEvents } from '../src/instances.js';
import { readBulkRecords, startBulkQuery, waitForBulkJob } from '../src/bulk.js';
import {
  WebhookVerificationError,
  createReplayGuard,
  createWebhookVerifier,
  isEventNotification,
  signWebhookPayload,
} from '../src/webhooks.js';
import { parseNodeWebhookRequest } from '../src/node.js';
import { startEmulator, type Emulator } from '../src/testing/index.js';

type Contact = Record<string, unknown>;

const env = process.env;
const run = randomBytes(3).toString('hex');
const domain = `sdk-demo-${run}.example.com`;
const people = [
  ['Ada', 'Lovelace'],
  ['Grace', 'Hopper'],
  ['Alan', 'Turing'],
  ['Barbara', 'Liskov'],
  ['Edsger', 'Dijkstra'],
] as const;
const startedAt = performance.now();

// A script, not library code: the transcript is its output.
const say = (label: string, text: string) => console.log(`  ${label.padEnd(10)} ${text}`);

/** A step went wrong: the demo cleans up, prints the message and exits 1. */
class DemoError extends Error {
  override name = 'DemoError';
}

function fail(message: string): never {
  throw new DemoError(message);
}

/** Reads a field whatever its case: the emulator answers `firstName`, Salesforce answers `FirstName`. */
function field(record: Contact, name: string): unknown {
  const key = Object.keys(record).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : record[key];
}

const fullName = (record: Contact) =>
  `${String(field(record, 'firstName'))} ${String(field(record, 'lastName'))}`;

/** Decodes the character references an HTML attribute may hold (`&amp;`, `&#38;`). */
function decodeHtml(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replaceAll('&amp;', '&');
}

/** Waits for `promise` at most `ms`, then fails with `what`. */
async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** What the demo's local web app saw: the OAuth callback and the webhooks. */
type DemoApp = {
  origin: string;
  /** Resolves with the callback's request target once the browser lands on the callback URL. */
  callback: Promise<string>;
  /**
   * A local URL that redirects to `consentUrl`, to print in its place: a provider's consent URL can hold the app's
   * client secret (Salesforce's does), which must not land in a terminal or a CI log.
   */
  offer(consentUrl: string): string;
  events: { eventType: string; objectType: string }[];
  refused: string[];
  close(): Promise<void>;
};

/** Starts the demo's web app: the OAuth callback route and the webhook receiver (verifies with the SDK). */
async function startDemoApp(options: {
  host: string;
  port: number;
  callbackPath: string;
  signatureKey: string;
}): Promise<DemoApp> {
  const verifier = createWebhookVerifier({ key: options.signatureKey, replayGuard: createReplayGuard() });
  let landed: (target: string) => void = () => {};
  const callback = new Promise<string>((resolve) => (landed = resolve));
  const events: DemoApp['events'] = [];
  const refused: string[] = [];
  // Unguessable, so that no one else on the machine can read the consent URL through it.
  const startPath = `/start/${randomBytes(16).toString('hex')}`;
  let consentUrl: string | undefined;
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://demo.invalid').pathname;
    if (req.method === 'GET' && path === startPath && consentUrl !== undefined) {
      res.writeHead(302, {
        Location: consentUrl,
        'Cache-Control': 'no-store',
        'Referrer-Policy': 'no-referrer',
      });
      res.end();
      return;
    }
    if (req.method === 'GET' && path === options.callbackPath) {
      landed(req.url ?? '');
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'Referrer-Policy': 'no-referrer' });
      res.end('Connected. You can close this window and go back to the terminal.');
      return;
    }
    if (req.method === 'POST' && path === '/webhooks') {
      try {
        const { payload, duplicate } = await parseNodeWebhookRequest(req, verifier);
        // A redelivery of an event already handled is acknowledged, not counted again.
        if (!duplicate && isEventNotification(payload)) {
          for (const event of payload.message.events) {
            events.push({ eventType: event.eventType, objectType: event.objectType });
          }
        }
        res.writeHead(200).end();
      } catch (error) {
        refused.push(error instanceof WebhookVerificationError ? error.reason : 'error');
        res.writeHead(error instanceof WebhookVerificationError ? 401 : 500).end();
      }
      return;
    }
    res.writeHead(404).end();
  };
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${options.host}:${port}`;
  return {
    origin,
    callback,
    offer(url) {
      consentUrl = url;
      return `${origin}${startPath}`;
    },
    events,
    refused,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Approves the emulator's consent page as a user would: open it, click "Approve", follow the redirect. */
async function approveInBrowser(consentUrl: string): Promise<void> {
  const page = await fetch(consentUrl);
  const href = /id="approve"[^>]*href="([^"]+)"/.exec(await page.text())?.[1];
  if (!href) fail('the consent page has no Approve link');
  const decision = await fetch(new URL(decodeHtml(href), consentUrl), { redirect: 'manual' });
  const location = decision.headers.get('location');
  if (decision.status !== 302 || !location)
    fail(`the consent decision answered ${decision.status}, not a redirect`);
  // The provider redirects the browser to the app's callback URL.
  await (await fetch(location)).text();
}

function realClientOptions(): Pick<ClientOptions, 'baseUrl' | 'environment'> {
  if (env.CE_BASE_URL) return { baseUrl: env.CE_BASE_URL };
  const environment = (env.CE_ENVIRONMENT ?? 'us') as Environment;
  if (!['us', 'eu', 'staging'].includes(environment)) fail('CE_ENVIRONMENT must be us, eu or staging.');
  return { environment };
}

async function main(): Promise<void> {
  const real = Boolean(env.CE_USER_SECRET);
  if (real && !env.CE_ORGANIZATION_SECRET) {
    fail(
      'CE_USER_SECRET is set but CE_ORGANIZATION_SECRET is not; set both (see the top of scripts/demo.ts).',
    );
  }
  if (real && !env.CE_ELEMENT_TOKEN && !(env.OAUTH_API_KEY && env.OAUTH_API_SECRET)) {
    fail(
      'real-API mode needs CE_ELEMENT_TOKEN (an existing CRM instance) or OAUTH_API_KEY and OAUTH_API_SECRET ' +
        '(to connect an account); see the top of scripts/demo.ts.',
    );
  }
  const emulator: Emulator | undefined = real ? undefined : await startEmulator();
  const signatureKey = randomBytes(24).toString('base64');
  const client = createClient(
    emulator
      ? {
          userSecret: emulator.credentials.userSecret,
          organizationSecret: emulator.credentials.organizationSecret,
          baseUrl: emulator.url,
        }
      : {
          userSecret: env.CE_USER_SECRET!,
          organizationSecret: env.CE_ORGANIZATION_SECRET!,
          ...realClientOptions(),
        },
  );
  console.log(
    emulator
      ? `Cloud Elements SDK demo against the local emulator at ${emulator.url}`
      : `Cloud Elements SDK demo against the real API at ${client.baseUrl}`,
  );

  const useOAuth = emulator !== undefined || !env.CE_ELEMENT_TOKEN;
  // Sent to Cloud Elements exactly as written: it must match the registered redirect URL byte for byte.
  const callbackText = env.OAUTH_CALLBACK_URL ?? 'http://127.0.0.1:3000/oauth/callback';
  const callbackUrl = new URL(URL.canParse(callbackText) ? callbackText : 'invalid:');
  if (!emulator && useOAuth) {
    const local = ['127.0.0.1', 'localhost', '[::1]'].includes(callbackUrl.hostname);
    if (callbackUrl.protocol !== 'http:' || !local || callbackUrl.port === '') {
      fail(
        'OAUTH_CALLBACK_URL must be a URL this script can serve, such as http://127.0.0.1:3000/oauth/callback ' +
          '(http, 127.0.0.1 or localhost, with a port), and be registered with your provider app.',
      );
    }
  }
  const app =
    emulator || useOAuth
      ? await startDemoApp({
          host: emulator ? '127.0.0.1' : callbackUrl.hostname.replace(/^\[(.*)\]$/, '$1'),
          port: emulator ? 0 : Number(callbackUrl.port),
          callbackPath: emulator ? '/oauth/callback' : callbackUrl.pathname,
          signatureKey,
        })
      : undefined;
  const createdContacts: string[] = [];
  let crm: CloudElementsClient | undefined;
  let documents: CloudElementsClient | undefined;
  let uploadedPath: string | undefined;
  let oauthInstanceId: number | undefined;
  try {
    // Platform call: the element catalog.
    const keys = await unwrap(client.GET('/elements/keys'));
    say('platform', `${keys.length} elements in the catalog`);

    // Connect an account: OAuth in three steps, or an existing instance's token.
    const elementKey = emulator ? 'sfdc' : (env.ELEMENT_KEY ?? 'sfdc');
    let instanceId: number | undefined;
    if (useOAuth && app) {
      const oauthApp: OAuthApp = defineOAuthApp(
        emulator
          ? {
              apiKey: 'demo-client-id',
              apiSecret: 'demo-client-secret',
              callbackUrl: `${app.origin}/oauth/callback`,
            }
          : { apiKey: env.OAUTH_API_KEY!, apiSecret: env.OAUTH_API_SECRET!, callbackUrl: callbackText },
      );
      const start = await startOAuth(client, oauthApp, { elementKey });
      if (emulator) await approveInBrowser(start.url);
      else say('oauth', `open this URL in your browser and approve access:\n\n    ${app.offer(start.url)}\n`);
      const target = await within(app.callback, emulator ? 10_000 : 300_000, 'the OAuth callback');
      const callback = readOAuthCallback(target, { expectedState: start.state });
      const instance = await finishOAuth(client, oauthApp, {
        elementKey,
        callback,
        name: `SDK demo ${run}`,
        tags: ['sdk-demo'],
      });
      instanceId = oauthInstanceId = instance.id;
      crm = client.forInstance(instance.token!);
      say(
        'oauth',
        `consent approved, state checked; instance ${instance.id} "${instance.name}" created (${elementKey})`,
      );
    } else {
      crm = client.forInstance(env.CE_ELEMENT_TOKEN!);
      say('oauth', 'skipped: using the instance of CE_ELEMENT_TOKEN');
    }

    // Events: the instance POSTs a signed notification to our receiver for every change.
    if (emulator && app && instanceId !== undefined) {
      await enableEvents(client, instanceId, {
        mode: 'webhook',
        callbackUrl: `${app.origin}/webhooks`,
        signatureKey,
      });
      say('events', `turned on for instance ${instanceId}: signed webhooks to ${app.origin}/webhooks`);
    } else {
      say('events', 'skipped in real-API mode: Cloud Elements cannot reach a receiver on this machine');
    }

    // Contacts: create, then read back page by page and with a CEQL filter.
    for (const [firstName, lastName] of people) {
      const email = `${firstName.toLowerCase()}@${domain}`;
      const created = (await unwrap(
        crm.POST('/hubs/crm/contacts', { body: { firstName, lastName, email } }),
      )) as Contact;
      createdContacts.push(String(field(created, 'id')));
    }
    say('contacts', `created ${people.length} contacts with e-mail addresses @${domain}`);

    const ours = ceql`email LIKE ${`%@${domain}`}`;
    let pageCount = 0;
    let recordCount = 0;
    for await (const page of paginatePages(crm, '/hubs/crm/contacts', {
      params: { query: { where: ours.text } },
      pageSize: 2,
    })) {
      pageCount += 1;
      recordCount += page.records.length;
    }
    say('paging', `read ${recordCount} contacts in ${pageCount} pages of up to 2 (Elements-Next-Page-Token)`);

    const skipped = 'Alan';
    const where = ceql`${ours} AND firstName != ${skipped}`;
    const names: string[] = [];
    for await (const contact of paginate(crm, '/hubs/crm/contacts', {
      params: { query: { where: where.text } },
    })) {
      names.push(fullName(contact as Contact));
    }
    say(
      'ceql',
      `where ${where.text}\n${' '.repeat(13)}→ ${names.length} contacts: ${names.sort().join(', ')}`,
    );

    // Documents: upload a file, download it, compare.
    if (emulator) {
      documents = client.forInstance(
        emulator.createInstance({ element: 'sfdcdocuments', name: 'SDK demo files' }).token,
      );
    } else if (env.CE_DOCUMENTS_ELEMENT_TOKEN) {
      documents = client.forInstance(env.CE_DOCUMENTS_ELEMENT_TOKEN);
    }
    if (documents) {
      const content = `Hello from the Cloud Elements SDK demo, run ${run}.\n`;
      const path = `/sdk-demo-${run}.txt`;
      const form = new FormData();
      form.append('file', new Blob([content], { type: 'text/plain' }), `sdk-demo-${run}.txt`);
      const uploaded = await unwrap(
        documents.POST('/hubs/documents/files', {
          params: { query: { path } },
          body: form,
        }),
      );
      uploadedPath = path;
      const downloaded = await unwrap(
        documents.GET('/hubs/documents/files/{id}', {
          params: { path: { id: String(uploaded.id) } },
          parseAs: 'text',
        }),
      );
      const same = downloaded === content ? 'identical' : 'DIFFERENT';
      say(
        'documents',
        `uploaded ${path} (${Buffer.byteLength(content)} bytes) and downloaded it back: ${same}`,
      );
      if (downloaded !== content) fail('the downloaded file differs from the uploaded one');
    } else {
      say(
        'documents',
        'skipped: set CE_DOCUMENTS_ELEMENT_TOKEN to a documents-hub instance to run this step',
      );
    }

    // Bulk: query the same contacts as a background job, then stream the results.
    const job = await startBulkQuery(crm, {
      hub: 'crm',
      query: formatBulkQuery({
        from: 'contacts',
        fields: ['id', 'firstName', 'lastName', 'email'],
        where: ours,
      }),
    });
    const report = await waitForBulkJob(crm, {
      hub: 'crm',
      jobId: String(job.id),
      initialDelayMs: 250,
      maxDelayMs: 5_000,
      timeoutMs: emulator ? 30_000 : 600_000,
    });
    let bulkCount = 0;
    for await (const record of readBulkRecords(crm, {
      hub: 'crm',
      jobId: String(job.id),
      objectName: 'contacts',
    })) {
      if (String(field(record, 'email')).endsWith(`@${domain}`)) bulkCount += 1;
    }
    say('bulk', `job ${job.id} ${String(report.status)}: ${bulkCount} contacts streamed as NDJSON`);

    // Webhooks: every creation above was POSTed to our receiver, signed; a forged one must be refused.
    if (emulator && app) {
      await emulator.settle();
      const forgedBody = JSON.stringify({
        message: { events: [{ eventType: 'DELETED', objectType: 'contacts', objectId: '1' }] },
      });
      await fetch(`${app.origin}/webhooks`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'Elements-Webhook-Signature': await signWebhookPayload(forgedBody, 'not-the-signature-key'),
        },
        body: forgedBody,
      });
      const kinds = [...new Set(app.events.map((e) => `${e.eventType} ${e.objectType}`))].join(', ');
      say(
        'webhooks',
        `received ${app.events.length} notifications, signatures verified (${kinds}); ` +
          `a forged one was refused (${app.refused.join(', ') || 'not refused!'})`,
      );
      if (app.events.length < people.length || app.refused.length !== 1)
        fail('the webhook step did not go as expected');
    } else {
      say('webhooks', 'skipped in real-API mode (no delivery to this machine)');
    }

    // Errors are typed: wrong secrets give an UnauthorizedError with the request id, never the secrets.
    const stranger = createClient({
      userSecret: 'not-a-user-secret',
      organizationSecret: 'not-an-organization-secret',
      baseUrl: client.baseUrl,
      retry: false,
    });
    try {
      await unwrap(stranger.GET('/instances'));
      fail('wrong secrets were accepted');
    } catch (error) {
      if (!(error instanceof UnauthorizedError)) throw error;
      say(
        'errors',
        `wrong secrets → ${error.name} (${error.status}), request id ${error.requestId ?? 'n/a'}`,
      );
    }
  } finally {
    // Leave nothing behind, also after a failure.
    const removed: string[] = [];
    if (crm) {
      let count = 0;
      for (const id of createdContacts) {
        const { response } = await crm.DELETE('/hubs/crm/contacts/{id}', {
          params: { path: { id } },
          parseAs: 'text',
        });
        if (response.ok) count += 1;
      }
      if (count > 0) removed.push(`${count} contacts`);
    }
    if (documents && uploadedPath) {
      const { response } = await documents.DELETE('/hubs/documents/files', {
        params: { query: { path: uploadedPath } },
        parseAs: 'text',
      });
      if (response.ok) removed.push(`the file ${uploadedPath}`);
    }
    if (!emulator && oauthInstanceId !== undefined) {
      const { response } = await client.DELETE('/instances/{id}', {
        params: { path: { id: oauthInstanceId } },
        parseAs: 'text',
      });
      if (response.ok) removed.push(`instance ${oauthInstanceId}`);
    }
    if (removed.length > 0) say('cleanup', `deleted ${removed.join(', ')}`);
    await emulator?.settle();
    await app?.close();
    await emulator?.close();
  }
  console.log(`Done in ${((performance.now() - startedAt) / 1000).toFixed(1)} s.`);
}

main().catch((error: unknown) => {
  // SDK errors carry redacted messages; for anything else show only its name and message, never a request.
  let text = String(error);
  if (error instanceof DemoError) text = error.message;
  else if (error instanceof CloudElementsError || error instanceof Error)
    text = `${error.name}: ${error.message}`;
  console.error(`\nDemo failed: ${text}`);
  // A real-API OAuth wait or an open socket must not keep a failed demo alive.
  process.exit(1);
});
