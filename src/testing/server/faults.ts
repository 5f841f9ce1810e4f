import { createRandomSource, type RandomSource } from '../model/random.js';

/** A fault that fires on a share of requests, optionally only a limited number of times. */
export interface FaultShare {
  /** Share of matching requests hit, from 0 (never) to 1 (always). */
  share: number;
  /** Stop after firing this many times. @default Infinity */
  count?: number | undefined;
}

/** Fault knobs: settable at start (`startEmulator({ faults })`) and at run time (`emulator.faults.set()`). */
export interface FaultOptions {
  /** Delay added before every answer (errors and faults included; not drops or hangs), at most 2147483647. @default 0 */
  latencyMs?: number | undefined;
  /**
   * Answer `429` with `Retry-After`, on hub calls only: Cloud Elements has no rate limit of its own and passes on
   * the provider's 429, so platform calls never get one.
   */
  rateLimit?: FaultShare & {
    /** Wait asked for by `Retry-After`, in whole seconds (no upper limit). @default 1 */
    retryAfterSeconds?: number | undefined;
    /** Send `Retry-After` as an HTTP date that many seconds ahead (with a `Date` header of the same second). @default false */
    retryAfterDate?: boolean | undefined;
  };
  /** Answer a 5xx with Cloud Elements' error body. */
  serverError?: FaultShare & {
    /** Status of the answer: 500, 502, 503 or 504. @default 503 */
    status?: number | undefined;
  };
  /** Destroy the socket without answering. */
  drop?: FaultShare | undefined;
  /** Never answer (the socket stays open until the client gives up or the emulator closes). */
  hang?: FaultShare | undefined;
  /** Run the request for real (its changes stick), then destroy the socket without answering: a lost response. */
  lostResponse?: FaultShare | undefined;
  /** Answer `200` with a `text/html` login page, as a captive proxy would, without running the request. */
  htmlAnswer?: FaultShare | undefined;
  /** Run the request, send the answer's status and headers (full `Content-Length`), then never send the body. */
  stallAfterHeaders?: FaultShare | undefined;
  /** Run the request, send the headers and the first half of the body, then destroy the socket. */
  truncatedBody?: FaultShare | undefined;
  /** Run the request and send its body in small pieces with a pause between them. */
  slowBody?: FaultShare & {
    /** Bytes per piece. @default 16 */
    chunkBytes?: number | undefined;
    /** Pause between two pieces, in ms, at most 2147483647. @default 50 */
    delayMs?: number | undefined;
  };
  /** Seed of the random source that picks the requests hit; the same seed and request order give the same faults. @default 1 */
  seed?: number | undefined;
  /** Which API calls faults apply to (path without `/elements/api-v2`). @default every API call */
  match?: (request: { method: string; path: string }) => boolean;
}

/** What happens to one request. */
export type FaultDecision =
  | { kind: 'none' }
  | { kind: 'drop' }
  | { kind: 'hang' }
  | { kind: 'rateLimit'; retryAfterSeconds: number; retryAfterDate: boolean }
  | { kind: 'serverError'; status: number }
  | { kind: 'lostResponse' }
  | { kind: 'htmlAnswer' }
  | { kind: 'stallAfterHeaders' }
  | { kind: 'truncatedBody' }
  | { kind: 'slowBody'; chunkBytes: number; delayMs: number };

/** How many times each fault fired since the emulator started (or since `resetCounts()`). */
export interface FaultCounts {
  /** Requests answered 429. */
  rateLimit: number;
  /** Requests answered 500, 502, 503 or 504. */
  serverError: number;
  /** Connections dropped before any answer. */
  drop: number;
  /** Requests left without an answer. */
  hang: number;
  /** Requests carried out whose answer was then lost. */
  lostResponse: number;
  /** Requests answered with an HTML page instead of the API. */
  htmlAnswer: number;
  /** Answers stalled after their headers. */
  stallAfterHeaders: number;
  /** Answers cut off mid-body. */
  truncatedBody: number;
  /** Answers sent slowly, a few bytes at a time. */
  slowBody: number;
}

/** The longest delay a Node timer holds. */
const MAX_TIMER_MS = 2_147_483_647;
const SERVER_ERROR_STATUSES = new Set([500, 502, 503, 504]);
/** Faults in the order they are tried; new ones go last, so that a seed keeps hitting the same requests. */
const KINDS = [
  'drop',
  'hang',
  'rateLimit',
  'serverError',
  'lostResponse',
  'htmlAnswer',
  'stallAfterHeaders',
  'truncatedBody',
  'slowBody',
] as const;

const zeroCounts = (): FaultCounts => ({
  rateLimit: 0,
  serverError: 0,
  drop: 0,
  hang: 0,
  lostResponse: 0,
  htmlAnswer: 0,
  stallAfterHeaders: 0,
  truncatedBody: 0,
  slowBody: 0,
});

const TOP_LEVEL = new Set(['latencyMs', 'seed', 'match']);
/** The options of each fault kind beyond `share` and `count`. */
const KIND_OPTIONS: Partial<Record<(typeof KINDS)[number], string[]>> = {
  rateLimit: ['retryAfterSeconds', 'retryAfterDate'],
  serverError: ['status'],
  slowBody: ['chunkBytes', 'delayMs'],
};

function checkOptions(options: FaultOptions): void {
  const fail = (what: string): never => {
    throw new TypeError(`[cloud-elements] emulator faults: ${what}`);
  };
  // A timer holds at most 2147483647 ms: a longer delay (Infinity included) would fire at once, with a
  // TimeoutOverflowWarning, so it is refused rather than cut.
  if (options.latencyMs !== undefined && !(options.latencyMs >= 0 && options.latencyMs <= MAX_TIMER_MS)) {
    fail(
      `latencyMs must be a number of milliseconds from 0 to 2147483647; got ${String(options.latencyMs)}.`,
    );
  }
  for (const key of Object.keys(options)) {
    if (!TOP_LEVEL.has(key) && !(KINDS as readonly string[]).includes(key)) {
      fail(`unknown option "${key}"; the options are ${[...TOP_LEVEL, ...KINDS].join(', ')}.`);
    }
  }
  for (const kind of KINDS) {
    const fault = options[kind];
    if (fault === undefined) continue;
    // A misspelt knob (`stauts`) would be ignored without a word, and the test would not test what it says.
    const known = ['share', 'count', ...(KIND_OPTIONS[kind] ?? [])];
    for (const key of Object.keys(fault)) {
      if (!known.includes(key)) fail(`${kind} has no option "${key}"; its options are ${known.join(', ')}.`);
    }
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
  const retryAfter = options.rateLimit?.retryAfterSeconds;
  if (retryAfter !== undefined && !(Number.isSafeInteger(retryAfter) && retryAfter >= 0)) {
    fail(`rateLimit.retryAfterSeconds must be a whole number of seconds >= 0; got ${String(retryAfter)}.`);
  }
  const chunkBytes = options.slowBody?.chunkBytes;
  if (chunkBytes !== undefined && !(Number.isSafeInteger(chunkBytes) && chunkBytes >= 1)) {
    fail(`slowBody.chunkBytes must be a whole number of bytes >= 1; got ${String(chunkBytes)}.`);
  }
  const delayMs = options.slowBody?.delayMs;
  if (delayMs !== undefined && !(delayMs >= 0 && delayMs <= MAX_TIMER_MS)) {
    fail(`slowBody.delayMs must be a number of milliseconds from 0 to 2147483647; got ${String(delayMs)}.`);
  }
}

/** Decides, request by request, which fault (if any) hits it. */
export class FaultController {
  #options: FaultOptions = {};
  #random: RandomSource = createRandomSource(1);
  #remaining = new Map<string, number>();
  #counts: FaultCounts = zeroCounts();

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
    this.#counts = zeroCounts();
  }

  /** Added latency of the current knobs, in ms. */
  get latencyMs(): number {
    return this.#options.latencyMs ?? 0;
  }

  /**
   * Picks the fault for one API call: each kind, in the order drop, hang, rateLimit, serverError, lostResponse,
   * htmlAnswer, stallAfterHeaders, truncatedBody, slowBody, draws from the requests the earlier kinds left. The
   * pick uses nothing up: the server calls {@link fire} when the fault is put on the wire, which counts it and
   * takes it off its `count` (a 429 picked for a request that then fails authentication is never sent, so it does
   * not use the count up).
   */
  decide(request: { method: string; path: string }): FaultDecision {
    const options = this.#options;
    if (options.match && !options.match(request)) return { kind: 'none' };
    for (const kind of KINDS) {
      const fault = options[kind];
      const remaining = this.#remaining.get(kind) ?? 0;
      if (!fault || fault.share <= 0 || remaining <= 0) continue;
      if (kind === 'rateLimit' && !request.path.startsWith('/hubs/')) continue;
      if (this.#random.next() >= fault.share) continue;
      if (kind === 'rateLimit') {
        return {
          kind,
          retryAfterSeconds: options.rateLimit?.retryAfterSeconds ?? 1,
          retryAfterDate: options.rateLimit?.retryAfterDate ?? false,
        };
      }
      if (kind === 'serverError') return { kind, status: options.serverError?.status ?? 503 };
      if (kind === 'slowBody') {
        return {
          kind,
          chunkBytes: options.slowBody?.chunkBytes ?? 16,
          delayMs: options.slowBody?.delayMs ?? 50,
        };
      }
      return { kind };
    }
    return { kind: 'none' };
  }

  /**
   * Records that a fault {@link decide} picked is being answered: counts it and takes it off its `count`. False
   * (nothing recorded, the request is answered without it) when its `count` ran out meanwhile, as when requests
   * in flight together were picked for the last one.
   */
  fire(kind: FaultDecision['kind']): boolean {
    if (kind === 'none') return false;
    const remaining = this.#remaining.get(kind) ?? 0;
    if (remaining <= 0) return false;
    this.#remaining.set(kind, remaining - 1);
    this.#counts[kind] += 1;
    return true;
  }
}
