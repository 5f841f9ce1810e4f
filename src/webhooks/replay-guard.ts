/** Recognising webhook deliveries seen before: a bounded in-memory guard (the interface is in types.ts). */
import { describeValue, fail } from '../core/checks.js';
import { checkCount, checkOptions } from './inputs.js';
import type { ReplayGuard, ReplayGuardOptions } from './types.js';

/**
 * An in-memory {@link ReplayGuard} with bounded memory: at most `maxEntries` ids, each for at most `ttlMs`.
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
  return {
    claim(id) {
      if (typeof id !== 'string') fail(`A replay guard claims string ids, got ${describeValue(id)}.`);
      const time = now();
      for (const [oldId, expiresAt] of seen) {
        if (expiresAt > time) break;
        seen.delete(oldId);
      }
      if (seen.has(id)) return false;
      if (seen.size >= maxEntries) seen.delete(seen.keys().next().value!);
      seen.set(id, time + ttlMs);
      return true;
    },
    release(id) {
      seen.delete(id);
    },
  };
}
