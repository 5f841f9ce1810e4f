// Types shared by the webhook modules; imports no module of its own folder.
import type { components } from '../../generated/schema.js';

/** Body of an event notification: the `message` form or the `response` form (documents, asynchronous requests). */
export type WebhookNotification = components['schemas']['EventNotificationBody'];
/** An event notification in the `message` form (polling and provider webhooks). */
export type EventNotification = components['schemas']['EventNotification'];
/** A notification in the `response` form: an asynchronous request's result, or a documents event. */
export type AsyncEventNotification = components['schemas']['AsyncEventNotification'];
/** Body POSTed to a bulk job's `Elements-Async-Callback-Url` (fields undocumented). */
export type BulkJobCallback = components['schemas']['BulkJobCallback'];
/**
 * Any body Cloud Elements signs with an instance's key: an event notification in either form, or a bulk job's
 * callback. Tell them apart with `isEventNotification`, `isAsyncEventNotification` and `isBulkJobCallback`.
 */
export type WebhookPayload = WebhookNotification | BulkJobCallback;

/** The exact bytes of a request body: a string (decoded as received), a `Uint8Array` (Node `Buffer`) or an `ArrayBuffer`. */
export type WebhookBody = string | Uint8Array | ArrayBuffer;
/** A signature key (`event.notification.signature.key`): its text, or its UTF-8 bytes. */
export type WebhookKey = string | Uint8Array;
/** Headers of the incoming request: a web `Headers`, or a Node-style record (`req.headers`). */
export type WebhookHeaders = Headers | Record<string, string | readonly string[] | undefined>;

/**
 * Remembers delivery ids to recognise duplicates (a redelivery or a replay). `claim` returns `true` the first time
 * it sees an id (and records it), `false` after. Implement it over a shared store (Redis `SET NX`, a database)
 * when several processes receive webhooks.
 *
 * A guard with `complete` and `isInProgress` also tells an id in progress from one done: `claim` records the id
 * as in progress until `complete(id)`. A redelivery that comes while the first delivery is still handled is then
 * refused with reason `delivery_in_progress` (answered 409, so Cloud Elements sends it again) rather than
 * acknowledged as a duplicate of a handling that may yet fail. In a shared store, let an in-progress record
 * expire after the longest a handler may take, so that a crashed process does not hold it.
 */
export type ReplayGuard = {
  /** Records `id`; `false` when it was already recorded (in progress or done). */
  claim(id: string): boolean | Promise<boolean>;
  /** Forgets `id`, so a redelivery is accepted: call it when handling the event failed. */
  release(id: string): void | Promise<void>;
  /** Marks a claimed `id` as done: handled, or read by `parse`. Optional, with `isInProgress`. */
  complete?(id: string): void | Promise<void>;
  /** Whether `id` was claimed and not yet completed (nor released). Optional, with `complete`. */
  isInProgress?(id: string): boolean | Promise<boolean>;
};

/** Options of {@link createReplayGuard}. */
export type ReplayGuardOptions = {
  /**
   * Most ids kept; the oldest is forgotten when more arrive, so memory stays bounded.
   *
   * @default 10_000
   */
  maxEntries?: number | undefined;
  /**
   * How long an id is remembered, in milliseconds. Cloud Elements retries a failed delivery 9 times, the x-th
   * 2^(2x) seconds after the one before: the last retry comes about 97 hours after the first try, so keep it at
   * least that long if redeliveries must be caught.
   *
   * @default 360_000_000 (100 hours)
   */
  ttlMs?: number | undefined;
  /**
   * How long a claimed id counts as in progress (its handler running), in milliseconds. A redelivery that comes
   * later is handled again: a handler that hung (a database call without a time limit) would otherwise have every
   * retry refused with 409 until Cloud Elements gives up. Keep it above the longest a handler may take.
   *
   * @default 900_000 (15 minutes)
   */
  inProgressTtlMs?: number | undefined;
  /** Clock, for tests. @default Date.now */
  now?: (() => number) | undefined;
};

/** Result of a successful {@link verifyWebhookSignature}. */
export type WebhookVerification = {
  /** Position of the key that matched in the key list: during a rotation, 0 is usually the new key. */
  keyIndex: number;
};

/** Options of {@link createWebhookVerifier}, {@link parseWebhookEvent} and the request adapters. */
export type WebhookVerifierOptions = {
  /**
   * The instance's `event.notification.signature.key`. Pass an array while rotating keys: a signature made with
   * any of them is accepted.
   */
  key: WebhookKey | readonly WebhookKey[];
  /**
   * Recognises a delivery whose id was seen before: `parse` then resolves with `duplicate: true` (answer 2xx, do
   * not handle it again) and `handle` does not run its handler. A redelivery that comes while `handle` still runs
   * the first one's handler fails with reason `delivery_in_progress` (answer 409). See {@link createReplayGuard}.
   */
  replayGuard?: ReplayGuard | undefined;
  /**
   * Picks the id the replay guard remembers. The default is the signature header's value (`sha256=…`): the same
   * signed body always has the same one, so a redelivery or a replay is recognised, and no one without the key can
   * make a new one. An id of your own must come from what the signature covers (the body), not from the
   * `Elements-Webhook-Id` header: nothing signs it, and a replay with a new value there would pass for a new
   * delivery. A body id may be shared by the notifications of a batch split in several, which repeat the
   * provider's body. It may be async. It returns a string or a finite number (used as text); `undefined` or `''`
   * means no id, which a replay guard refuses with reason `missing_event_id`; anything else is a TypeError.
   */
  getEventId?: (
    payload: Record<string, unknown>,
    headers: WebhookHeaders,
  ) => string | number | undefined | Promise<string | number | undefined>;
  /**
   * Largest body the request adapters read, in bytes; bigger bodies fail with reason `body_too_large`.
   *
   * @default 10_485_760 (10 MiB)
   */
  maxBodyBytes?: number | undefined;
};

/** A verified and parsed webhook request. */
export type VerifiedWebhook<T = WebhookPayload> = {
  /** The parsed JSON body. */
  payload: T;
  /** The id the replay guard recorded (see `getEventId`), if any was found. */
  eventId: string | undefined;
  /** Position of the key that matched; see {@link WebhookVerification}. */
  keyIndex: number;
  /**
   * `true` when the replay guard has seen this delivery's id before: a redelivery or a replay of a webhook already
   * received. Answer it with a 2xx, so that Cloud Elements stops resending it, and do not handle it again. Always
   * `false` without a replay guard.
   */
  duplicate: boolean;
};

/**
 * Verifies webhook requests against fixed keys. The keys are imported once as non-extractable Web Crypto
 * keys and kept private: the verifier shows `[WebhookVerifier]` in logs and JSON.
 */
export type WebhookVerifier = {
  /** Checks the signature over `body`; see {@link verifyWebhookSignature}. */
  verify(
    body: WebhookBody,
    signature: string | readonly string[] | null | undefined,
  ): Promise<WebhookVerification>;
  /**
   * Verifies, parses and claims the delivery id with the replay guard; see {@link parseWebhookEvent}. A
   * duplicate resolves with `duplicate: true`. The id stays claimed, and counts as done at once: when handling
   * the event fails, call `replayGuard.release(eventId)`, or use {@link WebhookVerifier.handle}, which does it for
   * you and also refuses a redelivery that comes while the first delivery is still handled.
   */
  parse<T = WebhookPayload>(body: WebhookBody, headers: WebhookHeaders): Promise<VerifiedWebhook<T>>;
  /**
   * Verifies and parses like `parse`, then runs `handler` (your code for the event; it may be async) unless the
   * delivery is a duplicate, so each delivery id is handled once. When the handler throws or rejects, the id is
   * released, so that the redelivery Cloud Elements sends is handled again, and the handler's error is rethrown:
   * answer 5xx. Otherwise resolves with the verified webhook, `duplicate` telling whether the handler was
   * skipped: answer 2xx either way. With a guard that has `complete` (as `createReplayGuard()` has), the id is
   * completed when the handler succeeds, and a redelivery that comes before then is refused with reason
   * `delivery_in_progress`: answer 409, so that it is sent again once the first handling has succeeded or failed.
   *
   * @example
   * const { duplicate } = await verifier.handle(rawBody, req.headers, async ({ payload }) => save(payload));
   */
  handle<T = WebhookPayload>(
    body: WebhookBody,
    headers: WebhookHeaders,
    handler: (webhook: VerifiedWebhook<T>) => unknown,
  ): Promise<VerifiedWebhook<T>>;
  /** The `maxBodyBytes` the adapters use. */
  readonly maxBodyBytes: number;
};
