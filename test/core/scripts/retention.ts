// Run with `node --expose-gc --import tsx`: what a response the caller keeps still holds after full collections.
// Prints one JSON line: for each case, whether the value the caller dropped was collected.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { createClient } from '../../../src/index.js';
import { serveApi } from './local-api.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

const page = JSON.stringify(Array.from({ length: 1000 }, (_, i) => ({ id: String(i), lastName: `L${i}` })));
const { server, baseUrl } = await serveApi((req, res) => {
  // With a length, openapi-fetch parses through json(); without one, through text().
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(page) });
  res.end(page);
});
const crm = createClient({ userSecret: 'u', organizationSecret: 'o', baseUrl }).forInstance('t');
const path = '/hubs/{hub}/{objectName}' as const;
const params = { path: { hub: 'crm', objectName: 'contacts' } };

/** Whether `ref`'s target is gone after full collections; a WeakRef's target lives at least to the end of a turn. */
async function collected(ref: WeakRef<object>): Promise<boolean> {
  for (let i = 0; i < 3; i++) {
    await nextTurn();
    gc!();
  }
  return ref.deref() === undefined;
}

// The caller keeps the response (for its headers) and drops the parsed page.
async function keepResponseDropJson(): Promise<[Response, WeakRef<object>]> {
  const { data, response } = await crm.GET(path, { params });
  return [response, new WeakRef(data as object)];
}

const kept: Response[] = [];
const result: Record<string, boolean> = {};
for (const [name, run] of Object.entries({ keepResponseDropJson })) {
  const [response, ref] = await run();
  kept.push(response);
  result[name] = await collected(ref);
}

// The caller keeps the responses of PUTs (retried by default, so the SDK holds a copy of each body to send again):
// the copies must go once the answers are read. 10 bodies of 4 MB would keep 40 MB.
const body = 'x'.repeat(4_000_000);
await collected(new WeakRef({}));
const before = process.memoryUsage().arrayBuffers;
for (let i = 0; i < 10; i++) {
  const { response } = await crm.PUT('/instances/{id}', {
    params: { path: { id: i + 1 } },
    body: { name: body } as never,
  });
  kept.push(response);
}
await collected(new WeakRef({}));
result.keepResponsesOfPutsDropBodies = process.memoryUsage().arrayBuffers - before < 8_000_000;
server.close();
console.log(JSON.stringify({ result, kept: kept.length }));
