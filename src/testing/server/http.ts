import type { IncomingMessage, ServerResponse } from 'node:http';
import { EmulatorHttpError } from '../errors.js';
import { CORS_HEADERS } from './cors.js';
import type { Answer, Reply, RequestContext } from './types.js';

/** Path prefix of every Cloud Elements API call. */
export const API_BASE = '/elements/api-v2';

/** Largest request body the emulator reads by default (bulk files and document uploads included). */
const MAX_BODY_BYTES = 256 * 1024 * 1024;

/** What is read and dropped of a body over the limit before the connection is cut. */
const DROPPED_BYTES = 16 * 1024 * 1024;

/**
 * Reads a whole request body, refusing one over `maxBytes` with a 413. The rest of a refused body is read and
 * dropped, not cut at once: a client still sending would otherwise get a reset connection, not the 413. One that
 * goes on past `DROPPED_BYTES` more is held, and its connection cut a second later (time to read the answer).
 */
export function readBody(req: IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let chunks: Buffer[] = [];
    let total = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (refused) {
        if (total > maxBytes + DROPPED_BYTES && !req.isPaused()) {
          req.pause();
          setTimeout(() => req.destroy(), 1000).unref();
        }
        return;
      }
      if (total > maxBytes) {
        refused = true;
        chunks = [];
        reject(new EmulatorHttpError(413, `The request body is larger than ${maxBytes} bytes.`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Parses a JSON body, answering 400 with a message that names the problem. */
export function parseJsonBody(bytes: Buffer): unknown {
  if (bytes.length === 0) throw new EmulatorHttpError(400, 'The request body is empty; send a JSON object.');
  try {
    // A UTF-8 byte order mark (files saved by Windows editors, PowerShell) is skipped, as Cloud Elements' JSON
    // reader (Jackson) skips it.
    return JSON.parse(withoutBom(bytes.toString('utf8'))) as unknown;
  } catch (error) {
    throw new EmulatorHttpError(400, `The request body is not valid JSON: ${(error as Error).message}`);
  }
}

/** `text` without a leading byte order mark. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Reads a JSON object body, answering 400 when the body is an array or a scalar. */
export async function readJsonObject(ctx: RequestContext): Promise<Record<string, unknown>> {
  const value = await ctx.json();
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new EmulatorHttpError(400, 'The request body must be a JSON object.');
  }
  return value as Record<string, unknown>;
}

/** Headers every response carries. */
function baseHeaders(requestId: string): Record<string, string> {
  return { 'Elements-Request-Id': requestId, ...CORS_HEADERS };
}

/** Renders a handler's reply: status, headers (`Content-Length` included) and body bytes. */
export function renderReply(requestId: string, reply: Reply): Answer {
  const headers: Record<string, string> = { ...baseHeaders(requestId), ...reply.headers };
  let payload: Buffer = Buffer.alloc(0);
  if (reply.json !== undefined) {
    payload = Buffer.from(JSON.stringify(reply.json), 'utf8');
    headers['Content-Type'] ??= 'application/json';
  } else if (reply.bytes !== undefined) {
    payload = typeof reply.bytes === 'string' ? Buffer.from(reply.bytes, 'utf8') : reply.bytes;
    headers['Content-Type'] ??= reply.contentType ?? 'application/octet-stream';
  }
  headers['Content-Length'] = String(payload.length);
  return { status: reply.status ?? 200, headers, payload };
}

/** Renders Cloud Elements' error body for an error thrown by a handler (any other error becomes a 500). */
export function renderError(requestId: string, error: unknown): Answer {
  const httpError =
    error instanceof EmulatorHttpError
      ? error
      : new EmulatorHttpError(500, `The emulator failed: ${(error as Error)?.message ?? String(error)}`);
  const body: Record<string, string> = { requestId, message: httpError.message };
  if (httpError.providerMessage !== undefined) body.providerMessage = httpError.providerMessage;
  return renderReply(requestId, { status: httpError.status, json: body, headers: httpError.headers });
}

/** Writes a rendered answer whole. */
export function writeAnswer(res: ServerResponse, answer: Answer): void {
  res.writeHead(answer.status, answer.headers);
  res.end(answer.payload);
}

/** Writes a handler's reply. */
export function sendReply(res: ServerResponse, requestId: string, reply: Reply): void {
  writeAnswer(res, renderReply(requestId, reply));
}

/** Writes Cloud Elements' error body for an error thrown by a handler (any other error becomes a 500). */
export function sendError(res: ServerResponse, requestId: string, error: unknown): void {
  writeAnswer(res, renderError(requestId, error));
}

/** Reads a boolean query parameter (`true`/`false`), or `undefined` when absent. */
export function queryBoolean(query: URLSearchParams, name: string): boolean | undefined {
  const value = query.get(name);
  if (value === null) return undefined;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new EmulatorHttpError(400, `Query parameter ${name} must be true or false, not '${value}'.`);
}
