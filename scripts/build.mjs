#!/usr/bin/env node
// `npm run build` (and `prepack`): the published `dist/`.
//
// - JavaScript: esbuild bundles each entry of package.json `exports` (and the `bin`) into one minified ESM file with
//   a linked source map. Two builds:
//   - the library entries (`.`, `./oauth`, `./instances`, `./bulk`, `./webhooks`, `./node`), each to one file with
//     no shared chunk, so that each entry is what it says: one module to load, cache or inspect. (A cold import of
//     `.` took as long as with the chunk it had before: the time goes to compiling the code's bytes, not to the
//     number of files; which is why `.` holds the client and what every call needs, and the other concerns are
//     entries of their own.) `./oauth`, `./instances` and `./bulk` take the client, core and query from `.` (see
//     sharedThroughMain), and `./node` the bulk helpers from `./bulk.js`, as a user would, rather than with copies
//     of their own. `./webhooks` holds its own copy of the error classes, whose `instanceof` holds across copies
//     (src/core/errors.ts); `./node`'s webhook adapter copies internals of webhooks/ that no entry exports.
//   - `./testing` and the command line on their own: they share no class with the library (the dependency rules
//     in .dependency-cruiser.cjs keep `testing` apart; the command line is a process of its own). The emulator's
//     spec, ~850 kB, is a chunk of its own that `./testing` loads when an emulator starts.
//   The library entries keep no function names (`keepNames` off): esbuild keeps them with a call per function at
//   load, which costs a cold import about 0.6 ms and, since a bundler must keep every such call, would put the whole
//   library into the bundle of an app that imports one function. The public classes name themselves (a static
//   `name`), so errors still read `NotFoundError: …` in logs; stack frames name minified functions, and under
//   `--enable-source-maps` point to the src/ line. `./testing` and the command line keep their names.
//   Dependencies (openapi-fetch, the optional undici) and `node:*` stay imports.
//   Source maps hold their sources (`sourcesContent`), so they work without `src/` in the package; generated
//   modules, which the code holds as they are, keep no second copy in the maps.
// - Types: tsc writes the declarations (tsconfig.build.json, no maps); those that no entry's declarations reach
//   describe bundled-away code and are removed.
//
// `node scripts/build.mjs --out-dir <dir>` builds elsewhere; `--metafile <file>` writes esbuild's metafiles;
// `--no-types` leaves out the declarations (the size test needs only the JavaScript).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, rmdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: { 'out-dir': { type: 'string' }, metafile: { type: 'string' }, 'no-types': { type: 'boolean' } },
});
const outDir = resolve(root, values['out-dir'] ?? 'dist');

/**
 * The entries are package.json `exports` (and `bin`, if any): `./dist/<path>.js` is built from `src/<path>.ts`, so
 * a new export or command needs no change here.
 */
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const source = (target) => target.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts');
/** Entries with types: the `exports`. */
const typed = Object.values(pkg.exports).flatMap((target) =>
  typeof target === 'object' ? [source(target.default)] : [],
);
/** Commands: `bin` targets built from src/ (no types). */
const commands = (typeof pkg.bin === 'string' ? [pkg.bin] : Object.values(pkg.bin ?? {}))
  .filter((target) => target.startsWith('./dist/'))
  .map(source);
const entries = [...new Set([...typed, ...commands])];

const started = performance.now();
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

/** Entries that share classes with the library: built together; the rest (testing, commands) on their own. */
const library = entries.filter((file) => !file.startsWith('src/testing/') && !commands.includes(file));
const standalone = entries.filter((file) => !library.includes(file));

/**
 * Imports that `./node` makes through another public entry instead of bundling a copy: the folder's index must
 * export what src/node/ imports from it (a missing name fails when `./node` is imported, which the pack test does).
 */
const throughEntry = new Map([['src/bulk/index.ts', './bulk.js']]);
const nodeUsesEntries = {
  name: 'node-uses-entries',
  setup(builder) {
    builder.onResolve({ filter: /^\.\.\/[\w-]+\/index\.js$/ }, (args) => {
      const importer = relative(root, args.importer);
      const target = join(dirname(importer), args.path).replace(/\.js$/, '.ts');
      if (!importer.startsWith('src/node/') || !throughEntry.has(target)) return undefined;
      return { path: throughEntry.get(target), external: true };
    });
  },
};

/**
 * `./oauth`, `./instances` and `./bulk` use the client, core and query through `.` instead of with copies of their
 * own: an app that imports several entries loads the client's code once, and a response of `.`'s client keeps the
 * facts its transport attached (the client's redactor, the attempts) when `./bulk`'s helpers read it. `.` exports
 * each name those folders import from the three under an internal name, `__<folder>_<name>` (no declaration
 * describes them: they are not API); each of their imports of a folder's index becomes a re-export of those names
 * from `./index.js`, which an app's bundler can still shake name by name. The names are read from the import
 * statements of the folders' modules; any other form of import of the three folders fails the build.
 */
const SHARED_FOLDERS = ['core', 'client', 'query'];
/** The folders whose entries take the shared folders from `.`. */
const THROUGH_MAIN = ['oauth', 'instances', 'bulk'];
function sharedNames() {
  const names = Object.fromEntries(SHARED_FOLDERS.map((folder) => [folder, new Set()]));
  for (const folder of THROUGH_MAIN) {
    for (const file of readdirSync(join(root, 'src', folder)).filter((name) => name.endsWith('.ts'))) {
      const text = readFileSync(join(root, 'src', folder, file), 'utf8');
      for (const [, list, from] of text.matchAll(
        /^import\s*\{([^}]*)\}\s*from\s*'\.\.\/(\w+)\/index\.js';/gm,
      )) {
        if (!SHARED_FOLDERS.includes(from)) continue;
        if (list.includes('/'))
          throw new Error(`src/${folder}/${file}: no comments inside an import of ../${from}`);
        for (const part of list.split(',').map((item) => item.trim())) {
          if (part === '' || part.startsWith('type ')) continue;
          if (part.includes(' as '))
            throw new Error(`src/${folder}/${file}: rename ${part} where it is used, not on import`);
          names[from].add(part);
        }
      }
      // Only named imports can be re-exported name by name: a namespace or default import of the three is refused.
      const imports =
        text.match(/^import\s+(?!type\s)[^;]*from\s*'\.\.\/(core|client|query)\/index\.js';/gm) ?? [];
      const other = imports.find((statement) => !/^import\s*\{[^}]*\}\s*from/.test(statement));
      if (other) throw new Error(`src/${folder}/${file}: import names from the folder's index, not ${other}`);
    }
  }
  return Object.fromEntries(SHARED_FOLDERS.map((folder) => [folder, [...names[folder]].sort()]));
}
const shared = sharedNames();
/** The name under which `.` exports `name` of `folder` for the other entries. */
const internalName = (folder, name) => `__${folder}_${name}`;
const sharedThroughMain = {
  name: 'shared-through-main',
  setup(builder) {
    // `.` is built from a module of the build's own: src/index.ts as it is, and the internal names.
    builder.onResolve({ filter: /^through-main:index$/ }, () => ({
      path: 'index',
      namespace: 'through-main',
    }));
    builder.onLoad({ filter: /^index$/, namespace: 'through-main' }, () => ({
      contents: [
        "export * from './src/index.ts';",
        ...SHARED_FOLDERS.map(
          (folder) =>
            `export { ${shared[folder].map((name) => `${name} as ${internalName(folder, name)}`).join(', ')} } ` +
            `from './src/${folder}/index.ts';`,
        ),
      ].join('\n'),
      loader: 'js',
      resolveDir: root,
    }));
    builder.onResolve({ filter: /^\.\.\/(core|client|query)\/index\.js$/ }, (args) => {
      const [top, folder] = relative(root, args.importer).split(/[\\/]/);
      return top === 'src' && THROUGH_MAIN.includes(folder)
        ? { path: args.path.split('/')[1], namespace: 'through-main' }
        : undefined;
    });
    builder.onLoad({ filter: /^(core|client|query)$/, namespace: 'through-main' }, (args) => ({
      contents:
        `export { ${shared[args.path].map((name) => `${internalName(args.path, name)} as ${name}`).join(', ')} } ` +
        "from './index.js';\n",
      loader: 'js',
    }));
    builder.onResolve({ filter: /^\.\/index\.js$/, namespace: 'through-main' }, () => ({
      path: './index.js',
      external: true,
    }));
  },
};

const options = {
  absWorkingDir: root,
  outbase: 'src',
  outdir: outDir,
  entryNames: '[dir]/[name]',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  // openapi-fetch and node:* are imported, not bundled: users' installs and bundlers resolve them.
  packages: 'external',
  external: ['node:*'],
  minify: true,
  sourcemap: 'linked',
  sourcesContent: true,
  charset: 'utf8',
  legalComments: 'none',
  // Node prints the source line an uncaught error was thrown on: a bounded line, not the whole minified file.
  lineLimit: 500,
  metafile: true,
  logLevel: 'warning',
};
const results = [
  await build({
    ...options,
    entryPoints: library.map((file) =>
      file === 'src/index.ts' ? { in: 'through-main:index', out: 'index' } : file,
    ),
    splitting: false,
    plugins: [nodeUsesEntries, sharedThroughMain],
  }),
  await build({ ...options, entryPoints: standalone, keepNames: true }),
];
const result = {
  metafile: {
    inputs: Object.assign({}, ...results.map((r) => r.metafile.inputs)),
    outputs: Object.assign({}, ...results.map((r) => r.metafile.outputs)),
  },
};
if (values.metafile) writeFileSync(resolve(values.metafile), JSON.stringify(result.metafile));

// Top-level calls that only build the value of a constant carry `/* @__PURE__ */` in src/, so that an app's bundler
// drops them (and all they reference) when the app never uses the constant. esbuild's minifier drops such comments
// (evanw/esbuild#1990); without them, `ceql`'s `Object.assign` kept all of CEQL, 1.8 kB gzipped, in every app that
// only calls the client. They are put back here. Each pattern must match the minified call at most once in a
// file (each entry holds its own copy of what it uses) and at least once in all.
const pureCalls = [
  {
    name: 'ceql (src/query/ceql.ts)',
    pattern: /(?<=[=,])Object\.assign\([\w$]+,\{field:[\w$]+,join:[\w$]+\}\)/g,
  },
  { name: 'BULK_TERMINAL_STATUSES (src/bulk/jobs.ts)', pattern: /(?<=[=,])Object\.freeze\(\["COMPLETED",/g },
  { name: 'BASE_URLS (src/client/client.ts)', pattern: /(?<=[=,])Object\.freeze\(\{us:"https:/g },
  { name: 'encoder (src/core/streams.ts)', pattern: /(?<=[=,])new TextEncoder\b/g },
];
markPureCalls(
  Object.keys(results[0].metafile.outputs).filter((file) => file.endsWith('.js')),
  pureCalls,
);

// Generated modules (the emulator's spec, ~1 MB of JSON text) appear in the code as they are: their text in the
// maps would only double the package. Their entries keep the mapping, without `sourcesContent`.
for (const file of Object.keys(result.metafile.outputs).filter((name) => name.endsWith('.map'))) {
  const path = resolve(root, file);
  const map = JSON.parse(readFileSync(path, 'utf8'));
  const kept = map.sources.map((source, i) =>
    /(^|\/)generated\//.test(source) ? null : map.sourcesContent[i],
  );
  if (kept.some((content, i) => content !== map.sourcesContent[i])) {
    writeFileSync(path, JSON.stringify({ ...map, sourcesContent: kept }));
  }
}

if (values['no-types']) {
  console.log(`✔ built the JavaScript of ${relative(root, outDir) || '.'}/ (no declarations)`);
  process.exit(0);
}
const tsc = spawnSync(
  process.execPath,
  [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', outDir],
  { cwd: root, stdio: 'inherit' },
);
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
const declarations = pruneDeclarations();

const files = Object.keys(result.metafile.outputs).filter((file) => file.endsWith('.js'));
const shown = relative(root, outDir) || '.';
console.log(
  `✔ built ${shown}/: ${files.length} JavaScript files (${entries.length} entries) and ` +
    `${declarations} declaration files in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

/**
 * Writes a `@__PURE__` comment before each call that a pattern of `calls` matches in `files` (paths relative to
 * the root), and moves the columns of their linked source maps to match. Fails the build when a pattern matches
 * nowhere, or more than once in one file.
 */
function markPureCalls(files, calls) {
  const annotation = '/*@__PURE__*/';
  const found = new Map(calls.map(({ name }) => [name, 0]));
  const repeated = [];
  for (const file of files) {
    const path = resolve(root, file);
    let code = readFileSync(path, 'utf8');
    const at = calls.flatMap(({ name, pattern }) => {
      const matches = [...code.matchAll(pattern)];
      if (matches.length > 1) repeated.push(`${name} matched ${matches.length} times in ${file}`);
      found.set(name, found.get(name) + matches.length);
      return matches.map((match) => match.index);
    });
    if (at.length === 0) continue;
    const map = JSON.parse(readFileSync(`${path}.map`, 'utf8'));
    const lines = map.mappings.split(';');
    // From the last insertion to the first, so that each index still points into the text as it was.
    for (const index of at.sort((a, b) => b - a)) {
      code = code.slice(0, index) + annotation + code.slice(index);
      const line = code.slice(0, index).split('\n').length - 1;
      const column = index - (code.lastIndexOf('\n', index - 1) + 1);
      lines[line] = shiftColumns(lines[line] ?? '', column, annotation.length);
    }
    writeFileSync(path, code);
    writeFileSync(`${path}.map`, JSON.stringify({ ...map, mappings: lines.join(';') }));
  }
  const wrong = [
    ...repeated,
    ...[...found].filter(([, count]) => count === 0).map(([name]) => `${name} matched nowhere`),
  ];
  if (wrong.length > 0) {
    throw new Error(
      `build: ${wrong.join('; ')}; update pureCalls in scripts/build.mjs to the minified code.`,
    );
  }
}

/**
 * One line of source-map mappings, with the segments at or after `column` moved right by `by`. A segment's first
 * field is its column relative to the previous segment of the line, so only the first segment that moves changes.
 */
function shiftColumns(line, column, by) {
  const digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const segments = line === '' ? [] : line.split(',');
  let absolute = 0;
  for (let i = 0; i < segments.length; i++) {
    // The first base64 VLQ value of the segment: 5 bits a digit, low bit first, 32 means more digits follow;
    // the lowest bit of the value is its sign.
    let value = 0;
    let shift = 0;
    let length = 0;
    for (let digit; ; shift += 5) {
      digit = digits.indexOf(segments[i][length++]);
      value += (digit & 31) * 2 ** shift;
      if ((digit & 32) === 0) break;
    }
    const delta = value % 2 === 1 ? -(value - 1) / 2 : value / 2;
    absolute += delta;
    if (absolute < column) continue;
    let rest = (delta + by) * 2;
    let encoded = '';
    do {
      const low = rest % 32;
      rest = Math.floor(rest / 32);
      encoded += digits[low + (rest > 0 ? 32 : 0)];
    } while (rest > 0);
    segments[i] = encoded + segments[i].slice(length);
    break;
  }
  return segments.join(',');
}

/**
 * tsc writes a declaration for every module; users need only those that the entries' declarations reach (the
 * others describe code that is bundled away). Removes the rest and the folders left empty; returns how many stay.
 */
function pruneDeclarations() {
  const reached = new Set();
  const queue = typed.map((file) => join(outDir, relative('src', file).replace(/\.ts$/, '.d.ts')));
  while (queue.length > 0) {
    const file = queue.pop();
    if (reached.has(file) || !file.startsWith(outDir)) continue;
    reached.add(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:from\s+|import\s*\(\s*)['"](\.{1,2}\/[^'"]+)\.js['"]/g)) {
      queue.push(join(dirname(file), `${match[1]}.d.ts`));
    }
  }
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(path);
        if (readdirSync(path).length === 0) rmdirSync(path);
      } else if (path.endsWith('.d.ts') && !reached.has(path)) rmSync(path);
    }
  };
  walk(outDir);
  return reached.size;
}
