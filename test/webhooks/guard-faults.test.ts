// Webhooks the way production fails: a handler that hangs, a replay store that fails to complete, keys a config
// loader mangled or a caller wipes, bytes from another realm.
import { inspect } from 'node:util';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { parseNodeWebhookRequest } from '../../src/node/index.js';
import {
  createReplayGuard,
  createSignedWebhook,
  createWebhookVerifier,
  type ReplayGuard,
} from '../../src/webhooks/index.js';
import { closeWebhookRoutes, startWebhookRoute } from '../helpers/webhook-route.js';

const key = 'guard-faults-signature-key';
const notification = { message: { eventId: 'e-guard', events: [] } };

afterEach(async () => {
  vi.restoreAllMocks();
  await closeWebhookRoutes();
});

/** POSTs a signed delivery; its answer as `<status>`. */
async function deliver(url: string, signed: { body: string; headers: Record<string, string> }) {
  const response = await fetch(url, { method: 'POST', ...signed });
  await response.text();
  return response.status;
}

describe('a handler that never finishes', () => {
  test('holds its delivery as in progress for inProgressTtlMs only: a later redelivery is handled', async () => {
    let time = 0;
    const verifier = createWebhookVerifier({ key, replayGuard: createReplayGuard({ now: () => time }) });
    const runs: number[] = [];
    const url = await startWebhookRoute((req) =>
      parseNodeWebhookRequest(req, verifier, async () => {
        runs.push(time);
        // The first run hangs, as on a database call without a time limit; the next one ends.
        if (runs.length === 1) await new Promise(() => undefined);
      }),
    );
    const signed = await createSignedWebhook(notification, key);
    // The first delivery gets no answer; Cloud Elements times it out and retries.
    void fetch(url, { method: 'POST', ...signed }).catch(() => undefined);
    await vi.waitFor(() => expect(runs).toHaveLength(1));
    time = 64_000; // a retry 64 s later: the first handler may still finish
    expect(await deliver(url, signed)).toBe(409);
    time = 15 * 60_000; // 15 minutes: taken for hung
    expect(await deliver(url, signed)).toBe(200);
    expect(runs).toEqual([0, 15 * 60_000]);
    // Handled now: a further redelivery is a duplicate.
    expect(await deliver(url, signed)).toBe(200);
    expect(runs).toHaveLength(2);
  });

  test('inProgressTtlMs is checked like the other limits', () => {
    expect(() => createReplayGuard({ inProgressTtlMs: 0 })).toThrow(
      'inProgressTtlMs must be a positive number of milliseconds, got 0.',
    );
  });
});

test('parse with a shared store whose complete() fails releases the id, so the redelivery is handled', async () => {
  const store = new Map<string, 'pending' | 'done'>();
  let failNext = true;
  const guard: ReplayGuard = {
    claim: async (id) => (store.has(id) ? false : (store.set(id, 'pending'), true)),
    release: async (id) => void store.delete(id),
    complete: async (id) => {
      if (failNext) {
        failNext = false;
        throw new Error('ECONNRESET redis');
      }
      store.set(id, 'done');
    },
    isInProgress: async (id) => store.get(id) === 'pending',
  };
  const verifier = createWebhookVerifier({ key, replayGuard: guard });
  const url = await startWebhookRoute((req) => parseNodeWebhookRequest(req, verifier));
  const signed = await createSignedWebhook(notification, key);
  expect(await deliver(url, signed)).toBe(500);
  expect(await deliver(url, signed)).toBe(200);
  expect([...store.values()]).toEqual(['done']);
});

test('a handler failure whose release fails too says so without the delivery id (by default, the signature)', async () => {
  const guard: ReplayGuard = {
    claim: () => true,
    release: () => {
      throw new Error('store down');
    },
  };
  const verifier = createWebhookVerifier({ key, replayGuard: guard });
  const signed = await createSignedWebhook(notification, key);
  const error = await verifier
    .handle(signed.body, signed.headers, () => {
      throw new Error('handler failed');
    })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AggregateError);
  expect((error as Error).message).toBe(
    '[cloud-elements] The webhook handler failed, and so did releasing its delivery id: a redelivery will not be ' +
      'handled. Check the replay guard store.',
  );
  const signature = signed.headers['Elements-Webhook-Signature'] ?? Object.values(signed.headers)[0]!;
  expect(inspect(error, { depth: 4 })).not.toContain(signature.slice(7));
});

test('a key a config loader turned into a number is refused by its kind, not quoted', () => {
  for (const run of [
    () => createWebhookVerifier({ key: 98765432101234 as never }),
    () => createWebhookVerifier({ key: ['ok-key', 98765432101234] as never }),
  ]) {
    const error = (() => {
      try {
        run();
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(/is a number, not a non-empty string or Uint8Array/);
    expect(inspect(error)).not.toContain('98765432101234');
  }
});

test('Web Crypto: a key given as bytes is copied when the verifier is made, so wiping them after is safe', async () => {
  vi.spyOn(process, 'getBuiltinModule').mockReturnValue(undefined as never);
  const bytes = new TextEncoder().encode(key);
  const verifier = createWebhookVerifier({ key: bytes });
  bytes.fill(0);
  const signed = await createSignedWebhook(notification, key);
  await expect(verifier.parse(signed.body, signed.headers)).resolves.toMatchObject({ keyIndex: 0 });
});

test("another realm's bytes are bytes: a body and a key made in a vm context", async () => {
  const signed = await createSignedWebhook(notification, key);
  const make = runInNewContext('(codes) => new Uint8Array(codes)') as (codes: number[]) => Uint8Array;
  const foreign = (text: string) => make([...Buffer.from(text)]);
  expect(foreign(key) instanceof Uint8Array).toBe(false);
  const verifier = createWebhookVerifier({ key: foreign(key) });
  await expect(verifier.parse(foreign(signed.body), signed.headers)).resolves.toMatchObject({
    payload: notification,
  });
});
