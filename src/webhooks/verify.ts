/**
 * Verifying and parsing what Cloud Elements POSTs to your callback URL (`Elements-Webhook-Signature`: `sha256=` +
 * Base64 HMAC-SHA256 of the raw body), with Web Crypto so it runs on Node, Deno, Bun and workers. Signing for
 * tests: sign.ts; replay guard: replay-guard.ts; web request adapter: request.ts (Node's: ../node/webhooks.ts).
 */
import { constantTimeEqual, snippet } from '../core/index.js';
import { WebhookVerificationError } from './errors.js';
import { createSigner } from './hmac.js';
import { keyList, rawBodyHint, toBytes } from './inputs.js';
import type {
  AsyncEventNotification,
  EventNotification,
  ReplayGuard,
  VerifiedWebhook,
  WebhookBody,
  WebhookHeaders,
  WebhookKey,
  WebhookNotification,
  WebhookVerification,
  WebhookVerifier,
  WebhookVerifierOptions,
} from './types.js';

/** Name of the signature header Cloud Elements sends when the instance has `event.notification.signature.key`. */
export const WEBHOOK_SIGNATURE_HEADER = 'Elements-Webhook-Signature';
/** Name of the header that identifies one delivery. */
export const WEBHOOK_ID_HEADER = 'Elements-Webhook-Id';

const prefix = '[cloud-elements]';

function readHeader(headers: WebhookHeaders, name: string): string | readonly string[] | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  // Own fields only (Object.entries): a `__proto__` or `constructor` header name is data like any other.
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === lower && value !== undefined) return value;
  }
  return undefined;
}

/** Decodes `sha256=<base64>` into the 32 signature bytes, or explains what is wrong with it. */
function parseSignature(signature: string | readonly string[] | null | undefined): Uint8Array {
  if (signature === undefined || signature === null || signature === '') {
    throw new WebhookVerificationError(
      'missing_signature',
      `${prefix} The request has no ${WEBHOOK_SIGNATURE_HEADER} header. Set event.notification.signature.key on the ` +
        'instance so that Cloud Elements signs its notifications, and make sure no proxy strips the header.',
    );
  }
  if (Array.isArray(signature)) {
    throw new WebhookVerificationError(
      'malformed_signature',
      `${prefix} The request has ${signature.length} ${WEBHOOK_SIGNATURE_HEADER} headers; Cloud Elements sends exactly one.`,
    );
  }
  if (typeof signature !== 'string') {
    throw new WebhookVerificationError(
      'malformed_signature',
      `${prefix} The ${WEBHOOK_SIGNATURE_HEADER} value is a ${typeof signature}, not text; pass the header as received.`,
    );
  }
  const value = signature.trim();
  const separator = value.indexOf('=');
  const scheme = separator === -1 ? '' : value.slice(0, separator).toLowerCase();
  if (scheme !== 'sha256') {
    if (/^(sha1|sha512|md5|sha384)$/.test(scheme)) {
      throw new WebhookVerificationError(
        'unsupported_algorithm',
        `${prefix} ${WEBHOOK_SIGNATURE_HEADER} uses ${scheme}; only sha256 is supported (Cloud Elements dropped sha1 in 2016).`,
      );
    }
    throw new WebhookVerificationError(
      'malformed_signature',
      `${prefix} ${WEBHOOK_SIGNATURE_HEADER} must look like sha256=<Base64>, got a value of ${value.length} characters ` +
        'that does not start with sha256=.',
    );
  }
  const encoded = value.slice(separator + 1);
  // 32 bytes of HMAC-SHA256 are always 43 Base64 characters plus one `=`.
  if (!/^[A-Za-z0-9+/]{43}=$/.test(encoded)) {
    throw new WebhookVerificationError(
      'malformed_signature',
      `${prefix} ${WEBHOOK_SIGNATURE_HEADER} must be sha256= followed by the 44-character Base64 of a SHA-256 HMAC; ` +
        `got ${encoded.length} characters after sha256=.`,
    );
  }
  const binary = atob(encoded);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function defaultEventId(
  payload: Record<string, unknown>,
  headers: WebhookHeaders,
): string | number | undefined {
  const header = readHeader(headers, WEBHOOK_ID_HEADER);
  if (typeof header === 'string' && header !== '') return header;
  for (const key of ['id', 'notificationId', 'eventId']) {
    const value = payload[key];
    if (typeof value === 'string' || typeof value === 'number') return value;
  }
  const message = payload['message'];
  if (message !== null && typeof message === 'object') {
    const value = (message as Record<string, unknown>)['eventId'];
    if (typeof value === 'string' || typeof value === 'number') return value;
  }
  return undefined;
}

function parseJson(bytes: Uint8Array): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw new WebhookVerificationError(
      'malformed_payload',
      `${prefix} The webhook signature is valid but the body is not JSON (${snippet(String((error as Error).message))}).`,
      { cause: error },
    );
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new WebhookVerificationError(
      'malformed_payload',
      `${prefix} The webhook signature is valid but the body is ${Array.isArray(value) ? 'an array' : value === null ? 'null' : `a JSON ${typeof value}`}, not a JSON object.`,
    );
  }
  return value as Record<string, unknown>;
}

/**
 * Creates a {@link WebhookVerifier} for one or more keys (key rotation).
 *
 * @throws {TypeError} when no key, or an empty key, is given.
 * @example
 * const verifier = createWebhookVerifier({ key: [process.env.CE_SIGNATURE_KEY, process.env.CE_OLD_SIGNATURE_KEY] });
 * const { payload } = await verifier.parse(rawBody, req.headers);
 */
export function createWebhookVerifier(options: WebhookVerifierOptions): WebhookVerifier {
  if (options === null || typeof options !== 'object') {
    throw new TypeError(
      `${prefix} createWebhookVerifier needs options such as { key: 'your signature key' }.`,
    );
  }
  const keys = keyList(options.key);
  const maxBodyBytes = options.maxBodyBytes ?? 10_485_760;
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes < 1) {
    throw new TypeError(
      `${prefix} maxBodyBytes must be a whole number of bytes >= 1, got ${snippet(maxBodyBytes)}.`,
    );
  }
  const { replayGuard } = options;
  if (
    replayGuard !== undefined &&
    (replayGuard === null ||
      typeof replayGuard !== 'object' ||
      typeof replayGuard.claim !== 'function' ||
      typeof replayGuard.release !== 'function')
  ) {
    throw new TypeError(
      `${prefix} replayGuard must have claim(id) and release(id) methods; use createReplayGuard() or your own store.`,
    );
  }
  if (options.getEventId !== undefined && typeof options.getEventId !== 'function') {
    throw new TypeError(
      `${prefix} getEventId must be a function (payload, headers) => id; leave it out for the default.`,
    );
  }
  const getEventId = options.getEventId ?? defaultEventId;
  // Each key prepared once, here; Web Crypto imports it at first use, so a verifier can be made at module load.
  const signers = keys.map(createSigner);

  const verify: WebhookVerifier['verify'] = async (body, signature) => {
    const bytes = toBytes(body);
    const expected = parseSignature(signature);
    let keyIndex = -1;
    // Every key is tried, so which key matched does not change the time taken.
    for (let index = 0; index < signers.length; index++) {
      const signed = signers[index]!(bytes);
      const actual = signed instanceof Uint8Array ? signed : await signed;
      if (constantTimeEqual(actual, expected) && keyIndex === -1) keyIndex = index;
    }
    if (keyIndex === -1) {
      throw new WebhookVerificationError(
        'signature_mismatch',
        `${prefix} The ${WEBHOOK_SIGNATURE_HEADER} does not match the body under ${keys.length === 1 ? 'the signature key' : `any of the ${keys.length} signature keys`}. ` +
          `${rawBodyHint} Also check that the key is the instance's event.notification.signature.key` +
          (keys.some((key) => typeof key === 'string' && key.trim() !== key)
            ? '; note that a key has leading or trailing whitespace.'
            : '.'),
      );
    }
    return { keyIndex };
  };

  const parse = async <T>(body: WebhookBody, headers: WebhookHeaders): Promise<VerifiedWebhook<T>> => {
    if (headers === null || typeof headers !== 'object') {
      throw new TypeError(
        `${prefix} Pass the request headers (a Headers object or req.headers) to parse a webhook.`,
      );
    }
    const { keyIndex } = await verify(body, readHeader(headers, WEBHOOK_SIGNATURE_HEADER));
    const payload = parseJson(toBytes(body));
    const rawId = getEventId(payload, headers);
    const eventId = rawId === undefined || rawId === '' ? undefined : String(rawId);
    if (replayGuard) {
      if (eventId === undefined) {
        throw new WebhookVerificationError(
          'missing_event_id',
          `${prefix} A replay guard is set but the webhook has no ${WEBHOOK_ID_HEADER} header and no id in its body. ` +
            'Pass getEventId to say which field identifies a delivery.',
        );
      }
      // Seen before: a redelivery or a replay, to acknowledge (2xx) without handling it again.
      const duplicate = !(await replayGuard.claim(eventId));
      return { payload: payload as T, eventId, keyIndex, duplicate };
    }
    return { payload: payload as T, eventId, keyIndex, duplicate: false };
  };

  const handle: WebhookVerifier['handle'] = async <T>(
    body: WebhookBody,
    headers: WebhookHeaders,
    handler: (webhook: VerifiedWebhook<T>) => unknown,
  ): Promise<VerifiedWebhook<T>> => {
    // Checked before anything is claimed, so a missing handler cannot swallow a delivery.
    if (typeof handler !== 'function') {
      throw new TypeError(
        `${prefix} handle needs your handler as its third argument, e.g. async ({ payload }) => save(payload).`,
      );
    }
    const webhook = await parse<T>(body, headers);
    if (webhook.duplicate) return webhook;
    try {
      await handler(webhook);
    } catch (error) {
      if (replayGuard !== undefined && webhook.eventId !== undefined) {
        try {
          await replayGuard.release(webhook.eventId);
        } catch (releaseError) {
          throw new AggregateError(
            [error, releaseError],
            `${prefix} The webhook handler failed, and releasing delivery id ${snippet(webhook.eventId)} failed ` +
              'too, so a redelivery will be taken for a duplicate. Check the replay guard store.',
          );
        }
      }
      throw error;
    }
    return webhook;
  };

  const verifier: WebhookVerifier = { verify, parse, handle, maxBodyBytes };
  Object.defineProperties(verifier, {
    toJSON: { value: () => '[WebhookVerifier]' },
    toString: { value: () => '[WebhookVerifier]' },
    [Symbol.for('nodejs.util.inspect.custom')]: { value: () => '[WebhookVerifier]' },
  });
  return verifier;
}

/**
 * Checks `Elements-Webhook-Signature` against the raw body under one key or several (key rotation). The HMAC is
 * computed with Web Crypto and compared in constant time.
 *
 * @throws {WebhookVerificationError} `missing_signature`, `malformed_signature`, `unsupported_algorithm`,
 *   `signature_mismatch` or `body_not_raw`.
 * @throws {TypeError} when no key is given.
 * @example
 * await verifyWebhookSignature(rawBody, request.headers.get('Elements-Webhook-Signature'), signatureKey);
 */
export async function verifyWebhookSignature(
  body: WebhookBody,
  signature: string | readonly string[] | null | undefined,
  key: WebhookKey | readonly WebhookKey[],
): Promise<WebhookVerification> {
  // The verifier of the last string key is kept, so a loop of one-shot calls prepares the key once.
  if (typeof key !== 'string') return createWebhookVerifier({ key }).verify(body, signature);
  if (lastOneShot?.key !== key) lastOneShot = { key, verifier: createWebhookVerifier({ key }) };
  return lastOneShot.verifier.verify(body, signature);
}
let lastOneShot: { key: string; verifier: WebhookVerifier } | undefined;

/**
 * Verifies a webhook's signature, then parses its JSON body and, with a `replayGuard`, claims its delivery id:
 * a delivery seen before resolves with `duplicate: true` (answer 2xx, do not handle it again). Use the verifier
 * returned by {@link createWebhookVerifier} to avoid importing the keys on every call, and its `handle` to have
 * the id released when your handling fails.
 *
 * @throws {WebhookVerificationError} with a `reason` code when anything is wrong.
 * @example
 * const { payload } = await parseWebhookEvent(rawBody, req.headers, { key: process.env.CE_SIGNATURE_KEY! });
 * if (isEventNotification(payload)) for (const event of payload.message.events) console.log(event.eventType);
 */
export async function parseWebhookEvent<T = WebhookNotification>(
  body: WebhookBody,
  headers: WebhookHeaders,
  options: WebhookVerifierOptions,
): Promise<VerifiedWebhook<T>> {
  return createWebhookVerifier(options).parse<T>(body, headers);
}

/** Whether a notification is in the `message` form (polling and provider webhooks). */
export function isEventNotification(payload: WebhookNotification): payload is EventNotification {
  if (payload === null || typeof payload !== 'object') return false;
  return 'message' in payload && payload.message !== null && typeof payload.message === 'object';
}

/** Whether a notification is in the `response` form (asynchronous request results, documents events). */
export function isAsyncEventNotification(payload: WebhookNotification): payload is AsyncEventNotification {
  if (payload === null || typeof payload !== 'object') return false;
  return !('message' in payload) && 'response' in payload;
}
