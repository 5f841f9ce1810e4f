/**
 * The `./webhooks` entry: verify, parse and sign webhooks without loading the client or openapi-fetch.
 * @module cloud-elements-sdk/webhooks
 */
export {
  WEBHOOK_ID_HEADER,
  WEBHOOK_SIGNATURE_HEADER,
  WebhookVerificationError,
  createReplayGuard,
  createSignedWebhook,
  createWebhookVerifier,
  isAsyncEventNotification,
  isBulkJobCallback,
  isEventNotification,
  parseWebhookEvent,
  parseWebhookRequest,
  signWebhookPayload,
  verifyWebhookSignature,
} from './webhooks/index.js';
export type {
  AsyncEventNotification,
  BulkJobCallback,
  EventNotification,
  ReplayGuard,
  ReplayGuardOptions,
  SignedWebhook,
  VerifiedWebhook,
  WebhookBody,
  WebhookHeaders,
  WebhookKey,
  WebhookNotification,
  WebhookPayload,
  WebhookVerification,
  WebhookVerificationReason,
  WebhookVerifier,
  WebhookVerifierOptions,
} from './webhooks/index.js';
