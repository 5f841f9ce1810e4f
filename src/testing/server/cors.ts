/**
 * CORS, in one place: the emulator answers pages of any origin, as Cloud Elements' API does, so that a web app,
 * or the SDK bundled for the browser, can call it cross-origin. Every answer carries {@link CORS_HEADERS}; a
 * preflight (`OPTIONS`) gets {@link preflightReply} before any fault or route.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Reply } from './types.js';

/**
 * Response headers a browser page may read: exactly those Cloud Elements exposes (reference §3, from churros'
 * headers test). Not `Retry-After` nor `Elements-Element-Instance-Id`: a page that reads them here would get `null`
 * from the real API.
 */
const EXPOSED_HEADERS =
  'Elements-Returned-Count, Elements-Total-Count, Elements-Request-Id, Elements-Next-Page-Token, ' +
  'Elements-Trace-Id, Elements-Error, Content-Disposition';

/** Headers of every answer: any origin may read it (no cookies are involved), with the headers above. */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': EXPOSED_HEADERS,
};

/** The answer to a preflight: every method the API uses, and the request headers the browser asked for. */
export function preflightReply(headers: IncomingHttpHeaders): Reply {
  return {
    status: 204,
    headers: {
      'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE',
      'Access-Control-Allow-Headers': String(headers['access-control-request-headers'] ?? '*'),
    },
  };
}
