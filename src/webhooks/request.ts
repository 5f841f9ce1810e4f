/**
 * Reading a webhook from a web `Request` (fetch-style servers), and the size-limited body reader and verifier
 * resolution the Node adapter (`../node/webhooks.ts`) shares.
 */
import { WebhookVerificationError } from './errors.js';
import { encoder } from './inputs.js';
import type {
  VerifiedWebhook,
  WebhookBody,
  WebhookHeaders,
  WebhookNotification,
  WebhookVerifier,
  WebhookVerifierOptions,
} from './types.js';
import { createWebhookVerifier } from './verify.js';

const prefix = '[cloud-elements]';

/**
 * Reads a web `Request`'s raw body (at most `maxBodyBytes`), then verifies and parses it like
 * {@link parseWebhookEvent}. For fetch-style servers: Deno, Bun, Cloudflare Workers, Next.js route handlers, Hono.
 * With a `handler`, runs it like {@link WebhookVerifier.handle}: once per delivery id, releasing the id when it
 * throws. A duplicate resolves with `duplicate: true`: answer 2xx without handling it again.
 *
 * @example
 * export async function POST(request: Request) {
 *   try {
 *     await parseWebhookRequest(request, verifier, async ({ payload }) => save(payload));
 *   } catch (error) {
 *     return new Response(null, { status: error instanceof WebhookVerificationError ? 401 : 500 });
 *   }
 *   return new Response(null, { status: 200 });
 * }
 */
export async function parseWebhookRequest<T = WebhookNotification>(
  request: Request,
  verifier: WebhookVerifier | WebhookVerifierOptions,
  handler?: (webhook: VerifiedWebhook<T>) => unknown,
): Promise<VerifiedWebhook<T>> {
  const resolved = resolveVerifier(verifier);
  checkHandler(resolved, handler);
  if (
    request === null ||
    typeof request !== 'object' ||
    !('headers' in request) ||
    !('bodyUsed' in request) ||
    !('body' in request)
  ) {
    throw new TypeError(
      `${prefix} parseWebhookRequest needs the incoming web Request; for a Node IncomingMessage use parseNodeWebhookRequest from cloud-elements-sdk/node.`,
    );
  }
  if (request.bodyUsed) {
    throw new WebhookVerificationError(
      'body_not_raw',
      `${prefix} The request body was already read. Call parseWebhookRequest before request.json() or request.text(), or pass a request.clone().`,
    );
  }
  const body = await readLimited(request.body, resolved.maxBodyBytes);
  return finishWebhook(resolved, body, request.headers, handler);
}

/** @internal Refuses a handler that is not a function, or a custom verifier without `handle`, before any read. */
export function checkHandler(verifier: WebhookVerifier, handler: unknown): void {
  if (handler === undefined) return;
  if (typeof handler !== 'function') {
    throw new TypeError(
      `${prefix} The webhook handler must be a function, e.g. async ({ payload }) => save(payload); leave it out to only parse.`,
    );
  }
  if (typeof verifier.handle !== 'function') {
    throw new TypeError(
      `${prefix} The verifier has no handle method; pass one from createWebhookVerifier, or its options.`,
    );
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

/** @internal */
export function resolveVerifier(verifier: WebhookVerifier | WebhookVerifierOptions): WebhookVerifier {
  if (
    verifier !== null &&
    typeof verifier === 'object' &&
    'parse' in verifier &&
    typeof verifier.parse === 'function'
  ) {
    if (!Number.isSafeInteger(verifier.maxBodyBytes) || verifier.maxBodyBytes < 1) {
      throw new TypeError(
        `${prefix} The verifier's maxBodyBytes must be a whole number of bytes >= 1; use createWebhookVerifier.`,
      );
    }
    return verifier;
  }
  return createWebhookVerifier(verifier as WebhookVerifierOptions);
}

/** @internal Reads a byte stream into one array, failing (and cancelling the stream) once it passes `maxBytes`. */
export async function readLimited(
  source: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array | string> | null,
  maxBytes: number,
): Promise<Uint8Array> {
  if (source === null) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const add = (chunk: Uint8Array | string): boolean => {
    const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
    size += bytes.length;
    chunks.push(bytes);
    return size <= maxBytes;
  };
  let withinLimit = true;
  if (source instanceof ReadableStream) {
    const reader = source.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!add(value)) {
        withinLimit = false;
        await reader.cancel().catch(() => undefined);
        break;
      }
    }
  } else {
    for await (const chunk of source) {
      if (!add(chunk)) {
        withinLimit = false;
        break;
      }
    }
  }
  if (!withinLimit) {
    throw new WebhookVerificationError(
      'body_too_large',
      `${prefix} The webhook body is larger than maxBodyBytes (${maxBytes} bytes); answer 413, or raise maxBodyBytes.`,
    );
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.length;
  }
  return body;
}
