import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, test } from 'vitest';

// The layout rules of src/README.md, checked on the real code: what a browser bundler accepts, what the
// webhooks entry loads, and that the dependency check really fails on a new violation.
const root = fileURLToPath(new URL('..', import.meta.url));

async function bundleForBrowser(entry: string) {
  const result = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return { inputs: Object.keys(result.metafile.inputs), text: result.outputFiles[0]!.text };
}

describe('entries a browser bundler accepts', () => {
  test.each(['src/index.ts', 'src/oauth.ts', 'src/instances.ts', 'src/bulk.ts', 'src/webhooks.ts'])(
    'esbuild --platform=browser bundles %s',
    async (entry) => {
      const { inputs, text } = await bundleForBrowser(entry);
      expect(inputs.filter((input) => input.startsWith('node:'))).toEqual([]);
      expect(text).not.toMatch(/from\s*["']node:|import\(["']node:/);
    },
  );

  test('the webhooks entry loads neither the client nor openapi-fetch', async () => {
    const { inputs } = await bundleForBrowser('src/webhooks.ts');
    expect(inputs.filter((input) => /openapi-fetch|src\/client\//.test(input))).toEqual([]);
    expect(inputs.some((input) => input.includes('src/webhooks/verify.ts'))).toBe(true);
  });

  test('the published ./webhooks loads no code of the client either, and each entry is one file (the files as the build writes them)', () => {
    // A module an entry reaches, if only through an index that re-exports it, lands in a file that entry loads. So
    // this reads what the published files hold.
    const dir = mkdtempSync(join(tmpdir(), 'ce-chunks-'));
    try {
      const built = spawnSync(
        process.execPath,
        [
          'scripts/build.mjs',
          '--out-dir',
          join(dir, 'dist'),
          '--no-types',
          '--metafile',
          join(dir, 'meta.json'),
        ],
        { cwd: root, encoding: 'utf8' },
      );
      expect(built.status, built.stdout + built.stderr).toBe(0);
      type Output = { imports: { path: string }[]; inputs: Record<string, { bytesInOutput: number }> };
      const outputs = (
        JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as { outputs: Record<string, Output> }
      ).outputs;
      const byFile = new Map(
        Object.entries(outputs).map(([file, output]) => [file.split('/dist/')[1], output]),
      );
      /** The package's files that importing `entry` loads, itself included. */
      const filesLoadedBy = (entry: string, loaded = new Set<string>()): Set<string> => {
        if (loaded.has(entry) || !byFile.has(entry)) return loaded;
        loaded.add(entry);
        for (const { path } of byFile.get(entry)!.imports)
          // A chunk's path is under dist/; an import of another entry (`./index.js`) stays as written.
          filesLoadedBy(path.split('/dist/')[1] ?? path.replace(/^\.\//, ''), loaded);
        return loaded;
      };
      const webhookFiles = filesLoadedBy('webhooks.js');
      // `.` and ./webhooks load their own file, nothing more (README, "entry points"); ./oauth, ./instances and
      // ./bulk load `.` for the client (one copy of it per app), and ./node loads ./bulk for the bulk helpers.
      for (const entry of ['index.js', 'webhooks.js']) expect([...filesLoadedBy(entry)]).toEqual([entry]);
      for (const entry of ['oauth.js', 'instances.js', 'bulk.js']) {
        expect([...filesLoadedBy(entry)].sort()).toEqual([entry, 'index.js'].sort());
        const copied = Object.entries(byFile.get(entry)!.inputs)
          .filter(
            ([input, { bytesInOutput }]) => bytesInOutput > 0 && /src\/(core|client|query)\//.test(input),
          )
          .map(([input]) => input);
        expect(copied, `${entry} holds a copy of what . gives it`).toEqual([]);
      }
      expect([...filesLoadedBy('node.js')].sort()).toEqual(['bulk.js', 'index.js', 'node.js']);
      // `.` holds the client and what every call needs; the other concerns load only with their entries.
      const mainModules = Object.entries(byFile.get('index.js')!.inputs)
        .filter(([, { bytesInOutput }]) => bytesInOutput > 0)
        .map(([input]) => input);
      expect(mainModules).toContain('src/client/client.ts');
      expect(mainModules.filter((input) => /src\/(oauth|instances|bulk|webhooks)\//.test(input))).toEqual([]);
      const modules = [...webhookFiles].flatMap((file) =>
        Object.entries(byFile.get(file)!.inputs)
          .filter(([, { bytesInOutput }]) => bytesInOutput > 0)
          .map(([input]) => input),
      );
      expect(modules).toContain('src/webhooks/verify.ts');
      expect(
        modules.filter((input) =>
          /src\/(client|query|bulk|oauth|instances)\/|core\/(transport|retry|redact|authorization|urls)\.ts/.test(
            input,
          ),
        ),
      ).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the node entry is the one that needs Node', async () => {
    const error = await bundleForBrowser('src/node.ts').catch((e: unknown) => e);
    expect(String(error)).toMatch(/node:(fs|stream|crypto)/);
  });
});

describe('the dependency check', () => {
  const copies: string[] = [];
  afterAll(() => {
    for (const dir of copies) rmSync(dir, { recursive: true, force: true });
  });

  function cruise(cwd: string) {
    return spawnSync(
      join(root, 'node_modules/.bin/depcruise'),
      ['src', '--config', join(root, '.dependency-cruiser.cjs')],
      { cwd, encoding: 'utf8' },
    );
  }

  function copyWith(file: string, extra: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'ce-deps-'));
    copies.push(dir);
    cpSync(join(root, 'src'), join(dir, 'src'), { recursive: true });
    cpSync(join(root, 'tsconfig.json'), join(dir, 'tsconfig.json'));
    writeFileSync(join(dir, file), readFileSync(join(dir, file), 'utf8') + extra);
    return dir;
  }

  test('passes on the code as it is', () => {
    const result = cruise(root);
    expect(result.status, result.stdout + result.stderr).toBe(0);
  });

  test.each([
    [
      'webhooks importing the client',
      'src/webhooks/types.ts',
      "import type { CloudElementsClient } from '../client/index.js';\nexport type Planted = CloudElementsClient;\n",
      'webhooks-without-client',
    ],
    [
      'a type-only cycle',
      'src/core/errors.ts',
      "import type { Redactor } from './index.js';\nexport type Planted = Redactor;\n",
      'no-circular',
    ],
    [
      'core importing a concern',
      'src/core/urls.ts',
      "export { paginate } from '../query/index.js';\n",
      'core-is-the-base',
    ],
    [
      'a node built-in in the main entry',
      'src/query/ceql.ts',
      "import 'node:fs';\n",
      'no-node-builtins-outside-node',
    ],
    [
      'a reach into another folder',
      'src/bulk/jobs.ts',
      "export { unwrap as planted } from '../client/unwrap.js';\n",
      'other-folders-through-their-index',
    ],
  ])(
    'fails on %s',
    (_name, file, planted, rule) => {
      const result = cruise(copyWith(file, planted));
      expect(result.status).not.toBe(0);
      expect(result.stdout).toContain(rule);
    },
    60_000,
  );
});
