// Regenerates everything that comes from the spec, in order: lint → types → docs site.
// Run with `npm run generate`. Each step prints one ✔ line; the first failing step stops the run.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => fileURLToPath(new URL(`../node_modules/.bin/${name}`, import.meta.url));

const steps = [
  ['lint the spec', bin('redocly'), ['lint', '--format=summary']],
  // openapi-typescript reads the api and its output path from redocly.yaml.
  ['write generated/schema.d.ts', bin('openapi-typescript'), []],
  // --inlineBundle puts Redoc inside the page, so the docs open with no network.
  [
    'build docs/index.html',
    bin('redocly'),
    ['build-docs', 'cloud-elements@v2', '--inlineBundle', '--output', 'docs/index.html'],
  ],
];

mkdirSync(new URL('../docs', import.meta.url), { recursive: true });
for (const [label, command, args] of steps) {
  const started = performance.now();
  const run = spawnSync(command, args, {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', NO_COLOR: '1' },
  });
  if (run.status !== 0) {
    process.stderr.write(run.stdout + run.stderr);
    console.error(`✘ ${label} failed (exit ${run.status})`);
    process.exit(1);
  }
  console.log(`✔ ${label} (${Math.round(performance.now() - started)} ms)`);
}
