import { setImmediate } from 'node:timers';
import { EmulatorHttpError } from '../errors.js';
import type { EmulatorState } from '../model/state.js';
import type { Reply, RequestContext, Route } from '../server/types.js';
import { deliver, deliveriesStopped } from './events.js';

/** The schema of the immediate answer to an asynchronous request (the spec's `HubAsyncRequestAccepted`). */
const ACCEPTED_SCHEMA = 'HubAsyncRequestAccepted';

function isAsyncRequest(ctx: RequestContext): boolean {
  const value = ctx.headers['elements-async-request'];
  return /^true$/i.test((Array.isArray(value) ? value[0] : value)?.trim() ?? '');
}

/** The callback URL of an asynchronous request: its `Elements-Async-Callback-Url`, else the instance's. */
function callbackUrl(ctx: RequestContext): string {
  const header = ctx.headers['elements-async-callback-url'];
  const sent = (Array.isArray(header) ? header[0] : header)?.trim();
  const url = sent || ctx.caller?.instance?.configuration.get('event.notification.callback.url');
  if (!url) {
    throw new EmulatorHttpError(
      400,
      'Elements-Async-Request needs a callback URL: send Elements-Async-Callback-Url, or set the ' +
        "instance's event.notification.callback.url.",
    );
  }
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:'))
    throw new EmulatorHttpError(400, `The async callback URL '${url}' is not an http(s) URL.`);
  return url;
}

/** One entry of `response.events`: a file or folder in the documented `{ path, metadata }` form, else the record. */
function eventOf(item: unknown): unknown {
  if (typeof item !== 'object' || item === null) return { value: item };
  const entry = item as Record<string, unknown>;
  if (typeof entry.path === 'string' && typeof entry.directory === 'boolean') {
    const name = typeof entry.name === 'string' ? entry.name : entry.path.split('/').pop();
    const type = entry.directory ? 'folder' : 'file';
    return { path: entry.path, metadata: { path: entry.path, name, type } };
  }
  return entry;
}

/**
 * The `response` of the callback. The documented form (reference §14.4, devportal tips.md) is `{ events: [...] }`
 * with one `{ path, metadata }` per file or folder a documents request touched; for other requests the emulator
 * lists the records the operation answered, and for a request that failed it adds `status` and Cloud Elements'
 * error body as `error` (the shape of such callbacks is not documented).
 */
async function responseOf(route: Route, ctx: RequestContext): Promise<Record<string, unknown>> {
  try {
    const reply = await route.handle(ctx);
    const items = reply.json === undefined ? [] : Array.isArray(reply.json) ? reply.json : [reply.json];
    return { events: items.map(eventOf) };
  } catch (error) {
    const failed =
      error instanceof EmulatorHttpError
        ? error
        : new EmulatorHttpError(500, `The emulator failed: ${(error as Error)?.message ?? String(error)}`);
    const body: Record<string, string> = { requestId: ctx.requestId, message: failed.message };
    if (failed.providerMessage !== undefined) body.providerMessage = failed.providerMessage;
    return { events: [], status: failed.status, error: body };
  }
}

/**
 * Wraps a hub route so that it honours `Elements-Async-Request: True` (reference §14.7): after the request checks,
 * the call answers at once `{ eventId, eventStatus: 'dispatched' }` (checked in strict mode against the spec's
 * `HubAsyncRequestAccepted`), then the operation runs and its result is POSTed, signed like event notifications, to
 * the request's `Elements-Async-Callback-Url` or else the instance's `event.notification.callback.url` as
 * `{ eventId, instanceId, notificationId, response }`, redelivered like event notifications when the receiver does not
 * take it. Without either URL the call is a 400. `Emulator.settle()` waits for the run and its delivery.
 */
export function withAsyncRequests(state: EmulatorState, route: Route): Route {
  if (route.auth !== 'instance') return route;
  return {
    ...route,
    handle: async (ctx): Promise<Reply> => {
      if (!isAsyncRequest(ctx)) return route.handle(ctx);
      const instance = ctx.caller?.instance;
      if (!instance) return route.handle(ctx);
      const url = callbackUrl(ctx);
      // Read the body now: once the answer is sent, the request stream is drained.
      await ctx.body();
      const eventId = state.nextId('async-event', 1001);
      // `node:timers`' setImmediate: `vi.useFakeTimers()` replaces the global one, and settle() would never end.
      const run = new Promise<void>((resolve) => setImmediate(resolve))
        .then(async () => {
          // Closed in the meantime: neither run the operation nor post its result (to the next test's receiver).
          if (deliveriesStopped(state)) return;
          const response = await responseOf(route, ctx);
          if (deliveriesStopped(state)) return;
          const payload = {
            eventId,
            instanceId: instance.id,
            notificationId: state.nextId('async-notification', 1001),
            response,
          };
          const key = instance.configuration.get('event.notification.signature.key');
          deliver(state, url, payload, key, { retry: true });
        })
        .finally(() => state.pending.delete(run));
      state.pending.add(run);
      return { json: { eventId, eventStatus: 'dispatched' }, schema: ACCEPTED_SCHEMA };
    },
  };
}
