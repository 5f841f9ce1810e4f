/**
 * Signing webhook bodies as Cloud Elements does (`sha256=` + Base64 HMAC-SHA256), to test your own webhook
 * handlers with requests that pass verification.
 */
import { importKey, keyList, toBytes } from './inputs.js';
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
  const cryptoKey = await importKey(only!);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', cryptoKey, toBytes(body)));
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
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    [WEBHOOK_SIGNATURE_HEADER]: await signWebhookPayload(body, key),
  };
  if (options.webhookId !== undefined) headers[WEBHOOK_ID_HEADER] = options.webhookId;
  return { body, headers };
}
