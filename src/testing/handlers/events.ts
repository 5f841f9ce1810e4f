import { createHmac } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { request as httpRequest, type ClientRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { performance } from 'node:perf_hooks';
import { clearTimeout, setTimeout } from 'node:timers';
import { setTimeout as delay } from 'node:timers/promises';
import { findElement } from '../model/catalog.js';
import { createHexId } from '../model/random.js';
import type { EmulatorState } from '../model/state.js';
import type { DeliveryAttempt, EmulatorInstance, EventDelivery } from '../model/types.js';

/** Event types Cloud Elements reports. */
export type EventType = 'CREATED' | 'UPDATED' | 'DELETED';

/** `sha256=` + base64 of the HMAC-SHA256 of the raw body, the `Elements-Webhook-Signature` value. */
export function signWebhookBody(body: string | Buffer, key: string): string {
  return `sha256=${createHmac('sha256', key).update(body).digest('base64')}`;
}

/**
 * Cloud Elements' redelivery schedule in ms: 9 retries, `2^(2x)` seconds after failure x (4 s, 16 s, ... about 73
 * hours; reference §14.6).
 */
export const CLOUD_ELEMENTS_RETRY_DELAYS_MS: readonly number[] = Array.from(
  { length: 9 },
  (_, index) => 4 ** (index + 1) * 1000,
);

/**
 * The emulator's default: the same schedule read in microseconds (4 µs, 16 µs, ... 262 ms; about 350 ms in all), so
 * that `settle()`, which waits for retries, ends soon even for a receiver that never takes a notification.
 */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = CLOUD_ELEMENTS_RETRY_DELAYS_MS.map(
  (ms) => ms / 1_000_000,
);

/** Stops the redeliveries of an emulator that closes. */
const stoppers = new WeakMap<EmulatorState, AbortController>();

function stopSignal(state: EmulatorState): AbortSignal {
  let controller = stoppers.get(state);
  if (!controller) {
    stoppers.set(state, (controller = new AbortController()));
    // Each delivery waiting for its next try listens on it: any number may wait at once (a bulk upload's).
    setMaxListeners(0, controller.signal);
  }
  return controller.signal;
}

/**
 * Cancels every redelivery still waiting and aborts the POSTs in flight (`Emulator.close()`): once closed, an
 * emulator sends nothing more, so that a late callback cannot reach the next test's receiver.
 */
export function stopDeliveries(state: EmulatorState): void {
  stopSignal(state);
  stoppers.get(state)!.abort();
}

/** Whether the emulator has closed (`stopDeliveries`): nothing more is sent. */
export function deliveriesStopped(state: EmulatorState): boolean {
  return stoppers.get(state)?.signal.aborted ?? false;
}

/** When an attempt ended, with milliseconds (unlike API dates), so that tests can measure the retry delays. */
function attemptDate(state: EmulatorState): string {
  return new Date(state.now()).toISOString();
}

/**
 * One POST with `node:http(s)`, not `fetch`: a test that mocks `globalThis.fetch` (`vi.stubGlobal`, msw, nock)
 * must not swallow the emulator's deliveries. Redirects are not followed. The time limit uses `node:timers`, which
 * `vi.useFakeTimers()` does not replace. Resolves with the status, or rejects with the reason (`ECONNREFUSED`,
 * `timeout`, `aborted`).
 */
function postOnce(delivery: EventDelivery, timeoutMs: number, signal: AbortSignal): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    let req: ClientRequest | undefined;
    const fail = (reason: string): void => {
      req?.destroy();
      reject(new Error(reason));
    };
    const timer = setTimeout(() => fail('timeout'), timeoutMs);
    const onStop = (): void => fail('aborted');
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onStop);
    };
    if (signal.aborted) {
      done();
      reject(new Error('aborted'));
      return;
    }
    signal.addEventListener('abort', onStop, { once: true });
    try {
      const url = new URL(delivery.url);
      if (url.protocol !== 'http:' && url.protocol !== 'https:')
        throw new Error(`unsupported protocol ${url.protocol}`);
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      const body = Buffer.from(delivery.body, 'utf8');
      req = send(url, {
        method: 'POST',
        headers: { ...delivery.headers, 'Content-Length': String(body.length) },
        // A connection of its own, closed after the answer: nothing stays open once the emulator closes.
        agent: false,
      });
      req.on('response', (response) => {
        done();
        // Only the status counts; the body is dropped, as fetch's `body.cancel()` did.
        response.destroy();
        resolve(response.statusCode ?? 0);
      });
      req.on('error', (error: NodeJS.ErrnoException) => {
        done();
        reject(new Error(error.code ?? error.message));
      });
      req.end(body);
    } catch (error) {
      done();
      reject(new Error((error as Error).message));
    }
  });
}

/** One POST of a delivery. Receivers' failures are recorded, never thrown. */
async function post(
  state: EmulatorState,
  delivery: EventDelivery,
  timeoutMs: number,
): Promise<DeliveryAttempt> {
  try {
    const status = await postOnce(delivery, timeoutMs, stopSignal(state));
    return { date: attemptDate(state), status };
  } catch (error) {
    return { date: attemptDate(state), error: (error as Error).message };
  }
}

/**
 * POSTs a JSON body to a URL in the background, signed when `signatureKey` is given, and records the delivery in
 * `state.deliveries`, which keeps the last `deliveryLogSize` (`Emulator.settle()` waits for it in `state.pending`).
 * With `retry`, a receiver that answers outside 2xx or does not answer gets the same request again after each delay
 * of `state.settings.eventRetryDelaysMs`, as Cloud Elements redelivers event notifications (reference §14.6); every
 * try is listed in the delivery's `attempts`.
 */
export function deliver(
  state: EmulatorState,
  url: string,
  payload: unknown,
  signatureKey?: string | null,
  options: { retry?: boolean } = {},
): void {
  // A closed emulator sends nothing: a late bulk tick or async run must not reach another test's receiver.
  if (deliveriesStopped(state)) return;
  const body = JSON.stringify(payload);
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'Elements-Webhook-Id': createHexId(),
    'User-Agent': 'cloud-elements-emulator',
  };
  if (signatureKey) headers['Elements-Webhook-Signature'] = signWebhookBody(body, signatureKey);
  const delivery: EventDelivery = { id: headers['Elements-Webhook-Id']!, url, body, headers, attempts: [] };
  state.deliveries.push(delivery);
  // The oldest goes, as in the usage log, so that a long run does not grow with every record change. Dropping it
  // from the log stops nothing: the run below keeps the entry (its retries still update it) and `settle()` waits
  // for `state.pending`, not for the log.
  while (state.deliveries.length > (state.settings.deliveryLogSize ?? 10_000)) state.deliveries.shift();
  const delays = options.retry ? (state.settings.eventRetryDelaysMs ?? []) : [];
  const signal = stopSignal(state);
  // One time limit for the delivery, its retries included: a receiver that never answers costs `settle()` this
  // once, not once per try. Measured with `node:perf_hooks`, which `vi.useFakeTimers()` does not freeze.
  const deadline = performance.now() + (state.settings.deliveryTimeoutMs ?? 10_000);
  const run = (async () => {
    for (let retry = 0; ; retry++) {
      const attempt = await post(state, delivery, Math.max(1, deadline - performance.now()));
      delivery.attempts.push(attempt);
      delivery.status = attempt.status;
      delivery.error = attempt.error;
      const taken = attempt.status !== undefined && attempt.status >= 200 && attempt.status < 300;
      const wait = delays[retry];
      // A try that ran out of time used the delivery's time up (a timer may fire a fraction of a ms early).
      const timedOut = attempt.error === 'timeout';
      if (taken || timedOut || wait === undefined || signal.aborted || performance.now() + wait >= deadline)
        return;
      try {
        await delay(wait, undefined, { signal });
      } catch {
        return;
      }
    }
  })().finally(() => state.pending.delete(run));
  state.pending.add(run);
}

function isOn(value: string | null | undefined): boolean {
  return value?.trim().toLowerCase() === 'true';
}

function singular(name: string): string {
  return name.toLowerCase().replace(/ies$/, 'y').replace(/s$/, '');
}

/** Where the instance's event notifications go: its callback URL, when events are on. */
function callbackUrl(instance: EmulatorInstance): string | undefined {
  const config = instance.configuration;
  const url = config.get('event.notification.callback.url');
  return isOn(config.get('event.notification.enabled')) && url ? url : undefined;
}

/** Whether the instance's `event.objects` (when set) names this resource, as `Contact` or `contacts`. */
function watches(instance: EmulatorInstance, objectType: string): boolean {
  const objects = instance.configuration.get('event.objects');
  if (!objects) return true;
  return objects.split(',').some((name) => singular(name.trim()) === singular(objectType));
}

/** A change to one hub record, to report to the instance's callback URL. */
export interface RecordChange {
  objectType: string;
  eventType: EventType;
  objectId: string;
  /** The record after the change (before it, for deletes). */
  record: Record<string, unknown>;
}

/**
 * Most events in one notification: 10 when Cloud Elements polls the provider, 20 when the provider sends webhooks
 * (reference §14.4, "up to 10 event objects per notification for polling, 20 for webhooks").
 */
function batchSize(instance: EmulatorInstance): number {
  return instance.configuration.get('event.vendor.type')?.trim().toLowerCase() === 'polling' ? 10 : 20;
}

/**
 * Sends event notifications for hub record changes when the instance has `event.notification.enabled` set to true
 * and an `event.notification.callback.url`, signed with `event.notification.signature.key` when set. Changes made
 * together (a bulk upload) share notifications, up to 10 events each for a polling instance and 20 otherwise; each
 * notification's `raw` holds the records of its own events (Cloud Elements repeats the whole provider body in every
 * notification of a split batch, which for a large upload the emulator does not copy).
 */
export function notifyRecordChanges(
  state: EmulatorState,
  instance: EmulatorInstance,
  changes: readonly RecordChange[],
): void {
  const url = callbackUrl(instance);
  if (!url) return;
  const watched = changes.filter((change) => watches(instance, change.objectType));
  const element = findElement(instance.elementKey);
  const date = state.nowIso();
  const size = batchSize(instance);
  for (let start = 0; start < watched.length; start += size) {
    const batch = watched.slice(start, start + size);
    const raw: Record<string, unknown> = { objectType: batch[0]!.objectType };
    for (const change of batch) ((raw[change.objectType] ??= []) as unknown[]).push(change.record);
    const payload = {
      message: {
        eventId: createHexId(),
        elementKey: instance.elementKey,
        instanceId: instance.id,
        instance_id: instance.id,
        instanceName: instance.name,
        instanceTags: instance.tags,
        accountId: state.organization.id,
        companyId: state.organization.id,
        userId: instance.userId,
        raw,
        events: batch.map((change) => ({
          elementKey: instance.elementKey,
          eventType: change.eventType,
          objectId: change.objectId,
          objectType: change.objectType,
          hubKey: element?.hub ?? '',
          date,
        })),
      },
    };
    deliver(state, url, payload, instance.configuration.get('event.notification.signature.key'), {
      retry: true,
    });
  }
}

/** Sends the event notification of one hub record change (see {@link notifyRecordChanges}). */
export function notifyRecordChange(
  state: EmulatorState,
  instance: EmulatorInstance,
  change: RecordChange,
): void {
  notifyRecordChanges(state, instance, [change]);
}

/** A change to one file or folder of a documents instance, to report to the instance's callback URL. */
export interface DocumentChange {
  objectType: 'files' | 'folders';
  /** The item's path as the call named it. */
  path: string;
  name: string;
}

/**
 * Sends the event notification of a documents change, which Cloud Elements POSTs in the `response` form, not the
 * `message` form of other hubs: `{ eventId, instanceId, response: { events: [{ path, metadata }] }, notificationId }`
 * (the folder-create example of devportal docs/guides/event-management/triggering.md; the spec's
 * `AsyncEventNotification`). That form says which item changed, not how: it has no `eventType`.
 */
export function notifyDocumentChange(
  state: EmulatorState,
  instance: EmulatorInstance,
  change: DocumentChange,
): void {
  const url = callbackUrl(instance);
  if (!url || !watches(instance, change.objectType)) return;
  const metadata = {
    path: change.path,
    name: change.name,
    type: change.objectType === 'files' ? 'file' : 'folder',
  };
  const payload = {
    eventId: state.nextId('async-event', 1001),
    instanceId: instance.id,
    response: { events: [{ path: change.path, metadata }] },
    notificationId: state.nextId('async-notification', 1001),
  };
  deliver(state, url, payload, instance.configuration.get('event.notification.signature.key'), {
    retry: true,
  });
}

/** Waits until every delivery in flight has been answered or failed. */
export async function settleDeliveries(state: EmulatorState): Promise<void> {
  while (state.pending.size > 0) await Promise.allSettled([...state.pending]);
}
