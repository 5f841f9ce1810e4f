import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { createHexId } from '../model/random.js';
import type { EmulatorState } from '../model/state.js';
import { authenticate } from './auth.js';
import { captivePage, deliver, faultError } from './fault-replies.js';
import type { FaultController, FaultDecision } from './faults.js';
import { API_BASE, parseJsonBody, readBody, renderError, renderReply, sendError, sendReply } from './http.js';
import { createRouter } from './router.js';
import type { Answer, RequestContext, Route } from './types.js';

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
  const router = createRouter(deps.routes);

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
    let answer: Answer;
    // A captive proxy answers in place of the API: the request never reaches a route.
    if (decision.kind === 'htmlAnswer') answer = captivePage();
    else {
      try {
        const error = faultError(decision);
        if (error) throw error;
        const found = router.find(method, path, isApi);
        const ctx: RequestContext = {
          method,
          path,
          params: found.params,
          query: url.searchParams,
          headers: req.headers,
          requestId,
          origin: deps.origin(),
          body,
          json: async () => parseJsonBody(await body()),
        };
        ctx.caller = authenticate(ctx, deps.state, found.route.auth);
        answer = renderReply(requestId, await found.route.handle(ctx));
      } catch (error) {
        answer = renderError(requestId, error);
      }
    }
    // Drain an unread body so the client can read our answer on a kept-alive connection.
    if (!cachedBody && !req.readableEnded) req.resume();
    if (isApi && deps.faults.latencyMs > 0) await delay(deps.faults.latencyMs);
    if (res.destroyed) return;
    deliver(res, answer, decision);
  };

  return createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent && !res.destroyed) sendError(res, createHexId(), error);
    });
  });
}
