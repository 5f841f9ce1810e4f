import type { ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { EmulatorHttpError } from '../errors.js';
import type { FaultDecision } from './faults.js';
import type { Answer } from './types.js';

/** The page a captive proxy (hotel Wi-Fi, corporate login) serves in place of the API's answer. */
const CAPTIVE_PAGE = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Network login</title></head>
<body>
<h1>Sign in to continue</h1>
<p>This network requires you to sign in before you can reach the internet.</p>
<form method="post" action="/login"><input name="code" placeholder="Access code"><button>Connect</button></form>
</body>
</html>
`;

/**
 * The `200 text/html` answer of the `htmlAnswer` fault. It comes from a proxy, not from Cloud Elements: no
 * `Elements-Request-Id`; CORS stays open so that a browser client can read it too.
 */
export function captivePage(): Answer {
  const payload = Buffer.from(CAPTIVE_PAGE, 'utf8');
  return {
    status: 200,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': String(payload.length),
      'Cache-Control': 'no-store',
      'Access-Control-Allow-Origin': '*',
    },
    payload,
  };
}

/** The error a `rateLimit` or `serverError` decision answers with, in place of the route; none for other faults. */
export function faultError(decision: FaultDecision): EmulatorHttpError | undefined {
  if (decision.kind === 'rateLimit') {
    const seconds = decision.retryAfterSeconds;
    const headers: Record<string, string> = { 'Retry-After': String(seconds) };
    if (decision.retryAfterDate) {
      // HTTP dates have whole seconds: the `Date` header and `Retry-After` are exactly `seconds` apart.
      const now = Math.floor(Date.now() / 1000) * 1000;
      headers.Date = new Date(now).toUTCString();
      headers['Retry-After'] = new Date(now + seconds * 1000).toUTCString();
    }
    return new EmulatorHttpError(429, 'Rate limit exceeded', {
      providerMessage: `Too many requests; retry after ${seconds} seconds.`,
      headers,
    });
  }
  if (decision.kind === 'serverError') {
    const fromProvider = decision.status === 502 || decision.status === 504;
    return new EmulatorHttpError(
      decision.status,
      fromProvider ? 'The provider returned an error.' : 'An unexpected error occurred.',
      fromProvider ? { providerMessage: 'Service Unavailable' } : {},
    );
  }
  return undefined;
}

/**
 * Whether a decision is a fault of the wire (lost, stalled, truncated or slow answer) that this answer can carry:
 * an answer without a body (to `HEAD`, a `204` or `304`, an empty payload) has nothing to stall, truncate or slow,
 * and a stalled `HEAD` would leave its keep-alive connection blocked for the next request. A lost response fits
 * every answer.
 */
export function wireFault(decision: FaultDecision, method: string, answer: Answer): boolean {
  switch (decision.kind) {
    case 'lostResponse':
      return true;
    case 'stallAfterHeaders':
    case 'truncatedBody':
    case 'slowBody':
      return method !== 'HEAD' && answer.status !== 204 && answer.status !== 304 && answer.payload.length > 0;
    default:
      return false;
  }
}

/** Writes the body in pieces of `chunkBytes` with `delayMs` between them; stops when the socket closes. */
async function writeSlowly(res: ServerResponse, payload: Buffer, chunkBytes: number, delayMs: number) {
  const closed = new AbortController();
  res.once('close', () => closed.abort());
  try {
    for (let at = 0; at < payload.length; at += chunkBytes) {
      if (at > 0) await delay(delayMs, undefined, { signal: closed.signal });
      if (res.destroyed) return;
      res.write(payload.subarray(at, at + chunkBytes));
    }
    res.end();
  } catch {
    // The client gave up or the emulator closed: the socket is gone, nothing left to write.
  }
}

/**
 * Puts an answer on the wire as the request's fault says: whole, lost (socket destroyed), stalled after the
 * headers, truncated, or slowly. The headers are always the real answer's, with its full `Content-Length`. An
 * answer without a body (`HEAD`, 204, 304; see {@link wireFault}) has nothing to stall, truncate or slow, so the
 * client sees it whole and the connection stays usable (and a body of one byte is not truncated).
 */
export function deliver(res: ServerResponse, answer: Answer, decision: FaultDecision): void {
  const fault: FaultDecision = wireFault(decision, res.req?.method ?? 'GET', answer)
    ? decision
    : { kind: 'none' };
  switch (fault.kind) {
    case 'lostResponse':
      res.destroy();
      return;
    case 'stallAfterHeaders':
      res.writeHead(answer.status, answer.headers);
      // Left open on purpose: the client gives up, or close() destroys the socket.
      res.flushHeaders();
      return;
    case 'truncatedBody': {
      res.writeHead(answer.status, answer.headers);
      const half = answer.payload.subarray(0, Math.floor(answer.payload.length / 2));
      if (half.length === 0) res.end(answer.payload);
      else res.write(half, () => res.destroy());
      return;
    }
    case 'slowBody':
      res.writeHead(answer.status, answer.headers);
      res.flushHeaders();
      void writeSlowly(res, answer.payload, fault.chunkBytes, fault.delayMs);
      return;
    default:
      res.writeHead(answer.status, answer.headers);
      res.end(answer.payload);
  }
}
