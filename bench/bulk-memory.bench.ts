/**
 * Shows that bulk uploads and downloads stream: the client process's peak memory (peak RSS above its level at
 * start) is about the same for a transfer 8 times larger. Each measurement runs in a fresh Node process,
 * so the peak (`process.resourceUsage().maxRSS`) belongs to that transfer alone, and a full GC runs every 20 ms
 * so that the peak shows what the transfer keeps alive rather than uncollected garbage. A server in another process
 * receives the upload and serves NDJSON over real HTTP on 127.0.0.1. For contrast, the baselines collect the
 * whole file before uploading, and read the whole download before parsing it.
 *
 * Run: npm run bench -- bulk (or node --expose-gc --import tsx bench/bulk-memory.bench.ts)
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { downloadBulkResults } from '../src/bulk/index.js';
import { uploadBulkRecords } from '../src/bulk/index.js';
import { parseNdjson } from '../src/bulk/index.js';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '../src/client/index.js';
import { downloadBulkResultsToFile } from '../src/node/index.js';

const MiB = 1024 * 1024;
// Label and the two sizes compared (small, large = 8 × small). Uploads run at ~400 MiB/s here and downloads with
// parsing at ~40 MiB/s, so uploads get bigger sizes: the small one must be past the ~60 MiB a process settles at.
const cases = {
  upload: ['upload, streamed multipart', 64 * MiB],
  'collected-upload': ['baseline: upload collected first', 64 * MiB],
  download: ['download + NDJSON parse', 16 * MiB],
  'buffered-download': ['baseline: download read whole', 16 * MiB],
  'download-to-file': ['download written to a file (./node)', 64 * MiB],
} as const;
// The documented recipe must keep the RSS growth of a 512 MiB download under this many bytes.
const fileTargetBytes = 100 * 1000 * 1000;
type CaseName = keyof typeof cases;

// Upload: counts the bytes it receives. Download (GET …/bulk/<size>/contacts): writes <size> bytes of NDJSON,
// waiting for `drain`.
const serverCode = `
const http = require('node:http');
const line = (i) => JSON.stringify({ id: 'c-' + i, email: 'person' + i + '@example.com', note: 'x'.repeat(60) }) + '\\n';
const server = http.createServer(async (req, res) => {
  if (req.method === 'POST') {
    let received = 0;
    for await (const chunk of req) received += chunk.length;
    res.writeHead(200, { 'content-type': 'application/json' });
    return res.end(JSON.stringify({ id: 'job-' + received, status: 'CREATED' }));
  }
  const size = Number(req.url.split('/bulk/')[1].split('/')[0]);
  res.writeHead(200, { 'content-type': 'application/json' });
  let written = 0;
  let i = 0;
  while (written < size) {
    let chunk = '';
    for (let k = 0; k < 500; k++) chunk += line(i++);
    written += chunk.length;
    if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
  }
  res.end();
});
server.listen(0, '127.0.0.1', () => process.stdout.write(String(server.address().port) + '\\n'));
`;

/** One transfer in this (fresh) process; prints `{ peakBytes, mibPerSecond }` as JSON. */
async function runCase(name: CaseName, size: number, origin: string): Promise<void> {
  const startRss = process.memoryUsage().rss;
  const crm = createClient({
    userSecret: 'bench-user',
    organizationSecret: 'bench-org',
    baseUrl: `${origin}/elements/api-v2`,
  }).forInstance('bench-token');
  const piece = Buffer.alloc(64 * 1024, 'email,name\nperson@example.com,"Name, Some"\n');
  // A fresh chunk each time, as a file reader produces.
  async function* source(bytes: number) {
    for (let sent = 0; sent < bytes; sent += piece.length) yield Buffer.from(piece);
  }
  const work: Record<CaseName, (bytes: number) => Promise<void>> = {
    upload: async (bytes) => {
      await uploadBulkRecords(crm, { hub: 'crm', objectName: 'contacts', file: source(bytes) });
    },
    'collected-upload': async (bytes) => {
      const all: Uint8Array[] = [];
      for await (const part of source(bytes)) all.push(part);
      await uploadBulkRecords(crm, { hub: 'crm', objectName: 'contacts', file: all.values() as never });
    },
    download: async (bytes) => {
      const stream = await downloadBulkResults(crm, {
        hub: 'crm',
        jobId: String(bytes),
        objectName: 'contacts',
      });
      for await (const record of parseNdjson(stream))
        if (record['id'] === undefined) throw new Error('bad record');
    },
    'download-to-file': async (bytes) => {
      const path = join(tmpdir(), `ce-bench-download-${process.pid}.ndjson`);
      try {
        const written = await downloadBulkResultsToFile(crm, {
          hub: 'crm',
          jobId: String(bytes),
          objectName: 'contacts',
          path,
        });
        if (written < bytes) throw new Error(`wrote ${written} of ${bytes} bytes`);
      } finally {
        await rm(path, { force: true });
      }
    },
    'buffered-download': async (bytes) => {
      const stream = await downloadBulkResults(crm, {
        hub: 'crm',
        jobId: String(bytes),
        objectName: 'contacts',
      });
      const whole = new Uint8Array(await new Response(stream).arrayBuffer());
      const records = parseNdjson(
        (async function* () {
          yield whole;
        })(),
      );
      for await (const record of records) if (record['id'] === undefined) throw new Error('bad record');
    },
  };
  await work[name](4 * MiB); // warm-up: JIT and the connection
  // Collect garbage often so that the peak reflects what the transfer keeps alive, not how lazily V8 collects.
  const gc = (globalThis as { gc?: () => void }).gc!;
  const collector = setInterval(gc, 20);
  const started = performance.now();
  await work[name](size);
  clearInterval(collector);
  const seconds = (performance.now() - started) / 1000;
  const peakBytes = process.resourceUsage().maxRSS * 1024 - startRss;
  console.log(JSON.stringify({ peakBytes, mibPerSecond: size / MiB / seconds }));
}

async function measureInChild(name: CaseName, size: number, origin: string) {
  const self = fileURLToPath(import.meta.url);
  const child = spawn(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', self, name, String(size), origin],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let output = '';
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (text: string) => (output += text));
  const [code] = (await once(child, 'close')) as [number];
  if (code !== 0) throw new Error(`${name} ${size} failed with exit code ${code}`);
  return JSON.parse(output.trim().split('\n').pop()!) as { peakBytes: number; mibPerSecond: number };
}

async function main() {
  const server = spawn(process.execPath, ['-e', serverCode], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [chunk] = (await once(server.stdout!, 'data')) as [Buffer];
  const origin = `http://127.0.0.1:${Number(chunk.toString().trim())}`;
  try {
    console.log(
      `bulk transfers: client peak RSS above its start, one fresh process each, Node ${process.version}`,
    );
    const ratios: string[] = [];
    for (const [name, [label, small]] of Object.entries(cases) as [CaseName, (typeof cases)[CaseName]][]) {
      const large = small * 8;
      const a = await measureInChild(name, small, origin);
      const b = await measureInChild(name, large, origin);
      const ratio = b.peakBytes / Math.max(a.peakBytes, 1);
      const size = (bytes: number) => `${bytes / MiB} MiB:`.padStart(9);
      console.log(
        `  ${label.padEnd(33)}${size(small)} ${(a.peakBytes / MiB).toFixed(1).padStart(6)} MiB` +
          `  ${size(large)} ${(b.peakBytes / MiB).toFixed(1).padStart(6)} MiB   ratio ${ratio.toFixed(1).padStart(4)}x` +
          `   ${b.mibPerSecond.toFixed(0)} MiB/s`,
      );
      ratios.push(
        `ratio bulk ${name} peak RSS, ${large / MiB} MiB / ${small / MiB} MiB (flat = 1, linear = 8): ${ratio.toFixed(1)}`,
      );
      if (name === 'download-to-file') {
        const verdict = b.peakBytes <= fileTargetBytes ? 'holds' : 'does not hold';
        ratios.push(
          `ratio bulk download-to-file RSS growth at ${large / MiB} MiB ${(b.peakBytes / 1e6).toFixed(0)} MB (target <= 100 MB): ${verdict}`,
        );
      }
    }
    console.log('  streamed transfers read ~1x; transfers that hold the whole file grow with its size.');
    for (const line of ratios) console.log(line);
  } finally {
    server.kill();
  }
}

const [caseName, size, origin] = process.argv.slice(2);
if (caseName !== undefined && caseName in cases) await runCase(caseName as CaseName, Number(size), origin!);
else await main();
