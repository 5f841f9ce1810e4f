/**
 * What the SDK's types cost a user's type-check: instantiations and check time of a consumer file, measured with
 * `tsc --extendedDiagnostics`. A baseline file (imports and a client only) is subtracted from a file with one typed
 * GET and from a file with one `paginate` call; a file with 20 typed calls (`paginate` among them) shows the total.
 * Target: one `paginate` call costs at most twice one typed GET.
 *
 * The consumer imports the package as users get it: the built declarations (scripts/build.mjs) in a throwaway
 * `node_modules`, with `skipLibCheck`. Until December 2026 it imported src/, so tsc checked the SDK's own modules
 * too, and the calls those make had already paid for the types of the consumer's calls: the figures then depended
 * on what the SDK's code happened to call (one GET cost 912 instantiations while the bulk helpers were in `.`'s
 * sources, 32,296 once they were not).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printTable, printTarget } from './support/measure.js';

const root = fileURLToPath(new URL('..', import.meta.url));
// Inside the repository, so that the declarations find openapi-fetch in its node_modules.
const dir = mkdtempSync(join(root, '.tmp-typecheck-'));
const built = spawnSync(
  process.execPath,
  [join(root, 'scripts/build.mjs'), '--out-dir', join(dir, 'node_modules/cloud-elements-sdk/dist')],
  { cwd: root, encoding: 'utf8' },
);
if (built.status !== 0) throw new Error(`build failed:\n${built.stdout}${built.stderr}`);
copyFileSync(join(root, 'package.json'), join(dir, 'node_modules/cloud-elements-sdk/package.json'));
// The package's other files (generated/schema.d.ts, list-paths.d.ts): without them the declarations' types of the
// API resolve to `any` (skipLibCheck hides the failed import), and every call costs next to nothing.
for (const file of (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { files: string[] })
  .files) {
  if (file === 'dist') continue;
  mkdirSync(dirname(join(dir, 'node_modules/cloud-elements-sdk', file)), { recursive: true });
  copyFileSync(join(root, file), join(dir, 'node_modules/cloud-elements-sdk', file));
}
writeFileSync(join(dir, 'package.json'), '{ "type": "module", "private": true }\n');

const header = `import { createClient, paginate, unwrap } from 'cloud-elements-sdk';
const ce = createClient({ userSecret: 'u', organizationSecret: 'o' });
const crm = ce.forInstance('t');
export async function run() {
`;
const get = `  {
    const instance = await unwrap(ce.GET('/instances/{id}', { params: { path: { id: 1 } } }));
    console.log(instance.name);
  }
`;
const pagination = `  for await (const contact of paginate(crm, '/hubs/{hub}/{objectName}', { params: { path: { hub: 'crm', objectName: 'contacts' } } })) console.log(contact);
`;
const twenty = [
  ...Array.from({ length: 6 }, () => get),
  `  await unwrap(ce.GET('/elements/{keyOrId}', { params: { path: { keyOrId: 'sfdc' } } }));\n`,
  `  await unwrap(ce.GET('/instances', { params: { query: { pageSize: 5 } } }));\n`,
  `  await unwrap(crm.POST('/hubs/{hub}/{objectName}', { params: { path: { hub: 'crm', objectName: 'contacts' } }, body: { lastName: 'x' } }));\n`,
  `  await unwrap(crm.GET('/hubs/{hub}/ping', { params: { path: { hub: 'crm' } } }));\n`,
  ...Array.from({ length: 8 }, () => `  await unwrap(ce.GET('/usage', {}));\n`),
  pagination,
  pagination,
].join('');

writeFileSync(
  join(dir, 'tsconfig.json'),
  JSON.stringify({
    include: ['consumer.ts'],
    compilerOptions: {
      target: 'es2022',
      lib: ['es2023', 'dom', 'dom.iterable'],
      module: 'nodenext',
      moduleResolution: 'nodenext',
      strict: true,
      skipLibCheck: true,
      noEmit: true,
      types: [],
    },
  }),
);

/** Type-checks the consumer whose `run()` holds `body`. */
function typeCheck(body: string) {
  writeFileSync(join(dir, 'consumer.ts'), `${header}${body}}\n`);
  return spawnSync(join(root, 'node_modules/.bin/tsc'), ['-p', dir, '--extendedDiagnostics'], {
    cwd: root,
    encoding: 'utf8',
  });
}

function measure(name: string, body: string): { instantiations: number; checkMs: number } {
  const run = typeCheck(body);
  if (run.status !== 0) throw new Error(`${name} does not type-check:\n${run.stdout}${run.stderr}`);
  const read = (label: string) => Number(new RegExp(`${label}:\\s+([\\d.]+)`).exec(run.stdout)?.[1] ?? NaN);
  return { instantiations: read('Instantiations'), checkMs: read('Check time') * 1000 };
}

try {
  // The API's types must be there, not \`any\`: a path the spec lacks is refused.
  const refused = typeCheck("  void ce.GET('/no/such/path');\n");
  if (!/consumer\.ts\(\d+,\d+\): error TS/.test(refused.stdout)) {
    throw new Error(`the consumer's types are \`any\`: a path the spec lacks type-checks\n${refused.stdout}`);
  }
  const base = measure('baseline', '');
  const oneGet = measure('one GET', get);
  const onePaginate = measure('one paginate', pagination);
  const all = measure('20 calls', twenty);
  const cost = (m: { instantiations: number; checkMs: number }) => ({
    instantiations: m.instantiations - base.instantiations,
    checkMs: m.checkMs - base.checkMs,
  });
  const getCost = cost(oneGet);
  const paginateCost = cost(onePaginate);
  printTable(
    'Type-check cost over a baseline file (imports and a client), one tsc run each (instantiations are exact; times vary with load)',
    ['file', 'instantiations', 'check ms'],
    [
      ['baseline (absolute)', String(base.instantiations), base.checkMs.toFixed(0)],
      ['one typed GET', String(getCost.instantiations), getCost.checkMs.toFixed(0)],
      ['one paginate', String(paginateCost.instantiations), paginateCost.checkMs.toFixed(0)],
      ['20 calls, 2 paginate', String(cost(all).instantiations), cost(all).checkMs.toFixed(0)],
    ],
  );
  printTarget(
    'typecheck paginate/get instantiations',
    paginateCost.instantiations / Math.max(1, getCost.instantiations),
    2,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
