import { createRandomSource, type RandomSource } from '../model/random.js';

/** A fault that fires on a share of requests, optionally only a limited number of times. */
export interface FaultShare {
  /** Share of matching requests hit, from 0 (never) to 1 (always). */
  share: number;
  /** Stop after firing this many times. @default Infinity */
  count?: number;
}

/** Fault knobs: settable at start (`startEmulator({ faults })`) and at run time (`emulator.faults.set()`). */
export interface FaultOptions {
  /** Delay added before every answer (errors and faults included; not drops or hangs). @default 0 */
  latencyMs?: number;
  /**
   * Answer `429` with `Retry-After`, on hub calls only: Cloud Elements has no rate limit of its own and passes on
   * the provider's 429, so platform calls never get one.
   */
  rateLimit?: FaultShare & {
    /** Value of the `Retry-After` header, in seconds. @default 1 */
    retryAfterSeconds?: number;
  };
  /** Answer a 5xx with Cloud Elements' error body. */
  serverError?: FaultShare & {
    /** Status of the answer: 500, 502, 503 or 504. @default 503 */
    status?: number;
  };
  /** Destroy the socket without answering. */
  drop?: FaultShare;
  /** Never answer (the socket stays open until the client gives up or the emulator closes). */
  hang?: FaultShare;
  /** Seed of the random source that picks the requests hit; the same seed and request order give the same faults. @default 1 */
  seed?: number;
  /** Which API calls faults apply to (path without `/elements/api-v2`). @default every API call */
  match?: (request: { method: string; path: string }) => boolean;
}

/** What happens to one request. */
export type FaultDecision =
  | { kind: 'none' }
  | { kind: 'drop' }
  | { kind: 'hang' }
  | { kind: 'rateLimit'; retryAfterSeconds: number }
  | { kind: 'serverError'; status: number };

/** How many times each fault fired since the emulator started (or since `reset()`). */
export interface FaultCounts {
  rateLimit: number;
  serverError: number;
  drop: number;
  hang: number;
}

const SERVER_ERROR_STATUSES = new Set([500, 502, 503, 504]);
const KINDS = ['drop', 'hang', 'rateLimit', 'serverError'] as const;

function checkOptions(options: FaultOptions): void {
  const fail = (what: string): never => {
    throw new TypeError(`[cloud-elements] emulator faults: ${what}`);
  };
  if (options.latencyMs !== undefined && !(options.latencyMs >= 0)) {
    fail(`latencyMs must be a number of milliseconds >= 0; got ${String(options.latencyMs)}.`);
  }
  for (const kind of KINDS) {
    const fault = options[kind];
    if (fault === undefined) continue;
    if (!(fault.share >= 0 && fault.share <= 1)) {
      fail(`${kind}.share must be between 0 and 1 (a share of requests); got ${String(fault.share)}.`);
    }
    if (fault.count !== undefined && !(fault.count >= 0))
      fail(`${kind}.count must be >= 0; got ${fault.count}.`);
  }
  const status = options.serverError?.status;
  if (status !== undefined && !SERVER_ERROR_STATUSES.has(status)) {
    fail(`serverError.status must be 500, 502, 503 or 504; got ${status}.`);
  }
}

/** Decides, request by request, which fault (if any) hits it. */
export class FaultController {
  #options: FaultOptions = {};
  #random: RandomSource = createRandomSource(1);
  #remaining = new Map<string, number>();
  #counts: FaultCounts = { rateLimit: 0, serverError: 0, drop: 0, hang: 0 };

  constructor(options: FaultOptions = {}) {
    this.set(options);
  }

  /** Replaces every fault knob (an empty object turns faults off) and restarts the random source from the seed. */
  set(options: FaultOptions): void {
    checkOptions(options);
    this.#options = { ...options };
    this.#random = createRandomSource(options.seed ?? 1);
    this.#remaining = new Map(KINDS.map((kind) => [kind, options[kind]?.count ?? Infinity]));
  }

  /** Turns every fault off. */
  clear(): void {
    this.set({});
  }

  /** The knobs in force. */
  get options(): Readonly<FaultOptions> {
    return this.#options;
  }

  /** How many times each fault fired. */
  get counts(): Readonly<FaultCounts> {
    return { ...this.#counts };
  }

  /** Resets the counts to zero. */
  resetCounts(): void {
    this.#counts = { rateLimit: 0, serverError: 0, drop: 0, hang: 0 };
  }

  /** Added latency of the current knobs, in ms. */
  get latencyMs(): number {
    return this.#options.latencyMs ?? 0;
  }

  /** Picks the fault for one API call. */
  decide(request: { method: string; path: string }): FaultDecision {
    const options = this.#options;
    if (options.match && !options.match(request)) return { kind: 'none' };
    for (const kind of KINDS) {
      const fault = options[kind];
      const remaining = this.#remaining.get(kind) ?? 0;
      if (!fault || fault.share <= 0 || remaining <= 0) continue;
      if (kind === 'rateLimit' && !request.path.startsWith('/hubs/')) continue;
      if (this.#random.next() >= fault.share) continue;
      this.#remaining.set(kind, remaining - 1);
      this.#counts[kind] += 1;
      if (kind === 'rateLimit') {
        return { kind, retryAfterSeconds: options.rateLimit?.retryAfterSeconds ?? 1 };
      }
      if (kind === 'serverError') return { kind, status: options.serverError?.status ?? 503 };
      return { kind };
    }
    return { kind: 'none' };
  }
}
