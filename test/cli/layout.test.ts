import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Emulator } from '../../src/testing/index.js';
import { emulatorWithEnv, cliEnv, root } from './helpers.js';

// The command line stays out of the library, and works bundled as `npm run build` bundles the entries (one ESM
// file, packages and node:* left as imports), which is what package.json `bin` points at.
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

async function inputsOf(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    packages: 'external',
    external: ['node:*'],
    metafile: true,
    logLevel: 'silent',
  });
  const imports = Object.values(result.metafile.outputs).flatMap((output) =>
    output.imports.map((i) => i.path),
  );
  return [...Object.keys(result.metafile.inputs), ...imports];
}

describe('the command line is not part of the library', () => {
  test.each(['src/index.ts', 'src/webhooks.ts', 'src/node.ts', 'src/testing/index.ts'])(
    '%s loads nothing of src/cli/, nor openapi-typescript',
    async (entry) => {
      const inputs = await inputsOf(entry);
      expect(
        inputs.filter((input) => input.includes('src/cli/') || input.includes('openapi-typescript')),
      ).toEqual([]);
    },
  );

  test('the main entry still depends on openapi-fetch alone; undici is the one optional peer', async () => {
    const external = (await inputsOf('src/index.ts')).filter(
      (input) => !input.startsWith('src/') && !input.startsWith('generated/'),
    );
    expect([...new Set(external)]).toEqual(['openapi-fetch']);
    expect(pkg.dependencies).toEqual({ 'openapi-fetch': expect.any(String) });
    // openapi-typescript is not a peer: a project on another major of it could not install the SDK (ERESOLVE).
    expect(pkg.peerDependencies).toEqual({ undici: '>=7.0.0' });
    expect(pkg.peerDependenciesMeta).toEqual({ undici: { optional: true } });
    expect(pkg.bin).toEqual({ 'cloud-elements': './dist/cli/main.js' });
  });
});

describe('the command line bundled as the bin', () => {
  let dir: string;
  let main: string;
  let emulator: Emulator;
  let env: Record<string, string>;
  beforeAll(async () => {
    // Inside the repository, so that the bundle's bare imports (openapi-fetch, openapi-typescript) resolve.
    dir = mkdtempSync(join(root, '.tmp-cli-bundle-'));
    const result = await build({
      absWorkingDir: root,
      entryPoints: ['src/cli/main.ts'],
      outbase: 'src',
      outdir: dir,
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      target: 'es2022',
      packages: 'external',
      external: ['node:*'],
      metafile: true,
      logLevel: 'silent',
    });
    main = join(dir, 'cli/main.js');
    const imports = Object.values(result.metafile.outputs).flatMap((output) =>
      output.imports.map((i) => i.path),
    );
    expect([...new Set(imports.filter((path) => !path.startsWith('node:')))].sort()).toEqual([
      'openapi-fetch',
      'openapi-typescript',
    ]);
    ({ emulator, env } = await emulatorWithEnv());
  });
  afterAll(async () => {
    await emulator?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // Asynchronous: the emulator answers from this process.
  const run = (args: string[]) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [main, ...args], { env: cliEnv(env), cwd: dir });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.on('close', (status) => resolve({ status, stdout, stderr }));
    });

  test('starts with the #! line and answers --help without loading openapi-typescript', async () => {
    expect(readFileSync(main, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
    const help = await run(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: cloud-elements <command>');
  });

  test('runs a request (the spec’s path list is inside the bundle) and types (openapi-typescript from node_modules)', async () => {
    const request = await run(['request', 'GET', '/hubs/keys']);
    expect(request.stderr).toBe('');
    expect(JSON.parse(request.stdout)).toContain('crm');
    const types = await run(['types', '--element', 'sfdc', '--out', 'sfdc.ts']);
    expect(types.status, types.stderr).toBe(0);
    expect(readFileSync(join(dir, 'sfdc.ts'), 'utf8')).toContain('"/hubs/crm/contacts": {');
  }, 60_000);
});
