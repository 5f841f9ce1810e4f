// Raw body and key helpers of webhook verification (verify.ts), signing (sign.ts) and the request adapters
// (request.ts, ../node/webhooks.ts). Not public API.
import { WebhookVerificationError } from './errors.js';
import type { WebhookBody, WebhookKey } from './types.js';

const prefix = '[cloud-elements]';
/** The end of every message about a body that may not be the raw one: how to pass the raw body. */
export const rawBodyHint =
  'Are you passing the raw request body exactly as received? Verify before any JSON parsing or re-serializing ' +
  "(with Express use express.raw({ type: 'application/json' }) on the webhook route).";
/** One shared UTF-8 encoder. */
export const encoder = new TextEncoder();

// Web Crypto takes ArrayBuffer-backed views only; a view over a SharedArrayBuffer is copied.
export function ownBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}

/** The exact bytes of a webhook body, for Web Crypto; refuses an already parsed body. */
export function toBytes(body: WebhookBody): Uint8Array<ArrayBuffer> {
  if (typeof body === 'string') return encoder.encode(body);
  if (body instanceof Uint8Array) return ownBytes(body);
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  const parsed = body !== null && typeof body === 'object';
  throw new WebhookVerificationError(
    'body_not_raw',
    `${prefix} The webhook body is ${parsed ? 'an already parsed object' : `a ${typeof body}`}, not the raw bytes or text. ${rawBodyHint}`,
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
    throw new TypeError(
      `${prefix} No webhook signature key given. Pass the instance's event.notification.signature.key as \`key\` (or several during a key rotation).`,
    );
  }
  keys.forEach((item, index) => {
    const empty =
      typeof item === 'string' ? item === '' : item instanceof Uint8Array ? item.length === 0 : true;
    if (empty) {
      throw new TypeError(
        `${prefix} Webhook signature key ${index + 1} is ${typeof item === 'string' || item instanceof Uint8Array ? 'empty' : `a ${typeof item}`}; ` +
          'pass a non-empty string or Uint8Array (is the environment variable set?).',
      );
    }
  });
  return keys;
}
