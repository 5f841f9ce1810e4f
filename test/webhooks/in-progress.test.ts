import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, test } from 'vitest';
import { parseNodeWebhookRequest } from '../../src/node/index.js';
import {
  createReplayGuard,
  createSignedWebhook,
  createWebhookVerifier,
  parseWebhookRequest,
  type ReplayGuard,
  type WebhookVerifier,
} from '../../src/webhooks/index.js';
import { closeWebhookRoutes, startWebhookRoute } from '../helpers/webhook-route.js';

// A redelivery that comes while the first delivery's handler still runs: that handler may yet fail, so the
// redelivery must not be acknowledged as a duplicate (Cloud Elements would never send the event again).
const key = 'in-progress-signature-key';
const notification = { message: { eventId: 'e-slow', events: [] } };

/** A gate the test opens to let a handler finish. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('a redelivery while the first delivery is still handled, over real HTTP', () => {
  const gates: (() => void)[] = [];
  afterEach(async () => {
    // A failed expectation leaves the first handler waiting: let it end, so that its request ends too.
    for (const open of gates.splice(0)) open();
    await closeWebhookRoutes();
  });

  /** POSTs a signed delivery; its answer as `<status> <text>`. */
  const deliver = async (url: string, signed: { body: string; headers: Record<string, string> }) => {
    const response = await fetch(url, { method: 'POST', ...signed });
    return `${response.status} ${await response.text()}`;
  };

  const toWebRequest = (req: IncomingMessage) =>
    new Request(`http://127.0.0.1${req.url}`, {
      method: 'POST',
      headers: Object.entries(req.headers).flatMap(([name, value]) =>
        typeof value === 'string' ? [[name, value] as [string, string]] : [],
      ),
      body: Readable.toWeb(req) as ReadableStream<Uint8Array>,
      duplex: 'half',
    } as RequestInit);

  const adapters = {
    node: (req: IncomingMessage, verifier: WebhookVerifier, handler: () => Promise<void>) =>
      parseNodeWebhookRequest(req, verifier, handler),
    web: (req: IncomingMessage, verifier: WebhookVerifier, handler: () => Promise<void>) =>
      parseWebhookRequest(toWebRequest(req), verifier, handler),
  };

  type Adapter = (typeof adapters)['node'];

  /**
   * A route whose handler's first run waits for a gate the test opens, and then fails when `firstFails`; the one
   * signed delivery is sent once, and the route's first handler is running when this returns.
   */
  async function routeWithFirstRunHeld(adapter: Adapter, firstFails: boolean) {
    const verifier = createWebhookVerifier({ key, replayGuard: createReplayGuard() });
    const first = gate();
    gates.push(first.open);
    let runs = 0;
    const url = await startWebhookRoute((req) =>
      adapter(req, verifier, async () => {
        runs++;
        if (runs > 1) return;
        await first.opened;
        if (firstFails) throw new Error('downstream failed');
      }),
    );
    const signed = await createSignedWebhook(notification, key);
    const send = () => deliver(url, signed);
    const firstAttempt = send();
    await expect.poll(() => runs).toBe(1);
    return { send, firstAttempt, open: first.open, runs: () => runs };
  }

  for (const [name, adapter] of Object.entries(adapters)) {
    test(`${name} adapter: answers it 409 while the first handler runs; after a failure the next one is handled`, async () => {
      const { send, firstAttempt, open, runs } = await routeWithFirstRunHeld(adapter, true);
      // The redelivery comes while the first handler still runs: not acknowledged.
      expect(await send()).toBe('409 delivery_in_progress');
      open();
      expect(await firstAttempt).toBe('500 failed');
      // The id was released: Cloud Elements' next redelivery is handled, and one after that is a duplicate.
      expect(await send()).toBe('200 handled');
      expect(await send()).toBe('200 duplicate');
      expect(runs()).toBe(2);
    });

    test(`${name} adapter: once the first handler succeeded, a redelivery is a duplicate`, async () => {
      const { send, firstAttempt, open, runs } = await routeWithFirstRunHeld(adapter, false);
      expect(await send()).toBe('409 delivery_in_progress');
      open();
      expect(await firstAttempt).toBe('200 handled');
      expect(await send()).toBe('200 duplicate');
      expect(runs()).toBe(1);
    });
  }
});

describe('replay guards and the in-progress state', () => {
  test('createReplayGuard tells an id in progress from one completed or released', () => {
    const guard = createReplayGuard();
    expect(guard.claim('a')).toBe(true);
    expect(guard.isInProgress?.('a')).toBe(true);
    expect(guard.claim('a')).toBe(false);
    void guard.complete?.('a');
    expect(guard.isInProgress?.('a')).toBe(false);
    expect(guard.claim('a')).toBe(false);
    expect(guard.claim('b')).toBe(true);
    void guard.release('b');
    expect(guard.isInProgress?.('b')).toBe(false);
    expect(guard.claim('b')).toBe(true);
  });

  test('parse completes the id at once: a later parse of the same delivery is a duplicate, not in progress', async () => {
    const verifier = createWebhookVerifier({ key, replayGuard: createReplayGuard() });
    const signed = await createSignedWebhook(notification, key);
    await expect(verifier.parse(signed.body, signed.headers)).resolves.toMatchObject({ duplicate: false });
    await expect(verifier.parse(signed.body, signed.headers)).resolves.toMatchObject({ duplicate: true });
  });

  test('a custom guard with only claim and release still reports duplicates as before', async () => {
    const ids = new Set<string>();
    const replayGuard: ReplayGuard = {
      claim: async (id) => !ids.has(id) && Boolean(ids.add(id)),
      release: async (id) => void ids.delete(id),
    };
    const verifier = createWebhookVerifier({ key, replayGuard });
    const signed = await createSignedWebhook(notification, key);
    const first = gate();
    const running = verifier.handle(signed.body, signed.headers, () => first.opened);
    await new Promise((resolve) => setTimeout(resolve, 10));
    // It cannot tell in progress from done: the redelivery is a duplicate, as it always was.
    await expect(verifier.handle(signed.body, signed.headers, () => undefined)).resolves.toMatchObject({
      duplicate: true,
    });
    first.open();
    await expect(running).resolves.toMatchObject({ duplicate: false });
  });

  test('an id released between claim and isInProgress is handled, not taken for a duplicate', async () => {
    const ids = new Set<string>(['sha256=taken']);
    let handled = 0;
    const replayGuard: ReplayGuard = {
      claim: (id) => !ids.has(id) && Boolean(ids.add(id)),
      release: (id) => void ids.delete(id),
      complete: () => undefined,
      // As if the first delivery's handler failed and released the id just before this call.
      isInProgress: (id) => (ids.delete(id), false),
    };
    const signed = await createSignedWebhook(notification, key);
    const verifier = createWebhookVerifier({ key, replayGuard, getEventId: () => 'sha256=taken' });
    await expect(verifier.handle(signed.body, signed.headers, () => void handled++)).resolves.toMatchObject({
      duplicate: false,
    });
    expect(handled).toBe(1);
  });

  test('an id claimed by a third delivery between isInProgress and the second claim is in progress, not a duplicate', async () => {
    // A shared store answers one call at a time. B finds the id taken; asked, the store says no handler runs (A's
    // failed and released it); but C claims it before B's second claim. B used to be acknowledged as a duplicate
    // while C ran, and had C failed too, nobody would have handled the event.
    const answers = { claim: [false, false], isInProgress: [false, true] };
    const replayGuard: ReplayGuard = {
      claim: () => answers.claim.shift()!,
      release: () => undefined,
      complete: () => undefined,
      isInProgress: () => answers.isInProgress.shift()!,
    };
    const signed = await createSignedWebhook(notification, key);
    let ran = false;
    const verifier = createWebhookVerifier({ key, replayGuard });
    await expect(verifier.handle(signed.body, signed.headers, () => void (ran = true))).rejects.toMatchObject(
      {
        reason: 'delivery_in_progress',
      },
    );
    expect(ran).toBe(false);
    expect(answers).toEqual({ claim: [], isInProgress: [] });
  });

  test('a guard with only one of complete and isInProgress is refused when the verifier is made', () => {
    const base = { claim: () => true, release: () => undefined };
    for (const replayGuard of [
      { ...base, complete: () => undefined },
      { ...base, isInProgress: () => false },
      { ...base, complete: 'yes', isInProgress: 'no' },
    ] as ReplayGuard[]) {
      expect(() => createWebhookVerifier({ key, replayGuard })).toThrow(
        /and both complete\(id\) and isInProgress\(id\) or neither/,
      );
    }
  });
});
