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

/** The exact bytes of a request body: a string (decoded as received), a `Uint8Array` (Node `Buffer`) or an `ArrayBuffer`. */
export type WebhookBody = string | Uint8Array | ArrayBuffer;
/** A signature key (`event.notification.signature.key`): its text, or its UTF-8 bytes. */
export type WebhookKey = string | Uint8Array;
/** Headers of the incoming request: a web `Headers`, or a Node-style record (`req.headers`). */
export type WebhookHeaders = Headers | Record<string, string | readonly string[] | undefined>;

/**
 * Remembers delivery ids to reject replays. `claim` returns `true` the first time it sees an id (and records
 * it), `false` after. Implement it over a shared store (Redis `SET NX`, a database) when several processes
 * receive webhooks.
 */
export type ReplayGuard = {
  /** Records `id`; `false` when it was already recorded. */
  claim(id: string): boolean | Promise<boolean>;
  /** Forgets `id`, so a redelivery is accepted: call it when handling the event failed. */
  release(id: string): void | Promise<void>;
};

/** Options of {@link createReplayGuard}. */
export type ReplayGuardOptions = {
  /**
   * Most ids kept; the oldest is forgotten when more arrive, so memory stays bounded.
   *
   * @default 10_000
   */
  maxEntries?: number;
  /**
   * How long an id is remembered, in milliseconds. Cloud Elements retries a failed delivery for up to about
   * 73 hours, so keep it at least that long if redeliveries must be caught.
   *
   * @default 259_200_000 (72 hours)
   */
  ttlMs?: number;
  /** Clock, for tests. @default Date.now */
  now?: () => number;
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
  /** Rejects a delivery whose id was seen before; see {@link createReplayGuard}. */
  replayGuard?: ReplayGuard;
  /**
   * Picks the id the replay guard remembers. The default takes the `Elements-Webhook-Id` header, else the body's
   * `id`, `notificationId`, `eventId` or `message.eventId`, whichever comes first.
   */
  getEventId?: (payload: Record<string, unknown>, headers: WebhookHeaders) => string | number | undefined;
  /**
   * Largest body the request adapters read, in bytes; bigger bodies fail with reason `body_too_large`.
   *
   * @default 10_485_760 (10 MiB)
   */
  maxBodyBytes?: number;
};

/** A verified and parsed webhook request. */
export type VerifiedWebhook<T = WebhookNotification> = {
  /** The parsed JSON body. */
  payload: T;
  /** The id the replay guard recorded (see `getEventId`), if any was found. */
  eventId: string | undefined;
  /** Position of the key that matched; see {@link WebhookVerification}. */
  keyIndex: number;
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
  /** Verifies, parses and checks the replay guard; see {@link parseWebhookEvent}. */
  parse<T = WebhookNotification>(body: WebhookBody, headers: WebhookHeaders): Promise<VerifiedWebhook<T>>;
  /** The `maxBodyBytes` the adapters use. */
  readonly maxBodyBytes: number;
};
