import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Runs a script of `test/*\/scripts/` in its own Node process with `--expose-gc`, where full collections are real
 * and nothing of the test runner's heap is in the way, and returns the JSON of its last line of output.
 */
export function runCollectingProcess<T>(script: URL): T {
  const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(script)], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as T;
}
