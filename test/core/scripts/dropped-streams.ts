// Run with `node --expose-gc --import tsx`: streamed bodies the caller drops unfinished, on calls that share one
// long-lived signal. Prints one JSON line: the signal's listeners and the attempts' collection after full
// collections, and what an abort does to a stream the caller still holds.
import { getEventListeners } from 'node:events';
import { setImmediate as nextTurn, setTimeout as delay } from 'node:timers/promises';
import { createClient } from '../../../src/index.js';
import { serveApi } from './local-api.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

const chunk = 'x'.repeat(16_384);
const { server, baseUrl } = await serveApi((req, res) => {
  // Two chunks apart in time, so that a reader can take the first and drop the rest.
  res.writeHead(200, { 'content-type': 'application/octet-stream' });
  res.write(chunk);
  // File 2 stalls after its first chunk.
  setTimeout(() => res.end(chunk), req.url!.endsWith('/2') ? 10_000 : 20);
});
const crm = createClient({ userSecret: 'u', organizationSecret: 'o', baseUrl }).forInstance('t');
const path = '/hubs/documents/files/{id}' as const;
/** A call's options: a streamed body, and the long-lived signal `signal` (a process's shutdown signal). */
const init = (signal: AbortSignal, id = '1') => ({
  params: { path: { id } },
  parseAs: 'stream' as const,
  signal,
});

async function settle(): Promise<void> {
  for (let i = 0; i < 4; i++) {
    await delay(10);
    gc!();
    await nextTurn();
  }
}

const cases = {
  // No time limit at all: nothing but the caller's signal ever ended these attempts.
  unread: (signal: AbortSignal) => crm.GET(path, { ...init(signal), timeoutMs: Infinity }),
  // An idle limit stops its clock between reads: a stream dropped after one chunk had no clock either.
  'one chunk read': async (signal: AbortSignal) => {
    const { data } = await crm.GET(path, { ...init(signal), idleTimeoutMs: 60_000 });
    await (data as ReadableStream<Uint8Array>).getReader().read();
  },
};
// The listener the SDK puts on a signal stays as long as one attempt follows it.
const result: Record<string, number> = {};
for (const [name, run] of Object.entries(cases)) {
  const { signal } = new AbortController();
  for (let i = 0; i < 200; i++) await run(signal);
  await settle();
  result[name] = getEventListeners(signal, 'abort').length;
}

// A stream the caller still holds, after full collections, still hears the signal: its pending read ends with
// the reason given.
const shutdown = new AbortController();
const { data } = await crm.GET(path, { ...init(shutdown.signal, '2'), timeoutMs: Infinity });
const reader = (data as ReadableStream<Uint8Array>).getReader();
await reader.read();
await settle();
const pending = reader.read().then(
  (read) => (read.done ? 'ended' : 'read'),
  (error: unknown) => (error === 'shutting down' ? 'aborted with the reason' : String(error)),
);
shutdown.abort('shutting down');
const held = await Promise.race([pending, delay(2_000, 'pending')]);
server.closeAllConnections();
server.close();
console.log(JSON.stringify({ listeners: result, held }));
