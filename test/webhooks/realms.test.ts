import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { Headers as UndiciHeaders, Request as UndiciRequest } from 'undici';
import { afterEach, describe, expect, test } from 'vitest';
import { createSignedWebhook, createWebhookVerifier, parseWebhookRequest } from '../../src/webhooks/index.js';
import { closeWebhookRoutes, startWebhookRoute } from '../helpers/webhook-route.js';

// Headers and streams that are not this realm's classes: the undici package's own, a polyfill's, another realm's
// (an iframe, a vm context). Only their methods can be relied on, not `instanceof`.
const key = 'realm-signature-key';
const notification = { message: { eventId: 'e-realm', events: [] } };

/** A polyfill-like Headers: `get` only, no iteration, not an instance of the global class. */
class PolyfillHeaders {
  readonly #values = new Map<string, string>();
  constructor(record: Record<string, string | string[] | undefined>) {
    for (const [name, value] of Object.entries(record)) {
      if (typeof value === 'string') this.#values.set(name.toLowerCase(), value);
    }
  }
  get(name: string): string | null {
    return this.#values.get(name.toLowerCase()) ?? null;
  }
}

/** A polyfill-like ReadableStream: `getReader` only, not async-iterable. */
function polyfillStream(req: IncomingMessage) {
  const iterator = req[Symbol.asyncIterator]();
  return {
    getReader: () => ({
      read: async () => {
        const { done, value } = await iterator.next();
        return done
          ? { done: true as const, value: undefined }
          : { done: false as const, value: value as Buffer };
      },
      cancel: async () => void (await iterator.return?.()),
      releaseLock: () => undefined,
    }),
  };
}

describe('webhook headers and bodies of another fetch implementation, over real HTTP', () => {
  afterEach(closeWebhookRoutes);

  const verifier = createWebhookVerifier({ key });
  const stringHeaders = (req: IncomingMessage) =>
    Object.entries(req.headers).flatMap(([name, value]) =>
      typeof value === 'string' ? [[name, value] as [string, string]] : [],
    );

  test("accepts a signed delivery read through the undici package's Request and Headers", async () => {
    const url = await startWebhookRoute((req) =>
      parseWebhookRequest(
        new UndiciRequest(`http://127.0.0.1${req.url}`, {
          method: 'POST',
          headers: new UndiciHeaders(stringHeaders(req)),
          body: Readable.toWeb(req) as never,
          duplex: 'half',
        }) as unknown as Request,
        verifier,
      ),
    );
    const signed = await createSignedWebhook(notification, key);
    const response = await fetch(url, { method: 'POST', ...signed });
    expect([response.status, await response.text()]).toEqual([200, 'handled']);
  });

  test('accepts a delivery whose headers only have get() and whose body only has getReader()', async () => {
    const url = await startWebhookRoute((req) =>
      parseWebhookRequest(
        {
          headers: new PolyfillHeaders(req.headers),
          bodyUsed: false,
          body: polyfillStream(req),
        } as unknown as Request,
        verifier,
      ),
    );
    const signed = await createSignedWebhook(notification, key);
    const ok = await fetch(url, { method: 'POST', ...signed });
    expect([ok.status, await ok.text()]).toEqual([200, 'handled']);
    // Still checked: a wrong signature read through get() is a mismatch, a missing one is missing.
    const tampered = await fetch(url, {
      method: 'POST',
      ...signed,
      body: signed.body.replace('e-realm', 'e-x'),
    });
    expect([tampered.status, await tampered.text()]).toEqual([401, 'signature_mismatch']);
    const unsigned = await fetch(url, { method: 'POST', body: signed.body });
    expect([unsigned.status, await unsigned.text()]).toEqual([401, 'missing_signature']);
  });

  test('verifier.parse reads the signature through get() of any Headers-like object', async () => {
    const signed = await createSignedWebhook(notification, key);
    const parsed = await verifier.parse(signed.body, new UndiciHeaders(signed.headers) as unknown as Headers);
    expect(parsed.keyIndex).toBe(0);
  });
});
