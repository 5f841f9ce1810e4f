// Run with `node --expose-gc --import tsx`: a warmed-up process that collects garbage while calls wait on a
// server that never answers. Prints one JSON line: how each call ended and how long it took.
import { createClient, unwrap } from '../../../src/index.js';
import { serveApi } from './local-api.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

const { server, baseUrl } = await serveApi((req, res) => {
  if (req.url?.includes('/ping')) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"endpoint":"crm"}');
  }
  // Anything else is never answered.
});
const ce = createClient({ userSecret: 'u', organizationSecret: 'o', baseUrl, timeoutMs: 300 });

// Warm up: JIT, connection pool, and a few full collections.
for (let i = 0; i < 300; i++) await unwrap(ce.GET('/hubs/{hub}/ping', { params: { path: { hub: 'crm' } } }));
for (let i = 0; i < 3; i++) gc();

const collector = setInterval(gc, 20);
type Outcome = { kind: 'timeout' | 'abort' | 'other' | 'pending'; ms: number };
async function measure(
  call: () => Promise<unknown>,
  kind: 'timeout' | 'abort',
  reason?: unknown,
): Promise<Outcome> {
  const started = performance.now();
  const settled = await Promise.race([
    call().then(
      () => 'other' as const,
      (error: unknown) =>
        (kind === 'timeout' ? (error as Error)?.name === 'TimeoutError' : error === reason)
          ? kind
          : ('other' as const),
    ),
    new Promise<'pending'>((resolve) => setTimeout(() => resolve('pending'), 5000)),
  ]);
  return { kind: settled, ms: Math.round(performance.now() - started) };
}

const timeouts = Array.from({ length: 20 }, () =>
  measure(() => ce.GET('/instances/{id}', { params: { path: { id: 1 } } }), 'timeout'),
);
const aborts = Array.from({ length: 10 }, () => {
  const controller = new AbortController();
  const reason = new Error('caller gave up');
  setTimeout(() => controller.abort(reason), 100);
  return measure(
    () =>
      ce.GET('/instances/{id}', {
        params: { path: { id: 2 } },
        signal: controller.signal,
        timeoutMs: 60_000,
      }),
    'abort',
    reason,
  );
});
// The hazard itself, for comparison: a plain fetch of a Request whose signal a timer aborts.
const controls = Array.from({ length: 10 }, () => {
  const controller = new AbortController();
  setTimeout(() => controller.abort(new Error('timer')), 300);
  const request = new Request(`${baseUrl}/instances/3`, {
    signal: controller.signal,
  });
  return Promise.race([
    fetch(request).then(
      () => 'answered',
      () => 'aborted',
    ),
    new Promise<string>((resolve) => setTimeout(() => resolve('pending'), 3000)),
  ]);
});
const results = {
  timeouts: await Promise.all(timeouts),
  aborts: await Promise.all(aborts),
  plainFetch: await Promise.all(controls),
};
clearInterval(collector);
console.log(JSON.stringify(results));
server.closeAllConnections();
server.close();
