// The smoke program of `npm run test:runtimes`: the same code on Node 20/22/24, Bun, Deno, workerd and Chromium,
// against the emulator. It gets the SDK's runtime-neutral entries it uses from its harness (each harness imports the
// installed package its own way), so this file imports types only.
import type * as Sdk from '../../src/index.js';
import type * as OAuth from '../../src/oauth.js';
import type * as Webhooks from '../../src/webhooks.js';

/** Where the emulator listens and who calls it. */
export type SmokeEnv = {
  /** API base URL (`…/elements/api-v2`). */
  url: string;
  /** Origin of the emulator (the consent pages live under `/oauth/…`). */
  origin: string;
  userSecret: string;
  organizationSecret: string;
};

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`smoke: ${message}`);
}

/** Runs the steps and returns one line per step; throws on the first one that fails. */
export async function smoke(
  sdk: typeof Sdk,
  oauth: typeof OAuth,
  webhooks: typeof Webhooks,
  env: SmokeEnv,
): Promise<string[]> {
  const lines: string[] = [];
  const ce = sdk.createClient({
    userSecret: env.userSecret,
    organizationSecret: env.organizationSecret,
    baseUrl: env.url,
    timeoutMs: 20_000,
  });

  // 1. A typed call.
  const element = await sdk.unwrap(ce.GET('/elements/{keyOrId}', { params: { path: { keyOrId: 'sfdc' } } }));
  check(element.key === 'sfdc', `GET /elements/sfdc answered ${JSON.stringify(element.key)}`);
  lines.push(`typed call: element ${element.key} (${element.name})`);

  // 2. OAuth through the emulator's consent page, as a browser would: load it, follow "Approve" to the callback.
  const app = oauth.defineOAuthApp({
    apiKey: 'smoke-client-id',
    apiSecret: 'smoke-client-secret',
    callbackUrl: `${env.origin}/smoke/callback`,
  });
  const { url, state } = await oauth.startOAuth(ce, app, { elementKey: 'sfdc' });
  const consent = await fetch(url);
  const page = await consent.text();
  const approve = /id="approve"[^>]*href="([^"]+)"/.exec(page)?.[1];
  check(consent.ok && approve, `no Approve link on the consent page (${consent.status})`);
  const decisionUrl = new URL(
    approve.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))),
    url,
  );
  // The decision redirects to the callback URL with code and state; the emulator has no page there (404).
  const redirected = await fetch(decisionUrl);
  await redirected.body?.cancel();
  check(redirected.url.startsWith(app.callbackUrl), `the decision led to ${redirected.url}`);
  const callback = oauth.readOAuthCallback(redirected.url, { expectedState: state });
  const instance = await oauth.finishOAuth(ce, app, {
    elementKey: 'sfdc',
    callback,
    name: 'Smoke (Salesforce)',
  });
  lines.push(`oauth: connected instance ${instance.id}`);

  // 3. Hub calls as the instance, and every page of a list.
  const crm = ce.forInstance(instance.token);
  for (const lastName of ['Lovelace', 'Hopper', 'Turing']) {
    await sdk.unwrap(
      crm.POST('/hubs/crm/contacts', { body: { lastName, email: `${lastName}@example.com` } }),
    );
  }
  const names: string[] = [];
  for await (const contact of sdk.paginate(crm, '/hubs/crm/contacts', { pageSize: 2 })) {
    names.push(String(contact.lastName));
  }
  check(names.length === 3, `paginate gave ${names.length} contacts: ${names.join(', ')}`);
  const filtered: string[] = [];
  for await (const contact of sdk.paginate(crm, '/hubs/crm/contacts', {
    params: { query: { where: sdk.ceql`lastName = ${'Hopper'}`.text } },
    pageSize: 2,
  })) {
    filtered.push(String(contact.lastName));
  }
  check(filtered.join() === 'Hopper', `the CEQL filter gave ${filtered.join(', ')}`);
  lines.push(`pagination: ${names.length} contacts in pages of 2, CEQL filter ok`);

  // 4. Webhook verification from the ./webhooks entry: a signed body, a web Request, a replay, a forgery.
  const key = 'smoke webhook key';
  const verifier = webhooks.createWebhookVerifier({ key, replayGuard: webhooks.createReplayGuard() });
  const body = JSON.stringify({
    message: {
      eventId: 'evt-smoke',
      events: [{ eventType: 'CREATED', objectType: 'contacts', objectId: '1' }],
    },
  });
  const signature = await webhooks.signWebhookPayload(body, key);
  const request = new Request('https://app.example/webhooks', {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'application/json', [webhooks.WEBHOOK_SIGNATURE_HEADER]: signature },
  });
  const first = await webhooks.parseWebhookRequest(request, verifier);
  const again = await verifier.parse(body, { [webhooks.WEBHOOK_SIGNATURE_HEADER]: signature });
  // A delivery's id is its signature.
  check(first.eventId === signature && !first.duplicate, `first delivery: ${JSON.stringify(first)}`);
  check(again.duplicate, 'the replay was not seen as a duplicate');
  const forged = await verifier
    .parse(body.replace('evt-smoke', 'evt-forged'), { [webhooks.WEBHOOK_SIGNATURE_HEADER]: signature })
    .then(
      () => undefined,
      (error: unknown) => error,
    );
  check(
    forged instanceof webhooks.WebhookVerificationError && forged.reason === 'signature_mismatch',
    `a forged body gave ${String(forged)}`,
  );
  lines.push('webhooks: verified, replay seen, forgery refused');
  return lines;
}
