import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

// The README's TypeScript examples form one tour: they run in order, as one module, against the local emulator,
// and are type-checked, so the README stays true. A block that starts with `// not run:` is only shown.
const root = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)]
  .map((match) => match[1] ?? '')
  .filter((code) => !code.startsWith('// not run:'));

const importPattern = /^import\s*\{([^}]*)\}\s*from\s*'([^']+)';\n?/gm;

/** One module from the blocks: the imports of every block merged, the package pointed at its sources. */
function tourModule(dir: string): string {
  const names = new Map<string, Set<string>>();
  const body = blocks.map((block) =>
    block.replace(importPattern, (_, list: string, specifier: string) => {
      const set = names.get(specifier) ?? new Set<string>();
      for (const name of list.split(',')) if (name.trim()) set.add(name.trim());
      names.set(specifier, set);
      return '';
    }),
  );
  const sources: Record<string, string> = {
    'cloud-elements-sdk': 'src/index.js',
    'cloud-elements-sdk/oauth': 'src/oauth.js',
    'cloud-elements-sdk/instances': 'src/instances.js',
    'cloud-elements-sdk/bulk': 'src/bulk.js',
    'cloud-elements-sdk/testing': 'src/testing/index.js',
    'cloud-elements-sdk/webhooks': 'src/webhooks.js',
    'cloud-elements-sdk/node': 'src/node.js',
  };
  const imports = [...names].map(([specifier, set]) => {
    if (specifier.startsWith('node:')) return `import { ${[...set].join(', ')} } from '${specifier}';`;
    const target = sources[specifier];
    if (!target) throw new Error(`README imports ${specifier}, which the tour cannot map`);
    return `import { ${[...set].join(', ')} } from '${relative(dir, join(root, target))}';`;
  });
  return [...imports, 'export {};', ...body].join('\n');
}

describe('README examples', () => {
  let dir: string;
  let file: string;
  beforeAll(() => {
    dir = mkdtempSync(join(root, '.tmp-readme-'));
    file = join(dir, 'tour.ts');
    writeFileSync(file, tourModule(dir));
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ extends: '../tsconfig.json', include: ['tour.ts'] }),
    );
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('the README has a tour of TypeScript examples', () => {
    expect(blocks.length).toBeGreaterThan(5);
  });

  test('type-check against the SDK and the generated types', () => {
    const run = spawnSync(join(root, 'node_modules/.bin/tsc'), ['--noEmit', '-p', dir], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(run.status, run.stdout + run.stderr).toBe(0);
  }, 120_000);

  test('run in order against the local emulator and finish without error', () => {
    const run = spawnSync(join(root, 'node_modules/.bin/tsx'), [file], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(run.stdout).toContain('connected instance');
    expect(run.stdout).toContain('verified webhook');
  }, 90_000);
});
