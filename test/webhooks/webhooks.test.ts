import { createHmac } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { Readable } from 'node:stream';
import { inspect } from 'node:util';
import fc from 'fast-check';
import { afterEach, describe, expect, expectTypeOf, test, vi } from 'vitest';
import { CloudElementsError } from '../../src/core/index.js';
import { parseNodeWebhookRequest, readNodeRequestBody } from '../../src/node/index.js';
import { createReplayGuard } from '../../src/webhooks/index.js';
import { WebhookVerificationError, type WebhookVerificationReason } from '../../src/webhooks/index.js';
import { parseWebhookRequest } from '../../src/webhooks/index.js';
import { createSignedWebhook, signWebhookPayload } from '../../src/webhooks/index.js';
import {
  createWebhookVerifier,
  isAsyncEventNotification,
  isBulkJobCallback,
  isEventNotification,
  parseWebhookEvent,
  verifyWebhookSignature,
  type EventNotification,
  type VerifiedWebhook,
  type WebhookVerifier,
} from '../../src/webhooks/index.js';
import { startServer, type TestServer } from '../helpers/http-server.js';
import { closeWebhookRoutes, listenRaw } from '../helpers/webhook-route.js';

// Reference §17 / §14.5: Cloud Elements' documented test vector.
const docKey = 'MySecretEventSignatureKey';
const docBody = '<INSERT_EVENT_NOTIFICATION_RESPONSE_BODY>';
const docSignature = 'sha256=jHdbRx5EZAsOfTwAPJOGkNUzQMVVdu5VJlxcsk+G6jQ=';

const key = 'test-signature-key-1';
const notification = {
  message: {
    eventId: '59d4f6b8e4b0c9a9d3f2b1c4',
    elementKey: 'zendesk',
    instanceId: 1234,
    raw: { objectType: 'users', users: [{ id: 7952451365, name: 'Ada Lovelace' }] },
    events: [{ elementKey: 'zendesk', eventType: 'UPDATED', objectId: '7952451365', objectType: 'users' }],
  },
} satisfies EventNotification;

// Independent oracle: node:crypto, not Web Crypto.
function nodeSignature(body: string | Uint8Array, secret: string | Uint8Array): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('base64')}`;
}

async function rejection(promise: Promise<unknown>): Promise<WebhookVerificationError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WebhookVerificationError);
  return error as WebhookVerificationError;
}

async function expectReason(promise: Promise<unknown>, reason: WebhookVerificationReason): Promise<string> {
  const error = await rejection(promise);
  expect(error.reason).toBe(reason);
  expect(error).toBeInstanceOf(CloudElementsError);
  expect(error.name).toBe('WebhookVerificationError');
  return error.message;
}

describe('verifyWebhookSignature', () => {
  test('verifies the test vector from the Cloud Elements security guide', async () => {
    await expect(verifyWebhookSignature(docBody, docSignature, docKey)).resolves.toEqual({ keyIndex: 0 });
  });

  test('verifies the empty-body vector', async () => {
    await expect(
      verifyWebhookSignature('', 'sha256=C0gHWF2AgEYRn772QwLINL7VFZDYhJSOYgzFLE6vs4Q=', docKey),
    ).resolves.toEqual({ keyIndex: 0 });
  });

  test('accepts the same body as a string, a Buffer, a Uint8Array and an ArrayBuffer', async () => {
    const bytes = new TextEncoder().encode(docBody);
    for (const body of [docBody, Buffer.from(docBody), bytes, bytes.buffer.slice(0)]) {
      await expect(verifyWebhookSignature(body, docSignature, docKey)).resolves.toEqual({ keyIndex: 0 });
    }
  });

  test('rejects a body changed by one byte, with a hint about raw bodies', async () => {
    const message = await expectReason(
      verifyWebhookSignature(`${docBody} `, docSignature, docKey),
      'signature_mismatch',
    );
    expect(message).toMatch(/raw request body/);
    expect(message).not.toContain(docKey);
  });

  test('rejects a signature made with another key', async () => {
    await expectReason(verifyWebhookSignature(docBody, docSignature, 'another-key'), 'signature_mismatch');
  });

  test('accepts any of several keys during a rotation and says which matched', async () => {
    await expect(verifyWebhookSignature(docBody, docSignature, ['new-key', docKey])).resolves.toEqual({
      keyIndex: 1,
    });
    await expectReason(
      verifyWebhookSignature(docBody, docSignature, ['new-key', 'old-key']),
      'signature_mismatch',
    );
  });

  test('mentions whitespace around a key when the signature does not match', async () => {
    const message = await expectReason(
      verifyWebhookSignature(docBody, docSignature, `${docKey}\n`),
      'signature_mismatch',
    );
    expect(message).toMatch(/leading or trailing whitespace/);
  });

  test('rejects a missing signature header', async () => {
    const message = await expectReason(
      verifyWebhookSignature(docBody, undefined, docKey),
      'missing_signature',
    );
    expect(message).toMatch(/event\.notification\.signature\.key/);
    await expectReason(verifyWebhookSignature(docBody, null, docKey), 'missing_signature');
    await expectReason(verifyWebhookSignature(docBody, '', docKey), 'missing_signature');
  });

  test.each([
    ['no scheme', 'jHdbRx5EZAsOfTwAPJOGkNUzQMVVdu5VJlxcsk+G6jQ='],
    ['nothing after sha256=', 'sha256='],
    ['hex instead of Base64', `sha256=${'ab'.repeat(32)}`],
    ['a truncated value', 'sha256=jHdbRx5EZAsOfTwAPJOGkNUzQMVVdu5VJlxcsk+G6jQ'],
    ['characters outside Base64', 'sha256=jHdbRx5EZAsOfTwAPJOGkNUzQMVVdu5VJlxcsk-G6jQ='],
    ['two values joined by a proxy', `${docSignature}, ${docSignature}`],
  ])('rejects a malformed signature: %s', async (_name, signature) => {
    await expectReason(verifyWebhookSignature(docBody, signature, docKey), 'malformed_signature');
  });

  test('rejects repeated signature headers', async () => {
    await expectReason(
      verifyWebhookSignature(docBody, [docSignature, docSignature], docKey),
      'malformed_signature',
    );
  });

  test('rejects the retired sha1 scheme as unsupported', async () => {
    const sha1 = `sha1=${createHmac('sha1', docKey).update(docBody).digest('base64')}`;
    const message = await expectReason(
      verifyWebhookSignature(docBody, sha1, docKey),
      'unsupported_algorithm',
    );
    expect(message).toMatch(/only sha256/);
  });

  test('accepts the scheme in upper case and surrounding whitespace', async () => {
    await expect(
      verifyWebhookSignature(docBody, ` SHA256=${docSignature.slice(7)} `, docKey),
    ).resolves.toEqual({
      keyIndex: 0,
    });
  });

  test('refuses an already parsed body and asks for the raw body', async () => {
    const message = await expectReason(
      verifyWebhookSignature({ message: {} } as never, docSignature, docKey),
      'body_not_raw',
    );
    expect(message).toMatch(/raw request body/);
  });

  test('throws a TypeError when no usable key is configured', async () => {
    await expect(verifyWebhookSignature(docBody, docSignature, [])).rejects.toThrow(
      /No webhook signature key/,
    );
    await expect(verifyWebhookSignature(docBody, docSignature, '')).rejects.toThrow(/environment variable/);
    await expect(verifyWebhookSignature(docBody, docSignature, undefined as never)).rejects.toThrow(
      TypeError,
    );
    await expect(verifyWebhookSignature(docBody, docSignature, [docKey, new Uint8Array()])).rejects.toThrow(
      /key 2 is empty/,
    );
  });
});

describe('signWebhookPayload', () => {
  test('reproduces the documented signature', async () => {
    await expect(signWebhookPayload(docBody, docKey)).resolves.toBe(docSignature);
  });

  test('matches an independent HMAC for any body and key, and verifies', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ unit: 'binary' }), fc.uint8Array()),
        fc.oneof(fc.string({ unit: 'binary', minLength: 1 }), fc.uint8Array({ minLength: 1 })),
        async (body, secret) => {
          const signature = await signWebhookPayload(body, secret);
          expect(signature).toBe(nodeSignature(body, secret));
          await expect(verifyWebhookSignature(body, signature, secret)).resolves.toEqual({ keyIndex: 0 });
        },
      ),
      { numRuns: 200 },
    );
  });

  test('builds a signed request body and headers', async () => {
    const signed = await createSignedWebhook(notification, key, { webhookId: 'd-1' });
    expect(signed.body).toBe(JSON.stringify(notification));
    expect(signed.headers).toEqual({
      'Content-Type': 'application/json',
      'Elements-Webhook-Signature': nodeSignature(signed.body, key),
      'Elements-Webhook-Id': 'd-1',
    });
  });
});

describe('parseWebhookEvent', () => {
  test('returns the typed notification after verifying it', async () => {
    const { body, headers } = await createSignedWebhook(notification, key);
    const result = await parseWebhookEvent(body, headers, { key });
    expectTypeOf(result).toEqualTypeOf<VerifiedWebhook>();
    expect(result.payload).toEqual(notification);
    expect(result.keyIndex).toBe(0);
    // The id a replay guard keeps: the signature, which only the key's holder can make.
    expect(result.eventId).toBe(nodeSignature(body, key));
    if (!isEventNotification(result.payload)) throw new Error('expected the message form');
    expectTypeOf(result.payload.message.events[0]!.eventType).toEqualTypeOf<
      'CREATED' | 'UPDATED' | 'DELETED' | 'UNKNOWN'
    >();
    expect(result.payload.message.events[0]?.eventType).toBe('UPDATED');
    expect(isAsyncEventNotification(result.payload)).toBe(false);
  });

  test('recognises the asynchronous (response) form', async () => {
    const asyncBody = {
      eventId: 1088,
      instanceId: 31,
      response: { events: [{ path: '/x' }] },
      notificationId: 1047,
    };
    const { body, headers } = await createSignedWebhook(asyncBody, key);
    const { payload, eventId } = await parseWebhookEvent(body, new Headers(headers), { key });
    expect(isAsyncEventNotification(payload)).toBe(true);
    expect(isEventNotification(payload)).toBe(false);
    expect(isBulkJobCallback(payload)).toBe(false);
    expect(eventId).toBe(nodeSignature(body, key));
  });

  test("recognises a bulk job's callback, which is signed like an event, and types it as one", async () => {
    const callback = { id: 1234, status: 'COMPLETED' as const };
    const { body, headers } = await createSignedWebhook(callback, key);
    const { payload } = await parseWebhookEvent(body, headers, { key });
    expect(isEventNotification(payload)).toBe(false);
    expect(isAsyncEventNotification(payload)).toBe(false);
    expect(isBulkJobCallback(payload)).toBe(true);
    if (!isBulkJobCallback(payload)) throw new Error('expected a bulk callback');
    expect(payload.status).toBe('COMPLETED');
    // An event notification is no bulk callback.
    expect(isBulkJobCallback(notification)).toBe(false);
  });

  test('checks the signature before reading the JSON', async () => {
    await expectReason(
      parseWebhookEvent('not json', { 'elements-webhook-signature': docSignature }, { key }),
      'signature_mismatch',
    );
  });

  test('rejects a correctly signed body that is not a JSON object', async () => {
    for (const body of ['not json', '[1,2]', 'null', '"text"']) {
      const signed = await createSignedWebhook(body, key);
      await expectReason(parseWebhookEvent(signed.body, signed.headers, { key }), 'malformed_payload');
    }
  });

  test('reads the signature header case-insensitively from a Node-style record', async () => {
    const { body } = await createSignedWebhook(notification, key);
    const headers = { 'elements-webhook-signature': await signWebhookPayload(body, key) };
    await expect(parseWebhookEvent(body, headers, { key })).resolves.toMatchObject({ keyIndex: 0 });
  });
});

describe('replay guard', () => {
  test('reports a delivery id seen before as a duplicate to acknowledge, not an error, until released', async () => {
    const replayGuard = createReplayGuard();
    const verifier = createWebhookVerifier({ key, replayGuard });
    const { body, headers } = await createSignedWebhook(notification, key, { webhookId: 'delivery-7' });
    const id = nodeSignature(body, key);
    await expect(verifier.parse(body, headers)).resolves.toMatchObject({ eventId: id, duplicate: false });
    const again = await verifier.parse(body, headers);
    expect(again).toMatchObject({ eventId: id, duplicate: true, keyIndex: 0 });
    // Still verified and parsed: a duplicate is a genuine webhook, only already received.
    expect(again.payload).toEqual(notification);
    await replayGuard.release(id);
    await expect(verifier.parse(body, headers)).resolves.toMatchObject({ duplicate: false });
  });

  test('never reports a duplicate without a replay guard', async () => {
    const verifier = createWebhookVerifier({ key });
    const { body, headers } = await createSignedWebhook(notification, key, { webhookId: 'delivery-8' });
    await expect(verifier.parse(body, headers)).resolves.toMatchObject({ duplicate: false });
    await expect(verifier.parse(body, headers)).resolves.toMatchObject({ duplicate: false });
  });

  test('does not record ids of requests whose signature fails', async () => {
    const replayGuard = createReplayGuard();
    const verifier = createWebhookVerifier({ key, replayGuard });
    const good = await createSignedWebhook(notification, key, { webhookId: 'd-1' });
    const forged = await createSignedWebhook(notification, 'attacker-key', { webhookId: 'd-1' });
    await expectReason(verifier.parse(forged.body, forged.headers), 'signature_mismatch');
    await expect(verifier.parse(good.body, good.headers)).resolves.toMatchObject({ duplicate: false });
  });

  test('takes a replay with a new Elements-Webhook-Id for the duplicate it is: nothing signs that header', async () => {
    const verifier = createWebhookVerifier({ key, replayGuard: createReplayGuard() });
    const signed = await createSignedWebhook(notification, key, { webhookId: 'd-2' });
    let handled = 0;
    const flags: boolean[] = [];
    for (const webhookId of ['d-2', 'd-2', 'forged-1', 'forged-2']) {
      const headers = { ...signed.headers, 'Elements-Webhook-Id': webhookId };
      flags.push((await verifier.handle(signed.body, headers, () => void handled++)).duplicate);
    }
    expect(flags).toEqual([false, true, true, true]);
    expect(handled).toBe(1);
    // Another notification (another body, so another signature) is another delivery.
    const other = await createSignedWebhook({ ...notification, id: 'n-2' }, key, { webhookId: 'd-2' });
    expect((await verifier.handle(other.body, other.headers, () => void handled++)).duplicate).toBe(false);
  });

  test('keeps at most maxEntries ids, forgetting the oldest', () => {
    const guard = createReplayGuard({ maxEntries: 3 });
    expect(['a', 'b', 'c', 'd'].map((id) => guard.claim(id))).toEqual([true, true, true, true]);
    expect(guard.claim('d')).toBe(false);
    expect(guard.claim('b')).toBe(false);
    expect(guard.claim('a')).toBe(true);
  });

  test('forgets ids after ttlMs', () => {
    let now = 1_000;
    const guard = createReplayGuard({ ttlMs: 500, now: () => now });
    expect(guard.claim('x')).toBe(true);
    now += 499;
    expect(guard.claim('x')).toBe(false);
    now += 2;
    expect(guard.claim('x')).toBe(true);
  });

  test("by default remembers an id through Cloud Elements' whole redelivery window", () => {
    // Nine retries, the x-th 2^(2x) s after the one before: the last comes 349,524 s (97.1 h) after the first try.
    const retryDelaysMs = Array.from({ length: 9 }, (_, i) => 4 ** (i + 1) * 1_000);
    let now = 0;
    const guard = createReplayGuard({ now: () => now });
    expect(guard.claim('sha256=first')).toBe(true);
    // Handled: an id still in progress is let go after inProgressTtlMs (a handler that hung).
    void guard.complete!('sha256=first');
    for (const delay of retryDelaysMs) {
      now += delay;
      expect(guard.claim('sha256=first')).toBe(false);
    }
    expect(now / 3_600_000).toBeCloseTo(97.09, 2);
  });

  test('stays bounded over a hundred thousand deliveries', () => {
    const guard = createReplayGuard({ maxEntries: 100 });
    for (let i = 0; i < 100_000; i++) guard.claim(`id-${i}`);
    // Only the last 100 are remembered.
    expect(guard.claim('id-99999')).toBe(false);
    expect(guard.claim('id-99900')).toBe(false);
    expect(guard.claim('id-99899')).toBe(true);
  });

  test('needs an id from getEventId to guard against replays', async () => {
    const { body, headers } = await createSignedWebhook({ message: { events: [] } } as never, key);
    const none = createWebhookVerifier({
      key,
      replayGuard: createReplayGuard(),
      getEventId: () => undefined,
    });
    const message = await expectReason(none.parse(body, headers), 'missing_event_id');
    expect(message).toMatch(/getEventId/);
    const custom = createWebhookVerifier({
      key,
      replayGuard: createReplayGuard(),
      getEventId: () => 'fixed',
    });
    await expect(custom.parse(body, headers)).resolves.toMatchObject({ eventId: 'fixed' });
  });

  test('rejects bad options', () => {
    expect(() => createReplayGuard({ maxEntries: 0 })).toThrow(/maxEntries/);
    expect(() => createReplayGuard({ ttlMs: -1 })).toThrow(/ttlMs/);
    expect(() => createReplayGuard(null as never)).toThrow(TypeError);
    expect(() => createReplayGuard({ now: 5 as never })).toThrow(/clock function/);
    expect(() => createWebhookVerifier({ key, replayGuard: {} as never })).toThrow(/claim\(id\) and release/);
    expect(() => createWebhookVerifier({ key, getEventId: 'id' as never })).toThrow(/getEventId/);
  });

  test('names a bad option and its type, without quoting it', () => {
    const huge = 'x'.repeat(100_000);
    for (const [run, name] of [
      [() => createReplayGuard({ maxEntries: huge as never }), 'maxEntries'],
      [() => createReplayGuard({ ttlMs: huge as never }), 'ttlMs'],
      [() => createWebhookVerifier({ key, maxBodyBytes: huge as never }), 'maxBodyBytes'],
    ] as const) {
      expect(run).toThrow(TypeError);
      expect(run).toThrow(new RegExp(`^\\[cloud-elements\\] ${name} .*, got a string\\.$`));
      expect(run).not.toThrow(/xxx/);
    }
    expect(() => createReplayGuard({ maxEntries: -2 })).toThrow(
      /maxEntries must be a whole number >= 1, got -2\./,
    );
  });
});

describe('verifier.handle', () => {
  test('runs the handler once per delivery id and reports a redelivery as a duplicate', async () => {
    const verifier = createWebhookVerifier({ key, replayGuard: createReplayGuard() });
    const { body, headers } = await createSignedWebhook(notification, key, { webhookId: 'h-1' });
    const handled: VerifiedWebhook[] = [];
    const first = await verifier.handle(body, headers, async (webhook) => {
      handled.push(webhook);
    });
    const second = await verifier.handle(body, headers, async (webhook) => {
      handled.push(webhook);
    });
    expect(first).toMatchObject({ eventId: nodeSignature(body, key), duplicate: false, keyIndex: 0 });
    expect(second).toMatchObject({ eventId: nodeSignature(body, key), duplicate: true });
    expect(handled).toHaveLength(1);
    expect(handled[0]!.payload).toEqual(notification);
  });

  test('releases the id when the handler throws, so the redelivery is handled, and rethrows', async () => {
    const replayGuard = createReplayGuard();
    const verifier = createWebhookVerifier({ key, replayGuard });
    const { body, headers } = await createSignedWebhook(notification, key, { webhookId: 'h-2' });
    const failure = new Error('database down');
    await expect(
      verifier.handle(body, headers, async () => {
        throw failure;
      }),
    ).rejects.toBe(failure);
    // A handler that throws synchronously is treated the same.
    await expect(
      verifier.handle(body, headers, () => {
        throw failure;
      }),
    ).rejects.toBe(failure);
    let calls = 0;
    await expect(verifier.handle(body, headers, () => void calls++)).resolves.toMatchObject({
      duplicate: false,
    });
    expect(calls).toBe(1);
    expect(replayGuard.claim(nodeSignature(body, key))).toBe(false);
  });

  test('works with an asynchronous shared store as replay guard', async () => {
    const store = new Set<string>();
    const replayGuard = {
      claim: async (id: string) => !store.has(id) && Boolean(store.add(id)),
      release: async (id: string) => void store.delete(id),
    };
    const verifier = createWebhookVerifier({ key, replayGuard });
    const { body, headers } = await createSignedWebhook(notification, key, { webhookId: 'h-3' });
    await expect(verifier.handle(body, headers, () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    expect(store.size).toBe(0);
    await expect(verifier.handle(body, headers, () => undefined)).resolves.toMatchObject({
      duplicate: false,
    });
    await expect(verifier.handle(body, headers, () => undefined)).resolves.toMatchObject({ duplicate: true });
  });

  test('says so when releasing the id fails after the handler failed', async () => {
    const verifier = createWebhookVerifier({
      key,
      replayGuard: {
        claim: () => true,
        release: () => Promise.reject(new Error('store unreachable')),
      },
    });
    const { body, headers } = await createSignedWebhook(notification, key, { webhookId: 'h-4' });
    const error = await verifier
      .handle(body, headers, () => {
        throw new Error('handler failed');
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AggregateError);
    expect((error as AggregateError).errors.map((e: Error) => e.message)).toEqual([
      'handler failed',
      'store unreachable',
    ]);
    expect((error as Error).message).toMatch(/redelivery will not be handled/);
  });

  test('refuses a missing handler before claiming the id', async () => {
    const replayGuard = createReplayGuard();
    const verifier = createWebhookVerifier({ key, replayGuard });
    const { body, headers } = await createSignedWebhook(notification, key, { webhookId: 'h-5' });
    await expect(verifier.handle(body, headers, undefined as never)).rejects.toThrow(
      /handler must be a function/,
    );
    expect(replayGuard.claim(nodeSignature(body, key))).toBe(true);
  });

  test('does not run the handler for a webhook that fails verification', async () => {
    const verifier = createWebhookVerifier({ key, replayGuard: createReplayGuard() });
    const forged = await createSignedWebhook(notification, 'attacker-key', { webhookId: 'h-6' });
    let calls = 0;
    await expectReason(
      verifier.handle(forged.body, forged.headers, () => void calls++),
      'signature_mismatch',
    );
    expect(calls).toBe(0);
  });
});

describe('without node:crypto (browsers, workers)', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  test('Web Crypto signs and verifies the documented vector, importing each key once', async () => {
    vi.spyOn(process, 'getBuiltinModule').mockReturnValue(undefined as never);
    const importKey = vi.spyOn(crypto.subtle, 'importKey');
    await expect(signWebhookPayload(docBody, docKey)).resolves.toBe(docSignature);
    importKey.mockClear();
    const verifier = createWebhookVerifier({ key: ['new-key', docKey] });
    await expect(verifier.verify(docBody, docSignature)).resolves.toEqual({ keyIndex: 1 });
    await expect(verifier.verify(docBody, docSignature)).resolves.toEqual({ keyIndex: 1 });
    await expectReason(verifier.verify(`${docBody} `, docSignature), 'signature_mismatch');
    expect(importKey).toHaveBeenCalledTimes(2);
  });
});

describe('signature text', () => {
  test('only the standard Base64 of the HMAC matches, not a spelling with other bits in its last character', async () => {
    // `Q` and `R` differ only in the two bits past the 32nd byte, which decoders ignore.
    expect(docSignature.endsWith('jQ=')).toBe(true);
    await expectReason(
      verifyWebhookSignature(docBody, docSignature.replace(/Q=$/, 'R='), docKey),
      'signature_mismatch',
    );
  });
});

describe('reading a web Request', () => {
  test('cancels the body stream once it passes maxBodyBytes', async () => {
    let cancelled = false;
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls++;
        controller.enqueue(new Uint8Array(16));
      },
      cancel() {
        cancelled = true;
      },
    });
    const request = new Request('http://127.0.0.1/', { method: 'POST', body, duplex: 'half' } as RequestInit);
    await expectReason(parseWebhookRequest(request, { key, maxBodyBytes: 40 }), 'body_too_large');
    expect(cancelled).toBe(true);
    expect(pulls).toBeLessThan(10);
  });
});

describe('webhook verifier', () => {
  test('never shows its keys', () => {
    const verifier = createWebhookVerifier({ key: docKey });
    expect(JSON.stringify({ verifier })).not.toContain(docKey);
    expect(inspect(verifier, { depth: 5, showHidden: true })).not.toContain(docKey);
    expect(String(verifier)).toBe('[WebhookVerifier]');
  });

  test('rejects a bad maxBodyBytes', () => {
    expect(() => createWebhookVerifier({ key, maxBodyBytes: 0 })).toThrow(/maxBodyBytes/);
  });

  test('type guards answer false for a payload that is not an object', () => {
    for (const payload of [null, undefined, 'x'.repeat(10_000), 42]) {
      expect(isEventNotification(payload as never)).toBe(false);
      expect(isAsyncEventNotification(payload as never)).toBe(false);
    }
  });

  test('a correctly signed JSON string body is refused without quoting it', async () => {
    const huge = JSON.stringify('x'.repeat(100_000));
    const signed = await createSignedWebhook(huge, key);
    const message = await expectReason(
      parseWebhookEvent(signed.body, signed.headers, { key }),
      'malformed_payload',
    );
    expect(message).toMatch(/body is a JSON string, not a JSON object/);
    expect(message.length).toBeLessThan(300);
  });
});

describe('request adapters over real HTTP', () => {
  let shared: TestServer | undefined;
  afterEach(async () => {
    await closeWebhookRoutes();
    await shared?.close();
    shared = undefined;
  });

  type Outcome = { status: number; reason?: string; eventType?: string; duplicate?: true };

  /** A node:http webhook endpoint; `read` turns the request into a verified webhook (node or web adapter). */
  async function startEndpoint(
    read: (req: IncomingMessage) => Promise<VerifiedWebhook>,
  ): Promise<{ url: string; outcomes: Outcome[] }> {
    const outcomes: Outcome[] = [];
    const port = await listenRaw(async (req, res) => {
      let outcome: Outcome;
      try {
        const { payload, duplicate } = await read(req);
        outcome = {
          status: 200,
          ...(isEventNotification(payload) ? { eventType: payload.message.events[0]?.eventType } : {}),
          ...(duplicate ? { duplicate } : {}),
        };
      } catch (error) {
        outcome =
          error instanceof WebhookVerificationError ? { status: 401, reason: error.reason } : { status: 500 };
      }
      outcomes.push(outcome);
      res.writeHead(outcome.status, { 'content-type': 'application/json', connection: 'close' });
      res.end(JSON.stringify(outcome));
    });
    return { url: `http://127.0.0.1:${port}/webhook`, outcomes };
  }

  async function post(url: string, body: string, headers: Record<string, string>): Promise<Outcome> {
    const response = await fetch(url, { method: 'POST', body, headers });
    return (await response.json()) as Outcome;
  }

  const verifier = createWebhookVerifier({ key: ['new-key', key], replayGuard: createReplayGuard() });

  test('a signed POST to a node:http handler verifies through the Node adapter', async () => {
    const endpoint = await startEndpoint((req) => parseNodeWebhookRequest(req, verifier));
    const signed = await createSignedWebhook(notification, key, { webhookId: 'node-1' });
    expect(await post(endpoint.url, signed.body, signed.headers)).toEqual({
      status: 200,
      eventType: 'UPDATED',
    });
    // A redelivery is acknowledged (200), so Cloud Elements stops sending it, and flagged as a duplicate.
    expect(await post(endpoint.url, signed.body, signed.headers)).toEqual({
      status: 200,
      eventType: 'UPDATED',
      duplicate: true,
    });
    const tampered = signed.body.replace('UPDATED', 'DELETED');
    expect(
      await post(endpoint.url, tampered, { ...signed.headers, 'Elements-Webhook-Id': 'node-2' }),
    ).toEqual({
      status: 401,
      reason: 'signature_mismatch',
    });
    const { 'Elements-Webhook-Signature': _dropped, ...unsigned } = signed.headers;
    expect(await post(endpoint.url, signed.body, unsigned)).toEqual({
      status: 401,
      reason: 'missing_signature',
    });
  });

  test('a signed POST verifies through the web Request adapter', async () => {
    const endpoint = await startEndpoint((req) =>
      parseWebhookRequest(
        new Request(`http://127.0.0.1${req.url}`, {
          method: req.method!,
          headers: Object.entries(req.headers).flatMap(([name, value]) =>
            typeof value === 'string' ? [[name, value] as [string, string]] : [],
          ),
          body: Readable.toWeb(req) as ReadableStream<Uint8Array>,
          duplex: 'half',
        } as RequestInit),
        { key },
      ),
    );
    const signed = await createSignedWebhook(notification, key);
    expect(await post(endpoint.url, signed.body, signed.headers)).toEqual({
      status: 200,
      eventType: 'UPDATED',
    });
    expect(await post(endpoint.url, `${signed.body}\n`, signed.headers)).toEqual({
      status: 401,
      reason: 'signature_mismatch',
    });
  });

  test('refuses bodies over maxBodyBytes in both adapters', async () => {
    const small = createWebhookVerifier({ key, maxBodyBytes: 64 });
    const signed = await createSignedWebhook(notification, key);
    const nodeEndpoint = await startEndpoint((req) => parseNodeWebhookRequest(req, small));
    expect(await post(nodeEndpoint.url, signed.body, signed.headers)).toEqual({
      status: 401,
      reason: 'body_too_large',
    });
    const webEndpoint = await startEndpoint((req) =>
      parseWebhookRequest(
        new Request('http://127.0.0.1/', {
          method: 'POST',
          body: Readable.toWeb(req) as ReadableStream<Uint8Array>,
          duplex: 'half',
        } as RequestInit),
        small,
      ),
    );
    expect(await post(webEndpoint.url, signed.body, signed.headers)).toEqual({
      status: 401,
      reason: 'body_too_large',
    });
  });

  test('refuses a body another middleware already parsed or read', async () => {
    const parsedEndpoint = await startEndpoint(async (req) => {
      // What express.json() leaves behind.
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      (req as IncomingMessage & { body?: unknown }).body = JSON.parse(Buffer.concat(chunks).toString());
      return parseNodeWebhookRequest(req, verifier);
    });
    const signed = await createSignedWebhook(notification, key, { webhookId: 'parsed-1' });
    expect(await post(parsedEndpoint.url, signed.body, signed.headers)).toEqual({
      status: 401,
      reason: 'body_not_raw',
    });

    // The shared test server reads every body before calling its handler.
    let message = '';
    shared = await startServer(async (_req, res, _index, raw) => {
      const error = await rejection(readNodeRequestBody(raw));
      message = error.message;
      res.writeHead(204).end();
    });
    await fetch(shared.url, { method: 'POST', body: signed.body, headers: signed.headers });
    expect(message).toMatch(/already read/);
  });

  test('uses the raw Buffer that express.raw() leaves in req.body', async () => {
    const endpoint = await startEndpoint(async (req) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      (req as IncomingMessage & { body?: unknown }).body = Buffer.concat(chunks);
      return parseNodeWebhookRequest(req, { key });
    });
    const signed = await createSignedWebhook(notification, key);
    expect(await post(endpoint.url, signed.body, signed.headers)).toEqual({
      status: 200,
      eventType: 'UPDATED',
    });
  });

  test('both adapters run a handler once per delivery, acknowledge duplicates and release on failure', async () => {
    const toWebRequest = (req: IncomingMessage) =>
      new Request(`http://127.0.0.1${req.url}`, {
        method: req.method!,
        headers: Object.entries(req.headers).flatMap(([name, value]) =>
          typeof value === 'string' ? [[name, value] as [string, string]] : [],
        ),
        body: Readable.toWeb(req) as ReadableStream<Uint8Array>,
        duplex: 'half',
      } as RequestInit);
    for (const adapter of ['node', 'web'] as const) {
      const handledIds: (string | undefined)[] = [];
      let failNext = true;
      const handler = async (webhook: VerifiedWebhook) => {
        if (failNext) {
          failNext = false;
          throw new Error('handler failed');
        }
        handledIds.push(webhook.eventId);
      };
      const guarded = createWebhookVerifier({ key, replayGuard: createReplayGuard() });
      const endpoint = await startEndpoint((req) =>
        adapter === 'node'
          ? parseNodeWebhookRequest(req, guarded, handler)
          : parseWebhookRequest(toWebRequest(req), guarded, handler),
      );
      const signed = await createSignedWebhook(notification, key, { webhookId: `${adapter}-h` });
      // The handler fails: 500, and the id is released…
      expect(await post(endpoint.url, signed.body, signed.headers), adapter).toEqual({ status: 500 });
      // …so Cloud Elements' redelivery is handled…
      expect(await post(endpoint.url, signed.body, signed.headers), adapter).toEqual({
        status: 200,
        eventType: 'UPDATED',
      });
      // …and a further one is acknowledged without handling it again.
      expect(await post(endpoint.url, signed.body, signed.headers), adapter).toEqual({
        status: 200,
        eventType: 'UPDATED',
        duplicate: true,
      });
      expect(handledIds, adapter).toEqual([nodeSignature(signed.body, key)]);
    }
  });

  test('both adapters refuse a handler that is not a function before reading the body', async () => {
    const request = new Request('http://127.0.0.1/', { method: 'POST', body: '{}' });
    await expect(parseWebhookRequest(request, { key }, 'nope' as never)).rejects.toThrow(
      /handler must be a function/,
    );
    expect(request.bodyUsed).toBe(false);
    await expect(
      parseNodeWebhookRequest(Readable.from([]) as unknown as IncomingMessage, { key }, 42 as never),
    ).rejects.toThrow(/handler must be a function/);
    const custom = { parse: async () => ({}) as never, maxBodyBytes: 10 } as unknown as WebhookVerifier;
    await expect(parseWebhookRequest(request, custom, () => undefined)).rejects.toThrow(/no handle method/);
  });

  test('a web Request whose body was read is refused', async () => {
    const signed = await createSignedWebhook(notification, key);
    const request = new Request('http://127.0.0.1/', { method: 'POST', ...signed });
    await request.text();
    await expectReason(parseWebhookRequest(request, { key }), 'body_not_raw');
  });
});

describe('mistakes a user makes, explained', () => {
  const other = { message: { ...notification.message, eventId: 'second-event' } } satisfies EventNotification;
  const byBodyId = (payload: Record<string, unknown>) => (payload as EventNotification).message.eventId;

  test('an async getEventId gives the awaited id, so a second delivery is not taken for a duplicate', async () => {
    const verifier = createWebhookVerifier({
      key,
      replayGuard: createReplayGuard(),
      getEventId: async (payload) => byBodyId(payload),
    });
    const first = await createSignedWebhook(notification, key);
    const second = await createSignedWebhook(other, key);
    await expect(verifier.parse(first.body, first.headers)).resolves.toMatchObject({
      eventId: notification.message.eventId,
      duplicate: false,
    });
    await expect(verifier.parse(second.body, second.headers)).resolves.toMatchObject({
      eventId: 'second-event',
      duplicate: false,
    });
    await expect(verifier.parse(first.body, first.headers)).resolves.toMatchObject({ duplicate: true });
    // A number is an id too; an empty string is none.
    const numbered = createWebhookVerifier({ key, getEventId: async () => 42 });
    await expect(numbered.parse(first.body, first.headers)).resolves.toMatchObject({ eventId: '42' });
    const none = createWebhookVerifier({ key, getEventId: () => '' });
    await expect(none.parse(first.body, first.headers)).resolves.toMatchObject({ eventId: undefined });
  });

  test('a getEventId that returns an object or null is refused, naming the type only', async () => {
    const { body, headers } = await createSignedWebhook(notification, key);
    for (const [result, type] of [
      [{ id: 'secret-id-value' }, 'an object'],
      [null, 'null'],
      [Number.NaN, 'NaN'],
    ] as const) {
      const guard = createReplayGuard();
      const claim = vi.spyOn(guard, 'claim');
      const verifier = createWebhookVerifier({ key, replayGuard: guard, getEventId: () => result as never });
      const error = await verifier.parse(body, headers).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(error).toBeInstanceOf(TypeError);
      expect(error?.message).toMatch(/getEventId must return a string or number \(or a promise of one\)/);
      expect(error?.message).toContain(`got ${type}.`);
      expect(error?.message).not.toMatch(/secret-id-value/);
      expect(claim).not.toHaveBeenCalled();
    }
  });

  test('passing the headers where the signature header value goes is a TypeError, not a 401', async () => {
    const { body, headers } = await createSignedWebhook(notification, key);
    const verifier = createWebhookVerifier({ key });
    for (const run of [
      () => verifyWebhookSignature(body, headers as never, key),
      () => verifier.verify(body, new Headers(headers) as never),
    ]) {
      const error = await run().then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(error).toBeInstanceOf(TypeError);
      expect(error).not.toBeInstanceOf(WebhookVerificationError);
      expect(error?.message).toMatch(/header's value, not the headers/);
      expect(error?.message).toMatch(/headers\['elements-webhook-signature'\]/);
    }
    // An array is still a header repeated, refused as a malformed signature.
    await expectReason(
      verifier.verify(body, [headers['Elements-Webhook-Signature']!] as never),
      'malformed_signature',
    );
  });

  test('a bad verifier argument names the function the user called', async () => {
    const { body, headers } = await createSignedWebhook(notification, key);
    const request = new Request('http://127.0.0.1/', { method: 'POST', body, headers });
    for (const [name, run] of [
      ['parseWebhookEvent', () => parseWebhookEvent(body, headers, 'the-key' as never)],
      ['parseWebhookRequest', () => parseWebhookRequest(request, 'the-key' as never)],
      ['parseNodeWebhookRequest', () => parseNodeWebhookRequest({} as never, null as never)],
    ] as const) {
      const error = await run().then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(error).toBeInstanceOf(TypeError);
      expect(error?.message).toMatch(new RegExp(`^\\[cloud-elements\\] ${name} takes `));
      expect(error?.message).toMatch(/\{ key \}/);
    }
    expect(() => createWebhookVerifier('the-key' as never)).toThrow(
      /^\[cloud-elements\] createWebhookVerifier takes/,
    );
  });

  test('a signature without its sha256= prefix is said to lack it', async () => {
    const message = await expectReason(
      verifyWebhookSignature(docBody, docSignature.slice('sha256='.length), docKey),
      'malformed_signature',
    );
    expect(message).toMatch(/got 44 characters that lack the sha256= prefix\./);
  });

  test('messages name a type with the right article', async () => {
    expect(() => createWebhookVerifier({ key: [key, undefined as never] })).toThrow(
      /Webhook signature key 2 is undefined, not/,
    );
    expect(() => createWebhookVerifier({ key: [{} as never] })).toThrow(
      /Webhook signature key 1 is an object, not/,
    );
    expect(() => createWebhookVerifier({ key, maxBodyBytes: {} as never })).toThrow(/got an object\.$/);
    expect(() => createReplayGuard({ ttlMs: {} as never })).toThrow(/got an object\.$/);
    const message = await expectReason(
      verifyWebhookSignature(undefined as never, docSignature, docKey),
      'body_not_raw',
    );
    expect(message).toMatch(/^\[cloud-elements\] The webhook body is undefined, not/);
  });
});

describe("the Node adapter's read time limit (readTimeoutMs)", () => {
  afterEach(async () => {
    vi.useRealTimers();
    vi.restoreAllMocks();
    await closeWebhookRoutes();
  });

  /** The listeners a read may add to the request. */
  const listenerCounts = (req: IncomingMessage) =>
    ['readable', 'data', 'end', 'error', 'close'].map((name) => req.listenerCount(name));

  /** A raw socket client of `port` that collects the answer as text and tells when the connection closes. */
  function rawClient(port: number) {
    const socket = connect(port, '127.0.0.1');
    socket.on('error', () => undefined);
    let text = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    return { socket, answer: () => text, closed };
  }

  /** A request stream with headers that stays open after `sent`, as a stalled client leaves it. */
  function stalledRequest(sent: string, headers: Record<string, string> = {}): IncomingMessage {
    const req = new Readable({ read() {} }) as unknown as IncomingMessage & { headers: unknown };
    req.headers = headers;
    (req as unknown as Readable).push(sent);
    return req;
  }

  /** A request stream whose whole body, `{}`, is there: a read that is not refused ends at once. */
  const wholeRequest = () => Readable.from([Buffer.from('{}')]) as unknown as IncomingMessage;

  test(
    'a client that sends part of the body, then nothing, is answered: body_incomplete after readTimeoutMs, ' +
      'and the 408 reaches the client',
    async () => {
      let settle!: (value: { error: unknown; elapsed: number; before: number[]; after: number[] }) => void;
      const settled = new Promise<Parameters<typeof settle>[0]>((resolve) => (settle = resolve));
      let destroyed: boolean | undefined;
      const port = await listenRaw(async (req, res) => {
        const before = listenerCounts(req);
        const started = performance.now();
        const error = await readNodeRequestBody(req, { readTimeoutMs: 200 }).then(
          () => undefined,
          (e: unknown) => e,
        );
        destroyed = req.destroyed;
        settle({ error, elapsed: performance.now() - started, before, after: listenerCounts(req) });
        res.writeHead(408, { connection: 'close' }).end('read timed out');
      });
      const { socket, answer, closed } = rawClient(port);
      // Content-Length 100, 10 bytes sent, then nothing: the socket stays open.
      socket.write(`POST /hook HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n${'x'.repeat(10)}`);

      const { error, elapsed, before, after } = await settled;
      expect(error).toBeInstanceOf(WebhookVerificationError);
      expect((error as WebhookVerificationError).reason).toBe('body_incomplete');
      expect((error as Error).message).toMatch(
        /^\[cloud-elements\] No whole webhook body arrived within readTimeoutMs \(200 ms\)/,
      );
      expect((error as Error).message).toMatch(
        /Answer 408 \(or 400\).*Cloud Elements sends the webhook again/,
      );
      expect(elapsed).toBeGreaterThanOrEqual(190);
      expect(elapsed).toBeLessThan(2_000);
      // The read left none of its listeners behind and did not destroy the request, whose socket carries the
      // answer: what is left is the drop of the rest of the body ('data' and 'end', until it ends).
      expect(before).toEqual([0, 0, 0, 0, 0]);
      expect(after).toEqual([0, 1, 1, 0, 0]);
      expect(destroyed).toBe(false);
      await closed;
      expect(answer()).toMatch(/^HTTP\/1\.1 408 /);
      expect(answer()).toContain('read timed out');
    },
    5_000,
  );

  test('a chunked body over maxBodyBytes is refused without destroying the request: the 413 reaches the client, and the answer closes the connection', async () => {
    let settle!: (value: { error: unknown; destroyed: boolean }) => void;
    const settled = new Promise<Parameters<typeof settle>[0]>((resolve) => (settle = resolve));
    const port = await listenRaw(async (req, res) => {
      const error = await readNodeRequestBody(req, { maxBodyBytes: 16 }).then(
        () => undefined,
        (e: unknown) => e,
      );
      settle({ error, destroyed: req.destroyed });
      res.writeHead(413, { connection: 'close' }).end('too large');
    });
    const { socket, answer, closed } = rawClient(port);
    // No Content-Length to refuse it by: chunks of 10 bytes that keep coming until the server closes.
    socket.write('POST /hook HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n');
    const sending = setInterval(() => socket.write(`a\r\n${'x'.repeat(10)}\r\n`), 5);
    closed.finally(() => clearInterval(sending));

    const { error, destroyed } = await settled;
    expect((error as WebhookVerificationError).reason).toBe('body_too_large');
    expect((error as Error).message).toMatch(/answer 413/);
    expect(destroyed).toBe(false);
    await closed;
    expect(answer()).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer()).toContain('too large');
  }, 5_000);

  test('a body a little over maxBodyBytes, sent whole before the client reads, still gets the 413 answered a moment later', async () => {
    const maxBodyBytes = 2 * 1_048_576;
    const port = await listenRaw(async (req, res) => {
      await readNodeRequestBody(req, { maxBodyBytes }).catch(() => undefined);
      // An app that answers a little later, without Connection: close.
      setTimeout(() => res.writeHead(413).end('too large'), 50);
    });
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    let failure: unknown;
    socket.on('error', (error) => (failure = error));
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    const size = maxBodyBytes + 1024;
    socket.write(`POST /hook HTTP/1.1\r\nHost: x\r\nContent-Length: ${size}\r\n\r\n`);
    socket.write(Buffer.alloc(size, 120), () => {
      // Only now does this client read.
      socket.setEncoding('utf8').on('data', (text: string) => {
        answer += text;
        if (answer.includes('too large')) socket.end();
      });
    });
    await closed;
    expect(failure).toBeUndefined();
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
  }, 10_000);

  test('a refused body that keeps coming is read no further than maxBodyBytes and 1 MiB more when the answer leaves the connection open', async () => {
    let dropped = 0;
    const port = await listenRaw(async (req, res) => {
      await readNodeRequestBody(req, { maxBodyBytes: 16 }).catch(() => undefined);
      req.on('data', (chunk: Buffer) => (dropped += chunk.length));
      // No Connection: close, as an app may answer.
      res.writeHead(413).end('too large');
    });
    const { socket, answer, closed } = rawClient(port);
    socket.write('POST /hook HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n');
    const chunk = `10000\r\n${'x'.repeat(0x10000)}\r\n`;
    const sending = setInterval(() => socket.write(chunk), 1);
    await closed;
    clearInterval(sending);
    expect(answer()).toMatch(/^HTTP\/1\.1 413 /);
    // The limit, plus what arrived with the chunk that passed it.
    expect(dropped).toBeGreaterThan(1_048_576 - 0x10000);
    expect(dropped).toBeLessThan(1_048_576 + 4 * 0x10000);
  }, 10_000);

  test("a body that arrives whole in time is read with the limit on, and the limit's timer is unref'd and cleared", async () => {
    const timers: { timer: NodeJS.Timeout; ms: number | undefined }[] = [];
    // Node's timers (hasRef), whatever the DOM typings say setTimeout returns.
    const realSetTimeout = globalThis.setTimeout as unknown as (
      callback: () => void,
      ms?: number,
      ...rest: unknown[]
    ) => NodeJS.Timeout;
    vi.spyOn(globalThis, 'setTimeout').mockImplementation(((
      callback: () => void,
      ms?: number,
      ...rest: unknown[]
    ) => {
      const timer = realSetTimeout(callback, ms, ...rest);
      timers.push({ timer, ms });
      return timer;
    }) as typeof setTimeout);
    const cleared = vi.spyOn(globalThis, 'clearTimeout');
    let read: { body: string; before: number[]; after: number[] } | undefined;
    const port = await listenRaw(async (req, res) => {
      const before = listenerCounts(req);
      const body = await readNodeRequestBody(req, { readTimeoutMs: 60_000 });
      read = { body: Buffer.from(body).toString(), before, after: listenerCounts(req) };
      res.writeHead(200).end();
    });
    // Sent in two parts, some time apart: still one body, read whole.
    const socket = connect(port, '127.0.0.1');
    socket.on('error', () => undefined);
    const answered = new Promise<string>((resolve) =>
      socket.setEncoding('utf8').once('data', (text: string) => resolve(text)),
    );
    socket.write('POST /hook HTTP/1.1\r\nHost: x\r\nContent-Length: 20\r\n\r\n0123456789');
    await new Promise<void>((resolve) => realSetTimeout(resolve, 50));
    socket.write('abcdefghij');
    expect(await answered).toMatch(/^HTTP\/1\.1 200 /);
    socket.destroy();

    expect(read?.body).toBe('0123456789abcdefghij');
    expect(read?.after).toEqual(read?.before);
    const limit = timers.filter(({ ms }) => ms === 60_000);
    expect(limit).toHaveLength(1);
    const { timer } = limit[0]!;
    expect(timer.hasRef()).toBe(false);
    expect(cleared).toHaveBeenCalledWith(timer);
  }, 5_000);

  test('parseNodeWebhookRequest reads with the default limit of 30 s, and readNodeRequestBody too', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const signed = await createSignedWebhook(notification, key);
    const headers = Object.fromEntries(
      Object.entries(signed.headers).map(([name, value]) => [name.toLowerCase(), value]),
    );
    for (const read of [
      (req: IncomingMessage) => parseNodeWebhookRequest(req, { key }),
      (req: IncomingMessage) => readNodeRequestBody(req),
    ]) {
      const req = stalledRequest(signed.body.slice(0, 10), headers);
      let outcome: unknown = 'pending';
      read(req).then(
        () => (outcome = 'resolved'),
        (error: unknown) => (outcome = error),
      );
      await vi.advanceTimersByTimeAsync(29_999);
      expect(outcome).toBe('pending');
      await vi.advanceTimersByTimeAsync(1);
      expect(outcome).toBeInstanceOf(WebhookVerificationError);
      expect((outcome as WebhookVerificationError).reason).toBe('body_incomplete');
      expect((outcome as Error).message).toMatch(/within readTimeoutMs \(30000 ms\)/);
      // The rest of the body is dropped as it comes ('data' and 'end'), and nothing is left once it ends.
      expect(listenerCounts(req)).toEqual([0, 1, 1, 0, 0]);
      expect(req.destroyed).toBe(false);
      req.push(null);
      await vi.advanceTimersByTimeAsync(1);
      expect(listenerCounts(req)).toEqual([0, 0, 0, 0, 0]);
    }
  });

  test('a readTimeoutMs that is not a positive number of milliseconds (or Infinity, which turns the limit off) is a TypeError that says what to pass', async () => {
    for (const [value, shown] of [
      [-1, '-1'],
      [0, '0'],
      [Number.NaN, 'NaN'],
      ['30000', 'a string'],
      [{}, 'an object'],
    ] as const) {
      const error = await readNodeRequestBody(wholeRequest(), { readTimeoutMs: value as never }).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(error, String(value)).toBeInstanceOf(TypeError);
      expect(error?.message).toBe(
        `[cloud-elements] readTimeoutMs must be a positive number of milliseconds (or Infinity), got ${shown}.`,
      );
    }
    // Beyond 2^31 - 1 ms a timer fires at once: refused, not taken for no limit.
    await expect(readNodeRequestBody(wholeRequest(), { readTimeoutMs: 2 ** 31 })).rejects.toThrow(
      /readTimeoutMs must be at most 2147483647 ms .*use Infinity for no limit/,
    );
    // Infinity turns the limit off: no timer.
    const timer = vi.spyOn(globalThis, 'setTimeout');
    const body = await readNodeRequestBody(wholeRequest(), { readTimeoutMs: Infinity });
    expect(Buffer.from(body).toString()).toBe('{}');
    expect(timer).not.toHaveBeenCalled();
    // The message about options that are no object names the option.
    await expect(readNodeRequestBody(wholeRequest(), 'fast' as never)).rejects.toThrow(
      /readNodeRequestBody takes options such as \{ maxBodyBytes, readTimeoutMs \}, or nothing/,
    );
  });
});
