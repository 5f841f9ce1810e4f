// Webhooks: verifying and parsing what Cloud Elements POSTs to your callback URL, signing test requests, and
// rejecting replays. Imports core only: no client, no openapi-fetch, nothing from Node.
export { WebhookVerificationError, rejectWebhook } from './errors.js';
export type { WebhookVerificationReason } from './errors.js';
export { checkCount, checkOptions, isBytes } from './inputs.js';
export { createReplayGuard } from './replay-guard.js';
export { checkHandler, finishWebhook, parseWebhookRequest, readLimited, resolveVerifier } from './request.js';
export { createSignedWebhook, signWebhookPayload } from './sign.js';
export type { SignedWebhook } from './sign.js';
export type {
  AsyncEventNotification,
  BulkJobCallback,
  EventNotification,
  ReplayGuard,
  ReplayGuardOptions,
  VerifiedWebhook,
  WebhookBody,
  WebhookHeaders,
  WebhookKey,
  WebhookNotification,
  WebhookPayload,
  WebhookVerification,
  WebhookVerifier,
  WebhookVerifierOptions,
} from './types.js';
export {
  WEBHOOK_ID_HEADER,
  WEBHOOK_SIGNATURE_HEADER,
  createWebhookVerifier,
  isAsyncEventNotification,
  isBulkJobCallback,
  isEventNotification,
  parseWebhookEvent,
  verifyWebhookSignature,
} from './verify.js';
