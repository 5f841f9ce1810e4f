// The TypeScript samples of the operations tagged "Event notifications", as the docs site shows them, one function
// each with the imports hoisted. Written by `npm run generate` (scripts/site/samples.mjs) from the spec;
// do not edit. `tsc -p .` type-checks them against the SDK and generated/schema.d.ts.
import {
  createReplayGuard,
  createWebhookVerifier,
  isAsyncEventNotification,
  isEventNotification,
  parseWebhookRequest,
  type BulkJobCallback,
  WebhookVerificationError,
} from '../../src/webhooks.js';

/** POST webhook eventNotification: Event notification */
export async function receiveEventNotification(): Promise<void> {
  // The instance's event.notification.signature.key (an array while rotating).
  const verifier = createWebhookVerifier({
    key: process.env.CE_WEBHOOK_KEY!,
    replayGuard: createReplayGuard(),
  });

  // A fetch-style handler (Next.js, Hono, Deno, Bun, workers); on Node use
  // parseNodeWebhookRequest (cloud-elements-sdk/node) takes an IncomingMessage.
  async function receive(request: Request): Promise<Response> {
    try {
      await parseWebhookRequest(request, verifier, async ({ payload }) => {
        if (!isEventNotification(payload)) return;
        for (const event of payload.message.events ?? []) {
          console.log(event.eventType, event.objectType, event.objectId);
        }
      });
      return new Response(null, { status: 200 }); // a duplicate too
    } catch (error) {
      const status = error instanceof WebhookVerificationError ? 401 : 500;
      return new Response(null, { status });
    }
  }
}

/** POST webhook asyncRequestCallback: Asynchronous request result */
export async function receiveAsyncRequestCallback(): Promise<void> {
  // The instance's event.notification.signature.key (an array while rotating).
  const verifier = createWebhookVerifier({
    key: process.env.CE_WEBHOOK_KEY!,
    replayGuard: createReplayGuard(),
  });

  // A fetch-style handler (Next.js, Hono, Deno, Bun, workers); on Node use
  // parseNodeWebhookRequest (cloud-elements-sdk/node) takes an IncomingMessage.
  async function receive(request: Request): Promise<Response> {
    try {
      await parseWebhookRequest(request, verifier, async ({ payload }) => {
        if (!isAsyncEventNotification(payload)) return;
        console.log(payload.eventId, payload.response);
      });
      return new Response(null, { status: 200 }); // a duplicate too
    } catch (error) {
      const status = error instanceof WebhookVerificationError ? 401 : 500;
      return new Response(null, { status });
    }
  }
}

/** POST webhook bulkJobCallback: Bulk job finished */
export async function receiveBulkJobCallback(): Promise<void> {
  // The instance's event.notification.signature.key (an array while rotating).
  const verifier = createWebhookVerifier({
    key: process.env.CE_WEBHOOK_KEY!,
    replayGuard: createReplayGuard(),
  });

  // A fetch-style handler (Next.js, Hono, Deno, Bun, workers); on Node use
  // parseNodeWebhookRequest (cloud-elements-sdk/node) takes an IncomingMessage.
  async function receive(request: Request): Promise<Response> {
    try {
      await parseWebhookRequest<BulkJobCallback>(request, verifier, async ({ payload }) => {
        // The body is a trigger: read the job with getBulkJobStatus(…).
        console.log(payload);
      });
      return new Response(null, { status: 200 }); // a duplicate too
    } catch (error) {
      const status = error instanceof WebhookVerificationError ? 401 : 500;
      return new Response(null, { status });
    }
  }
}
