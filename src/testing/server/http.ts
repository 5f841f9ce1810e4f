import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorInstance, EmulatorUser } from './state.js';

/** Path prefix of every Cloud Elements API call. */
export const API_BASE = '/elements/api-v2';

/** Largest request body the emulator reads (bulk files and document uploads included). */
const MAX_BODY_BYTES = 256 * 1024 * 1024;

/** Response headers a browser page may read, as Cloud Elements exposes them. */
const EXPOSED_HEADERS =
  'Elements-Returned-Count, Elements-Total-Count, Elements-Request-Id, Elements-Next-Page-Token, ' +
  'Elements-Element-Instance-Id, Content-Disposition, Retry-After';

/** An error a handler throws to answer with Cloud Elements' error body (`requestId`, `message`, `providerMessage`). */
export class EmulatorHttpError extends Error {
  override name = 'EmulatorHttpError';
  readonly status: number;
  /** Set when the emulator simulates an error produced by the provider behind the element. */
  readonly providerMessage: string | undefined;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    message: string,
    options: { providerMessage?: string; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.status = status;
    this.providerMessage = options.providerMessage;
    this.headers = options.headers ?? {};
  }
}

/** What a handler answers: JSON (`json`), raw bytes or text (`bytes`), or nothing. */
export interface Reply {
  /** @default 200 */
  status?: number;
  json?: unknown;
  bytes?: Buffer | string;
  /** Content type of `bytes`. @default 'application/octet-stream' */
  contentType?: string;
  headers?: Record<string, string>;
}

/** Who made an authenticated call: the user, and for hub calls the instance of the element token. */
export interface Caller {
  user: EmulatorUser;
  instance?: EmulatorInstance;
}

/** One request as handlers see it. */
export interface RequestContext {
  readonly method: string;
  /** Path without the query string and without {@link API_BASE}, e.g. `/instances/12`. */
  readonly path: string;
  /** Decoded path parameters of the matched route. */
  readonly params: Record<string, string>;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly requestId: string;
  /** Origin of the emulator, e.g. `http://127.0.0.1:40123`. */
  readonly origin: string;
  caller?: Caller;
  /** The raw request body (read once, then cached). */
  body(): Promise<Buffer>;
  /** The body parsed as JSON; a 400 error when it is not JSON. */
  json(): Promise<unknown>;
}

/** Reads a whole request body, refusing bodies over the limit. */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    req.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > MAX_BODY_BYTES) {
        reject(new EmulatorHttpError(413, `The request body is larger than ${MAX_BODY_BYTES} bytes.`));
        req.destroy();
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
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch (error) {
    throw new EmulatorHttpError(400, `The request body is not valid JSON: ${(error as Error).message}`);
  }
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
  return {
    'Elements-Request-Id': requestId,
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Expose-Headers': EXPOSED_HEADERS,
  };
}

/** Writes a handler's reply. */
export function sendReply(res: ServerResponse, requestId: string, reply: Reply): void {
  const headers: Record<string, string> = { ...baseHeaders(requestId), ...reply.headers };
  let payload: Buffer | undefined;
  if (reply.json !== undefined) {
    payload = Buffer.from(JSON.stringify(reply.json), 'utf8');
    headers['Content-Type'] ??= 'application/json';
  } else if (reply.bytes !== undefined) {
    payload = typeof reply.bytes === 'string' ? Buffer.from(reply.bytes, 'utf8') : reply.bytes;
    headers['Content-Type'] ??= reply.contentType ?? 'application/octet-stream';
  }
  headers['Content-Length'] = String(payload?.length ?? 0);
  res.writeHead(reply.status ?? 200, headers);
  res.end(payload);
}

/** Writes Cloud Elements' error body for an error thrown by a handler (any other error becomes a 500). */
export function sendError(res: ServerResponse, requestId: string, error: unknown): void {
  const httpError =
    error instanceof EmulatorHttpError
      ? error
      : new EmulatorHttpError(500, `The emulator failed: ${(error as Error)?.message ?? String(error)}`);
  const body: Record<string, string> = { requestId, message: httpError.message };
  if (httpError.providerMessage !== undefined) body.providerMessage = httpError.providerMessage;
  sendReply(res, requestId, { status: httpError.status, json: body, headers: httpError.headers });
}

/** Reads a boolean query parameter (`true`/`false`), or `undefined` when absent. */
export function queryBoolean(query: URLSearchParams, name: string): boolean | undefined {
  const value = query.get(name);
  if (value === null) return undefined;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new EmulatorHttpError(400, `Query parameter ${name} must be true or false, not '${value}'.`);
}
