/**
 * Shows that paginate() keeps memory flat: the heap retained while iterating does not grow with the number of
 * pages read. A server in a child process (so its memory is not counted) serves generated pages over real HTTP
 * on 127.0.0.1. The heap is measured after a full GC with the iterator live, at fixed page numbers of one long
 * iteration. For contrast, the same records are kept in an array, which grows with the page count.
 *
 * A warm-up iteration runs first, so that one-time allocations of the process (JIT code, inline caches,
 * undici's connection state) are not counted. Growth is measured from page 1 of a fresh iteration to 10, 1,000
 * and 5,000 pages later. Heap readings move by a few hundred KiB between runs (GC timing), so growth below
 * 256 KiB counts as 256 KiB in the ratios.
 *
 * Run: npm run bench -- pagination (or node --expose-gc --import tsx bench/pagination-memory.bench.ts)
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { getHeapSpaceStatistics } from 'node:v8';
import { createClient } from '../src/client/index.js';
import { paginate } from '../src/query/index.js';

const pageSize = 100;
const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) {
  console.error('Run with node --expose-gc --import tsx bench/pagination-memory.bench.ts');
  process.exit(1);
}

// Records are generated from the offset, so the server holds no list either.
const serverCode = `
const http = require('node:http');
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  const size = Number(url.searchParams.get('pageSize') || 100);
  const offset = Number(url.searchParams.get('nextPage') || 0);
  const records = [];
  for (let i = offset; i < offset + size; i++) {
    records.push({ id: 'c-' + i, firstName: 'First ' + i, lastName: 'Last ' + i, email: 'person' + i + '@example.com',
      createdDate: '2018-01-15T00:00:00.000Z', notes: 'x'.repeat(120) });
  }
  res.writeHead(200, { 'content-type': 'application/json', 'Elements-Next-Page-Token': String(offset + size),
    'Elements-Returned-Count': String(size) });
  res.end(JSON.stringify(records));
});
server.listen(0, '127.0.0.1', () => process.stdout.write(String(server.address().port) + '\\n'));
`;

// Data only: old space and large objects, after full GCs with a pause between them so that V8's concurrent
// sweeper has finished (without it, the first reading of an iteration is ~1.4 MiB too high).
async function heapBytes(): Promise<number> {
  gc!();
  await new Promise((resolve) => setTimeout(resolve, 20));
  gc!();
  return getHeapSpaceStatistics()
    .filter((space) => space.space_name === 'old_space' || space.space_name === 'large_object_space')
    .reduce((sum, space) => sum + space.space_used_size, 0);
}

const reference = 1;
const checkpoints = [1, 10, 1000, 5000];

/**
 * One iteration over `reference + lastCheckpoint` pages; returns the heap growth from page `reference` to
 * `reference + n` for each checkpoint `n` up to `lastCheckpoint`, and the page rate.
 */
async function sample(
  mode: 'stream' | 'collect',
  client: ReturnType<typeof createClient>,
  lastCheckpoint: number,
) {
  const kept: unknown[] = [];
  const pages = reference + lastCheckpoint;
  const growth = new Map<number, number>();
  let count = 0;
  let start = 0;
  const started = performance.now();
  for await (const record of paginate(client, '/hubs/crm/contacts', { pageSize, limit: pages * pageSize })) {
    if (mode === 'collect') kept.push(record);
    count += 1;
    if (count % pageSize !== 0) continue;
    const page = count / pageSize;
    if (page === reference) start = await heapBytes();
    else if (checkpoints.includes(page - reference))
      growth.set(page - reference, (await heapBytes()) - start);
  }
  if (count !== pages * pageSize) throw new Error(`read ${count} records, expected ${pages * pageSize}`);
  return { growth, pagesPerSecond: pages / ((performance.now() - started) / 1000) };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const kib = (bytes: number | undefined) => (bytes === undefined ? '-' : `${(bytes / 1024).toFixed(0)} KiB`);

async function main() {
  const child = spawn(process.execPath, ['-e', serverCode], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
  const port = Number(chunk.toString().trim());
  const client = createClient({
    userSecret: 'bench-user',
    organizationSecret: 'bench-org',
    baseUrl: `http://127.0.0.1:${port}/elements/api-v2`,
  }).forInstance('bench-token');
  try {
    await sample('stream', client, 2500); // warm-up
    console.log(
      `paginate() heap growth while iterating, from page ${reference} (pageSize ${pageSize}, Node ${process.version})`,
    );
    // Growth below 256 KiB counts as 256 KiB, so that noise around zero cannot make the ratios meaningless.
    const floor = 256 * 1024;
    const ratio = (a: number | undefined, b: number | undefined) =>
      Math.max(a ?? NaN, floor) / Math.max(b ?? NaN, floor);
    const ratios: string[] = [];
    // The baseline keeps every record, so it stops at 1,000 pages (~40 MiB).
    for (const [mode, rounds, last] of [
      ['stream', 3, 5000],
      ['collect', 1, 1000],
    ] as const) {
      const samples: Awaited<ReturnType<typeof sample>>[] = [];
      for (let i = 0; i < rounds; i++) samples.push(await sample(mode, client, last));
      const at = (n: number) => (n > last ? undefined : median(samples.map((s) => s.growth.get(n)!)));
      const label = mode === 'stream' ? 'paginate (records dropped)' : 'baseline: records kept   ';
      console.log(
        `  ${label}  +10 pages: ${kib(at(10)).padStart(9)}  +1000: ${kib(at(1000)).padStart(9)}  ` +
          `+5000: ${kib(at(5000)).padStart(9)}  ratio 1000/10: ${ratio(at(1000), at(10)).toFixed(1).padStart(5)}x  ` +
          `${median(samples.map((s) => s.pagesPerSecond)).toFixed(0)} pages/s`,
      );
      if (mode === 'stream') {
        ratios.push(
          `ratio paginate heap growth, 1000 pages / 10 pages (flat = 1, linear = 100): ${ratio(at(1000), at(10)).toFixed(1)}`,
        );
        ratios.push(
          `ratio paginate heap growth, 5000 pages / 1000 pages (flat = 1, linear = 5): ${ratio(at(5000), at(1000)).toFixed(1)}`,
        );
      } else {
        ratios.push(
          `ratio records-kept baseline heap growth, 1000 pages / 10 pages (linear = 100): ${ratio(at(1000), at(10)).toFixed(1)}`,
        );
      }
    }
    console.log('  flat memory reads ~1x; memory that grows with the pages reads ~100x.');
    for (const line of ratios) console.log(line);
  } finally {
    child.kill();
  }
}

await main();
