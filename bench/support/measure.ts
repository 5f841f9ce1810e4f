/**
 * Timing and printing helpers shared by the benchmarks: interleaved rounds, medians, a plain-text table and the
 * `ratio <name>: <value>` lines that `npm run bench` is read by.
 */

/** One thing to time; `run` performs exactly one operation (one request, one call). */
export type BenchCase = {
  name: string;
  run: () => Promise<unknown>;
};

/** Bounds of {@link measureInterleaved}: counts, and a time cap so a slow machine cannot stall the run. */
export type InterleaveOptions = {
  /** Calls per case before anything is recorded (JIT warm-up, connection set-up); also capped by `maxMsPerRound`. */
  warmupCalls: number;
  /** Rounds; every round runs each case once, in a rotated order so no case always goes first. */
  rounds: number;
  /** Calls per case per round. */
  callsPerRound: number;
  /** Calls timed together as one sample (1 = every call is a sample; larger for sub-µs noise on cheap calls). */
  callsPerSample: number;
  /** A case's round stops early after this long. */
  maxMsPerRound: number;
};

/** Samples of one case: µs per call, one entry per sample, plus the median of each round. */
export type CaseSamples = { name: string; samplesUs: number[]; roundMediansUs: number[]; calls: number };

/** Median of `values` (which it sorts a copy of); `NaN` for none. */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** `p`-th percentile (nearest rank) of `values`; `NaN` for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

/**
 * Runs every case `rounds` times, interleaved, and returns µs per call samples per case. Cases run sequentially
 * (one call in flight at a time), so a sample is a latency, not a throughput under load. With `--expose-gc`, a
 * full GC runs (untimed) before each case's round.
 */
export async function measureInterleaved(
  cases: readonly BenchCase[],
  options: InterleaveOptions,
): Promise<CaseSamples[]> {
  const results: CaseSamples[] = cases.map((c) => ({
    name: c.name,
    samplesUs: [],
    roundMediansUs: [],
    calls: 0,
  }));
  for (const c of cases) {
    const stopAt = performance.now() + options.maxMsPerRound;
    for (let i = 0; i < options.warmupCalls && performance.now() < stopAt; i++) await c.run();
  }
  for (let round = 0; round < options.rounds; round++) {
    for (let k = 0; k < cases.length; k++) {
      const index = (k + round) % cases.length;
      const c = cases[index] as BenchCase;
      const out = results[index] as CaseSamples;
      // Each case starts from a collected heap, so the next case does not pay for this one's garbage. One GC, not
      // two: a full GC of this heap takes 0.1-0.2 s on the 2-core machine.
      globalThis.gc?.();
      const stopAt = performance.now() + options.maxMsPerRound;
      const roundSamples: number[] = [];
      for (let done = 0; done < options.callsPerRound && performance.now() < stopAt;) {
        const batch = Math.min(options.callsPerSample, options.callsPerRound - done);
        const start = performance.now();
        for (let i = 0; i < batch; i++) await c.run();
        roundSamples.push(((performance.now() - start) * 1000) / batch);
        out.calls += batch;
        done += batch;
      }
      out.samplesUs.push(...roundSamples);
      out.roundMediansUs.push(median(roundSamples));
    }
  }
  return results;
}

/**
 * Time ratio of case `a` to case `b`, paired by round: the median over rounds of (a's round median / b's round
 * median), so load that drifts between rounds cancels out. Also returns the lowest and highest round ratio.
 */
export function pairedRatio(a: CaseSamples, b: CaseSamples): { ratio: number; low: number; high: number } {
  const perRound = a.roundMediansUs.map((us, round) => us / (b.roundMediansUs[round] ?? NaN));
  return { ratio: median(perRound), low: Math.min(...perRound), high: Math.max(...perRound) };
}

/**
 * Runs `fn` in a tight loop for `durationMs`, `rounds` times, and returns the calls per second of each round.
 * For synchronous functions that take well under a microsecond to a few microseconds.
 */
export function measureOpsPerSecond(fn: () => unknown, rounds: number, durationMs: number): number[] {
  const perRound: number[] = [];
  let sink = 0;
  for (let round = 0; round < rounds; round++) {
    let calls = 0;
    const start = performance.now();
    let elapsed = 0;
    // Check the clock every 256 calls: reading it each call would cost as much as the cheapest functions here.
    while (elapsed < durationMs) {
      for (let i = 0; i < 256; i++) {
        const result = fn();
        if (result !== undefined) sink++;
      }
      calls += 256;
      elapsed = performance.now() - start;
    }
    perRound.push((calls / elapsed) * 1000);
  }
  // Keeps the results observable so the calls cannot be optimised away.
  if (sink < 0) console.log(sink);
  return perRound;
}

/** Prints `rows` under `header` as left-aligned, space-padded columns. */
export function printTable(
  title: string,
  header: readonly string[],
  rows: readonly (readonly string[])[],
): void {
  const widths = header.map((h, col) => Math.max(h.length, ...rows.map((r) => (r[col] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, col) => cell.padEnd(widths[col] ?? 0))
      .join('  ')
      .trimEnd();
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) console.log(line(row));
}

/** Prints the machine-readable `ratio <name>: <value>` line (two decimals). */
export function printRatio(name: string, value: number): void {
  console.log(`ratio ${name}: ${value.toFixed(2)}`);
}

/**
 * Prints a ratio with the target it is held to: `ratio <name> <value> (target <= t): holds` or `... does not hold`.
 * Lower is better for every target here.
 */
export function printTarget(name: string, value: number, target: number): void {
  const verdict = value <= target ? 'holds' : 'does not hold';
  console.log(`ratio ${name} ${value.toFixed(2)} (target <= ${target}): ${verdict}`);
}

/** Formats a number with `digits` decimals. */
export function formatNumber(value: number, digits = 1): string {
  return value.toFixed(digits);
}

/**
 * Collects garbage until the heap settles: a full GC, then a few short waits each followed by another, because
 * FinalizationRegistry clean-ups (how `AbortSignal.any` drops its dependants) run as tasks between GCs.
 * Returns `false` without `--expose-gc`.
 */
export async function settleHeap(): Promise<boolean> {
  if (!collectGarbage()) return false;
  for (let i = 0; i < 2; i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    collectGarbage();
  }
  return true;
}

/** Forces a full GC when the process runs with `--expose-gc` (the runner passes it); returns whether it could. */
export function collectGarbage(): boolean {
  if (typeof globalThis.gc !== 'function') return false;
  globalThis.gc();
  globalThis.gc();
  return true;
}
