/**
 * Verifying and parsing what Cloud Elements POSTs to your callback URL (`Elements-Webhook-Signature`: `sha256=` +
 * Base64 HMAC-SHA256 of the raw body), with Web Crypto so it runs on Node, Deno, Bun and workers. Signing for
 * tests: sign.ts; replay guard: replay-guard.ts; web request adapter: request.ts (Node's: ../node/webhooks.ts).
 */
import { describeValue, fail } from '../core/checks.js';
import { constantTimeEqual } from '../core/constant-time.js';
import { rejectWebhook } from './errors.js';
import { createSigner } from './hmac.js';
import { checkCount, checkOptions, handlerHint, keyList, rawBodyHint, toBytes } from './inputs.js';
import type {
  AsyncEventNotification,
  BulkJobCallback,
  EventNotification,
  ReplayGuard,
  VerifiedWebhook,
  WebhookBody,
  WebhookHeaders,
  WebhookKey,
  WebhookPayload,
  WebhookVerification,
  WebhookVerifier,
  WebhookVerifierOptions,
} from './types.js';

/** Name of the signature header Cloud Elements sends when the instance has `event.notification.signature.key`. */
export const WEBHOOK_SIGNATURE_HEADER = 'Elements-Webhook-Signature';
/** Name of the header that identifies one delivery. */
export const WEBHOOK_ID_HEADER = 'Elements-Webhook-Id';

function readHeader(headers: WebhookHeaders, name: string): string | readonly string[] | undefined {
  // Any Headers-like object (undici's, a polyfill's, another realm's), not only this realm's `Headers`.
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  // Own fields only (Object.entries): a `__proto__` or `constructor` header name is data like any other.
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === lower && value !== undefined) return value;
  }
  return undefined;
}

/**
 * The Base64 HMAC of a `sha256=<Base64>` signature, or an error that explains what is wrong with it. It is
 * compared as text with the Base64 of the computed HMAC: 32 bytes have one standard Base64 spelling (43
 * characters and `=`), the one Cloud Elements and signWebhookPayload write.
 */
function parseSignature(signature: string | readonly string[] | null | undefined): string {
  if (signature === undefined || signature === null || signature === '') {
    rejectWebhook(
      'missing_signature',
      `The request has no ${WEBHOOK_SIGNATURE_HEADER} header: set event.notification.signature.key on the ` +
        'instance so that Cloud Elements signs its notifications.',
    );
  }
  if (typeof signature !== 'string') {
    rejectWebhook(
      'malformed_signature',
      `Pass the ${WEBHOOK_SIGNATURE_HEADER} header as received, one text value; got ` +
        `${Array.isArray(signature) ? `${signature.length} values` : describeValue(signature)}.`,
    );
  }
  const value = signature.trim();
  // 32 bytes of HMAC-SHA256 are always 43 Base64 characters plus one `=`.
  const encoded = /^sha256=([A-Za-z0-9+/]{43}=)$/i.exec(value)?.[1];
  if (encoded === undefined) {
    const otherScheme = /^(sha1|sha384|sha512|md5)=/i.exec(value)?.[1];
    if (otherScheme !== undefined) {
      rejectWebhook(
        'unsupported_algorithm',
        `${WEBHOOK_SIGNATURE_HEADER} uses ${otherScheme.toLowerCase()}; only sha256 is supported.`,
      );
    }
    rejectWebhook(
      'malformed_signature',
      `${WEBHOOK_SIGNATURE_HEADER} must be sha256= and 44 Base64 characters, got ${value.length} characters` +
        (/^sha256=/i.test(value) ? '.' : ' that lack the sha256= prefix.'),
    );
  }
  return encoded;
}

function parseJson(bytes: Uint8Array): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    // The parser's own message quotes the body: it stays in `cause`.
    rejectWebhook('malformed_payload', 'The signature is valid but the body is not JSON.', error);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    rejectWebhook(
      'malformed_payload',
      `The signature is valid but the body is ${Array.isArray(value) ? 'an array' : `a JSON ${value === null ? 'null' : typeof value}`}, not a JSON object.`,
    );
  }
  return value as Record<string, unknown>;
}

/**
 * Creates a {@link WebhookVerifier} for one or more keys (key rotation).
 *
 * @throws {TypeError} when no key, or an empty key, is given.
 * @example
 * const verifier = createWebhookVerifier({ key: [process.env.CE_SIGNATURE_KEY!, process.env.CE_OLD_SIGNATURE_KEY!] });
 * const { payload } = await verifier.parse(rawBody, req.headers);
 */
export function createWebhookVerifier(options: WebhookVerifierOptions): WebhookVerifier {
  checkOptions('createWebhookVerifier', options, '{ key }');
  const keys = keyList(options.key);
  const maxBodyBytes = options.maxBodyBytes ?? 10_485_760;
  checkCount('maxBodyBytes', maxBodyBytes);
  const { replayGuard } = options;
  // complete without isInProgress, or the reverse, would leave every id in progress (409 to each redelivery).
  if (
    replayGuard !== undefined &&
    (typeof replayGuard?.claim !== 'function' ||
      typeof replayGuard.release !== 'function' ||
      typeof replayGuard.complete !== typeof replayGuard.isInProgress ||
      !['undefined', 'function'].includes(typeof replayGuard.complete))
  ) {
    fail(
      'replayGuard must have claim(id) and release(id) methods, and both complete(id) and isInProgress(id) or ' +
        'neither, as createReplayGuard() gives.',
    );
  }
  if (options.getEventId !== undefined && typeof options.getEventId !== 'function') {
    fail('getEventId must be a function (payload, headers) => id, or left out.');
  }
  const { getEventId } = options;
  // Each key prepared once, here; Web Crypto imports it at first use, so a verifier can be made at module load.
  const signers = keys.map(createSigner);

  /** Verifies; also gives the signature's Base64, the default replay-guard id, so that it is parsed once. */
  const check = async (
    body: WebhookBody,
    signature: Parameters<WebhookVerifier['verify']>[1],
  ): Promise<{ keyIndex: number; expected: string }> => {
    const bytes = toBytes(body);
    const expected = parseSignature(signature);
    let keyIndex = -1;
    // Every key is tried, so which key matched does not change the time taken.
    for (let index = 0; index < signers.length; index++) {
      const signed = signers[index]!(bytes);
      const actual = typeof signed === 'string' ? signed : await signed;
      if (constantTimeEqual(actual, expected) && keyIndex === -1) keyIndex = index;
    }
    if (keyIndex === -1) {
      rejectWebhook(
        'signature_mismatch',
        `The ${WEBHOOK_SIGNATURE_HEADER} does not match the body under ${keys.length === 1 ? 'the signature key' : 'any of the signature keys'}. ` +
          `${rawBodyHint} Is the key the instance's event.notification.signature.key` +
          (keys.some((key) => typeof key === 'string' && key.trim() !== key)
            ? '? A key has leading or trailing whitespace.'
            : '?'),
      );
    }
    return { keyIndex, expected };
  };
  const verify: WebhookVerifier['verify'] = async (body, signature) => {
    // The headers where their signature's value goes is a programming error: reported as a verification failure,
    // it would be answered with 401 and refuse every genuine delivery. An array is a header's repeated values.
    if (signature !== null && typeof signature === 'object' && !Array.isArray(signature)) {
      fail(
        `verify takes the ${WEBHOOK_SIGNATURE_HEADER} header's value, not the headers: pass ` +
          "headers['elements-webhook-signature'], or use verifier.parse(body, headers).",
      );
    }
    return { keyIndex: (await check(body, signature)).keyIndex };
  };

  // `handling` (handle's own call; not in the public type): the id is completed after the handler, not at once.
  const parse = async <T>(
    body: WebhookBody,
    headers: WebhookHeaders,
    handling?: boolean,
  ): Promise<VerifiedWebhook<T>> => {
    if (headers === null || typeof headers !== 'object') {
      fail('parse needs the request headers (Headers or req.headers).');
    }
    const { keyIndex, expected } = await check(body, readHeader(headers, WEBHOOK_SIGNATURE_HEADER));
    const payload = parseJson(toBytes(body)) as T;
    // By default the id is the signature: the same signed body always has the same one, and only the key's holder
    // can make another. Not the `Elements-Webhook-Id` header, which nothing signs (a replay with a new value there
    // would pass for a new delivery), nor a body id (a batch split into several notifications may repeat one).
    const rawId = getEventId
      ? await getEventId(payload as Record<string, unknown>, headers)
      : `sha256=${expected}`;
    // Anything but text or a finite number would become the same "[object Promise]" or "[object Object]" for
    // every delivery, all but the first then dropped as duplicates. The type only: the value comes from the request.
    if (rawId !== undefined && typeof rawId !== 'string' && !Number.isFinite(rawId)) {
      fail(`getEventId must return a string or number (or a promise of one), got ${describeValue(rawId)}.`);
    }
    const eventId = rawId === undefined || rawId === '' ? undefined : String(rawId);
    let duplicate = false;
    if (replayGuard) {
      if (eventId === undefined) {
        rejectWebhook(
          'missing_event_id',
          'A replay guard is set but getEventId found no id in this webhook; return one for every delivery ' +
            '(a field the signature covers), or leave getEventId out.',
        );
      }
      // Seen before: a redelivery or a replay, to acknowledge (2xx) without handling it again…
      duplicate = !(await replayGuard.claim(eventId));
      // …unless the first delivery's handler still runs, and may fail: acknowledged now, this redelivery would be
      // lost if it did. Thrown rather than flagged on the result, so that apps that answer 2xx to whatever resolves
      // still answer it with a status Cloud Elements retries (any but 2xx); 409, not 503: the request conflicts
      // with one in progress, the service is not down.
      if (duplicate && replayGuard.isInProgress) {
        const inProgress = () =>
          rejectWebhook(
            'delivery_in_progress',
            'An earlier request is still handling this delivery: answer 409, and Cloud Elements sends it again later.',
          );
        if (await replayGuard.isInProgress(eventId)) inProgress();
        // Released between the two calls (that handler failed): this redelivery is the one to handle.
        duplicate = !(await replayGuard.claim(eventId));
        // Claimed meanwhile by another delivery of the id, whose handler may yet fail: not a duplicate yet either.
        if (duplicate && (await replayGuard.isInProgress(eventId))) inProgress();
      }
      // As `handle` does: a store that fails to complete must not leave the id in progress, refused for good.
      if (!duplicate && !handling) await completeOrRelease(replayGuard, eventId);
    }
    return { payload, eventId, keyIndex, duplicate };
  };

  const handle: WebhookVerifier['handle'] = async <T>(
    body: WebhookBody,
    headers: WebhookHeaders,
    handler: (webhook: VerifiedWebhook<T>) => unknown,
  ): Promise<VerifiedWebhook<T>> => {
    // Checked before anything is claimed, so a missing handler cannot swallow a delivery.
    if (typeof handler !== 'function') fail(handlerHint);
    const webhook = await parse<T>(body, headers, true);
    if (webhook.duplicate) return webhook;
    try {
      await handler(webhook);
    } catch (error) {
      if (replayGuard !== undefined && webhook.eventId !== undefined) {
        await release(replayGuard, webhook.eventId, error, 'The webhook handler failed');
      }
      throw error;
    }
    if (webhook.eventId !== undefined && replayGuard) await completeOrRelease(replayGuard, webhook.eventId);
    return webhook;
  };

  const verifier: WebhookVerifier = { verify, parse, handle, maxBodyBytes };
  // The keys live in closures only; these say so in logs and JSON.
  const hidden = { value: () => '[WebhookVerifier]' };
  Object.defineProperties(verifier, {
    toJSON: hidden,
    toString: hidden,
    [Symbol.for('nodejs.util.inspect.custom')]: hidden,
  });
  return verifier;
}

/**
 * Marks a handled delivery done; should the store fail to, the id is released (a redelivery is handled again, not
 * refused as in progress for good) and the store's error thrown.
 */
async function completeOrRelease(guard: ReplayGuard, id: string): Promise<void> {
  try {
    await guard.complete?.(id);
  } catch (error) {
    await release(guard, id, error, 'Completing the delivery in the replay guard failed');
    throw error;
  }
}

/** Releases a claimed id after `error`; when that fails too, both errors are thrown together. */
async function release(guard: ReplayGuard, id: string, error: unknown, what: string): Promise<void> {
  try {
    await guard.release(id);
  } catch (releaseError) {
    // Not the id: by default it is the signature, which is the server's to know.
    throw new AggregateError(
      [error, releaseError],
      `[cloud-elements] ${what}, and so did releasing its delivery id: a redelivery will not be handled. Check ` +
        'the replay guard store.',
    );
  }
}

/**
 * Checks `Elements-Webhook-Signature` against the raw body under one key or several (key rotation). The HMAC is
 * computed with Web Crypto and compared in constant time.
 *
 * @throws {WebhookVerificationError} `missing_signature`, `malformed_signature`, `unsupported_algorithm`,
 *   `signature_mismatch` or `body_not_raw`.
 * @throws {TypeError} when no key is given, or when the headers are passed instead of the signature header's value.
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
export async function parseWebhookEvent<T = WebhookPayload>(
  body: WebhookBody,
  headers: WebhookHeaders,
  options: WebhookVerifierOptions,
): Promise<VerifiedWebhook<T>> {
  // Checked here, so that the message names the function called rather than createWebhookVerifier.
  checkOptions('parseWebhookEvent', options, '{ key }');
  return createWebhookVerifier(options).parse<T>(body, headers);
}

/** Whether a notification is in the `message` form (polling and provider webhooks). */
export function isEventNotification(payload: WebhookPayload): payload is EventNotification {
  const message = (payload as { message?: unknown } | null | undefined)?.message;
  return message !== null && typeof message === 'object';
}

/** Whether a notification is in the `response` form (asynchronous request results, documents events). */
export function isAsyncEventNotification(payload: WebhookPayload): payload is AsyncEventNotification {
  if (payload === null || typeof payload !== 'object') return false;
  return !('message' in payload) && 'response' in payload;
}

/** Whether a body is a bulk job's callback: an object in neither notification form (no `message`, no `response`). */
export function isBulkJobCallback(payload: WebhookPayload): payload is BulkJobCallback {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return false;
  return !('message' in payload) && !('response' in payload);
}
