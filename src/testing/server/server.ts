import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { EmulatorHttpError } from '../errors.js';
import { findElement } from '../model/catalog.js';
import { createHexId } from '../model/random.js';
import type { EmulatorState } from '../model/state.js';
import type { EmulatorSpec, SpecOperation } from '../spec/document.js';
import { negotiate } from '../spec/negotiation.js';
import { checkRequest } from '../spec/request.js';
import { answerProblems, schemaProblems } from '../spec/response.js';
import { authenticate } from './auth.js';
import { preflightReply } from './cors.js';
import { captivePage, deliver, faultError, wireFault } from './fault-replies.js';
import type { FaultController, FaultDecision } from './faults.js';
import { API_BASE, parseJsonBody, readBody, renderError, renderReply, sendError, sendReply } from './http.js';
import { createRouter, type RouteMatch, type Router } from './router.js';
import type { Answer, Caller, RequestContext, Route } from './types.js';

/** Dependencies of the HTTP server. */
export interface ServerDependencies {
  state: EmulatorState;
  faults: FaultController;
  /** API routes (one per spec operation) and site pages. */
  routes: Route[];
  spec: EmulatorSpec;
  /** Check every answer against the spec; a wrong one becomes a 500 and is reported to `onViolation`. */
  strict: boolean;
  onViolation(message: string): void;
  /** Called with each operation a request reached (past authentication and request checks). */
  onOperation?(op: SpecOperation): void;
  /** Called with each answer to a call that reached an operation, as it goes on the wire. */
  onAnswered?(call: AnsweredCall): void;
  /** The emulator's origin (known once it listens). */
  origin: () => string;
}

/** An answered call, for the usage log. */
export interface AnsweredCall {
  requestId: string;
  method: string;
  path: string;
  operation: SpecOperation;
  caller: Caller | undefined;
  status: number;
  /** Time the emulator took to answer, in ms. */
  processTime: number;
}

/** What `answerRoute` found out about a call, for the usage log and strict mode. */
interface CallTrace {
  /** The operation the call reached, once authenticated. */
  op?: SpecOperation | undefined;
  caller?: Caller | undefined;
  /** Refused by content negotiation (`415`, `406`): answered before the operation, so not checked against it. */
  refused?: boolean | undefined;
  /** The component schema the handler's answer is checked against instead of the operation's (`Reply.schema`). */
  schema?: string | undefined;
  /** Answered with an injected 429 or 5xx (not the API's answer, so not checked). */
  injected?: boolean | undefined;
}

/**
 * Cloud Elements routes hub calls by the element token and ignores the hub segment: with an sfdc token,
 * `/hubs/marketing/contacts` answers what `/hubs/crm/contacts` does (churros "should ignore any provided hub").
 * The emulator does the same by answering the call as the operation of the instance's own hub, so that an instance
 * is only ever served by its own hub's operations, shapes and checks.
 */
function ownHubRoute(
  router: Router,
  found: RouteMatch,
  path: string,
  caller: Caller | undefined,
): RouteMatch {
  const hub = caller?.instance && findElement(caller.instance.elementKey)?.hub;
  const segments = path.split('/');
  if (!hub || found.route.auth !== 'instance' || segments[1] !== 'hubs' || segments[2] === hub) return found;
  segments[2] = hub;
  return router.find(found.route.method, segments.join('/'), true);
}

/** Creates the emulator's node:http server (not yet listening). */
export function createEmulatorServer(deps: ServerDependencies): Server {
  const router = createRouter(deps.routes);

  /**
   * Runs a route: authentication, the instance's own hub, content negotiation, an injected 429 or 5xx, request
   * checks, then the handler. The fault comes after authentication and negotiation: Cloud Elements passes on a
   * provider's 429 only for a call it has authenticated and sent on, and a bad credential is a 401 whatever the
   * provider's load.
   */
  const answerRoute = async (
    ctx: RequestContext,
    found: RouteMatch,
    trace: CallTrace,
    decision: FaultDecision,
  ): Promise<Answer> => {
    const caller = authenticate(ctx, deps.state, found.route.auth);
    const own = ownHubRoute(router, found, ctx.path, caller);
    const op = own.route.operation;
    const hasBody = async () => (await ctx.body()).length > 0;
    if (op) {
      trace.op = op;
      trace.caller = caller;
      try {
        await negotiate(op, { headers: ctx.headers, hasBody });
      } catch (error) {
        trace.refused = true;
        throw error;
      }
    }
    // Counted (and taken off its `count`) only now that it is answered: a 401 or 404 before it is not the fault.
    const fault = faultError(decision);
    if (fault && deps.faults.fire(decision.kind)) {
      trace.injected = true;
      throw fault;
    }
    const call: RequestContext = { ...ctx, params: own.params, caller, ...(op ? { operation: op } : {}) };
    if (op) {
      await checkRequest(deps.spec, op, {
        params: own.params,
        query: ctx.query,
        headers: ctx.headers,
        json: () => ctx.json(),
        hasBody,
      });
      deps.onOperation?.(op);
    }
    const reply = await own.route.handle(call);
    trace.schema = reply.schema;
    // Hub answers name the instance that served them.
    const instance = own.route.auth === 'instance' ? caller?.instance : undefined;
    if (!instance) return renderReply(ctx.requestId, reply);
    const headers = { ...reply.headers, 'Elements-Element-Instance-Id': String(instance.id) };
    return renderReply(ctx.requestId, { ...reply, headers });
  };

  /** In strict mode, an answer that breaks the spec becomes a 500 that says why, and is reported. */
  const enforce = (trace: CallTrace, answer: Answer, requestId: string): Answer => {
    const op = trace.op;
    if (!deps.strict || !op || answer.status === 501 || trace.refused) return answer;
    const parts = {
      status: answer.status,
      contentType: answer.headers['Content-Type'],
      payload: answer.payload,
    };
    const problems = trace.schema
      ? schemaProblems(deps.spec, trace.schema, parts)
      : answerProblems(deps.spec, op, parts);
    if (problems.length === 0) return answer;
    const message = `Emulator strict mode: the answer breaks the spec: ${problems.join('; ')}`;
    deps.onViolation(message);
    return renderError(requestId, new EmulatorHttpError(500, message));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const requestId = createHexId();
    const started = performance.now();
    const url = new URL(req.url ?? '/', 'http://emulator.invalid');
    const method = (req.method ?? 'GET').toUpperCase();
    const isApi = url.pathname === API_BASE || url.pathname.startsWith(`${API_BASE}/`);
    const path = isApi ? url.pathname.slice(API_BASE.length) || '/' : url.pathname;

    if (method === 'OPTIONS') {
      sendReply(res, requestId, preflightReply(req.headers));
      return;
    }

    const decision: FaultDecision = isApi ? deps.faults.decide({ method, path }) : { kind: 'none' };
    if (decision.kind === 'drop' && deps.faults.fire('drop')) {
      req.socket.destroy();
      return;
    }
    // A hung request is left open on purpose; close() destroys its socket.
    if (decision.kind === 'hang' && deps.faults.fire('hang')) return;

    let cachedBody: Promise<Buffer> | undefined;
    let cachedJson: Promise<unknown> | undefined;
    const body = (): Promise<Buffer> => (cachedBody ??= readBody(req, deps.state.settings.maxBodyBytes));
    let answer: Answer;
    // A captive proxy answers in place of the API: the request never reaches a route.
    if (decision.kind === 'htmlAnswer' && deps.faults.fire('htmlAnswer')) answer = captivePage();
    else {
      const trace: CallTrace = {};
      try {
        const found = router.find(method, path, isApi);
        trace.op = found.route.operation;
        const ctx: RequestContext = {
          method,
          path,
          params: found.params,
          query: url.searchParams,
          headers: req.headers,
          requestId,
          origin: deps.origin(),
          body,
          json: () => (cachedJson ??= body().then(parseJsonBody)),
        };
        answer = await answerRoute(ctx, found, trace, decision);
      } catch (error) {
        answer = renderError(requestId, error);
      }
      // Injected faults are not the API's answers: only those are left unchecked.
      if (!trace.injected) answer = enforce(trace, answer, requestId);
      if (trace.op) {
        const processTime = Math.round(performance.now() - started);
        deps.onAnswered?.({
          requestId,
          method,
          path,
          operation: trace.op,
          caller: trace.caller,
          status: answer.status,
          processTime,
        });
      }
    }
    // Drain an unread body so the client can read our answer on a kept-alive connection.
    if (!cachedBody && !req.readableEnded) req.resume();
    if (isApi && deps.faults.latencyMs > 0) await delay(deps.faults.latencyMs);
    if (res.destroyed) return;
    // A wire fault is counted when it is put on the wire: an answer without a body (HEAD, 204, 304) has nothing to
    // stall, truncate or slow, so it goes out whole and leaves the fault for a later request.
    const onWire = wireFault(decision, method, answer) && deps.faults.fire(decision.kind);
    deliver(res, answer, onWire ? decision : { kind: 'none' });
  };

  return createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent && !res.destroyed) sendError(res, createHexId(), error);
    });
  });
}
