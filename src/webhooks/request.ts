/**
 * Reading a webhook from a web `Request` (fetch-style servers), and the size-limited body reader and verifier
 * resolution the Node adapter (`../node/webhooks.ts`) shares.
 */
import { fail } from '../core/checks.js';
import { concatBytes, encoder, readStream } from '../core/streams.js';
import { rejectWebhook } from './errors.js';
import { checkCount, checkOptions, handlerHint } from './inputs.js';
import type {
  VerifiedWebhook,
  WebhookBody,
  WebhookHeaders,
  WebhookPayload,
  WebhookVerifier,
  WebhookVerifierOptions,
} from './types.js';
import { createWebhookVerifier } from './verify.js';

/**
 * Reads a web `Request`'s raw body (at most `maxBodyBytes`), then verifies and parses it like
 * {@link parseWebhookEvent}. For fetch-style servers: Deno, Bun, Cloudflare Workers, Next.js route handlers, Hono.
 * With a `handler`, runs it like {@link WebhookVerifier.handle}: once per delivery id, releasing the id when it
 * throws. A duplicate resolves with `duplicate: true`: answer 2xx without handling it again. A redelivery that
 * comes while the first delivery is still handled fails with reason `delivery_in_progress`: answer 409.
 *
 * @example
 * export async function POST(request: Request) {
 *   try {
 *     await parseWebhookRequest(request, verifier, async ({ payload }) => save(payload));
 *   } catch (error) {
 *     if (!(error instanceof WebhookVerificationError)) return new Response(null, { status: 500 });
 *     return new Response(null, { status: error.reason === 'delivery_in_progress' ? 409 : 401 });
 *   }
 *   return new Response(null, { status: 200 });
 * }
 */
export async function parseWebhookRequest<T = WebhookPayload>(
  request: Request,
  verifier: WebhookVerifier | WebhookVerifierOptions,
  handler?: (webhook: VerifiedWebhook<T>) => unknown,
): Promise<VerifiedWebhook<T>> {
  const resolved = resolveVerifier('parseWebhookRequest', verifier);
  checkHandler(resolved, handler);
  if (
    request === null ||
    typeof request !== 'object' ||
    !('headers' in request) ||
    !('bodyUsed' in request) ||
    !('body' in request)
  ) {
    fail('parseWebhookRequest needs a web Request; for a Node request use parseNodeWebhookRequest.');
  }
  if (request.bodyUsed) {
    rejectWebhook(
      'body_not_raw',
      'The request body was already read: call parseWebhookRequest first, or pass request.clone().',
    );
  }
  const body = await readLimited(request.body, resolved.maxBodyBytes);
  return finishWebhook(resolved, body, request.headers, handler);
}

/** @internal Refuses a handler that is not a function, or a custom verifier without `handle`, before any read. */
export function checkHandler(verifier: WebhookVerifier, handler: unknown): void {
  if (handler === undefined) return;
  if (typeof handler !== 'function') fail(handlerHint);
  if (typeof verifier.handle !== 'function') {
    fail('The verifier has no handle method; use createWebhookVerifier.');
  }
}

/** @internal The end both request adapters share: parse, or handle when a handler is given. */
export function finishWebhook<T>(
  verifier: WebhookVerifier,
  body: WebhookBody,
  headers: WebhookHeaders,
  handler: ((webhook: VerifiedWebhook<T>) => unknown) | undefined,
): Promise<VerifiedWebhook<T>> {
  return handler === undefined
    ? verifier.parse<T>(body, headers)
    : verifier.handle<T>(body, headers, handler);
}

/** @internal `name` is the adapter the user called, for the message about a bad `verifier`. */
export function resolveVerifier(
  name: string,
  verifier: WebhookVerifier | WebhookVerifierOptions,
): WebhookVerifier {
  // Checked here, so that the message names the function called rather than createWebhookVerifier.
  checkOptions(name, verifier, '{ key }, or a verifier from createWebhookVerifier');
  // A verifier has parse(); anything else is taken for its options, which createWebhookVerifier checks.
  const given = verifier as Partial<WebhookVerifier>;
  if (typeof given.parse !== 'function') return createWebhookVerifier(verifier as WebhookVerifierOptions);
  checkCount("The verifier's maxBodyBytes", given.maxBodyBytes);
  return verifier as WebhookVerifier;
}

/** @internal Reads a byte stream into one array, failing (and cancelling the stream) once it passes `maxBytes`. */
export async function readLimited(
  source: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array | string> | null,
  maxBytes: number,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  // A stream of another realm or a polyfill is no `instanceof ReadableStream`, and may not be async-iterable.
  const input =
    typeof (source as ReadableStream | null)?.getReader === 'function'
      ? readStream(source as ReadableStream<Uint8Array>)
      : ((source as AsyncIterable<Uint8Array | string> | null) ?? []);
  // Throwing inside for await ends the iteration, which cancels or closes the source.
  for await (const chunk of input) {
    const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
    size += bytes.length;
    chunks.push(bytes);
    if (size > maxBytes) {
      rejectWebhook(
        'body_too_large',
        `The webhook body is over maxBodyBytes (${maxBytes}): answer 413, or raise maxBodyBytes.`,
      );
    }
  }
  return concatBytes(chunks, size);
}
