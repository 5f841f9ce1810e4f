/** Recognising webhook deliveries seen before: a bounded in-memory guard (the interface is in types.ts). */
import { describeValue, fail } from '../core/checks.js';
import { checkCount, checkOptions } from './inputs.js';
import type { ReplayGuard, ReplayGuardOptions } from './types.js';

/**
 * An in-memory {@link ReplayGuard} with bounded memory: at most `maxEntries` ids, each for at most `ttlMs`. It
 * tells an id in progress (claimed, its handler running) from one done (`complete`).
 *
 * @example
 * const verifier = createWebhookVerifier({ key, replayGuard: createReplayGuard() });
 */
export function createReplayGuard(options: ReplayGuardOptions = {}): ReplayGuard {
  checkOptions('createReplayGuard', options, '{ maxEntries }, or nothing');
  const maxEntries = options.maxEntries ?? 10_000;
  const ttlMs = options.ttlMs ?? 360_000_000;
  const now = options.now ?? Date.now;
  checkCount('maxEntries', maxEntries);
  if (typeof ttlMs !== 'number' || !(ttlMs > 0)) {
    fail(`ttlMs must be a positive number of milliseconds, got ${describeValue(ttlMs)}.`);
  }
  if (typeof now !== 'function') fail('now must be a clock function such as Date.now.');
  // Insertion order is expiry order (one ttl for all), so the oldest entries are always first.
  const seen = new Map<string, number>();
  // Claimed ids not yet completed: their handler still runs (see ReplayGuard). Always a subset of `seen`.
  const pending = new Set<string>();
  const release = (id: string) => {
    seen.delete(id);
    pending.delete(id);
  };
  return {
    claim(id) {
      if (typeof id !== 'string') fail(`A replay guard claims string ids, got ${describeValue(id)}.`);
      const time = now();
      for (const [oldId, expiresAt] of seen) {
        if (expiresAt > time) break;
        release(oldId);
      }
      if (seen.has(id)) return false;
      if (seen.size >= maxEntries) release(seen.keys().next().value!);
      seen.set(id, time + ttlMs);
      pending.add(id);
      return true;
    },
    release,
    complete(id) {
      pending.delete(id);
    },
    isInProgress: (id) => pending.has(id),
  };
}
