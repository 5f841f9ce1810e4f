/**
 * Webhook adapter for Node's `http` module and the frameworks built on it (Express, Fastify's raw request,
 * Koa's `ctx.req`). Imports nothing from Node at run time. The body is read with a time limit (`readTimeoutMs`,
 * 30 s by default), so that a client that stalls mid-body is answered rather than waited for until the server's
 * own `requestTimeout` (300 s by default, none on many servers).
 */
import type { IncomingMessage } from 'node:http';
import {
  checkCount,
  checkHandler,
  checkOptions,
  finishWebhook,
  isBytes,
  readLimited,
  rejectWebhook,
  resolveVerifier,
  type VerifiedWebhook,
  type WebhookPayload,
  type WebhookVerifier,
  type WebhookVerifierOptions,
  WebhookVerificationError,
} from '../webhooks/index.js';
import { fail } from '../core/checks.js';
import { checkTimeoutMs } from '../core/transport.js';

/** Options of {@link readNodeRequestBody}. */
export type ReadNodeRequestBodyOptions = {
  /**
   * Largest body read, in bytes; a bigger one fails with reason `body_too_large`.
   *
   * @default 10_485_760 (10 MiB)
   */
  maxBodyBytes?: number | undefined;
  /**
   * Longest time the whole body may take to arrive, in milliseconds: from the call until its last byte, not per
   * chunk. When it passes, the read stops with reason `body_incomplete`, the rest of the body is discarded as it
   * comes, and the connection is left open for your answer (408). `Infinity` for no limit; at most 2147483647.
   * `parseNodeWebhookRequest` reads with the default: call this function for another limit.
   *
   * @default 30_000 (30 s)
   */
  readTimeoutMs?: number | undefined;
};

/**
 * Reads the raw body of a Node request. When a body parser ran first, its raw result is used if it kept the
 * bytes (`express.raw()` → `Buffer`, `express.text()` → string); a parsed object is refused. The empty `req.body`
 * that Express 4's parsers leave when the request's type is not theirs is no parsed body: the stream is read.
 * The whole read must end within `readTimeoutMs` (30 s by default): a client that sends part of the body and then
 * nothing, keeping the connection open, is not waited for.
 *
 * @throws {WebhookVerificationError} `body_not_raw` when the body was parsed or already read; `body_too_large`
 *   (answer 413 with `Connection: close`; the rest of the body is read and dropped meanwhile, up to `maxBodyBytes`
 *   and 1 MiB more, then the connection is cut); `body_incomplete` when the client disconnected before the whole
 *   body came, or when the whole body did not come within `readTimeoutMs`: answer 408 (with `Connection: close`)
 *   or 400 if the connection is still open; Cloud Elements sends the webhook again.
 */
export async function readNodeRequestBody(
  req: IncomingMessage,
  options: ReadNodeRequestBodyOptions = {},
): Promise<Uint8Array | string> {
  if (req === null || typeof req !== 'object' || typeof (req as { on?: unknown }).on !== 'function') {
    fail(
      'readNodeRequestBody needs the Node request (IncomingMessage, Express req, Koa ctx.req); ' +
        'for a web Request use parseWebhookRequest.',
    );
  }
  checkOptions('readNodeRequestBody', options, '{ maxBodyBytes, readTimeoutMs }, or nothing');
  const maxBodyBytes = options.maxBodyBytes ?? 10_485_760;
  checkCount('maxBodyBytes', maxBodyBytes);
  const readTimeoutMs = checkTimeoutMs(options.readTimeoutMs ?? 30_000, 'readTimeoutMs');
  const { body: parsed, _body: readByParser } = req as IncomingMessage & { body?: unknown; _body?: unknown };
  // Any realm's bytes: express.raw()'s Buffer seen from a vm context is no Uint8Array of that context.
  if (isBytes(parsed) || typeof parsed === 'string') return parsed;
  // body-parser (Express 4) sets `_body` when it reads the stream. One whose type did not match the request
  // (a global express.urlencoded(), express.raw() for another type) leaves the stream alone but still sets
  // `req.body = {}`: that placeholder is no parsed body, and the stream is read as usual.
  const consumed = readByParser === true || req.readableEnded || req.readable === false;
  const placeholder =
    !consumed &&
    parsed !== null &&
    typeof parsed === 'object' &&
    Object.getPrototypeOf(parsed) === Object.prototype &&
    Object.keys(parsed).length === 0;
  if (parsed !== undefined && parsed !== null && !placeholder) {
    rejectWebhook(
      'body_not_raw',
      'req.body was already parsed (by express.json() or another body parser), so the raw bytes the signature ' +
        "covers are gone: mount express.raw({ type: 'application/json' }) (or no body parser) on the webhook route.",
    );
  }
  if (consumed) {
    rejectWebhook(
      'body_not_raw',
      'The request body was already read by something else: read the webhook before any other middleware ' +
        'consumes the request stream.',
    );
  }
  const declared = Number(req.headers?.['content-length']);
  if (Number.isFinite(declared) && declared > maxBodyBytes) {
    dropRest(req, maxBodyBytes);
    rejectWebhook(
      'body_too_large',
      `The webhook body is ${declared} bytes, more than maxBodyBytes (${maxBodyBytes}); answer 413, or raise maxBodyBytes.`,
    );
  }
  try {
    return await readLimited(chunksOf(req, readTimeoutMs, maxBodyBytes), maxBodyBytes);
  } catch (error) {
    if (error instanceof WebhookVerificationError) throw error;
    // The stream failed mid-body ('aborted', ECONNRESET): the client went away, nothing is wrong with the code.
    return rejectWebhook(
      'body_incomplete',
      'The webhook request ended before its whole body arrived: the client disconnected. Answer 400 if the ' +
        'connection is still open; Cloud Elements sends the webhook again.',
      error,
    );
  }
}

/**
 * The chunks of `req`, read as its own async iterator reads them (`readable` events and `read()`, so that a slow
 * reader holds the client back), but ending on time: when `readTimeoutMs` passes before the body's end, the read
 * fails with `body_incomplete`. Then, and when its reader stops it (`body_too_large`), the rest of the body is
 * dropped as it comes ({@link dropRest}), not the request destroyed as the stream's own iterator would: its socket
 * carries the 408 or 413. Every way out removes its listeners and clears its timer.
 */
async function* chunksOf(
  req: IncomingMessage,
  readTimeoutMs: number,
  maxBodyBytes: number,
): AsyncGenerator<Uint8Array | string> {
  let ended = false;
  let timedOut = false;
  let failure: { error: unknown } | undefined;
  let wake = () => {};
  const onReadable = () => wake();
  const onEnd = () => {
    ended = true;
    wake();
  };
  const onError = (error: unknown) => {
    failure ??= { error };
    wake();
  };
  // A close before 'end' is a body cut off; one right after it changes nothing, as the end is looked at first.
  const onClose = () => onError(new Error('The request closed before the end of its body.'));
  req.on('readable', onReadable);
  req.on('end', onEnd);
  req.on('error', onError);
  req.on('close', onClose);
  const timer =
    readTimeoutMs === Infinity
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          wake();
        }, readTimeoutMs);
  // A pending read is no reason for the process to stay up.
  timer?.unref?.();
  let done = false;
  try {
    while (true) {
      const chunk = req.destroyed ? null : (req.read() as Uint8Array | string | null);
      if (chunk !== null) {
        yield chunk;
        continue;
      }
      if (ended) {
        done = true;
        return;
      }
      if (failure) {
        done = true;
        throw failure.error;
      }
      if (timedOut) {
        rejectWebhook(
          'body_incomplete',
          `No whole webhook body arrived within readTimeoutMs (${readTimeoutMs} ms): the client stalled. Answer ` +
            '408 (or 400) if the connection is still open; Cloud Elements sends the webhook again.',
        );
      }
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    clearTimeout(timer);
    req.removeListener('readable', onReadable);
    req.removeListener('end', onEnd);
    req.removeListener('error', onError);
    req.removeListener('close', onClose);
    if (!done) dropRest(req, maxBodyBytes);
  }
}

/**
 * Reads and drops the rest of a refused body, so that the client, which may not read the answer before it has
 * sent its body, gets it: up to `maxBodyBytes` more and 1 MiB, enough for a body a little over the limit. A client
 * that keeps sending past that is held (the request paused) and cut off a second later, time for the answer to go
 * out, rather than read for as long as it likes when the answer does not close the connection.
 */
function dropRest(req: IncomingMessage, maxBodyBytes: number): void {
  let left = maxBodyBytes + 1_048_576;
  const onData = (chunk: Uint8Array | string) => {
    left -= chunk.length;
    if (left >= 0) return;
    req.removeListener('data', onData);
    req.pause();
    const cut = setTimeout(() => req.destroy(), 1_000);
    cut.unref?.();
    req.once('close', () => clearTimeout(cut));
  };
  req.on('data', onData);
  req.once('end', () => req.removeListener('data', onData));
  req.resume();
}

/**
 * Reads a Node request's raw body and headers, then verifies and parses it like `parseWebhookEvent`. With a
 * `handler`, runs it like `verifier.handle`: once per delivery id, releasing the id when it throws. A duplicate
 * resolves with `duplicate: true`: answer 2xx without handling it again. The body is read as
 * {@link readNodeRequestBody} reads it, with the verifier's `maxBodyBytes` and the default `readTimeoutMs` (30 s
 * for the whole body); for another time limit, call `readNodeRequestBody(req, { readTimeoutMs })`, then
 * `verifier.handle` (or `parseWebhookEvent`) with its result and `req.headers`.
 *
 * @throws {WebhookVerificationError} with a `reason` code; answer 409 for `delivery_in_progress` (a redelivery
 *   that came while the first delivery is still handled), 401 for signature reasons, 400 otherwise (or 408 for a
 *   `body_incomplete` whose body did not all come within 30 s: the client stalled). The handler's own error is
 *   rethrown as is: answer 5xx, so that Cloud Elements sends the webhook again.
 * @example
 * const verifier = createWebhookVerifier({ key: process.env.CE_SIGNATURE_KEY!, replayGuard: createReplayGuard() });
 * http.createServer(async (req, res) => {
 *   try {
 *     await parseNodeWebhookRequest(req, verifier, async ({ payload }) => save(payload));
 *     res.writeHead(200).end();
 *   } catch (error) {
 *     if (!(error instanceof WebhookVerificationError)) return void res.writeHead(500).end();
 *     res.writeHead(error.reason === 'delivery_in_progress' ? 409 : 401).end();
 *   }
 * });
 */
export async function parseNodeWebhookRequest<T = WebhookPayload>(
  req: IncomingMessage,
  verifier: WebhookVerifier | WebhookVerifierOptions,
  handler?: (webhook: VerifiedWebhook<T>) => unknown,
): Promise<VerifiedWebhook<T>> {
  const resolved = resolveVerifier('parseNodeWebhookRequest', verifier);
  checkHandler(resolved, handler);
  const body = await readNodeRequestBody(req, { maxBodyBytes: resolved.maxBodyBytes });
  return finishWebhook(resolved, body, req.headers, handler);
}
