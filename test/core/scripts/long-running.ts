// Run with `node --expose-gc --import tsx`: thousands of mixed calls, as a long-running process makes them, all given
// the process's one shutdown signal. Prints one JSON line: the heap kept after full collections, before and after
// the calls, the listeners left on the shutdown signal, and how the calls ended.
import { getEventListeners } from 'node:events';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { NotFoundError, TimeoutError, createClient, unwrap } from '../../../src/index.js';
import { serveApi } from './local-api.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

const list = JSON.stringify(Array.from({ length: 20 }, (_, i) => ({ id: String(i), lastName: `L${i}` })));
const { server, baseUrl } = await serveApi((req, res) => {
  const url = req.url ?? '';
  if (req.method === 'DELETE') {
    // What Cloud Elements answers a delete: 200 and an empty body.
    res.writeHead(200, { 'content-length': '0' }).end();
  } else if (url.includes('/missing')) {
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"No such record"}');
  } else if (url.includes('/stall')) {
    // Headers, then nothing: the call's time limit ends it.
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('[');
  } else if (url.includes('/slow')) {
    setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end(list), 50);
  } else {
    res.writeHead(200, { 'content-type': 'application/json' }).end(list);
  }
});
const crm = createClient({ userSecret: 'u', organizationSecret: 'o', baseUrl, timeoutMs: 5000 }).forInstance(
  't',
);
const shutdown = new AbortController();
const signal = shutdown.signal;
const outcomes: Record<string, number> = {};
const path = (objectName: string) => ({ params: { path: { hub: 'crm', objectName } } });

async function one(n: number): Promise<string> {
  switch (n % 10) {
    case 4:
      await crm.DELETE('/hubs/{hub}/{objectName}/{objectId}', {
        params: { path: { hub: 'crm', objectName: 'contacts', objectId: String(n) } },
        signal,
      });
      return 'deleted';
    case 5:
      return unwrap(crm.GET('/hubs/{hub}/{objectName}', { ...path('missing'), signal })).then(
        () => 'found?',
        (error: unknown) => (error instanceof NotFoundError ? 'not found' : `other ${String(error)}`),
      );
    case 6: {
      const { data } = await crm.GET('/hubs/{hub}/{objectName}', {
        ...path('contacts'),
        parseAs: 'stream',
        signal,
      });
      for await (const chunk of data as unknown as AsyncIterable<Uint8Array>) void chunk;
      return 'streamed';
    }
    case 8:
      if (n % 50 === 8) {
        return crm.GET('/hubs/{hub}/{objectName}', { ...path('stall'), timeoutMs: 5, signal }).then(
          () => 'stall answered?',
          (error: unknown) => (error instanceof TimeoutError ? 'timed out' : `other ${String(error)}`),
        );
      }
      break;
    case 9:
      if (n % 50 === 9) {
        // A call of its own that its caller gives up on, mid-way.
        const mine = new AbortController();
        setTimeout(() => mine.abort(new Error('gave up')), 5);
        return crm.GET('/hubs/{hub}/{objectName}', { ...path('slow'), signal: mine.signal }).then(
          () => 'slow answered?',
          (error: unknown) => ((error as Error).message === 'gave up' ? 'aborted' : `other ${String(error)}`),
        );
      }
      break;
  }
  await unwrap(crm.GET('/hubs/{hub}/{objectName}', { ...path('contacts'), signal }));
  return 'read';
}

async function run(calls: number, concurrency: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < calls) {
      const outcome = await one(next++);
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

async function heapKept(): Promise<number> {
  for (let i = 0; i < 4; i++) {
    await nextTurn();
    gc!();
  }
  return process.memoryUsage().heapUsed;
}

// Warm up (JIT, connection pool), then measure what thousands more calls leave behind.
await run(2000, 10);
const before = await heapKept();
await run(10_000, 10);
const after = await heapKept();
server.closeAllConnections();
server.close();
console.log(
  JSON.stringify({
    growthBytes: after - before,
    listenersLeft: getEventListeners(signal, 'abort').length,
    outcomes,
  }),
);
