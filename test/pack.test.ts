import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

// The package as users get it: `npm pack` on a fresh copy of the work tree (no dist/, so prepack must build),
// the tarball checked by publint and attw, then installed into temporary projects outside the repository (one
// `npm install` shared by all of them) that import, require, type-check and run it the ways users do.
const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name: string) => join(root, 'node_modules/.bin', name);
const tsc = join(root, 'node_modules/typescript/bin/tsc');
const typesNodeVersion = (
  JSON.parse(readFileSync(join(root, 'node_modules/@types/node/package.json'), 'utf8')) as { version: string }
).version;

type Run = { status: number | null; output: string };

/** Runs a command without blocking the event loop, so that the consumers below run two at a time. */
function run(command: string, args: string[], cwd: string, timeoutMs = 180_000): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, output: `$ ${command} ${args.join(' ')} (in ${cwd})\n${output}` });
    });
  });
}

/** At most `slots` jobs at a time (the CI machine has 2 cores). */
function limiter(slots: number) {
  const waiting: (() => void)[] = [];
  let busy = 0;
  return async <T>(job: () => Promise<T>): Promise<T> => {
    if (busy >= slots) await new Promise<void>((resolve) => waiting.push(resolve));
    busy++;
    try {
      return await job();
    } finally {
      busy--;
      waiting.shift()?.();
    }
  };
}

// The README's tour, as in test/readme.test.ts, but importing the installed package by its real names.
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)]
  .map((match) => match[1] ?? '')
  .filter((code) => !code.startsWith('// not run:'));
const importPattern = /^import\s*\{([^}]*)\}\s*from\s*'([^']+)';\n?/gm;

function tourSource(format: 'esm' | 'cjs'): string {
  const names = new Map<string, Set<string>>();
  const body = blocks.map((block) =>
    block.replace(importPattern, (_, list: string, specifier: string) => {
      const set = names.get(specifier) ?? new Set<string>();
      for (const name of list.split(',')) if (name.trim()) set.add(name.trim());
      names.set(specifier, set);
      return '';
    }),
  );
  const imports = [...names].map(
    ([specifier, set]) => `import { ${[...set].join(', ')} } from '${specifier}';`,
  );
  if (format === 'esm') return [...imports, 'export {};', ...body].join('\n');
  // CommonJS has no top-level await: the tour runs inside an async main.
  return [
    ...imports,
    'async function main(): Promise<void> {',
    ...body,
    '}',
    'main().catch((error: unknown) => {',
    '  console.error(error);',
    '  process.exit(1);',
    '});',
  ].join('\n');
}

/** A small program for the plain JavaScript consumers: a typed call, unwrap, a webhook, every entry. */
const smallProgram = (load: string) => `${load}
const emulator = await startEmulator();
try {
  const ce = sdk.createClient({
    userSecret: emulator.credentials.userSecret,
    organizationSecret: emulator.credentials.organizationSecret,
    baseUrl: emulator.url,
  });
  const element = await sdk.unwrap(ce.GET('/elements/{keyOrId}', { params: { path: { keyOrId: 'sfdc' } } }));
  const body = '{"message":{"eventId":"e-1","events":[]}}';
  const signature = await webhooks.signWebhookPayload(body, 'key');
  const verified = await webhooks.verifyWebhookSignature(body, signature, 'key');
  if (typeof node.uploadBulkFile !== 'function') throw new Error('./node has no uploadBulkFile');
  // Each entry is one file with its own copy of the classes it uses: instanceof still holds across entries.
  const forged = await webhooks.verifyWebhookSignature(body, 'sha256=' + 'A'.repeat(43) + '=', 'key').catch((e) => e);
  if (!(forged instanceof webhooks.WebhookVerificationError && forged instanceof sdk.CloudElementsError)) throw new Error('an error of ./webhooks is not an instance of the CloudElementsError . exports');
  if (forged instanceof sdk.NotFoundError || forged instanceof bulk.BulkJobError) throw new Error('instanceof holds for a class the error is not');
  // An error of one entry's copy of the client, caught as the class another entry exports.
  const missing = await oauth.startOAuth(ce, oauth.defineOAuthApp({ apiKey: 'k', apiSecret: 's', callbackUrl: 'https://app.example.com/cb' }), { elementKey: 'no-such-element' }).catch((e) => e);
  if (!(missing instanceof sdk.NotFoundError && missing instanceof sdk.CloudElementsError)) throw new Error('an error of ./oauth is not an instance of the classes . exports: ' + missing);
  if (typeof instances.createInstance !== 'function' || typeof bulk.startBulkQuery !== 'function') throw new Error('./instances or ./bulk is missing a function');
  if (!(new sdk.NotFoundError('x') instanceof Object.getPrototypeOf(webhooks.WebhookVerificationError))) throw new Error('an error of . is not an instance of the CloudElementsError of ./webhooks');
  const refused = await node.uploadBulkFile(ce, { hub: 'crm', objectName: 'contacts', path: '' }).catch((e) => e);
  if (!(refused instanceof TypeError)) throw new Error('./node did not refuse an empty path');
  const parsed = await node.readNodeRequestBody({ on() {}, body: { parsed: true }, headers: {} }).catch((e) => e);
  if (!(parsed instanceof webhooks.WebhookVerificationError && parsed instanceof sdk.CloudElementsError)) throw new Error('./node threw an error of another class than the entries export');
  console.log('element', element.key, 'webhook', verified.keyIndex === 0 ? 'verified' : 'rejected');
} finally {
  await emulator.close();
}
`;

const esmProgram = smallProgram(`import * as sdk from 'cloud-elements-sdk';
import * as oauth from 'cloud-elements-sdk/oauth';
import * as instances from 'cloud-elements-sdk/instances';
import * as bulk from 'cloud-elements-sdk/bulk';
import * as webhooks from 'cloud-elements-sdk/webhooks';
import * as node from 'cloud-elements-sdk/node';
import { startEmulator } from 'cloud-elements-sdk/testing';`);

const cjsProgram = `const sdk = require('cloud-elements-sdk');
const oauth = require('cloud-elements-sdk/oauth');
const instances = require('cloud-elements-sdk/instances');
const bulk = require('cloud-elements-sdk/bulk');
const webhooks = require('cloud-elements-sdk/webhooks');
const node = require('cloud-elements-sdk/node');
const { startEmulator } = require('cloud-elements-sdk/testing');
(async () => {
${smallProgram('')}
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
`;

/** TypeScript consumers: how each one is set up, compiled and run. */
const tsConsumers = {
  'node16 (ESM project)': {
    type: 'module',
    format: 'esm',
    compilerOptions: { module: 'node16', moduleResolution: 'node16' },
  },
  'nodenext (ESM project)': {
    type: 'module',
    format: 'esm',
    compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext' },
  },
  'nodenext (CommonJS project, require of ESM)': {
    type: 'commonjs',
    format: 'cjs',
    compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext' },
  },
  'bundler (bundled with esbuild)': {
    type: 'module',
    format: 'esm',
    compilerOptions: { module: 'esnext', moduleResolution: 'bundler' },
  },
  'module commonjs, moduleResolution node10': {
    type: 'commonjs',
    format: 'cjs',
    compilerOptions: { module: 'commonjs', moduleResolution: 'node10', esModuleInterop: true },
  },
} as const;
type ConsumerName = keyof typeof tsConsumers;

describe('the packed package', () => {
  let work: string;
  let tarball: string;
  let packed: string[];
  let extracted: string;
  let app: string;
  const results = new Map<string, Promise<Run[]>>();

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'ce-pack-'));

    // A fresh clone, as far as the package is concerned: the files git knows (committed or not, minus the
    // ignored ones, so no dist/), with the repository's node_modules for the build tools.
    const clone = join(work, 'clone');
    const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(listed.status, listed.stderr).toBe(0);
    for (const file of listed.stdout.split('\0')) {
      const from = join(root, file);
      if (file === '' || !existsSync(from) || !statSync(from).isFile()) continue;
      cpSync(from, join(clone, file));
    }
    symlinkSync(join(root, 'node_modules'), join(clone, 'node_modules'), 'dir');
    expect(existsSync(join(clone, 'dist'))).toBe(false);

    const pack = await run('npm', ['pack', '--pack-destination', work, '--loglevel', 'warn'], clone);
    expect(pack.status, pack.output).toBe(0);
    const name = readdirSync(work).find((file) => file.endsWith('.tgz'));
    expect(name, pack.output).toBeDefined();
    tarball = join(work, name!);
    const listing = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' });
    packed = listing.stdout
      .split('\n')
      .filter(Boolean)
      .map((file) => file.replace(/^package\//, ''))
      .sort();
    extracted = join(work, 'extracted');
    mkdirSync(extracted);
    expect(spawnSync('tar', ['-xzf', tarball, '-C', extracted, '--strip-components=1']).status).toBe(0);

    // One install for every consumer; they sit in subfolders and resolve the package from here.
    app = join(work, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'pack-consumers', private: true }));
    const install = await run(
      'npm',
      [
        'install',
        tarball,
        `@types/node@${typesNodeVersion}`,
        '--no-audit',
        '--no-fund',
        '--no-package-lock',
        '--prefer-offline',
        '--loglevel',
        'error',
      ],
      app,
    );
    expect(install.status, install.output).toBe(0);

    // Start every consumer now, two at a time; each test awaits its own.
    const slot = limiter(2);
    const consumer = (dir: string, type: string, files: Record<string, string>) => {
      mkdirSync(join(app, dir));
      writeFileSync(join(app, dir, 'package.json'), JSON.stringify({ type }));
      for (const [file, text] of Object.entries(files)) writeFileSync(join(app, dir, file), text);
      return join(app, dir);
    };
    const esmDir = consumer('esm', 'module', { 'main.mjs': esmProgram });
    results.set(
      'esm',
      slot(async () => [await run(process.execPath, ['main.mjs'], esmDir)]),
    );
    const cjsDir = consumer('cjs', 'commonjs', { 'main.cjs': cjsProgram });
    results.set(
      'cjs',
      slot(async () => [await run(process.execPath, ['main.cjs'], cjsDir)]),
    );
    let index = 0;
    for (const [name, setup] of Object.entries(tsConsumers)) {
      const bundled = name.startsWith('bundler');
      const dir = consumer(`ts-${index++}`, setup.type, {
        'tour.ts': tourSource(setup.format),
        'tsconfig.json': JSON.stringify({
          // A Node project as @tsconfig/node20 sets one up: no DOM lib, Node's types, skipLibCheck.
          compilerOptions: {
            ...setup.compilerOptions,
            target: 'es2022',
            lib: ['es2022'],
            strict: true,
            // As the strictest projects set it: an optional option also takes undefined (an unset variable).
            exactOptionalPropertyTypes: true,
            noUncheckedIndexedAccess: true,
            skipLibCheck: true,
            outDir: 'out',
            ...(bundled ? { noEmit: true } : {}),
          },
          files: ['tour.ts'],
        }),
      });
      results.set(
        name,
        slot(async () => {
          const steps = [await run(process.execPath, [tsc, '-p', '.'], dir)];
          if (steps[0]!.status !== 0) return steps;
          if (bundled) {
            const bundle = await run(
              bin('esbuild'),
              ['tour.ts', '--bundle', '--platform=node', '--format=esm', '--outfile=out/tour.js'],
              dir,
            );
            steps.push(bundle);
            if (bundle.status !== 0) return steps;
          }
          steps.push(await run(process.execPath, ['out/tour.js'], dir));
          return steps;
        }),
      );
    }
    // The declarations themselves, with skipLibCheck off: the browser-safe entries in a project without Node's
    // types, and every entry in a Node project without the DOM lib.
    const declarationCheck = (dir: string, lib: string[], types: string[] | undefined, lines: string[]) =>
      slot(async () => {
        const path = consumer(dir, 'module', {
          'check.ts': lines.join('\n'),
          'tsconfig.json': JSON.stringify({
            compilerOptions: {
              module: 'nodenext',
              moduleResolution: 'nodenext',
              target: 'es2022',
              lib,
              ...(types ? { types } : {}),
              strict: true,
              skipLibCheck: false,
              noEmit: true,
            },
            files: ['check.ts'],
          }),
        });
        return [await run(process.execPath, [tsc, '-p', '.'], path)];
      });
    const browserSafe = [
      "import { createClient, unwrap, paginate, type CloudElementsClient } from 'cloud-elements-sdk';",
      "import { createWebhookVerifier, type WebhookNotification } from 'cloud-elements-sdk/webhooks';",
      "import { defineOAuthApp, readOAuthCallback } from 'cloud-elements-sdk/oauth';",
      "import { createInstance } from 'cloud-elements-sdk/instances';",
      "import { startBulkQuery, type BulkJob } from 'cloud-elements-sdk/bulk';",
      'export const oauth = [defineOAuthApp, readOAuthCallback, createInstance, startBulkQuery] as const;',
      'export type Job = BulkJob;',
      "export const client: CloudElementsClient = createClient({ userSecret: 'u', organizationSecret: 'o' });",
      "export const list = unwrap(client.GET('/instances'));",
      "export const pages = paginate(client, '/hubs/crm/contacts');",
      "export const verifier = createWebhookVerifier({ key: 'k' });",
      'export type Event = WebhookNotification;',
    ];
    results.set(
      'types without node',
      declarationCheck('types-browser', ['es2022', 'dom', 'dom.iterable'], [], browserSafe),
    );
    results.set(
      'types without dom',
      declarationCheck('types-node', ['es2022'], undefined, [
        ...browserSafe,
        "export * as node from 'cloud-elements-sdk/node';",
        "export * as testing from 'cloud-elements-sdk/testing';",
      ]),
    );
  }, 300_000);

  afterAll(async () => {
    await Promise.allSettled(results.values());
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /** Waits for a consumer and fails with the output of the step that failed. */
  async function expectConsumer(name: string): Promise<string> {
    const steps = await results.get(name)!;
    for (const step of steps) expect(step.status, step.output).toBe(0);
    return steps.at(-1)!.output;
  }

  test('npm pack builds dist/ on a fresh clone (prepack)', () => {
    for (const file of [
      'dist/index.js',
      'dist/oauth.js',
      'dist/instances.js',
      'dist/bulk.js',
      'dist/webhooks.js',
      'dist/node.js',
      'dist/testing/index.js',
    ]) {
      expect(packed).toContain(file);
    }
  });

  test('the tarball holds what the entries reach, the LICENSE and the README, and nothing else', () => {
    const pkg = JSON.parse(readFileSync(join(extracted, 'package.json'), 'utf8')) as {
      main: string;
      types: string;
      exports: Record<string, string | Record<string, string>>;
      typesVersions: Record<string, Record<string, string[]>>;
      bin?: string | Record<string, string>;
    };
    const commands = typeof pkg.bin === 'string' ? [pkg.bin] : Object.values(pkg.bin ?? {});
    const starts = [pkg.main, pkg.types, ...Object.values(pkg.typesVersions['*'] ?? {}).flat(), ...commands];
    for (const target of Object.values(pkg.exports)) {
      starts.push(...(typeof target === 'string' ? [target] : Object.values(target)));
    }
    // Everything the entries load: relative imports of the JavaScript and of the declarations, and source maps.
    const reached = new Set<string>();
    const queue = starts.map((file) => posix.normalize(file));
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (reached.has(file)) continue;
      expect(packed, `${file} is referenced but not in the tarball`).toContain(file);
      reached.add(file);
      if (file.endsWith('.map') || file.endsWith('.json')) continue;
      const text = readFileSync(join(extracted, file), 'utf8');
      // Declarations as tsc writes them; JavaScript as esbuild does (static imports at the start of a line, in
      // double quotes), so that code in strings (the command line's templates) is not taken for an import.
      const patterns = file.endsWith('.d.ts')
        ? [
            /(?:from\s+|import\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g,
            /\/\/\/\s*<reference\s+path=['"]([^'"]+)['"]/g,
          ]
        : [/^(?:import|export)\b[^;"']*?(?:from\s*)?"(\.{1,2}\/[^"]+)"/gm, /\bimport\("(\.{1,2}\/[^"]+)"\)/g];
      const specifiers = patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match[1]!));
      const map = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(text)?.[1];
      for (const specifier of specifiers) {
        let target = posix.join(posix.dirname(file), specifier);
        if (file.endsWith('.d.ts')) target = target.replace(/\.js$/, '.d.ts');
        queue.push(target);
      }
      if (map) queue.push(posix.join(posix.dirname(file), map));
    }
    const extra = packed.filter(
      (file) => !reached.has(file) && !['package.json', 'README.md', 'LICENSE'].includes(file),
    );
    expect(extra).toEqual([]);
    expect(packed.filter((file) => /^(spec|src|test|scripts)\//.test(file))).toEqual([]);
    const license = readFileSync(join(extracted, 'LICENSE'), 'utf8');
    expect(license).toMatch(/^MIT License/);
    expect(license).toContain('Copyright (c)');
    expect(license).toContain('Cloud Elements SDK contributors');
    const kB = (statSync(tarball).size / 1000).toFixed(1);
    console.info(`tarball: ${kB} kB, ${packed.length} files`);
  });

  test('publint --strict finds nothing', async () => {
    const result = await run(bin('publint'), ['run', tarball, '--strict'], work);
    expect(result.status, result.output).toBe(0);
    expect(result.output).toContain('All good!');
  }, 60_000);

  test('are-the-types-wrong finds nothing (require of ESM allowed: Node >= 20.19)', async () => {
    // CJSResolvesToESM is the one rule left out: `engines` asks for Node 20.19+, where require() loads ESM,
    // and TypeScript allows it under `module: nodenext`. The CommonJS consumers below prove it.
    const result = await run(bin('attw'), [tarball, '--ignore-rules', 'cjs-resolves-to-esm'], work);
    expect(result.status, result.output).toBe(0);
    expect(result.output).toContain('No problems found');
  }, 60_000);

  test('source maps carry the sources they map to, and Node stack traces point into them', async () => {
    const maps = packed.filter((file) => file.endsWith('.js.map'));
    expect(maps.length).toBeGreaterThanOrEqual(4);
    for (const file of maps) {
      const map = JSON.parse(readFileSync(join(extracted, file), 'utf8')) as {
        sources: string[];
        sourcesContent?: (string | null)[];
      };
      expect(map.sourcesContent?.length, file).toBe(map.sources.length);
      for (const [i, source] of map.sources.entries()) {
        // The build's own modules, which exist only in the map, with their text (scripts/build.mjs,
        // sharedThroughMain): `.`'s, which adds the internal names of the helpers it hands ./oauth, ./instances and
        // ./bulk, and theirs, which take those helpers from `.`.
        if (source.startsWith('through-main:')) {
          expect(map.sourcesContent![i], `${file}: ${source}`).toMatch(
            source === 'through-main:index'
              ? /^export \* from '\.\/src\/index\.ts';\nexport \{ \w+ as __core_\w+/
              : /^export \{ __(core|client|query)_\w+ as \w+/,
          );
          continue;
        }
        // Sources are paths of the repository (`../src/...` from dist/); the map holds their text, except for
        // generated modules, which the code holds as they are (scripts/build.mjs).
        const original = join(root, posix.join(posix.dirname(file), source));
        const expected = /^generated\//.test(posix.join(posix.dirname(file), source))
          ? null
          : readFileSync(original, 'utf8');
        expect(map.sourcesContent![i], `${file}: ${source}`).toBe(expected);
      }
    }
    const trace = await run(
      process.execPath,
      [
        '--enable-source-maps',
        '--input-type=module',
        '-e',
        "import { createClient } from 'cloud-elements-sdk'; try { createClient({ timeoutMs: -1 }); } catch (e) { console.log(e.stack); }",
      ],
      join(app, 'esm'),
    );
    const frame = /\/src\/([\w/.-]+\.ts):(\d+):\d+/.exec(trace.output);
    expect(frame, trace.output).not.toBeNull();
    const line = readFileSync(join(root, 'src', frame![1]!), 'utf8').split('\n')[Number(frame![2]) - 1];
    expect(line, `${frame![0]} in\n${trace.output}`).toMatch(/throw|Error/);

    // The build writes comments into the minified code (scripts/build.mjs, pureCalls) and moves the maps' columns
    // to match: a frame of code after them must still point at the exact call, column and all.
    const later = await run(
      process.execPath,
      [
        '--enable-source-maps',
        '--input-type=module',
        '-e',
        "import { formatBulkQuery } from 'cloud-elements-sdk'; try { formatBulkQuery({ from: 'contacts', limit: 0 }); } catch (e) { console.log(e.stack); }",
      ],
      join(app, 'esm'),
    );
    const [, file, row, column] =
      /at \S+ \(\S*\/src\/(query\/ceql\.ts):(\d+):(\d+)\)\n\s+at file:/.exec(later.output) ?? [];
    expect(file, later.output).toBeDefined();
    const code = readFileSync(join(root, 'src', file!), 'utf8').split('\n')[Number(row) - 1]!;
    expect(code.slice(Number(column) - 1), later.output).toMatch(/^refuseOption\('limit'/);
  }, 60_000);

  test('the minified classes keep their names: a logged error reads NotFoundError, not a one-letter class', async () => {
    const program = `
      import { inspect } from 'node:util';
      const entries = {
        '.': await import('cloud-elements-sdk'),
        './oauth': await import('cloud-elements-sdk/oauth'),
        './instances': await import('cloud-elements-sdk/instances'),
        './bulk': await import('cloud-elements-sdk/bulk'),
        './webhooks': await import('cloud-elements-sdk/webhooks'),
        './node': await import('cloud-elements-sdk/node'),
      };
      const misnamed = [];
      for (const [entry, module] of Object.entries(entries)) {
        for (const [name, value] of Object.entries(module)) {
          if (typeof value === 'function' && /^[A-Z]/.test(name) && value.name !== name) {
            misnamed.push(entry + ' ' + name + ' is named ' + value.name);
          }
        }
      }
      const { NotFoundError, ceql } = entries['.'];
      const logged = inspect(new NotFoundError('gone', { status: 404 })).split('\\n')[0];
      console.log(JSON.stringify({ misnamed, logged, fragment: inspect(ceql\`id = \${7}\`) }));
    `;
    const result = await run(process.execPath, ['--input-type=module', '-e', program], join(app, 'esm'));
    expect(result.status, result.output).toBe(0);
    const facts = JSON.parse(result.output.split('\n').find((line) => line.startsWith('{'))!) as {
      misnamed: string[];
      logged: string;
      fragment: string;
    };
    expect(facts.misnamed).toEqual([]);
    expect(facts.logged).toBe('NotFoundError: gone');
    expect(facts.fragment).toBe("CeqlFragment { text: 'id = 7' }");
  }, 60_000);

  test('an uncaught SDK error prints a short line of code, not a whole minified file', async () => {
    // Node prints the source line a crash happened on: one line per file would be 10 kB of code before the message.
    const program = "import { createClient } from 'cloud-elements-sdk'; createClient({});";
    const result = await run(process.execPath, ['--input-type=module', '-e', program], join(app, 'esm'));
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/TypeError: \[cloud-elements\] userSecret/);
    const longest = Math.max(...result.output.split('\n').map((line) => line.length));
    expect(longest, result.output.slice(0, 3_000)).toBeLessThanOrEqual(1_500);
  }, 60_000);

  test('an ES module imports every entry and calls the emulator', async () => {
    expect(await expectConsumer('esm')).toContain('element sfdc webhook verified');
  }, 300_000);

  test('a CommonJS module requires every entry (require of ESM, Node >= 20.19)', async () => {
    expect(await expectConsumer('cjs')).toContain('element sfdc webhook verified');
  }, 300_000);

  test.each(Object.keys(tsConsumers) as ConsumerName[])(
    'TypeScript %s: the README tour type-checks and runs against the emulator',
    async (name) => {
      const output = await expectConsumer(name);
      expect(output).toContain('connected instance');
      expect(output).toContain('verified webhook');
    },
    300_000,
  );

  test('the . and ./webhooks declarations compile without @types/node (DOM lib, skipLibCheck off)', async () => {
    await expectConsumer('types without node');
  }, 300_000);

  // ./node and ./testing are Node-only by nature: they need @types/node; a Node project without the DOM lib (such
  // as @tsconfig/node20) must still compile every declaration, so none may name a DOM-only type.
  test('every declaration compiles in a Node project without the DOM lib (skipLibCheck off)', async () => {
    await expectConsumer('types without dom');
  }, 300_000);
});

void dirname;
