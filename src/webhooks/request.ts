/**
 * Reading a webhook from a web `Request` (fetch-style servers), and the size-limited body reader and verifier
 * resolution the Node adapter (`../node/webhooks.ts`) shares.
 */
import { WebhookVerificationError } from './errors.js';
import { encoder } from './inputs.js';
import type {
  VerifiedWebhook,
  WebhookNotification,
  WebhookVerifier,
  WebhookVerifierOptions,
} from './types.js';
import { createWebhookVerifier } from './verify.js';

const prefix = '[cloud-elements]';

/**
 * Reads a web `Request`'s raw body (at most `maxBodyBytes`), then verifies and parses it like
 * {@link parseWebhookEvent}. For fetch-style servers: Deno, Bun, Cloudflare Workers, Next.js route handlers, Hono.
 *
 * @example
 * export async function POST(request: Request) {
 *   const { payload } = await parseWebhookRequest(request, verifier);
 *   return new Response(null, { status: 200 });
 * }
 */
export async function parseWebhookRequest<T = WebhookNotification>(
  request: Request,
  verifier: WebhookVerifier | WebhookVerifierOptions,
): Promise<VerifiedWebhook<T>> {
  const resolved = resolveVerifier(verifier);
  if (request.bodyUsed) {
    throw new WebhookVerificationError(
      'body_not_raw',
      `${prefix} The request body was already read. Call parseWebhookRequest before request.json() or request.text(), or pass a request.clone().`,
    );
  }
  const body = await readLimited(request.body, resolved.maxBodyBytes);
  return resolved.parse<T>(body, request.headers);
}

/** @internal */
export function resolveVerifier(verifier: WebhookVerifier | WebhookVerifierOptions): WebhookVerifier {
  if (
    verifier !== null &&
    typeof verifier === 'object' &&
    'parse' in verifier &&
    typeof verifier.parse === 'function'
  ) {
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
