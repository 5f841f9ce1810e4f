import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startEmulator, type Emulator } from '../src/testing/index.js';

// The README's TypeScript examples form one tour: they are run in order, as one module, against the emulator,
// so the README stays true. A block that starts with `// not run:` is shown only (e.g. a fragment of a web app).
const root = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)]
  .map((match) => match[1] ?? '')
  .filter((code) => !code.startsWith('// not run:'));

/** One module from the blocks: imports first, the package name pointed at the sources. */
function tourModule(): string {
  const imports: string[] = [];
  const body: string[] = [];
  for (const block of blocks) {
    for (const line of block.split('\n')) {
      if (line.startsWith('import ')) imports.push(line);
      else body.push(line);
    }
  }
  const source = (specifier: string) =>
    specifier === 'cloud-elements-sdk/testing'
      ? join(root, 'src/testing/index.ts')
      : join(root, 'src/index.ts');
  const rewritten = imports.map((line) =>
    line.replace(/'(cloud-elements-sdk(?:\/testing)?)'/, (_, name: string) => `'${source(name)}'`),
  );
  return [...rewritten, ...body].join('\n');
}

describe('README examples', () => {
  let emulator: Emulator;
  let dir: string;
  beforeAll(async () => {
    emulator = await startEmulator({ bulk: { progress: 'poll' } });
    dir = mkdtempSync(join(root, '.tmp-readme-'));
  });
  afterAll(async () => {
    await emulator?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('the README has TypeScript examples', () => {
    expect(blocks.length).toBeGreaterThan(3);
  });

  test('run in order against the emulator and finish without error', () => {
    const instance = emulator.createInstance({ element: 'sfdc', name: 'README tour' });
    const file = join(dir, 'tour.ts');
    writeFileSync(file, tourModule());
    const run = spawnSync(join(root, 'node_modules/.bin/tsx'), [file], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        ...process.env,
        CE_BASE_URL: emulator.url,
        CE_USER_SECRET: emulator.credentials.userSecret,
        CE_ORGANIZATION_SECRET: emulator.credentials.organizationSecret,
        CE_ELEMENT_TOKEN: instance.token,
      },
    });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
  }, 90_000);
});
