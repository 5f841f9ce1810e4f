import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { authenticate, type AuthLevel } from './auth.js';
import type { FaultController, FaultDecision } from './faults.js';
import {
  API_BASE,
  EmulatorHttpError,
  parseJsonBody,
  readBody,
  sendError,
  sendReply,
  type Reply,
  type RequestContext,
} from './http.js';
import { createHexId } from './random.js';
import type { EmulatorState } from './state.js';

/** One route of the emulator. */
export interface Route {
  method: string;
  /** Path template; `{name}` matches one segment. Relative to `/elements/api-v2` unless `site` is set. */
  path: string;
  auth: AuthLevel;
  /** A page outside the API (the provider's consent page): absolute path, no faults. */
  site?: boolean;
  handle(ctx: RequestContext): Reply | Promise<Reply>;
}

interface CompiledRoute {
  route: Route;
  segments: string[];
  literals: number;
}

function splitPath(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

function compile(routes: Route[]): CompiledRoute[] {
  const compiled = routes.map((route) => {
    const segments = splitPath(route.path);
    return { route, segments, literals: segments.filter((s) => !s.startsWith('{')).length };
  });
  // Literal segments win over parameters, as Cloud Elements routes (`/instances/configuration` before `/instances/{id}`).
  return compiled.sort((a, b) => b.literals - a.literals);
}

function matchRoute(route: CompiledRoute, segments: string[]): Record<string, string> | undefined {
  if (route.segments.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, pattern] of route.segments.entries()) {
    const actual = segments[index]!;
    if (pattern.startsWith('{')) {
      try {
        params[pattern.slice(1, -1)] = decodeURIComponent(actual);
      } catch {
        throw new EmulatorHttpError(400, `The path segment '${actual}' is not valid percent-encoding.`);
      }
    } else if (pattern !== actual) {
      return undefined;
    }
  }
  return params;
}

/** Dependencies of the HTTP server. */
export interface ServerDependencies {
  state: EmulatorState;
  faults: FaultController;
  routes: Route[];
  /** The emulator's origin (known once it listens). */
  origin: () => string;
}

/** Creates the emulator's node:http server (not yet listening). */
export function createEmulatorServer(deps: ServerDependencies): Server {
  const api = compile(deps.routes.filter((route) => !route.site));
  const site = compile(deps.routes.filter((route) => route.site));

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const requestId = createHexId();
    const url = new URL(req.url ?? '/', 'http://emulator.invalid');
    const method = (req.method ?? 'GET').toUpperCase();
    const isApi = url.pathname === API_BASE || url.pathname.startsWith(`${API_BASE}/`);
    const path = isApi ? url.pathname.slice(API_BASE.length) || '/' : url.pathname;

    if (method === 'OPTIONS') {
      sendReply(res, requestId, {
        status: 204,
        headers: {
          'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE',
          'Access-Control-Allow-Headers': String(req.headers['access-control-request-headers'] ?? '*'),
        },
      });
      return;
    }

    const decision: FaultDecision = isApi ? deps.faults.decide({ method, path }) : { kind: 'none' };
    if (decision.kind === 'drop') {
      req.socket.destroy();
      return;
    }
    // A hung request is left open on purpose; close() destroys its socket.
    if (decision.kind === 'hang') return;

    let cachedBody: Promise<Buffer> | undefined;
    const body = (): Promise<Buffer> => (cachedBody ??= readBody(req));
    let reply: Reply | undefined;
    let failure: unknown;
    try {
      if (decision.kind === 'rateLimit') {
        throw new EmulatorHttpError(429, 'Rate limit exceeded', {
          providerMessage: `Too many requests; retry after ${decision.retryAfterSeconds} seconds.`,
          headers: { 'Retry-After': String(decision.retryAfterSeconds) },
        });
      }
      if (decision.kind === 'serverError') {
        const fromProvider = decision.status === 502 || decision.status === 504;
        throw new EmulatorHttpError(
          decision.status,
          fromProvider ? 'The provider returned an error.' : 'An unexpected error occurred.',
          fromProvider ? { providerMessage: 'Service Unavailable' } : {},
        );
      }
      const segments = splitPath(path);
      const candidates = (isApi ? api : site)
        .map((route) => ({ route, params: matchRoute(route, segments) }))
        .filter((found) => found.params !== undefined);
      const found = candidates.find((candidate) => candidate.route.route.method === method);
      if (!found) {
        if (candidates.length === 0)
          throw new EmulatorHttpError(404, `No resource found for ${method} ${path}`);
        const allowed = [...new Set(candidates.map((c) => c.route.route.method))].join(', ');
        throw new EmulatorHttpError(405, `Request method '${method}' not supported`, {
          headers: { Allow: allowed },
        });
      }
      const ctx: RequestContext = {
        method,
        path,
        params: found.params ?? {},
        query: url.searchParams,
        headers: req.headers,
        requestId,
        origin: deps.origin(),
        body,
        json: async () => parseJsonBody(await body()),
      };
      ctx.caller = authenticate(ctx, deps.state, found.route.route.auth);
      reply = await found.route.route.handle(ctx);
    } catch (error) {
      failure = error;
    }
    // Drain an unread body so the client can read our answer on a kept-alive connection.
    if (!cachedBody && !req.readableEnded) req.resume();
    if (isApi && deps.faults.latencyMs > 0) await delay(deps.faults.latencyMs);
    if (res.destroyed) return;
    if (reply) sendReply(res, requestId, reply);
    else sendError(res, requestId, failure);
  };

  return createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent && !res.destroyed) sendError(res, createHexId(), error);
    });
  });
}
