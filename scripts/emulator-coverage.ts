/**
 * How many of the spec's operations the emulator's tests reach: runs `vitest run test/testing` with
 * CLOUD_ELEMENTS_EMULATOR_COVERAGE set (every emulator then logs the id of each operation a request reaches, past
 * authentication and the request checks), prints the share and lists the operations no test reached.
 *
 *   npm run emulator:coverage               runs the tests, prints, fails under 90 %
 *   npm run emulator:coverage -- --min 95   another floor
 *   npm run emulator:coverage -- --from <file>   counts an existing log instead of running the tests
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import spec from '../generated/emulator-spec.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { min: { type: 'string' }, from: { type: 'string' } } });
const floor = Number(values.min ?? 90);

function reachedOperations(): Set<string> {
  if (values.from) return new Set(readFileSync(values.from, 'utf8').split('\n').filter(Boolean));
  const dir = mkdtempSync(join(tmpdir(), 'ce-emulator-coverage-'));
  const log = join(dir, 'operations.log');
  writeFileSync(log, '');
  try {
    const run = spawnSync(join(root, 'node_modules/.bin/vitest'), ['run', 'test/testing'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, CLOUD_ELEMENTS_EMULATOR_COVERAGE: log },
    });
    if (run.status !== 0)
      console.error(`(the emulator's tests failed, exit ${run.status}: the count may be short)`);
    return new Set(readFileSync(log, 'utf8').split('\n').filter(Boolean));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const reached = reachedOperations();
const missed = spec.operations.filter((op) => !reached.has(op.operationId));
const total = spec.operations.length;
const share = ((total - missed.length) / total) * 100;
console.log(
  `${total - missed.length} of ${total} spec operations reached by the emulator's tests (${share.toFixed(1)} %)`,
);
if (missed.length > 0) {
  console.log(`\nNot reached (${missed.length}):`);
  for (const op of missed) console.log(`  ${op.method.padEnd(6)} ${op.path}  ${op.operationId}`);
}
if (share < floor) {
  console.error(`\n✘ under the ${floor} % floor`);
  process.exit(1);
}
