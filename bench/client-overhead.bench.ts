/**
 * What a request costs through the SDK compared with Node's fetch and with plain openapi-fetch.
 *
 * Part 1 (real I/O): sequential keep-alive GETs against a node:http server in a child process on 127.0.0.1.
 * Part 2 (no I/O): the same calls with `fetch` replaced by a stub that returns a ready Response, so the time left is
 * the wrappers' own work (Request/Headers construction, middleware, retry bookkeeping, logging).
 * Part 3 (memory): heap retained per `createClient` / `forInstance` client.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import createFetchClient from 'openapi-fetch';
import type { paths } from '../generated/schema.js';
import { request as undiciRequest } from 'undici';
import { createClient, type CloudElementsClient, type LogRecord } from '../src/client/index.js';
import { createUndiciFetch } from '../src/node/index.js';
import {
  formatNumber,
  measureInterleaved,
  median,
  pairedRatio,
  percentile,
  printRatio,
  printTable,
  printTarget,
  settleHeap,
  type BenchCase,
  type CaseSamples,
} from './support/measure.js';

// BENCH_SCALE=0.1 gives a quick smoke run; the figures in bench/README.md are from the default 1.
const scale = Math.max(0.01, Number(process.env['BENCH_SCALE'] ?? '1') || 1);
const count = (n: number) => Math.max(1, Math.round(n * scale));

const userSecret = 'bench-user-secret';
const organizationSecret = 'bench-org-secret';
const elementToken = 'bench-element-token';
const authorization = `User ${userSecret}, Organization ${organizationSecret}`;
const instanceId = 123;

type ServerStats = { requests: number; withElementToken: number; connections: number };

function startServer() {
  const child = fork(fileURLToPath(new URL('./support/keep-alive-server.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('bench server did not start within 15 s')), 15_000);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`bench server exited early with code ${code}`)));
    child.on('message', (message: { type?: string; port?: number }) => {
      if (message.type === 'listening' && typeof message.port === 'number') {
        clearTimeout(timer);
        resolve(message.port);
      }
    });
  });
  const stats = () =>
    new Promise<ServerStats>((resolve) => {
      child.on('message', function onMessage(message: ServerStats & { type?: string }) {
        if (message.type !== 'stats') return;
        child.off('message', onMessage);
        resolve(message);
      });
      child.send({ type: 'stats' });
    });
  const stop = () => {
    child.removeAllListeners('exit');
    if (child.connected) child.disconnect();
  };
  return { port, stats, stop };
}

function expectInstance(data: unknown): void {
  if ((data as { id?: unknown } | undefined)?.id !== instanceId) {
    throw new Error(`benchmark call did not return instance ${instanceId}: ${JSON.stringify(data)}`);
  }
}

/**
 * The six ways of making the same GET /instances/123 call, all sending the same Authorization header: on `fetchFn`
 * when given (the stub of the no-I/O part), else each client on its default fetch, as users run them: Node's
 * global fetch for both, and the SDK's default path, where the attempt's signal goes to fetch alone instead of onto
 * the Request that openapi-fetch builds.
 */
function buildCases(
  baseUrl: string,
  fetchFn: ((request: Request) => Promise<Response>) | undefined,
  rawFetch: BenchCase,
) {
  const fetchOption = fetchFn ? { fetch: fetchFn } : {};
  const plain = createFetchClient<paths>({
    baseUrl,
    ...fetchOption,
    headers: { Authorization: authorization },
  });
  let logged = 0;
  const logger = (record: LogRecord) => {
    if (record.outcome === 'response') logged++;
  };
  const sdk: CloudElementsClient = createClient({
    userSecret,
    organizationSecret,
    baseUrl,
    ...fetchOption,
    // Retries on (3 attempts, as by default) so each call pays for the retry bookkeeping; the server never fails.
    retry: { maxAttempts: 3 },
    logger,
  });
  const instance = sdk.forInstance(elementToken);
  const params = { params: { path: { id: instanceId } } };
  const cases: BenchCase[] = [
    rawFetch,
    {
      name: 'openapi-fetch',
      run: async () => expectInstance((await plain.GET('/instances/{id}', params)).data),
    },
    {
      // What a user adds to plain openapi-fetch to get a time limit at all: fetch then takes an AbortSignal,
      // which Node's fetch charges for (listeners, a weak reference, a finalizer), as it does for the SDK's.
      name: 'openapi-fetch+timeout',
      run: async () =>
        expectInstance(
          (await plain.GET('/instances/{id}', { ...params, signal: AbortSignal.timeout(30_000) })).data,
        ),
    },
    { name: 'sdk', run: async () => expectInstance((await sdk.GET('/instances/{id}', params)).data) },
    {
      name: 'sdk-forInstance',
      run: async () => expectInstance((await instance.GET('/instances/{id}', params)).data),
    },
    {
      name: 'sdk-forInstance-per-call',
      run: async () =>
        expectInstance((await sdk.forInstance(elementToken).GET('/instances/{id}', params)).data),
    },
  ];
  return { cases, loggedResponses: () => logged };
}

/** Prints the table of a run and returns a ratio function over its cases (paired by round). */
function summarize(title: string, results: CaseSamples[]): (a: string, b: string) => number {
  const byName = new Map(results.map((r) => [r.name, r]));
  const pair = (a: string, b: string) => {
    const left = byName.get(a);
    const right = byName.get(b);
    if (!left || !right) throw new Error(`no benchmark case ${left ? b : a}`);
    return pairedRatio(left, right);
  };
  printTable(
    title,
    ['case', 'calls', 'median µs', 'p90 µs', 'mean µs', 'x raw-fetch', 'rounds (min-max)'],
    results.map((r) => {
      const { ratio, low, high } = pair(r.name, 'raw-fetch');
      return [
        r.name,
        String(r.calls),
        formatNumber(median(r.samplesUs)),
        formatNumber(percentile(r.samplesUs, 90)),
        formatNumber(r.samplesUs.reduce((a, b) => a + b, 0) / r.samplesUs.length),
        formatNumber(ratio, 2),
        `${formatNumber(low, 2)}-${formatNumber(high, 2)}`,
      ];
    }),
  );
  return (a, b) => pair(a, b).ratio;
}

async function benchRealIo(): Promise<void> {
  const server = startServer();
  try {
    const port = await server.port;
    const baseUrl = `http://127.0.0.1:${port}/elements/api-v2`;
    const url = `${baseUrl}/instances/${instanceId}`;
    const rawFetch: BenchCase = {
      name: 'raw-fetch',
      run: async () => {
        const response = await fetch(url, { headers: { Authorization: authorization } });
        expectInstance(await response.json());
      },
    };
    // Every case on Node's global fetch, each client with its default options.
    const { cases, loggedResponses } = buildCases(baseUrl, undefined, rawFetch);
    // The floor: undici.request alone; and the SDK on the ./node undici transport.
    const sdkUndici = createClient({
      userSecret,
      organizationSecret,
      baseUrl,
      fetch: await createUndiciFetch(),
    });
    const params = { params: { path: { id: instanceId } } };
    cases.push(
      {
        name: 'undici.request',
        run: async () => {
          const answer = await undiciRequest(url, { headers: { authorization } });
          expectInstance(await answer.body.json());
        },
      },
      {
        name: 'sdk-undici',
        run: async () => expectInstance((await sdkUndici.GET('/instances/{id}', params)).data),
      },
    );
    const results = await measureInterleaved(cases, {
      warmupCalls: count(300),
      // 15 rounds: the ratio is the median of the rounds' ratios, and a round on the shared machine can be
      // 0.9 or 1.4 on its own.
      rounds: 15,
      callsPerRound: count(600),
      callsPerSample: 1,
      maxMsPerRound: 500,
    });
    const ratio = summarize(
      'Real I/O: sequential GET /instances/123 over keep-alive to 127.0.0.1 (server in a child process)',
      results,
    );
    const stats = await server.stats();
    console.log(
      `server saw ${stats.requests} requests (${stats.withElementToken} with an Element token) on ` +
        `${stats.connections} connection(s); SDK logger got ${loggedResponses()} response records`,
    );
    printRatio('openapi-fetch/raw-fetch', ratio('openapi-fetch', 'raw-fetch'));
    printRatio('sdk/raw-fetch', ratio('sdk', 'raw-fetch'));
    printRatio('sdk-forInstance/raw-fetch', ratio('sdk-forInstance', 'raw-fetch'));
    printRatio('sdk-forInstance-per-call/raw-fetch', ratio('sdk-forInstance-per-call', 'raw-fetch'));
    printRatio('sdk/openapi-fetch', ratio('sdk', 'openapi-fetch'));
    printRatio('openapi-fetch+timeout/openapi-fetch', ratio('openapi-fetch+timeout', 'openapi-fetch'));
    printRatio('sdk/openapi-fetch+timeout', ratio('sdk', 'openapi-fetch+timeout'));
    printRatio('undici.request/raw-fetch', ratio('undici.request', 'raw-fetch'));
    printTarget('get sdk/openapi-fetch', ratio('sdk', 'openapi-fetch'), 1.03);
    printTarget('get sdk-undici/raw-fetch', ratio('sdk-undici', 'raw-fetch'), 0.9);
  } finally {
    server.stop();
  }
}

async function benchNoIo(): Promise<void> {
  const body = JSON.stringify({
    id: instanceId,
    name: 'bench instance',
    element: { key: 'sfdc' },
    valid: true,
  });
  const stub = async (_request: Request | string, _init?: RequestInit): Promise<Response> =>
    new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } });
  const baseUrl = 'http://127.0.0.1:9/elements/api-v2';
  const url = `${baseUrl}/instances/${instanceId}`;
  // The floor: a Response is made and parsed, nothing else. Wrapper overhead = case − this.
  const rawFetch: BenchCase = {
    name: 'raw-fetch',
    run: async () => {
      const response = await stub(url, { headers: { Authorization: authorization } });
      expectInstance(await response.json());
    },
  };
  const { cases } = buildCases(baseUrl, stub, rawFetch);
  const results = await measureInterleaved(cases, {
    warmupCalls: count(2000),
    rounds: 5,
    callsPerRound: count(2500),
    callsPerSample: 100,
    maxMsPerRound: 400,
  });
  const ratio = summarize(
    'No I/O: fetch stubbed with a ready Response (raw-fetch = stub + json(), the floor)',
    results,
  );
  const medians = new Map(results.map((r) => [r.name, median(r.samplesUs)]));
  const floor = medians.get('raw-fetch') ?? NaN;
  printTable(
    'Wrapper overhead per call (median minus the stub floor)',
    ['case', 'overhead µs', 'calls/s'],
    results
      .filter((r) => r.name !== 'raw-fetch')
      .map((r) => {
        const us = medians.get(r.name) ?? NaN;
        return [r.name, formatNumber(us - floor), formatNumber(1e6 / us, 0)];
      }),
  );
  printRatio('no-io openapi-fetch/raw-fetch', ratio('openapi-fetch', 'raw-fetch'));
  printRatio('no-io sdk/raw-fetch', ratio('sdk', 'raw-fetch'));
  printRatio('no-io sdk/openapi-fetch', ratio('sdk', 'openapi-fetch'));
  printRatio('no-io sdk-forInstance-per-call/sdk', ratio('sdk-forInstance-per-call', 'sdk'));
}

async function benchClientMemory(): Promise<void> {
  if (!(await settleHeap())) {
    console.log('\nMemory: skipped (run with node --expose-gc, as `npm run bench` does)');
    return;
  }
  const n = count(500);
  const retainedBytesPerItem = async (make: (i: number) => unknown) => {
    const kept: unknown[] = [];
    await settleHeap();
    const before = process.memoryUsage().heapUsed;
    const start = performance.now();
    for (let i = 0; i < n; i++) kept.push(make(i));
    const createUs = ((performance.now() - start) * 1000) / n;
    await settleHeap();
    const bytes = (process.memoryUsage().heapUsed - before) / n;
    // `kept` must stay alive until after the measurement.
    if (kept.length !== n) throw new Error('lost clients');
    return { bytes, createUs };
  };
  const sdk = createClient({ userSecret, organizationSecret, baseUrl: 'http://127.0.0.1:9/elements/api-v2' });
  const created = await retainedBytesPerItem(() =>
    createClient({ userSecret, organizationSecret, baseUrl: 'http://127.0.0.1:9/elements/api-v2' }),
  );
  const derived = await retainedBytesPerItem((i) => sdk.forInstance(`${elementToken}-${i}`));
  const plain = await retainedBytesPerItem(() =>
    createFetchClient<paths>({ baseUrl: 'http://127.0.0.1:9', headers: { Authorization: authorization } }),
  );
  printTable(
    `Memory: heap retained per client (${n} kept alive, after full GC)`,
    ['client', 'KiB retained', 'µs to create'],
    [
      ['openapi-fetch createClient', formatNumber(plain.bytes / 1024), formatNumber(plain.createUs)],
      ['sdk createClient', formatNumber(created.bytes / 1024), formatNumber(created.createUs)],
      ['sdk forInstance', formatNumber(derived.bytes / 1024), formatNumber(derived.createUs)],
    ],
  );
  printRatio('memory sdk-forInstance/openapi-fetch-client', derived.bytes / plain.bytes);
}

/**
 * Peak heap while making many calls without forcing GC: short-lived garbage that minor GCs cannot free (objects
 * tracked through weak references, such as those of each `Request` made with a signal) shows up here, not in
 * retained bytes.
 */
async function benchCallHeapPeak(): Promise<void> {
  if (!(await settleHeap())) return;
  const calls = count(8_000);
  const body = JSON.stringify({ id: instanceId });
  const stub = async (): Promise<Response> =>
    new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } });
  const baseUrl = 'http://127.0.0.1:9/elements/api-v2';
  const params = { params: { path: { id: instanceId } } };
  const plain = createFetchClient<paths>({ baseUrl, fetch: stub, headers: { Authorization: authorization } });
  const sdk = createClient({ userSecret, organizationSecret, baseUrl, fetch: stub });
  const peakMiB = async (call: () => Promise<unknown>) => {
    await settleHeap();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    for (let i = 0; i < calls; i++) {
      await call();
      if (i % 250 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    await settleHeap();
    const after = process.memoryUsage().heapUsed;
    return { peak: (peak - before) / 2 ** 20, left: (after - before) / 2 ** 20 };
  };
  const plainPeak = await peakMiB(() => plain.GET('/instances/{id}', params));
  const sdkPeak = await peakMiB(() => sdk.GET('/instances/{id}', params));
  printTable(
    `Memory: heap growth during ${calls} stubbed calls (no forced GC), and left after a full GC`,
    ['client', 'peak MiB', 'left MiB'],
    [
      ['openapi-fetch', formatNumber(plainPeak.peak), formatNumber(plainPeak.left)],
      ['sdk', formatNumber(sdkPeak.peak), formatNumber(sdkPeak.left)],
    ],
  );
  printRatio('memory call-heap-peak sdk/openapi-fetch', sdkPeak.peak / Math.max(plainPeak.peak, 1));
}

// Worst case (every round hitting its time cap): about 18 s + 13 s + 5 s; typically 15-30 s (load dependent).
const started = performance.now();
for (const phase of [benchRealIo, benchNoIo, benchClientMemory, benchCallHeapPeak]) {
  const phaseStarted = performance.now();
  await phase();
  console.log(`(${phase.name}: ${formatNumber((performance.now() - phaseStarted) / 1000)} s)`);
}
console.log(`\nclient-overhead done in ${formatNumber((performance.now() - started) / 1000)} s`);
