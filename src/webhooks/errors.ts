/** Why a webhook was rejected: the stable reason codes and the error that carries them. */
import { CloudElementsError } from '../core/errors.js';

/** Why a webhook was rejected; see {@link WebhookVerificationError}. */
export type WebhookVerificationReason =
  /** No `Elements-Webhook-Signature` header. */
  | 'missing_signature'
  /** The header is not `sha256=<Base64 of 32 bytes>`, or appears more than once. */
  | 'malformed_signature'
  /** The header uses another algorithm, e.g. the `sha1=` scheme Cloud Elements dropped in 2016. */
  | 'unsupported_algorithm'
  /** The signature does not match the body under any of the keys. */
  | 'signature_mismatch'
  /** The body is not raw bytes or text (already parsed), or was already read. */
  | 'body_not_raw'
  /** The body is larger than `maxBodyBytes`. */
  | 'body_too_large'
  /**
   * The whole body did not arrive (Node adapter): the client disconnected (answer 400 if you still can), or stalled
   * past `readTimeoutMs` (answer 408).
   */
  | 'body_incomplete'
  /** The signature matched but the body is not a JSON object. */
  | 'malformed_payload'
  /** A replay guard is set but no id was found in the headers or body. */
  | 'missing_event_id'
  /**
   * The same delivery is being handled by an earlier request that has not finished (its handler may still fail):
   * answer 409, so that Cloud Elements sends it again later. Only from a replay guard that tells an id in progress
   * from one done, as `createReplayGuard()` does.
   */
  | 'delivery_in_progress';

/**
 * A webhook request failed verification. `reason` says why, as a stable code; the message says how to fix it.
 * Answer the request with a 4xx (409 for `delivery_in_progress`, 401 for the others): Cloud Elements then retries
 * or queues it.
 */
export class WebhookVerificationError extends CloudElementsError {
  /** Always `'WebhookVerificationError'`, the class's name, also in stack traces and logs. */
  override name = 'WebhookVerificationError';
  static override readonly name: string = 'WebhookVerificationError';
  /** Stable code of the failure. */
  readonly reason: WebhookVerificationReason;

  constructor(reason: WebhookVerificationReason, message: string, options: { cause?: unknown } = {}) {
    super(message, options);
    this.reason = reason;
  }
}

/** Rejects a webhook: throws a {@link WebhookVerificationError} with the SDK's `[cloud-elements]` prefix. */
export function rejectWebhook(reason: WebhookVerificationReason, message: string, cause?: unknown): never {
  throw new WebhookVerificationError(reason, `[cloud-elements] ${message}`, { cause });
}
