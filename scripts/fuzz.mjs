#!/usr/bin/env node
// `npm run fuzz`: the property tests (every test file that calls fc.assert) again and again with fresh random
// seeds, for a while. `npm test` replays one fixed seed (test/helpers/fast-check-seed.ts); this is where new
// counterexamples are found. A failure prints its seed; replay it with FC_SEED=<seed> npx vitest run <file>.
//
//   node scripts/fuzz.mjs               10 minutes
//   node scripts/fuzz.mjs --minutes 60
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { minutes: { type: 'string', default: '10' } } });
const minutes = Number(values.minutes);
if (!(minutes > 0)) throw new Error(`--minutes must be a positive number, not ${values.minutes}`);

const files = readdirSync(join(root, 'test'), { recursive: true })
  .map((name) => join(root, 'test', String(name)))
  .filter((path) => path.endsWith('.test.ts') && readFileSync(path, 'utf8').includes('fc.assert'))
  .map((path) => relative(root, path))
  .sort();

const deadline = Date.now() + minutes * 60_000;
let round = 0;
let failed = 0;
while (Date.now() < deadline) {
  round++;
  const run = spawnSync('npx', ['vitest', 'run', '--reporter=dot', ...files], {
    cwd: root,
    env: { ...process.env, FC_SEED: 'random' },
    encoding: 'utf8',
  });
  if (run.status !== 0) {
    failed++;
    process.stdout.write(`round ${round} failed:\n${run.stdout}${run.stderr}\n`);
  } else process.stdout.write(`round ${round}: passed\n`);
}
console.log(`${round} rounds over ${files.length} files, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
