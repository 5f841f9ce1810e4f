// Regenerates everything that comes from the spec: lint, types, docs site (samples included), emulator spec.
// Run with `npm run generate`. Each step prints one ✔ line as it ends; a failing step makes the run fail.
//
// Kept under 10 s on a 2-core machine by doing the work once and side by side: the Redocly lint and the Redoc page
// build run as child processes while this process bundles the spec once (@redocly/openapi-core, in-process) and
// writes the types and the samples from that bundle.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EMULATOR_SPEC_FILES, emulatorSpecTexts } from './emulator-spec.mjs';
import { bundleSpec, startSite, writeSamples } from './site/site.mjs';
import { CLI_PATHS_FILES, cliPathsTexts } from './cli-paths.mjs';
import { writeFiles } from './generated-files.mjs';
import { LIST_PATHS_FILE, listPathsText } from './list-paths.mjs';
import { SCHEMA_TYPES_FILE, schemaTypesText } from './schema-types.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => fileURLToPath(new URL(`../node_modules/.bin/${name}`, import.meta.url));

function done(label, started) {
  console.log(`✔ ${label} (${Math.round(performance.now() - started)} ms)`);
}

function fail(label, error) {
  console.error(`✘ ${label} failed: ${error.message}`);
  process.exit(1);
}

/** Runs a step in this process; prints its ✔ line, or stops the run. */
async function step(label, run) {
  const started = performance.now();
  try {
    const result = await run();
    done(label, started);
    return result;
  } catch (error) {
    fail(label, error);
  }
}

/** Runs a command beside this process; the promise settles with its ✔ line, or stops the run. */
function child(label, command, args) {
  const started = performance.now();
  return new Promise((resolve) => {
    const proc = spawn(command, args, {
      cwd: root,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', NO_COLOR: '1' },
    });
    let output = '';
    proc.stdout.on('data', (chunk) => (output += chunk));
    proc.stderr.on('data', (chunk) => (output += chunk));
    proc.on('error', (error) => fail(label, error));
    proc.on('close', (status) => {
      if (status !== 0) {
        process.stderr.write(output);
        fail(label, new Error(`exit ${status}`));
      }
      done(label, started);
      resolve();
    });
  });
}

// ---- Lint (a child process, beside everything else) ------------------------------------------------------------
const lint = child('lint the spec', bin('redocly'), ['lint', '--format=summary']);

// ---- The spec, bundled once ----------------------------------------------------------------------------------
const doc = await step('bundle the spec', () => bundleSpec(root));

// ---- Docs: samples and site (scripts/site/) --------------------------------------------------------------------
// generated/samples/<tag>.ts holds every operation's TypeScript sample as a function, which `tsc -p .` checks;
// docs/openapi.json is the spec with those samples (x-codeSamples), the guides of docs-src/guides/ and a link to the
// SDK reference (`npm run docs` → docs/sdk/); `redocly build-docs --inlineBundle` makes the offline docs/index.html.
const samples = await step('write generated/samples/', () => writeSamples(root, doc));
const site = (async () => {
  const started = performance.now();
  try {
    await startSite(root, doc, samples, `${root}docs`);
  } catch (error) {
    fail('build docs/index.html', error);
  }
  done('build docs/index.html', started);
})();

// ---- Types ---------------------------------------------------------------------------------------------------
// openapi-typescript's API on the bundle (scripts/schema-types.mjs, which `npm run generate:check` runs with --check).
await step('write generated/schema.d.ts', async () => {
  writeFileSync(SCHEMA_TYPES_FILE, await schemaTypesText(doc));
});

// ---- Emulator spec (src/testing) ------------------------------------------------------------------------------
// The operations, parameters, schemas and examples the emulator reads at run time (scripts/emulator-spec.mjs), from
// the bundle above; `npm run generate:check` runs `node scripts/emulator-spec.mjs --check` to catch a stale file.
async function writeEmulatorSpec() {
  await step('write generated/emulator-spec.js', () =>
    writeFiles(EMULATOR_SPEC_FILES, emulatorSpecTexts(structuredClone(doc))),
  );
}
await writeEmulatorSpec();

// ---- Command line path list (src/cli) ---------------------------------------------------------------------------
// The path templates and methods `cloud-elements request` checks a call against (scripts/cli-paths.mjs), from the
// bundle above; `npm run generate:check` runs `node scripts/cli-paths.mjs --check`.
async function writeCliPaths() {
  await step('write generated/cli-paths.js', () => writeFiles(CLI_PATHS_FILES, cliPathsTexts(doc)));
}
await writeCliPaths();

// ---- The paths paginate accepts (src/query) ----------------------------------------------------------------------
// A precomputed union (scripts/list-paths.mjs) so that paginate's types stay cheap; `--check` catches a stale file.
await step('write generated/list-paths.d.ts', () => writeFileSync(LIST_PATHS_FILE, listPathsText(doc)));

await Promise.all([lint, site]);
