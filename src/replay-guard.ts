/** Rejecting webhook deliveries seen before: the guard interface and a bounded in-memory guard. */

const prefix = '[cloud-elements]';

/**
 * Remembers delivery ids to reject replays. `claim` returns `true` the first time it sees an id (and records
 * it), `false` after. Implement it over a shared store (Redis `SET NX`, a database) when several processes
 * receive webhooks.
 */
export type ReplayGuard = {
  /** Records `id`; `false` when it was already recorded. */
  claim(id: string): boolean | Promise<boolean>;
  /** Forgets `id`, so a redelivery is accepted: call it when handling the event failed. */
  release(id: string): void | Promise<void>;
};

/** Options of {@link createReplayGuard}. */
export type ReplayGuardOptions = {
  /**
   * Most ids kept; the oldest is forgotten when more arrive, so memory stays bounded.
   *
   * @default 10_000
   */
  maxEntries?: number;
  /**
   * How long an id is remembered, in milliseconds. Cloud Elements retries a failed delivery for up to about
   * 73 hours, so keep it at least that long if redeliveries must be caught.
   *
   * @default 259_200_000 (72 hours)
   */
  ttlMs?: number;
  /** Clock, for tests. @default Date.now */
  now?: () => number;
};

/**
 * An in-memory {@link ReplayGuard} with bounded memory: at most `maxEntries` ids, each for at most `ttlMs`.
 *
 * @example
 * const verifier = createWebhookVerifier({ key, replayGuard: createReplayGuard() });
 */
export function createReplayGuard(options: ReplayGuardOptions = {}): ReplayGuard {
  const maxEntries = options.maxEntries ?? 10_000;
  const ttlMs = options.ttlMs ?? 259_200_000;
  const now = options.now ?? Date.now;
  if (!Number.isSafeInteger(maxEntries) || maxEntries < 1) {
    throw new TypeError(`${prefix} maxEntries must be a whole number >= 1, got ${String(maxEntries)}.`);
  }
  if (typeof ttlMs !== 'number' || !(ttlMs > 0)) {
    throw new TypeError(`${prefix} ttlMs must be a positive number of milliseconds, got ${String(ttlMs)}.`);
  }
  // Insertion order is expiry order (one ttl for all), so the oldest entries are always first.
  const seen = new Map<string, number>();
  return {
    claim(id) {
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
