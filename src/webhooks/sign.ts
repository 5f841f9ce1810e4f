/**
 * Signing webhook bodies as Cloud Elements does (`sha256=` + Base64 HMAC-SHA256), to test your own webhook
 * handlers with requests that pass verification.
 */
import { checkText, fail } from '../core/checks.js';
import { createSigner } from './hmac.js';
import { checkOptions, keyList, toBytes } from './inputs.js';
import type { BulkJobCallback, WebhookBody, WebhookKey, WebhookNotification } from './types.js';
import { WEBHOOK_ID_HEADER, WEBHOOK_SIGNATURE_HEADER } from './verify.js';

/**
 * Computes the `Elements-Webhook-Signature` value for a body, as Cloud Elements does: `sha256=` + Base64
 * HMAC-SHA256. For testing your own webhook handlers.
 *
 * @example
 * const signature = await signWebhookPayload(body, 'test-key'); // 'sha256=…'
 */
export async function signWebhookPayload(body: WebhookBody, key: WebhookKey): Promise<string> {
  const [only] = keyList(key);
  return `sha256=${await createSigner(only!)(toBytes(body))}`;
}

/** A signed test request body and its headers, from {@link createSignedWebhook}. */
export type SignedWebhook = {
  /** The exact body to send. */
  body: string;
  /** `Content-Type`, `Elements-Webhook-Signature` and, when given, `Elements-Webhook-Id`. */
  headers: Record<string, string>;
};

/**
 * Builds a request body and headers as Cloud Elements would send them, for testing your webhook endpoint:
 * `fetch(url, { method: 'POST', ...(await createSignedWebhook(payload, key)) })`.
 *
 * @param payload An object (sent as JSON) or the exact body text.
 */
export async function createSignedWebhook(
  payload: WebhookNotification | BulkJobCallback | string,
  key: WebhookKey,
  options: { webhookId?: string } = {},
): Promise<SignedWebhook> {
  checkOptions('createSignedWebhook', options, '{ webhookId }, or nothing');
  const { webhookId } = options;
  if (webhookId !== undefined) {
    checkText('webhookId', webhookId, 'pass the delivery id to send as Elements-Webhook-Id.');
  }
  let body: string | undefined;
  let cause: unknown;
  if (typeof payload === 'string') body = payload;
  else if (payload !== null && typeof payload === 'object') {
    try {
      body = JSON.stringify(payload) as string | undefined;
    } catch (error) {
      cause = error;
    }
  }
  // Not text, not an object, or an object JSON cannot write (a cycle, a bigint, a toJSON giving undefined).
  if (typeof body !== 'string') {
    fail(
      'createSignedWebhook needs the payload as the exact body text, or as an object it can send as JSON (no ' +
        'cycles, no bigints).',
      cause,
    );
  }
  const signature = await signWebhookPayload(body, key);
  const headers = { 'Content-Type': 'application/json', [WEBHOOK_SIGNATURE_HEADER]: signature };
  return {
    body,
    headers: webhookId === undefined ? headers : { ...headers, [WEBHOOK_ID_HEADER]: webhookId },
  };
}
