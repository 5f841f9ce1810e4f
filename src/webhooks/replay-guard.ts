/** Recognising webhook deliveries seen before: a bounded in-memory guard (the interface is in types.ts). */
import { describeValue, fail } from '../core/checks.js';
import { checkCount, checkOptions } from './inputs.js';
import type { ReplayGuard, ReplayGuardOptions } from './types.js';

/**
 * An in-memory {@link ReplayGuard} with bounded memory: at most `maxEntries` ids, each for at most `ttlMs`. It
 * tells an id in progress (claimed, its handler running) from one done (`complete`); an id claimed and neither
 * completed nor released within `inProgressTtlMs` is let go, as the handler of a delivery that hung.
 *
 * @example
 * const verifier = createWebhookVerifier({ key, replayGuard: createReplayGuard() });
 */
export function createReplayGuard(options: ReplayGuardOptions = {}): ReplayGuard {
  checkOptions('createReplayGuard', options, '{ maxEntries, ttlMs, inProgressTtlMs }, or nothing');
  const maxEntries = options.maxEntries ?? 10_000;
  const ttlMs = options.ttlMs ?? 360_000_000;
  const inProgressTtlMs = options.inProgressTtlMs ?? 900_000;
  const now = options.now ?? Date.now;
  checkCount('maxEntries', maxEntries);
  for (const [name, value] of [
    ['ttlMs', ttlMs],
    ['inProgressTtlMs', inProgressTtlMs],
  ] as const) {
    if (typeof value !== 'number' || !(value > 0)) {
      fail(`${name} must be a positive number of milliseconds, got ${describeValue(value)}.`);
    }
  }
  if (typeof now !== 'function') fail('now must be a clock function such as Date.now.');
  // Insertion order is expiry order (one ttl for all), so the oldest entries are always first.
  const seen = new Map<string, number>();
  // Claimed ids not yet completed, with when they were claimed: their handler still runs (see ReplayGuard), unless
  // it has run for longer than `inProgressTtlMs`. Always a subset of `seen`.
  const pending = new Map<string, number>();
  const release = (id: string) => {
    seen.delete(id);
    pending.delete(id);
  };
  // A handler that has run this long is taken for hung: its id is let go, so that a redelivery is handled, rather
  // than refused as in progress through every retry until Cloud Elements stops sending it.
  const stale = (id: string, time: number) => time - (pending.get(id) ?? Infinity) >= inProgressTtlMs;
  return {
    claim(id) {
      if (typeof id !== 'string') fail(`A replay guard claims string ids, got ${describeValue(id)}.`);
      const time = now();
      for (const [oldId, expiresAt] of seen) {
        if (expiresAt > time) break;
        release(oldId);
      }
      if (stale(id, time)) release(id);
      if (seen.has(id)) return false;
      if (seen.size >= maxEntries) release(seen.keys().next().value!);
      seen.set(id, time + ttlMs);
      pending.set(id, time);
      return true;
    },
    release,
    complete(id) {
      pending.delete(id);
    },
    isInProgress: (id) => pending.has(id) && !stale(id, now()),
  };
}
