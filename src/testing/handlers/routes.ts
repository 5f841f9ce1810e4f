import { EmulatorHttpError } from '../errors.js';
import { requireElement } from '../model/catalog.js';
import type { EmulatorState } from '../model/state.js';
import type { EmulatorSpec, SpecOperation } from '../spec/document.js';
import type { AuthLevel, Reply, RequestContext, Route } from '../server/types.js';
import { accountHandlers } from './accounts.js';
import { withAsyncRequests } from './async-requests.js';
import type { BulkEngine } from './bulk/jobs.js';
import { bulkHandlers } from './bulk/routes.js';
import { catalogHandlers } from './catalog.js';
import { docsHandlers } from './docs.js';
import { documentsHandlers } from './documents.js';
import { exampleReply, notImplemented } from './examples.js';
import { formulaHandlers } from './formulas.js';
import { hubHandlers, specResources } from './hubs.js';
import { instanceHandlers } from './instances.js';
import { notificationHandlers } from './notifications.js';
import { consentPages, oauthHandlers } from './oauth.js';
import { platformObjectHandlers } from './platform-objects.js';
import type { Handlers } from './types.js';
import { usageHandlers } from './usage.js';
import { userHandlers } from './users.js';

/** The check a spec operation needs; token-scoped platform calls (`/instances/...` with an element token) included. */
function authLevel(op: SpecOperation): AuthLevel {
  if (op.auth === 'instance') return op.path.startsWith('/hubs/') ? 'instance' : 'token';
  return op.auth;
}

/**
 * The emulator's route table: one route per spec operation (its method, path template and id), answered by the
 * operation's handler, else by the spec's example, else by a 501 that names it. Before an example, the check
 * `targets` gives for the operation (if any) runs: the example of an operation about one instance or element is no
 * answer for one that does not exist.
 */
export function routeTable(
  spec: EmulatorSpec,
  handlers: Handlers,
  targets: (op: SpecOperation) => ((ctx: RequestContext) => void) | undefined = () => undefined,
): Route[] {
  const byId = handlers as Record<string, ((ctx: RequestContext) => Reply | Promise<Reply>) | undefined>;
  return spec.operations.map((op) => {
    const example = exampleReply(op);
    const check = targets(op);
    const answer = (ctx: RequestContext) => {
      check?.(ctx);
      return example ?? notImplemented(op);
    };
    return {
      method: op.method,
      path: op.path,
      auth: authLevel(op),
      operation: op,
      handle: byId[op.operationId] ?? answer,
    };
  });
}

/**
 * For an operation whose path names an instance or an element, the check that answers 404, in Cloud Elements'
 * words, when the emulator does not hold it; worked out once per operation, not per request.
 */
function requireTargets(state: EmulatorState) {
  return (op: SpecOperation): ((ctx: RequestContext) => void) | undefined => {
    if (op.path.startsWith('/instances/{id}')) {
      return (ctx) => {
        if (!state.instances.has(Number(ctx.params['id']))) {
          throw new EmulatorHttpError(404, `No instance found with ID ${ctx.params['id']}`);
        }
      };
    }
    const element = /^\/elements\/\{(\w+)\}/.exec(op.path)?.[1];
    return element === undefined ? undefined : (ctx) => void requireElement(ctx.params[element] ?? '');
  };
}

/**
 * Every route of an emulator: the spec's operations with the handlers of every API area, and the provider's consent
 * pages; hub routes honour `Elements-Async-Request`. Registers the record resources the spec documents per hub, so the record handlers store them.
 */
export function emulatorRoutes(state: EmulatorState, spec: EmulatorSpec, bulk: BulkEngine): Route[] {
  for (const [hub, names] of specResources(spec.operations)) {
    const resources = (state.hubResources[hub] ??= {});
    for (const name of names) resources[name] ??= { idPrefix: '', requiredOnCreate: [] };
  }
  const handlers: Handlers = {
    ...hubHandlers(state, spec),
    ...catalogHandlers(),
    ...oauthHandlers(state),
    ...instanceHandlers(state),
    ...bulkHandlers(state, bulk),
    ...documentsHandlers(state),
    ...docsHandlers(state),
    ...formulaHandlers(state),
    ...platformObjectHandlers(state),
    ...notificationHandlers(state),
    ...usageHandlers(state),
    ...userHandlers(state),
    ...accountHandlers(state),
  };
  const routes = routeTable(spec, handlers, requireTargets(state)).map((route) =>
    withAsyncRequests(state, route),
  );
  return [...routes, ...consentPages(state)];
}
