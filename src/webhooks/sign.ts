/**
 * Signing webhook bodies as Cloud Elements does (`sha256=` + Base64 HMAC-SHA256), to test your own webhook
 * handlers with requests that pass verification.
 */
import { checkText } from '../core/index.js';
import { createSigner } from './hmac.js';
import { keyList, toBytes } from './inputs.js';
import type { BulkJobCallback, WebhookBody, WebhookKey, WebhookNotification } from './types.js';
import { WEBHOOK_ID_HEADER, WEBHOOK_SIGNATURE_HEADER } from './verify.js';

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * Computes the `Elements-Webhook-Signature` value for a body, as Cloud Elements does: `sha256=` + Base64
 * HMAC-SHA256. For testing your own webhook handlers.
 *
 * @example
 * const signature = await signWebhookPayload(body, 'test-key'); // 'sha256=…'
 */
export async function signWebhookPayload(body: WebhookBody, key: WebhookKey): Promise<string> {
  const [only] = keyList(key);
  const mac = await createSigner(only!)(toBytes(body));
  return `sha256=${toBase64(mac)}`;
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
  if (options === null || typeof options !== 'object') {
    throw new TypeError(
      '[cloud-elements] createSignedWebhook takes options such as { webhookId: "d-1" }, or nothing.',
    );
  }
  if (options.webhookId !== undefined) {
    checkText('webhookId', options.webhookId, 'pass the delivery id to send as Elements-Webhook-Id.');
  }
  if (payload === null || (typeof payload !== 'string' && typeof payload !== 'object')) {
    throw new TypeError(
      '[cloud-elements] createSignedWebhook needs the payload as an object (sent as JSON) or the exact body text.',
    );
  }
  let body: string | undefined;
  let cause: unknown;
  try {
    body = typeof payload === 'string' ? payload : (JSON.stringify(payload) as string | undefined);
  } catch (error) {
    cause = error;
  }
  if (typeof body !== 'string') {
    throw new TypeError(
      '[cloud-elements] createSignedWebhook cannot send the payload as JSON (a cycle or a bigint in it?); pass the ' +
        'body text instead.',
      { cause },
    );
  }
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    [WEBHOOK_SIGNATURE_HEADER]: await signWebhookPayload(body, key),
  };
  if (options.webhookId !== undefined) headers[WEBHOOK_ID_HEADER] = options.webhookId;
  return { body, headers };
}
