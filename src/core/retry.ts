import { follow, unfollow } from './caller-signals.js';
import { checkKnownKeys, describeValue, fail } from './checks.js';

/**
 * Retry policy. Which calls are retried, how often, and how long to wait in between. Safe methods are
 * retried by default; POST and PATCH only when a request opts in with `retry: true` (or a `RetryOptions` object).
 */
export type RetryOptions = {
  /**
   * Attempts in total, the first one included (`1` turns retries off).
   * @default 3
   */
  maxAttempts?: number | undefined;
  /**
   * Backoff cap for the first retry; it doubles for each further retry, up to `maxDelayMs`. The wait is a random
   * value between 0 and the cap ("full jitter").
   * @default 500
   */
  baseDelayMs?: number | undefined;
  /**
   * Longest wait between two attempts. A server's `Retry-After` above it is not waited: the call ends at once
   * with the 429 (`RateLimitError`, with `retryAfterMs`).
   * @default 30000
   */
  maxDelayMs?: number | undefined;
  /**
   * Limit for the whole call, all attempts and waits included; past it the call fails with `TimeoutError`, and
   * no retry starts that could not finish in time. `undefined` means no overall limit.
   * @default undefined
   */
  deadlineMs?: number | undefined;
  /**
   * Response statuses that are retried.
   * @default [408, 429, 500, 502, 503, 504]
   */
  statuses?: readonly number[] | undefined;
  /**
   * Methods retried without a per-request opt-in, on every listed status and on connection errors (a body cut off
   * mid-way among them, when it is read whole rather than handed out as a stream). Other
   * methods (POST, PATCH) are retried only on a 429 and on a refused connection, which Cloud Elements never acted on.
   * @default ['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']
   */
  methods?: readonly string[] | undefined;
  /**
   * Random source in [0, 1) for the jitter; inject a fixed one in tests.
   * @default Math.random
   */
  random?: (() => number) | undefined;
  /**
   * Waits `ms` milliseconds; inject a fake in tests so nothing waits for real. It may ignore `signal`: the SDK
   * stops waiting on abort itself.
   * @default a setTimeout-based sleep
   */
  sleep?: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined;
};

/** A {@link RetryOptions} with every default filled in. */
export type RetryPolicy = {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  deadlineMs: number | undefined;
  statuses: ReadonlySet<number>;
  methods: ReadonlySet<string>;
  random: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
};

/** Longest delay a timer can wait: `setTimeout` fires at once beyond 2^31-1 ms. */
export const MAX_TIMER_MS = 2_147_483_647;

/** Statuses retried by default: timeouts, rate limits and transient server failures. */
export const DEFAULT_RETRY_STATUSES: readonly number[] = [408, 429, 500, 502, 503, 504];
/** Methods retried by default: those that are safe to send twice. */
export const DEFAULT_RETRY_METHODS: readonly string[] = ['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS'];

/**
 * Waits `ms` milliseconds; rejects with `signal.reason` as soon as `signal` aborts. Beyond 2^31-1 ms a timer fires
 * at once, so a longer wait (`maxDelayMs: Infinity`) waits as long as a timer can.
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const follower = {
      handleEvent() {
        clearTimeout(timer);
        reject(signal?.reason);
      },
    };
    const timer = setTimeout(
      () => {
        if (signal) unfollow(signal, follower);
        resolve();
      },
      Math.min(Math.max(0, ms), MAX_TIMER_MS),
    );
    if (signal) follow(signal, follower);
  });
}

// The numeric options with their ranges, in the order they are checked.
const NUMBER_OPTIONS = [
  ['maxAttempts', 1, 100],
  ['baseDelayMs', 0, MAX_TIMER_MS],
  ['maxDelayMs', 0, MAX_TIMER_MS],
  ['deadlineMs', 1, MAX_TIMER_MS],
] as const;
// The list options: what each item must be, and how the message describes the items.
const LIST_OPTIONS = [
  // A function, not `Number.isInteger` itself: reading a global's property is a step a bundler must keep.
  ['statuses', (item: unknown) => Number.isInteger(item), 'HTTP status numbers such as [429, 503]'],
  ['methods', (item: unknown) => typeof item === 'string', "method names such as ['GET', 'PUT']"],
] as const;
const FUNCTION_OPTIONS = ['random', 'sleep'] as const;
/** All the options, for the check of misspelt ones (`attempts`). */
export const RETRY_OPTIONS = [
  'maxAttempts',
  'baseDelayMs',
  'maxDelayMs',
  'deadlineMs',
  'statuses',
  'methods',
  'random',
  'sleep',
];

/**
 * Fills in the defaults of `options` on top of `base` (the client's policy, when resolving a per-request
 * override) and checks every value, throwing a `TypeError` that says which option is wrong.
 */
export function resolveRetryPolicy(options: RetryOptions = {}, base?: RetryPolicy): RetryPolicy {
  if (options === null || typeof options !== 'object') {
    fail('retry must be an object of RetryOptions, true or false.');
  }
  checkKnownKeys('retry', options, RETRY_OPTIONS);
  const policy: RetryPolicy = base
    ? { ...base }
    : {
        maxAttempts: 3,
        baseDelayMs: 500,
        maxDelayMs: 30_000,
        deadlineMs: undefined,
        statuses: new Set(DEFAULT_RETRY_STATUSES),
        methods: new Set(DEFAULT_RETRY_METHODS),
        random: Math.random,
        sleep,
      };
  // The loops below write fields by name; each value is checked against its field's type before it is written.
  const fields = policy as Record<keyof RetryPolicy, unknown>;
  for (const [name, min, max] of NUMBER_OPTIONS) {
    const value = options[name];
    if (value === undefined) continue;
    // The range test also refuses NaN and infinities.
    if (typeof value !== 'number' || !(value >= min && value <= max)) {
      fail(`retry.${name} must be a number from ${min} to ${max}, got ${describeValue(value)}.`);
    }
    fields[name] = name === 'maxAttempts' ? Math.floor(value) : value;
  }
  for (const [name, isItem, items] of LIST_OPTIONS) {
    const list = options[name];
    if (list === undefined) continue;
    if (!Array.isArray(list) || !list.every(isItem)) {
      fail(`retry.${name} must be an array of ${items}.`);
    }
    // Methods are compared upper-cased, as Request gives them.
    fields[name] = new Set(name === 'methods' ? list.map((method: string) => method.toUpperCase()) : list);
  }
  for (const name of FUNCTION_OPTIONS) {
    const value = options[name];
    if (value === undefined) continue;
    if (typeof value !== 'function') {
      fail(`retry.${name} must be a function.`);
    }
    fields[name] = value;
  }
  return policy;
}

/**
 * Wait before retry number `retry` (1 for the first retry): the server's `Retry-After` when given, capped at
 * `maxDelayMs`; otherwise full jitter, `random() * min(maxDelayMs, baseDelayMs * 2^(retry-1))`.
 */
export function computeRetryDelayMs(policy: RetryPolicy, retry: number, retryAfterMs?: number): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, policy.maxDelayMs);
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(policy.random() * cap);
}
