import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Bundles the multi-file spec into one JSON document at `output` with the Redocly CLI, the bundler the type
 * generator uses too: every external `$ref` becomes a `#/components/...` reference.
 */
export function bundleSpec(output: string): void {
  const run = spawnSync(
    join(root, 'node_modules/.bin/redocly'),
    ['bundle', 'spec/cloud-elements.yaml', '--ext', 'json', '--output', output],
    { cwd: root, encoding: 'utf8', env: { ...process.env, REDOCLY_TELEMETRY: 'off', NO_COLOR: '1' } },
  );
  if (run.status !== 0) throw new Error(`redocly bundle failed:\n${run.stdout}\n${run.stderr}`);
}
