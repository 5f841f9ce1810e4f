import { createHmac } from 'node:crypto';
import { findElement } from '../model/catalog.js';
import { createHexId } from '../model/random.js';
import type { EmulatorState } from '../model/state.js';
import type { EmulatorInstance, EventDelivery } from '../model/types.js';

/** How long the emulator waits for a receiver to answer one notification. */
const DELIVERY_TIMEOUT_MS = 10_000;

/** Event types Cloud Elements reports. */
export type EventType = 'CREATED' | 'UPDATED' | 'DELETED';

/** `sha256=` + base64 of the HMAC-SHA256 of the raw body, the `Elements-Webhook-Signature` value. */
export function signWebhookBody(body: string | Buffer, key: string): string {
  return `sha256=${createHmac('sha256', key).update(body).digest('base64')}`;
}

/**
 * POSTs a JSON body to a URL in the background, signed when `signatureKey` is given, and records the delivery in
 * `state.deliveries` (`Emulator.settle()` waits for it). Receivers' failures are recorded, never thrown.
 */
export function deliver(
  state: EmulatorState,
  url: string,
  payload: unknown,
  signatureKey?: string | null,
): void {
  const body = JSON.stringify(payload);
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'Elements-Webhook-Id': createHexId(),
    'User-Agent': 'cloud-elements-emulator',
  };
  if (signatureKey) headers['Elements-Webhook-Signature'] = signWebhookBody(body, signatureKey);
  const delivery: EventDelivery = { id: headers['Elements-Webhook-Id']!, url, body, headers };
  state.deliveries.push(delivery);
  const attempt = fetch(url, {
    method: 'POST',
    headers,
    body,
    signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
  })
    .then(async (response) => {
      delivery.status = response.status;
      await response.body?.cancel();
    })
    .catch((error: unknown) => {
      // fetch reports "fetch failed"; the reason (ECONNREFUSED, bad port, timeout) is in its cause.
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      delivery.error = cause?.code ?? cause?.message ?? (error as Error).message;
    })
    .finally(() => state.pending.delete(attempt));
  state.pending.add(attempt);
}

function isOn(value: string | null | undefined): boolean {
  return value?.trim().toLowerCase() === 'true';
}

function singular(name: string): string {
  return name.toLowerCase().replace(/ies$/, 'y').replace(/s$/, '');
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
 * Sends an event notification for a hub record change when the instance has `event.notification.enabled` set to
 * true and an `event.notification.callback.url`, signed with `event.notification.signature.key` when set.
 */
export function notifyRecordChange(
  state: EmulatorState,
  instance: EmulatorInstance,
  change: RecordChange,
): void {
  const config = instance.configuration;
  const url = config.get('event.notification.callback.url');
  if (!isOn(config.get('event.notification.enabled')) || !url || !watches(instance, change.objectType))
    return;
  const element = findElement(instance.elementKey);
  const date = state.nowIso();
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
      raw: { objectType: change.objectType, [change.objectType]: [change.record] },
      events: [
        {
          elementKey: instance.elementKey,
          eventType: change.eventType,
          objectId: change.objectId,
          objectType: change.objectType,
          hubKey: element?.hub ?? '',
          date,
        },
      ],
    },
  };
  deliver(state, url, payload, config.get('event.notification.signature.key'));
}

/** Waits until every delivery in flight has been answered or failed. */
export async function settleDeliveries(state: EmulatorState): Promise<void> {
  while (state.pending.size > 0) await Promise.allSettled([...state.pending]);
}
