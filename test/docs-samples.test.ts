import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { createClient, unwrap } from '../src/index.js';
import { startEmulator, type Emulator } from '../src/testing/index.js';
import * as samples from '../generated/samples/index.js';

// The TypeScript sample of every operation (scripts/site/samples.mjs): the text the docs site shows and the
// function of generated/samples/ that `tsc -p .` type-checks are made from one text; these tests check that
// generated/ is current, that every operation has a sample that uses the SDK as the README teaches, and run
// samples against the emulator.
const root = fileURLToPath(new URL('..', import.meta.url));

type Sample = { text: string; call: string; tag: string; functionName: string; file: string };
type Operation = {
  source: 'paths' | 'webhooks';
  name: string;
  method: string;
  op: {
    tags?: string[];
    security?: Record<string, unknown>[];
    requestBody?: unknown;
    responses?: Record<string, unknown>;
  };
  params: { name: string; in: string; required?: boolean }[];
};
type SamplesModule = {
  buildSamples(doc: unknown): { samples: Map<string, Sample>; files: Map<string, string> };
  listOperations(doc: unknown): Operation[];
  createResolver(doc: unknown): (node: unknown) => any;
  toCheckedFunction(text: string, name: string, comment: string, imports: Map<string, Set<string>>): string;
};
type SiteModule = { bundleSpec(root: string): Promise<unknown> };

const load = async <T>(path: string): Promise<T> => (await import(pathToFileURL(join(root, path)).href)) as T;

describe('operation samples', () => {
  let doc: unknown;
  let built: ReturnType<SamplesModule['buildSamples']>;
  let operations: Operation[];
  let module: SamplesModule;

  beforeAll(async () => {
    module = await load<SamplesModule>('scripts/site/samples.mjs');
    const site = await load<SiteModule>('scripts/site/site.mjs');
    doc = await site.bundleSpec(root);
    built = module.buildSamples(doc);
    operations = module.listOperations(doc);
  }, 60_000);

  test('generated/samples/ is what the spec gives now (else run npm run generate)', () => {
    const run = spawnSync(process.execPath, ['scripts/site/site.mjs', '--check'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(run.status, run.stdout + run.stderr).toBe(0);
  }, 60_000);

  test('every operation and webhook has one sample, and its function in generated/samples/ is the same text', () => {
    expect(operations.length).toBeGreaterThan(500);
    expect(built.samples.size).toBe(operations.length);
    for (const operation of operations) {
      const key = `${operation.source} ${operation.method} ${operation.name}`;
      const sample = built.samples.get(key);
      expect(sample, key).toBeDefined();
      const checked = readFileSync(join(root, 'generated', sample!.file), 'utf8');
      const fn = module.toCheckedFunction(sample!.text, sample!.functionName, '', new Map());
      // The function's body: every line of the sample but its imports, indented.
      const body = fn.slice(fn.indexOf('{\n') + 2);
      expect(checked, `${key} in ${sample!.file}`).toContain(
        `export async function ${sample!.functionName}(): Promise<void> {\n${body}`,
      );
    }
  });

  test('samples use the SDK the way the README teaches', () => {
    const resolve = module.createResolver(doc);
    const publicEntries =
      /^(cloud-elements-sdk(\/oauth|\/instances|\/bulk|\/webhooks|\/node)?|node:[a-z/]+)$/;
    for (const operation of operations) {
      const key = `${operation.source} ${operation.method} ${operation.name}`;
      const { text, call } = built.samples.get(key)!;
      for (const [, specifier] of text.matchAll(/from '([^']+)'/g))
        expect(specifier, key).toMatch(publicEntries);
      expect(call, key).not.toBe('');
      if (operation.source === 'webhooks') {
        expect(text, key).toContain('parseWebhookRequest');
        continue;
      }
      const security = JSON.stringify(operation.op.security ?? []);
      if (security.includes('instanceAuth'))
        expect(text, `${key} calls as the instance`).toContain('.forInstance(');
      const body = resolve(operation.op.requestBody);
      if (body?.content?.['multipart/form-data']) {
        expect(text, `${key} uploads multipart`).toMatch(/uploadBulkRecords\(|body: form\b/);
      }
      const ok = resolve(operation.op.responses?.['200']);
      const schema = resolve(ok?.content?.['application/json']?.schema);
      const pages = operation.params.some((p) => p.in === 'query' && p.name === 'nextPage');
      if (operation.method === 'get' && pages && schema?.type === 'array') {
        expect(text, `${key} pages`).toMatch(/paginate\(|listBulkJobErrors\(/);
      }
      // Values come from the spec's examples: no parameter is left as its own name.
      for (const param of operation.params.filter((p) => p.in === 'path')) {
        expect(text, `${key} has a value for {${param.name}}`).not.toMatch(
          new RegExp(`${param.name}: '${param.name}'`),
        );
      }
    }
  });

  test('a platform call, a hub call, a list and an upload read as the README writes them', () => {
    const text = (key: string) => built.samples.get(key)?.text ?? '';
    expect(text('paths get /instances/{id}')).toContain(
      "ce.GET('/instances/{id}', { params: { path: { id: 12345 } } })",
    );
    expect(text('paths get /hubs/crm/contacts')).toContain("paginate(crm, '/hubs/crm/contacts', {");
    expect(text('paths get /hubs/crm/contacts')).toContain("where: ceql`lastName=${'Smith'}`.text");
    expect(text('paths post /hubs/crm/contacts')).toContain(
      'const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);',
    );
    expect(text('paths post /hubs/{hub}/bulk/{objectName}')).toContain('await uploadBulkRecords(crm, {');
    expect(text('paths post /hubs/documents/files')).toContain('body: form');
  });
});

// One sample per tag where the emulator has the data, run as the site shows it: the default US base URL is sent
// to the emulator by a fetch stub, the secrets and the element token come from the environment as in the samples.
const runs: { module: keyof typeof samples; name: string; element: string; prints?: false }[] = [
  { module: 'elements', name: 'getElement', element: 'sfdc' },
  { module: 'elements', name: 'getElementOAuthUrl', element: 'sfdc', prints: false },
  { module: 'instances', name: 'listInstances', element: 'sfdc' },
  { module: 'organizations', name: 'getOrganization', element: 'sfdc' },
  { module: 'accounts', name: 'listAccounts', element: 'sfdc' },
  { module: 'users', name: 'listUsers', element: 'sfdc' },
  { module: 'hubs', name: 'listHubs', element: 'sfdc' },
  { module: 'formulas', name: 'listFormulas', element: 'sfdc' },
  { module: 'jobs', name: 'listJobs', element: 'sfdc' },
  { module: 'usage', name: 'listUsage', element: 'sfdc' },
  { module: 'notifications', name: 'listNotifications', element: 'sfdc' },
  { module: 'commonResources', name: 'listCommonResources', element: 'sfdc' },
  { module: 'hubCommon', name: 'listHubObjectNames', element: 'sfdc' },
  { module: 'crm', name: 'createCrmContact', element: 'sfdc' },
  { module: 'crm', name: 'listCrmContacts', element: 'sfdc' },
  { module: 'bulk', name: 'createBulkUploadJob', element: 'sfdc' },
  { module: 'bulk', name: 'createBulkQueryJob', element: 'sfdc' },
  { module: 'documents', name: 'uploadDocumentsFile', element: 'sfdcdocuments' },
  { module: 'helpdesk', name: 'createHelpdeskIncident', element: 'sfdcservicecloud' },
  { module: 'expense', name: 'createExpenseList', element: 'concur' },
  { module: 'expense', name: 'listExpenseLists', element: 'concur' },
];

describe('samples against the emulator', () => {
  let emulator: Emulator;
  const tokens = new Map<string, string>();
  const logged: unknown[][] = [];

  beforeAll(async () => {
    emulator = await startEmulator();
    for (const element of new Set(runs.map((run) => run.element))) {
      tokens.set(element, emulator.createInstance({ element }).token);
    }
    // The list sample filters on the spec's example (lastName='Smith'): give it one to find.
    const crm = createClient({
      userSecret: emulator.credentials.userSecret,
      organizationSecret: emulator.credentials.organizationSecret,
      baseUrl: emulator.url,
    }).forInstance(tokens.get('sfdc')!);
    await unwrap(crm.POST('/hubs/crm/contacts', { body: { firstName: 'Jane', lastName: 'Smith' } }));
    // The emulator keeps users and formulas: give the users and formulas samples something to list.
    const platform = createClient({
      userSecret: emulator.credentials.userSecret,
      organizationSecret: emulator.credentials.organizationSecret,
      baseUrl: emulator.url,
    });
    const accounts = await unwrap(platform.GET('/accounts', {}));
    await unwrap(
      platform.POST('/accounts/{id}/users', {
        params: { path: { id: accounts[0]!.id! } },
        body: {
          firstName: 'Jane',
          lastName: 'Smith',
          email: 'jane.smith@example.com',
          password: 'Sample-Passw0rd!',
        },
      }),
    );
    await unwrap(platform.POST('/formulas', { body: { name: 'Sample formula', active: true } }));
    vi.stubEnv('CE_USER_SECRET', emulator.credentials.userSecret);
    vi.stubEnv('CE_ORGANIZATION_SECRET', emulator.credentials.organizationSecret);
    const realFetch = globalThis.fetch;
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      const url = request.url.replace('https://api.cloud-elements.com/elements/api-v2', emulator.url);
      if (!url.startsWith(emulator.url)) throw new Error(`a sample called ${request.url}`);
      return realFetch(new Request(url, request));
    });
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void logged.push(args));
  });

  afterAll(async () => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
    vi.unstubAllEnvs();
    await emulator?.close();
  });

  test.each(runs)('$module: $name', async ({ module, name, element, prints }) => {
    vi.stubEnv('CE_ELEMENT_TOKEN', tokens.get(element)!);
    const sample = (samples[module] as Record<string, () => Promise<void>>)[name];
    expect(sample, `${module}.${name} exists`).toBeTypeOf('function');
    const before = logged.length;
    await sample!();
    if (prints !== false) expect(logged.length, 'the sample printed its result').toBeGreaterThan(before);
  });
});
