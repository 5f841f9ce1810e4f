import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { convertSwagger } from '../../src/cli/swagger.js';
import type { Emulator } from '../../src/testing/index.js';
import { emulatorWithEnv, root, runCli } from './helpers.js';

let emulator: Emulator;
let env: Record<string, string>;
let dir: string;

beforeAll(() => {
  // Inside the repository (a .tmp-* folder, ignored by git), so that tsc finds @types/node and the SDK.
  dir = mkdtempSync(join(root, '.tmp-cli-types-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(async () => {
  ({ emulator, env } = await emulatorWithEnv());
});
afterEach(() => emulator.close());

const TYPES_TIMEOUT = 60_000;

describe('cloud-elements types --instance', () => {
  test(
    'writes the instance’s own paths and records, custom field and object included, with progress and repairs',
    async () => {
      const instance = emulator.createInstance({ element: 'sfdc' });
      const out = join(dir, 'crm-types.ts');
      const result = await runCli(['types', '--instance', String(instance.id), '--out', out], { env });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toBe('');
      const lines = result.stderr.trim().split('\n');
      expect(lines[0]).toBe(`[1/3] fetching GET /instances/${instance.id}/docs (${emulator.url})`);
      expect(lines[1]).toMatch(/^\[2\/3\] converting Swagger 2.0 to OpenAPI 3/);
      expect(lines.at(-2)).toBe(`[3/3] writing ${out}`);
      expect(lines.at(-1)).toBe(`✔ wrote ${out}: 14 paths, 29 operations, 8 schemas (4 repairs)`);
      // The emulator's instance docs carry the quirks of real ones; each is repaired with a warning.
      expect(result.stderr).toContain(
        'warning: repaired: definitions.Invoice__c has no type; repaired as object',
      );
      expect(result.stderr).toContain('$ref #/definitions/SObjectAttributes points to no definition');
      expect(result.stderr).toContain('renamed getObjectsObjectNameMetadata_2');

      const text = readFileSync(out, 'utf8');
      expect(text).toMatch(/docs-fingerprint: sha256:[0-9a-f]{64}/);
      expect(text).toContain('"/hubs/crm/contacts": {');
      expect(text).toContain('"/hubs/crm/Invoice__c/{id}": {');
      expect(text).toContain('Favorite_Color__c?: string;');
      expect(text).toContain('Amount__c?: number;');
      expect(text).not.toContain('Authorization');
    },
    TYPES_TIMEOUT,
  );

  test(
    'a client typed by the file has the instance’s shapes: misspelt custom fields do not compile',
    async () => {
      const instance = emulator.createInstance({ element: 'sfdc' });
      const work = mkdtempSync(join(dir, 'compile-'));
      const types = join(work, 'crm-types.ts');
      expect((await runCli(['types', '--instance', String(instance.id), '--out', types], { env })).code).toBe(
        0,
      );
      const client = join(root, 'src/client/index.js');
      writeFileSync(
        join(work, 'usage.ts'),
        [
          `import { createClient, unwrap } from '${client}';`,
          "import type { components, paths } from './crm-types.js';",
          "const ce = createClient({ userSecret: 'u', organizationSecret: 'o', baseUrl: 'http://127.0.0.1:9' });",
          "const crm = ce.forInstance<paths>('token');",
          'export async function use(): Promise<string | undefined> {',
          "  const contacts = await unwrap(crm.GET('/hubs/crm/contacts'));",
          '  // @ts-expect-error a misspelt custom field',
          '  void contacts[0]?.Favourite_Color__c;',
          '  // @ts-expect-error a path this instance does not have',
          "  void crm.GET('/hubs/crm/Invoices__c');",
          "  const body = { Name: 'INV-1', Amount__c: 1 } satisfies components['schemas']['Invoice__c'];",
          "  await unwrap(crm.POST('/hubs/crm/Invoice__c', { body }));",
          '  return contacts[0]?.Favorite_Color__c;',
          '}',
        ].join('\n'),
      );
      writeFileSync(
        join(work, 'tsconfig.json'),
        JSON.stringify({ extends: join(root, 'tsconfig.json'), include: ['usage.ts', 'crm-types.ts'] }),
      );
      const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', work], {
        encoding: 'utf8',
      });
      expect(tsc.stdout + tsc.stderr).toBe('');
      expect(tsc.status).toBe(0);
    },
    TYPES_TIMEOUT * 2,
  );

  test(
    '--check exits 0 while the file matches the live docs, 1 with what changed once the instance has a new field',
    async () => {
      const instance = emulator.createInstance({ element: 'sfdc' });
      const out = join(dir, 'checked.ts');
      const args = ['types', '--instance', String(instance.id), '--out', out];
      expect((await runCli(args, { env })).code).toBe(0);
      // Reformatting (quotes, indentation) does not make the file stale: the fingerprint is of the docs.
      writeFileSync(out, readFileSync(out, 'utf8').replace(/"/g, "'").replace(/ {4}/g, '  '));
      const fresh = await runCli([...args, '--check'], { env });
      expect(fresh.code, fresh.stderr).toBe(0);
      expect(fresh.stderr).toContain(`✔ ${out} matches the live docs`);
      expect(fresh.stderr).not.toContain('[3/3]');

      // A contact with a field the docs did not name: Cloud Elements discovers it, the docs change.
      const auth = emulator.credentials.authorization(instance.token);
      await fetch(`${emulator.url}/hubs/crm/contacts`, {
        method: 'POST',
        headers: { Authorization: auth, 'Content-Type': 'application/json' },
        body: JSON.stringify({ lastName: 'Lovelace', Shoe_Size__c: 38 }),
      });
      const stale = await runCli([...args, '--check'], { env });
      expect(stale.code).toBe(1);
      expect(stale.stderr).toContain(`✘ ${out} is stale: the docs changed since it was written.`);
      expect(stale.stderr).toContain('+ Shoe_Size__c?: number;');

      const missing = await runCli(
        ['types', '--instance', String(instance.id), '--out', join(dir, 'none.ts'), '--check'],
        { env },
      );
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain('does not exist');
    },
    TYPES_TIMEOUT * 2,
  );

  test(
    'the committed fixture that test/cli/instance-types.typecheck.ts compiles is in step with the emulator',
    async () => {
      const instance = emulator.createInstance({ element: 'sfdc' });
      expect(instance.id).toBe(1001);
      const result = await runCli(
        ['types', '--instance', '1001', '--out', 'test/cli/fixtures/sfdc-instance.d.ts', '--check'],
        { env },
      );
      expect(result.code, `${result.stderr}\nRegenerate: see test/cli/fixtures/README.md`).toBe(0);
    },
    TYPES_TIMEOUT,
  );
});

describe('the instance docs describe what the instance answers', () => {
  test.each([
    [
      'sfdc',
      'crm',
      'contacts',
      'Contact',
      { lastName: 'Lovelace', firstName: 'Ada', email: 'ada@example.com', Favorite_Color__c: 'teal' },
    ],
    ['sfdc', 'crm', 'Invoice__c', 'Invoice__c', { Name: 'INV-1', Amount__c: 120.5, Status__c: 'Sent' }],
    ['concur', 'expense', 'reports', 'Report', { Name: 'Trip', Purpose: 'Visit', Custom1: 'CC-7' }],
    ['marketo', 'marketing', 'contacts', 'Contact', { email: 'ada@example.com', favoriteColor: 'teal' }],
    [
      'sfdcservicecloud',
      'helpdesk',
      'incidents',
      'Incident',
      { subject: 'Down', status: 'New', SLA_Breached__c: true },
    ],
  ])(
    '%s %s: every field of a created record is declared by the converted docs',
    async (element, hub, resource, schema, body) => {
      const instance = emulator.createInstance({ element });
      const headers = {
        Authorization: emulator.credentials.authorization(instance.token),
        'Content-Type': 'application/json',
      };
      const created = await (
        await fetch(`${emulator.url}/hubs/${hub}/${resource}`, {
          method: 'POST',
          headers,
          body: JSON.stringify(body),
        })
      ).json();
      const docs = await (
        await fetch(`${emulator.url}/instances/${instance.id}/docs`, {
          headers: { Authorization: emulator.credentials.authorization() },
        })
      ).json();
      const properties = convertSwagger(docs).document.components.schemas[schema]!.properties as Record<
        string,
        unknown
      >;
      expect(Object.keys(created).filter((field) => !Object.hasOwn(properties, field))).toEqual([]);
    },
  );
});

describe('cloud-elements types --element', () => {
  test(
    'writes the element’s standard docs: multipart uploads and binary downloads of the documents hub',
    async () => {
      const out = join(dir, 'documents.ts');
      const result = await runCli(['types', '--element', 'sfdcdocuments', '--out', out], { env });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toContain('[1/3] fetching GET /elements/sfdcdocuments/docs');
      expect(result.stderr).not.toContain('warning');
      const text = readFileSync(out, 'utf8');
      expect(text).toContain('"multipart/form-data": {');
      expect(text).toContain('file: string;');
      expect(text).toContain('"application/octet-stream": string;');
      expect(text).toContain('Types of element sfdcdocuments (Salesforce Files)');
    },
    TYPES_TIMEOUT,
  );
});

describe('cloud-elements types: errors', () => {
  test('a wrong command line exits 2 and says what is missing', async () => {
    const noOut = await runCli(['types', '--instance', '1001'], { env });
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toBe(
      'cloud-elements: cloud-elements types needs --out <file>, the file to write (or to --check).\n',
    );
    const both = await runCli(['types', '--instance', '1', '--element', 'sfdc', '--out', 'x.ts'], { env });
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('either --instance <id> or --element <key>');
    const word = await runCli(['types', '--instance', 'abc', '--out', 'x.ts'], { env });
    expect(word.stderr).toContain(
      '--instance takes the numeric id of an instance (GET /instances lists them), got "abc"',
    );
    // `request --instance` takes the element token: a user who passes it here must not see it printed.
    const token = emulator.createInstance({ element: 'sfdc' }).token;
    const mixedUp = await runCli(['types', '--instance', token, '--out', 'x.ts'], { env });
    expect(mixedUp.code).toBe(2);
    expect(mixedUp.stderr).not.toContain(token);
    expect(mixedUp.stderr).toContain(
      '--instance takes the numeric id of an instance (GET /instances lists them)',
    );
    const huge = await runCli(['types', '--instance', '99999999999999999999', '--out', 'x.ts'], { env });
    expect(huge.code).toBe(2);
    expect(huge.stderr).toBe(
      'cloud-elements: --instance takes the numeric id of an instance (GET /instances lists them), at most ' +
        '9007199254740991; got a number of 20 digits.\n',
    );
    const noSecret = await runCli(['types', '--instance', '1', '--out', 'x.ts'], {
      env: { CE_BASE_URL: emulator.url },
    });
    expect(noSecret.code).toBe(2);
    expect(noSecret.stderr).toContain('CE_USER_SECRET is not set');
  });

  test('an --element that is no key or id is refused before any call, without showing it (exit 2)', async () => {
    const token = emulator.createInstance({ element: 'sfdc' }).token;
    // Emulator tokens are 40 characters of base64, real ones 44: refused by their length when no + or / shows.
    // An organization secret (32 hexadecimal characters) fits a key's pattern; refused by what it is.
    const organizationSecret = '0123456789abcdef0123456789abcdef';
    for (const value of [token, token.replace(/[+/]/g, 'A'), 'a/b', 'x'.repeat(37), organizationSecret]) {
      const result = await runCli(['types', '--element', value, '--out', join(dir, 'never.ts')], { env });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(
        '--element takes an element key such as sfdc, or a numeric element id, got',
      );
      expect(result.stderr).not.toContain('fetching');
      if (value.length > 16) expect(result.stderr).not.toContain(value);
    }
  });

  test('an --out that is a directory is a usage error before any call (exit 2)', async () => {
    const instance = emulator.createInstance({ element: 'sfdc' });
    for (const extra of [[], ['--check']]) {
      const result = await runCli(['types', '--instance', String(instance.id), '--out', dir, ...extra], {
        env,
      });
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        `cloud-elements: --out ${dir} is a directory; give the file to write, e.g. --out ${join(dir, 'types.ts')}.\n`,
      );
    }
  });

  test('an unknown instance exits 1 with the API error and its request id, and writes nothing', async () => {
    const out = join(dir, 'never.ts');
    const result = await runCli(['types', '--instance', '424242', '--out', out], { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /cloud-elements: GET \/instances\/424242\/docs failed with 404 Not Found: No instance found with ID 424242 \(request id [0-9a-f]{24}\)/,
    );
    expect(() => readFileSync(out)).toThrow();
  });

  test(
    'without openapi-typescript installed, types says what to install (exit 2)',
    async () => {
      // A loader hook that hides the package, as in a project that did not install the optional peer.
      const hooks = join(dir, 'hide-openapi-typescript.mjs');
      writeFileSync(
        hooks,
        [
          "import { register } from 'node:module';",
          'export async function resolve(specifier, context, next) {',
          "  if (specifier === 'openapi-typescript') {",
          "    throw Object.assign(new Error(`Cannot find package '${specifier}'`), { code: 'ERR_MODULE_NOT_FOUND' });",
          '  }',
          '  return next(specifier, context);',
          '}',
          "if (!process.env.HOOKED) { process.env.HOOKED = '1'; register(import.meta.url); }",
        ].join('\n'),
      );
      const instance = emulator.createInstance({ element: 'sfdc' });
      const result = await runCli(['types', '--instance', String(instance.id), '--out', join(dir, 'x.ts')], {
        env,
        nodeArgs: ['--import', hooks],
      });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(
        'cloud-elements: cloud-elements types needs openapi-typescript and typescript: npm install --save-dev openapi-typescript typescript',
      );
    },
    TYPES_TIMEOUT,
  );
});

/** A server of the test's own on 127.0.0.1 that answers every call with `handler`, and the CE_* variables for it. */
async function serve(handler: RequestListener): Promise<{ server: Server; env: Record<string, string> }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, env: { ...env, CE_BASE_URL: `http://127.0.0.1:${port}/elements/api-v2` } };
}

const close = (server: Server) =>
  new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });

describe('cloud-elements types: names in the docs', () => {
  test(
    'hasOwnProperty, __proto__ and a percent-encoded $ref are typed, not failed, lost or unknown',
    async () => {
      const docs =
        '{"swagger":"2.0","info":{"title":"Odd","version":"1"},"basePath":"/elements/api-v2/hubs/crm",' +
        '"paths":{"/things":{"get":{"responses":{"200":{"description":"OK","schema":{"$ref":"#/definitions/Custom%20Object__c"}},' +
        '"201":{"description":"OK","schema":{"$ref":"#/definitions/__proto__"}}}}}},' +
        '"definitions":{"Custom Object__c":{"type":"object","properties":{"hasOwnProperty":{"type":"string"},' +
        '"__proto__":{"type":"string"},"Name":{"type":"string"}}},"__proto__":{"type":"object","properties":{"Depth__c":{"type":"integer"}}}}}';
      const { server, env: served } = await serve((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(docs);
      });
      try {
        const out = join(dir, 'odd.ts');
        const result = await runCli(['types', '--element', 'odd', '--out', out], { env: served });
        expect(result.code, result.stderr).toBe(0);
        expect(result.stderr).toContain(
          'has a property named "hasOwnProperty", which openapi-typescript cannot take; left out',
        );
        expect(result.stderr).not.toContain('points to no definition');
        const text = readFileSync(out, 'utf8');
        expect(text).toMatch(/Custom_Object__c: \{\s+__proto__\?: string;\s+Name\?: string;\s+\};/);
        expect(text).toContain('Depth__c?: number;');
        expect(text).toContain('"application/json": components["schemas"]["Custom_Object__c"];');
      } finally {
        await close(server);
      }
    },
    TYPES_TIMEOUT,
  );
});
