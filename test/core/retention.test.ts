import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// A response the caller keeps (for its headers, its request id) must not keep what was read from it: a job that
// keeps the last response of each page would otherwise hold every parsed page. Run in a separate process with
// --expose-gc, so that full collections are real.
const script = fileURLToPath(new URL('./scripts/retention.ts', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));

describe('what a kept response holds', () => {
  it('lets the parsed body go once the caller drops it', () => {
    const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', script], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const { result } = JSON.parse(run.stdout.trim().split('\n').pop()!) as {
      result: Record<string, boolean>;
    };
    expect(result).toEqual({ keepResponseDropJson: true });
  }, 90_000);
});
