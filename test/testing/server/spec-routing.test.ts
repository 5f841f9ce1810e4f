// The route table is the spec's: every operation answers (its handler, else its example, else a 501 that names it),
// requests are checked against the spec before anything is stored, strict mode checks every answer, and an instance
// is answered by its own hub whatever hub segment the call names.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { routeTable } from '../../../src/testing/handlers/routes.js';
import { EmulatorHttpError } from '../../../src/testing/errors.js';
import { EmulatorSpec, loadEmulatorSpec } from '../../../src/testing/spec/document.js';
import { startTestEmulator, type TestEmulator } from '../helpers.js';

let emulator: TestEmulator;
let crm: string;
beforeEach(async () => {
  emulator = await startTestEmulator();
  crm = emulator.hubAuth(emulator.createInstance({ element: 'sfdc' }).token);
});
afterEach(() => emulator.close());

describe('the route table', () => {
  test('has one route per spec operation, with its method, path template and id', async () => {
    const spec = await loadEmulatorSpec();
    const routes = routeTable(spec, {});
    expect(routes).toHaveLength(spec.operations.length);
    expect(spec.operations.length).toBeGreaterThan(550);
    const route = routes.find((r) => r.operation?.operationId === 'getInstance');
    expect(route).toMatchObject({ method: 'GET', path: '/instances/{id}', auth: 'platform' });
    // Token-scoped platform calls take an element token of any instance, disabled ones included.
    expect(routes.find((r) => r.operation?.operationId === 'enableCurrentInstance')?.auth).toBe('token');
  });

  test('answers an operation without a handler with the example of the spec', async () => {
    const jobs = await emulator.call('GET', '/jobs');
    expect(jobs.status).toBe(200);
    const spec = await loadEmulatorSpec();
    expect(jobs.body).toEqual(
      spec.operation('listJobs')?.responses['200']?.content['application/json']?.example,
    );
  });

  test('answers 501 naming the operation when it has neither a handler nor an example', async () => {
    const spec = new EmulatorSpec({
      operations: [
        {
          operationId: 'listGadgets',
          method: 'GET',
          path: '/gadgets',
          auth: 'platform',
          parameters: [],
          responses: { '200': { content: { 'application/json': { schema: { type: 'array' } } } } },
        },
      ],
      components: { schemas: {} },
    });
    const [route] = routeTable(spec, {});
    let thrown: unknown;
    try {
      await route!.handle({} as never);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(EmulatorHttpError);
    expect(thrown).toMatchObject({ status: 501 });
    expect((thrown as Error).message).toContain('listGadgets (GET /gadgets)');
  });

  test('keeps 404 and 405 for paths and methods the spec does not have', async () => {
    expect((await emulator.call('GET', '/gadgets', { unchecked: 'not in the spec' })).status).toBe(404);
    expect((await emulator.call('PATCH', '/jobs', { unchecked: 'PATCH /jobs is no operation' })).status).toBe(
      405,
    );
  });
});

describe('requests are checked against the spec', () => {
  test('a body that breaks the schema gets 400 and stores nothing', async () => {
    const created = await emulator.call('POST', '/hubs/crm/contacts', { auth: crm, body: { lastName: 123 } });
    expect(created.status).toBe(400);
    expect(created.body.message).toBe('Invalid request body: /lastName must be string,null');
    expect((await emulator.call('GET', '/hubs/crm/contacts', { auth: crm })).body).toEqual([]);
    expect(emulator.state.records([...emulator.state.instances.keys()][0]!, 'contacts').size).toBe(0);
  });

  test('path, query and header parameters are checked against their schemas', async () => {
    const patched = await emulator.call('PATCH', '/instances/abc', { body: { name: 'x' } });
    expect(patched.status).toBe(400);
    expect(patched.body.message).toBe("Invalid value 'abc' for path parameter 'id': (root) must be integer");
    // getInstance declares no 400: an id of the wrong shape is one that names nothing.
    const byId = await emulator.call('GET', '/instances/abc');
    expect(byId.status).toBe(404);
    expect(byId.body.message).toBe('No resource found with id abc');
    const page = await emulator.call('GET', '/hubs/crm/contacts?pageSize=0', { auth: crm });
    expect(page.status).toBe(400);
    expect(page.body.message).toContain("query parameter 'pageSize'");
    const flag = await emulator.call('GET', '/hubs/crm/contacts?returnTotalCount=yes', { auth: crm });
    expect(flag.status).toBe(400);
    const header = await emulator.call('POST', '/hubs/crm/bulk/query?q=select * from contacts', {
      auth: crm,
      headers: { 'Elements-Async-Callback-Url': 'not a URL' },
    });
    expect(header.status).toBe(400);
    expect(header.body.message).toContain("header parameter 'Elements-Async-Callback-Url'");
    expect(emulator.state.bulkJobs.size).toBe(0);
  });

  test('missing required parameters are named, all of them', async () => {
    const response = await emulator.call('GET', '/elements/sfdc/oauth/url');
    expect(response.status).toBe(400);
    expect(response.body.message).toBe('Missing required query parameter(s): apiKey, apiSecret, callbackUrl');
  });

  test('a JSON body is required where the spec requires one', async () => {
    const response = await emulator.call('POST', '/hubs/crm/contacts', { auth: crm });
    expect(response.status).toBe(400);
    expect(response.body.message).toContain('request body is empty');
  });

  test('credentials are checked before the request, as Cloud Elements does', async () => {
    const response = await emulator.call('POST', '/hubs/crm/contacts', { auth: null, body: { lastName: 1 } });
    expect(response.status).toBe(401);
  });
});

describe('strict mode', () => {
  test('turns an answer that breaks the spec into a 500 that says why, and close() rejects', async () => {
    const strict = await startTestEmulator({ strict: true });
    const instance = strict.createInstance({ element: 'sfdc' });
    strict.state.records(instance.id, 'contacts').set('003x', { id: '003x', lastName: 42 });
    const response = await strict.call('GET', '/hubs/crm/contacts/003x', {
      auth: strict.hubAuth(instance.token),
      unchecked: 'the seeded record breaks the spec on purpose',
    });
    expect(response.status).toBe(500);
    expect(response.body.message).toContain('Emulator strict mode');
    expect(response.body.message).toContain('/lastName must be string,null');
    expect(strict.strict).toBe(true);
    expect(strict.violations).toHaveLength(1);
    await expect(strict.close()).rejects.toThrow(/broke the spec 1 time/);
  });

  test('is off when the option says so: the answer goes out as it is', async () => {
    const lax = await startTestEmulator({ strict: false });
    const instance = lax.createInstance({ element: 'sfdc' });
    lax.state.records(instance.id, 'contacts').set('003x', { id: '003x', lastName: 42 });
    const response = await lax.call('GET', '/hubs/crm/contacts/003x', {
      auth: lax.hubAuth(instance.token),
      unchecked: 'the seeded record breaks the spec on purpose',
    });
    expect(response.status).toBe(200);
    expect(lax.violations).toEqual([]);
    await lax.close();
  });

  test('is on in this test suite (test/helpers/global-setup.ts)', () => {
    expect(emulator.strict).toBe(true);
  });
});

describe('an instance is answered by its own hub', () => {
  test('whatever hub segment the call names, as Cloud Elements ignores it', async () => {
    await emulator.call('POST', '/hubs/crm/contacts', { auth: crm, body: { lastName: 'Lovelace' } });
    const own = await emulator.call('GET', '/hubs/crm/contacts', { auth: crm });
    for (const hub of ['marketing', 'helpdesk', 'crap']) {
      const other = await emulator.call('GET', `/hubs/${hub}/contacts`, { auth: crm });
      expect(other.status).toBe(200);
      expect(other.body).toEqual(own.body);
      expect(other.headers.get('elements-element-instance-id')).toBe(
        own.headers.get('elements-element-instance-id'),
      );
    }
  });

  test('so a resource of another hub is one the element does not have', async () => {
    const programs = await emulator.call('GET', '/hubs/marketing/programs', {
      auth: crm,
      // Answered as the CRM hub's listHubObjects (which declares 404); listMarketingPrograms declares none.
      unchecked: 'the 404 is checked against the operation that answered it, in strict mode',
    });
    expect(programs.status).toBe(404);
    expect(programs.body.message).toContain('No resource programs found for element sfdc');
    const files = emulator.hubAuth(emulator.createInstance({ element: 'sfdcdocuments' }).token);
    // A documents instance on /hubs/crm/files gets the documents hub's answer (the root folder is no file).
    const listed = await emulator.call('GET', '/hubs/crm/folders/contents?path=/', {
      auth: files,
      unchecked:
        'the spec has no /hubs/crm/folders/contents; strict mode checks listDocumentsFolderContentsByPath',
    });
    expect(listed.status).toBe(200);
  });
});
