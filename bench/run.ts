/**
 * `npm run bench`: runs every `bench/*.bench.ts` (and `.bench.mts`) file, one after the other, each in its own
 * Node process with `--expose-gc` so heap figures are not disturbed by the others. Echoes their output, then
 * repeats every `ratio <name>: <value>` line in a summary. Exits 1 when a benchmark fails or overruns its time
 * limit. Shared code lives in bench/support/.
 *
 * `npm run bench -- client` runs only the files whose name contains `client`.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = fileURLToPath(new URL('.', import.meta.url));
// Per benchmark: the bulk one moves 512 MiB downloads, which take a minute or two on a busy 2-core machine.
const timeLimitMs = Number(process.env['BENCH_TIME_LIMIT_MS'] ?? 300_000);
const filters = process.argv.slice(2);

const present = readdirSync(benchDir);
const files = present
  .filter((name) => /\.bench\.m?ts$/.test(name))
  .filter((name) => filters.length === 0 || filters.some((f) => name.includes(f)))
  .sort();

type Outcome = { file: string; ok: boolean; seconds: number; ratios: string[]; note: string };

function runOne(file: string): Promise<Outcome> {
  const started = performance.now();
  if (!existsSync(join(benchDir, file))) {
    return Promise.resolve({
      file,
      ok: true,
      seconds: 0,
      ratios: [],
      note: 'skipped: file removed before it ran',
    });
  }
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', join(benchDir, file)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ratios: string[] = [];
  let pending = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    process.stdout.write(chunk);
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) if (line.startsWith('ratio ')) ratios.push(line);
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGTERM');
  }, timeLimitMs);
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (pending.startsWith('ratio ')) ratios.push(pending);
      const seconds = (performance.now() - started) / 1000;
      const note = timedOut
        ? `stopped after ${timeLimitMs / 1000} s (BENCH_TIME_LIMIT_MS)`
        : code === 0
          ? 'ok'
          : `failed (${signal ?? `exit code ${code}`})`;
      resolve({ file, ok: code === 0 && !timedOut, seconds, ratios, note });
    });
  });
}

if (files.length === 0) {
  console.error(`No benchmark in ${benchDir} matches ${filters.join(', ') || 'anything'}.`);
  process.exit(1);
}
// Other work on the machine skews every figure; the load average lets a reader judge a run.
const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
console.log(
  `Node ${process.version}, load average ${load()}, ${files.length} benchmark(s): ${files.join(', ')}`,
);
const outcomes: Outcome[] = [];
for (const file of files) {
  console.log(`\n=== ${file} ===`);
  outcomes.push(await runOne(file));
}

console.log('\n=== summary ===');
for (const o of outcomes) {
  console.log(`${o.file}: ${o.note}, ${o.seconds.toFixed(1)} s`);
  for (const line of o.ratios) console.log(`  ${line}`);
}
const total = outcomes.reduce((sum, o) => sum + o.seconds, 0);
console.log(`total ${total.toFixed(1)} s, load average at the end ${load()}`);
if (outcomes.some((o) => !o.ok)) process.exit(1);
