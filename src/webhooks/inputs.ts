// Raw body, key and option helpers of webhook verification (verify.ts), signing (sign.ts), the replay guard and
// the request adapters (request.ts, ../node/webhooks.ts). Not public API.
import { describeValue, fail } from '../core/checks.js';
import { encoder } from '../core/streams.js';
import { rejectWebhook } from './errors.js';
import type { WebhookBody, WebhookKey } from './types.js';

/** The end of every message about a body that may not be the raw one: how to pass the raw body. */
export const rawBodyHint =
  "Pass the raw request body as received, unparsed (with Express: express.raw({ type: 'application/json' })).";
/** The message about a handler that is not a function (verifier.handle and the request adapters). */
export const handlerHint =
  'The webhook handler must be a function, e.g. async ({ payload }) => save(payload).';

/** Refuses options that are not an object; `usage` says what the function takes, e.g. `{ key }`. */
export function checkOptions(name: string, options: unknown, usage: string): asserts options is object {
  if (options === null || typeof options !== 'object') fail(`${name} takes options such as ${usage}.`);
}

/** Refuses a count option (`maxBodyBytes`, `maxEntries`) that is not a whole number >= 1. */
export function checkCount(name: string, value: unknown): void {
  if (!Number.isSafeInteger(value) || (value as number) < 1) {
    fail(`${name} must be a whole number >= 1, got ${describeValue(value)}.`);
  }
}

/**
 * Whether `value` is a Uint8Array of any realm (a vm context's, an iframe's, Node's `Buffer` seen from one), where
 * `instanceof` knows this realm's class only.
 */
export function isBytes(value: unknown): value is Uint8Array {
  return ArrayBuffer.isView(value) && Object.prototype.toString.call(value) === '[object Uint8Array]';
}

/** Whether `value` is an ArrayBuffer of any realm. */
function isArrayBuffer(value: unknown): value is ArrayBuffer {
  return Object.prototype.toString.call(value) === '[object ArrayBuffer]';
}

// Web Crypto takes ArrayBuffer-backed views only; a view over a SharedArrayBuffer (or another realm's buffer) is
// copied.
export function ownBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}

/** The exact bytes of a webhook body, for Web Crypto; refuses an already parsed body. */
export function toBytes(body: WebhookBody): Uint8Array<ArrayBuffer> {
  if (typeof body === 'string') return encoder.encode(body);
  if (isBytes(body)) return ownBytes(body);
  if (isArrayBuffer(body)) return new Uint8Array(body);
  const parsed = body !== null && typeof body === 'object';
  return rejectWebhook(
    'body_not_raw',
    `The webhook body is ${parsed ? 'a parsed object' : describeValue(body)}, not the raw bytes or text. ${rawBodyHint}`,
  );
}

/** The key list of a verifier or signer; refuses an empty list or an empty key. */
export function keyList(key: WebhookKey | readonly WebhookKey[] | undefined): WebhookKey[] {
  const keys: WebhookKey[] = Array.isArray(key)
    ? [...(key as readonly WebhookKey[])]
    : key === undefined
      ? []
      : [key as WebhookKey];
  if (keys.length === 0) {
    fail("No webhook signature key: pass the instance's event.notification.signature.key as key.");
  }
  keys.forEach((item, index) => {
    const usable = typeof item === 'string' || isBytes(item);
    if (!usable || item.length === 0) {
      // Its kind only: a key a config loader turned into a number is still the key.
      const kind =
        item === null || item === undefined
          ? String(item)
          : typeof item === 'object'
            ? Array.isArray(item)
              ? 'an array'
              : 'an object'
            : `a ${typeof item}`;
      fail(
        `Webhook signature key ${index + 1} is ${usable ? 'empty' : kind}, not a non-empty ` +
          'string or Uint8Array: is the environment variable set?',
      );
    }
  });
  return keys;
}
