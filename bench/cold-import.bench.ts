/**
 * Cold import: what `import 'cloud-elements-sdk'` costs a fresh Node process next to `import 'openapi-fetch'`.
 *
 * The package is built (scripts/build.mjs) into a throwaway consumer project, `.tmp-bench/cold/`, beside a copy of
 * openapi-fetch, so both are imported by their bare names through `node_modules`, as a user's app imports them.
 * Each sample is one new `node` process that times its own `await import(...)` (in-process, so Node's start-up is
 * left out) and its RSS growth. The contenders alternate process by process. The table shows medians over all
 * rounds; the target is the median of each round's difference to openapi-fetch, imported in the same round, so a
 * busy spell of the shared machine weighs on both sides of a difference instead of on one contender's median.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, printTable, printTarget } from './support/measure.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const app = join(root, '.tmp-bench/cold');
const rounds = Math.max(5, Math.round(61 * Number(process.env['BENCH_SCALE'] ?? 1)));

rmSync(app, { recursive: true, force: true });
const sdkDir = join(app, 'node_modules/cloud-elements-sdk');
mkdirSync(sdkDir, { recursive: true });
execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), '--out-dir', join(sdkDir, 'dist')], {
  stdio: 'ignore',
});
cpSync(join(root, 'package.json'), join(sdkDir, 'package.json'));
cpSync(join(root, 'node_modules/openapi-fetch'), join(app, 'node_modules/openapi-fetch'), {
  recursive: true,
});
writeFileSync(join(app, 'package.json'), '{ "type": "module", "private": true }\n');
writeFileSync(
  join(app, 'time-import.mjs'),
  `const rss = process.memoryUsage.rss();
const started = performance.now();
await import(process.argv[2]);
const ms = performance.now() - started;
console.log(JSON.stringify({ ms, rssMiB: (process.memoryUsage.rss() - rss) / 2 ** 20 }));
`,
);

const contenders = ['openapi-fetch', 'cloud-elements-sdk', 'cloud-elements-sdk/webhooks'];
const samples = new Map(contenders.map((name) => [name, { ms: [] as number[], rssMiB: [] as number[] }]));
for (let round = 0; round < rounds; round++) {
  for (let k = 0; k < contenders.length; k++) {
    const name = contenders[(k + round) % contenders.length]!;
    const child = spawnSync(process.execPath, ['time-import.mjs', name], { cwd: app, encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`importing ${name} failed:\n${child.stderr}`);
    const { ms, rssMiB } = JSON.parse(child.stdout) as { ms: number; rssMiB: number };
    samples.get(name)!.ms.push(ms);
    samples.get(name)!.rssMiB.push(rssMiB);
  }
}
rmSync(app, { recursive: true, force: true });

/** Each round's time of `name` minus openapi-fetch's in the same round. */
const overFloor = (name: string) => {
  const floors = samples.get('openapi-fetch')!.ms;
  return samples.get(name)!.ms.map((ms, round) => ms - floors[round]!);
};
printTable(
  `Cold import in a fresh Node ${process.version} process, by bare name (median of ${rounds} processes each)`,
  ['import', 'ms', 'ms over openapi-fetch (median of rounds)', 'RSS growth MiB'],
  contenders.map((name) => {
    const { ms, rssMiB } = samples.get(name)!;
    return [name, median(ms).toFixed(2), median(overFloor(name)).toFixed(2), median(rssMiB).toFixed(1)];
  }),
);
printTarget('cold import . ms over openapi-fetch', median(overFloor('cloud-elements-sdk')), 5);
