import type { EmulatorSpec, SpecOperation } from '../spec/document.js';
import type { AuthLevel, Reply, RequestContext, Route } from '../server/types.js';
import { exampleReply, notImplemented } from './examples.js';
import type { Handlers } from './types.js';

/** The check a spec operation needs; token-scoped platform calls (`/instances/...` with an element token) included. */
function authLevel(op: SpecOperation): AuthLevel {
  if (op.auth === 'instance') return op.path.startsWith('/hubs/') ? 'instance' : 'token';
  return op.auth;
}

/**
 * The emulator's route table: one route per spec operation (its method, path template and id), answered by the
 * operation's handler, else by the spec's example, else by a 501 that names it.
 */
export function routeTable(spec: EmulatorSpec, handlers: Handlers): Route[] {
  const byId = handlers as Record<string, ((ctx: RequestContext) => Reply | Promise<Reply>) | undefined>;
  return spec.operations.map((op) => {
    const example = exampleReply(op);
    return {
      method: op.method,
      path: op.path,
      auth: authLevel(op),
      operation: op,
      handle: byId[op.operationId] ?? (() => example ?? notImplemented(op)),
    };
  });
}
