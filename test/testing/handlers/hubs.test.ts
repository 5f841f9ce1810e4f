import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../helpers.js';

let emulator: TestEmulator;

beforeEach(async () => {
  emulator = await startTestEmulator();
});
afterEach(() => emulator.close());

function instanceAuth(element: string, configuration?: Record<string, unknown>): string {
  return emulator.hubAuth(
    emulator.createInstance({ element, ...(configuration ? { configuration } : {}) }).token,
  );
}

describe('CRUD on every hub resource', () => {
  test.each([
    ['sfdc', 'crm', 'contacts', { firstName: 'Bob', lastName: 'ChurrosTestDude', email: 'bob@example.com' }],
    ['sfdc', 'crm', 'accounts', { Name: 'Test Account', BillingCity: 'Denver' }],
    ['sfdc', 'crm', 'leads', { LastName: 'TheTestLead', Company: 'Churros Elements' }],
    [
      'sfdc',
      'crm',
      'opportunities',
      { Name: 'Deal', StageName: 'Test', CloseDate: '2018-09-08', Amount: 250 },
    ],
    ['sfdcmarketingcloud', 'marketing', 'contacts', { email: 'ada@example.com', firstName: 'Ada' }],
    ['marketo', 'marketing', 'lists', { name: 'Newsletter' }],
    [
      'sfdcservicecloud',
      'helpdesk',
      'incidents',
      { description: 'Broken', priority: 'High', isEscalated: false },
    ],
    ['sfdcservicecloud', 'helpdesk', 'contacts', { lastName: 'Hopper', email: 'grace@example.com' }],
  ])('%s /hubs/%s/%s creates, reads, updates, lists and deletes', async (element, hub, resource, body) => {
    const auth = instanceAuth(element);
    const created = await emulator.call('POST', `/hubs/${hub}/${resource}`, { auth, body });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject(body);
    const id = created.body.id as string;
    expect(typeof id).toBe('string');
    expect(created.headers.get('elements-element-instance-id')).toMatch(/^\d+$/);

    expect((await emulator.call('GET', `/hubs/${hub}/${resource}/${id}`, { auth })).body).toEqual(
      created.body,
    );
    const patched = await emulator.call('PATCH', `/hubs/${hub}/${resource}/${id}`, {
      auth,
      body: { note: 'changed' },
    });
    expect(patched.body).toMatchObject({ ...body, note: 'changed', id });
    const listed = await emulator.call('GET', `/hubs/${hub}/${resource}`, { auth });
    expect(listed.body.map((record: { id: string }) => record.id)).toEqual([id]);

    expect((await emulator.call('DELETE', `/hubs/${hub}/${resource}/${id}`, { auth })).status).toBe(200);
    const gone = await emulator.call('GET', `/hubs/${hub}/${resource}/${id}`, { auth });
    expect(gone.status).toBe(404);
    expect(gone.body.message).toBe(
      `No ${resource.replace(/ies$/, 'y').replace(/s$/, '')} found with ID ${id}`,
    );
  });

  test('keeps each instance’s records apart and ignores the hub segment, as Cloud Elements does', async () => {
    const first = instanceAuth('sfdc');
    const second = instanceAuth('sfdc');
    await emulator.call('POST', '/hubs/crm/contacts', { auth: first, body: { lastName: 'One' } });
    expect((await emulator.call('GET', '/hubs/anything/contacts', { auth: first })).body).toHaveLength(1);
    expect((await emulator.call('GET', '/hubs/crm/contacts', { auth: second })).body).toHaveLength(0);
  });

  test('answers a simulated provider error when a required field is missing', async () => {
    const response = await emulator.call('POST', '/hubs/crm/contacts', {
      auth: instanceAuth('sfdc'),
      body: { firstName: 'NoLastName' },
    });
    expect(response.status).toBe(400);
    expect(response.body.providerMessage).toBe(
      'REQUIRED_FIELD_MISSING: Required fields are missing: [lastName]',
    );
  });

  test('answers 404 for a resource the element does not have, naming the ones it has', async () => {
    const response = await emulator.call('GET', '/hubs/crm/widgets', { auth: instanceAuth('sfdc') });
    expect(response.status).toBe(404);
    expect(response.body.message).toContain('contacts, accounts, leads, opportunities');
  });

  test('server fields cannot be overwritten and null values are filtered unless the instance keeps them', async () => {
    const auth = instanceAuth('sfdc');
    const created = await emulator.call('POST', '/hubs/crm/contacts', {
      auth,
      body: { id: 'mine', lastName: 'X', title: null },
    });
    expect(created.body.id).not.toBe('mine');
    expect(created.body).not.toHaveProperty('title');
    const keeping = instanceAuth('sfdc', { 'filter.response.nulls': false });
    const kept = await emulator.call('POST', '/hubs/crm/contacts', {
      auth: keeping,
      body: { lastName: 'X', title: null },
    });
    expect(kept.body.title).toBeNull();
  });

  test('ping and the object catalog describe the instance', async () => {
    const auth = instanceAuth('sfdcservicecloud');
    expect((await emulator.call('GET', '/hubs/helpdesk/ping', { auth })).body.endpoint).toBe(
      'sfdcservicecloud',
    );
    // The catalog's resources first, then every other resource the spec documents for the hub.
    const objects = (await emulator.call('GET', '/hubs/helpdesk/objects', { auth })).body as string[];
    expect(objects.slice(0, 2)).toEqual(['incidents', 'contacts']);
    expect(objects).toEqual(expect.arrayContaining(['agents', 'organizations', 'users']));
    await emulator.call('POST', '/hubs/helpdesk/incidents', {
      auth,
      body: { subject: 'Printer', priority: 3 },
    });
    const metadata = await emulator.call('GET', '/hubs/helpdesk/objects/incidents/metadata', { auth });
    const byName = Object.fromEntries(
      metadata.body.fields.map((f: { vendorPath: string }) => [f.vendorPath, f]),
    );
    expect(byName.subject).toMatchObject({ type: 'string', createable: true });
    expect(byName.priority).toMatchObject({ type: 'number' });
    expect(byName.id).toMatchObject({ vendorReadOnly: true, createable: false });
  });
});

describe('paging', () => {
  test('follows Elements-Next-Page-Token through every page; the last page has none', async () => {
    const auth = instanceAuth('sfdc');
    for (let n = 0; n < 7; n++)
      await emulator.call('POST', '/hubs/crm/contacts', { auth, body: { lastName: `L${n}` } });
    const seen: string[] = [];
    const counts: string[] = [];
    let token: string | null = null;
    let pages = 0;
    do {
      const query: string = token ? `pageSize=3&nextPage=${encodeURIComponent(token)}` : 'pageSize=3';
      const page = await emulator.call('GET', `/hubs/crm/contacts?${query}`, { auth });
      seen.push(...page.body.map((record: { lastName: string }) => record.lastName));
      counts.push(page.headers.get('elements-returned-count')!);
      // Not asked with returnTotalCount=true: no total.
      expect(page.headers.has('elements-total-count')).toBe(false);
      token = page.headers.get('elements-next-page-token');
      pages += 1;
    } while (token);
    expect(pages).toBe(3);
    expect(counts).toEqual(['3', '3', '1']);
    expect(seen).toEqual(['L0', 'L1', 'L2', 'L3', 'L4', 'L5', 'L6']);
  });

  test('Elements-Total-Count comes on hub lists only with returnTotalCount=true; platform lists send it', async () => {
    const auth = instanceAuth('sfdc');
    for (let n = 0; n < 4; n++)
      await emulator.call('POST', '/hubs/crm/contacts', { auth, body: { lastName: `L${n}` } });
    const total = async (path: string, options = {}) =>
      (await emulator.call('GET', path, options)).headers.get('elements-total-count');
    expect(await total('/hubs/crm/contacts?pageSize=2', { auth })).toBeNull();
    expect(await total('/hubs/crm/contacts?pageSize=2&returnTotalCount=false', { auth })).toBeNull();
    expect(await total('/hubs/crm/contacts?pageSize=2&returnTotalCount=true', { auth })).toBe('4');
    // churros asks with returnCount=true (src/test/elements/quickbooks/employees.js).
    expect(await total('/hubs/crm/contacts?pageSize=2&returnCount=true', { auth })).toBe('4');
    const where = encodeURIComponent("lastName = 'L1'");
    expect(await total(`/hubs/crm/contacts?where=${where}&returnTotalCount=true`, { auth })).toBe('1');
    expect(await total('/instances?pageSize=1')).toBe('1');
  });

  test("an instance's pagination.max is the page size when the call sends none; a pageSize sent wins", async () => {
    // Reference §5: a hub list's default page size is the element's `pagination.max`.
    const contacts = (auth: string) =>
      Promise.all(
        [0, 1, 2, 3, 4].map((n) =>
          emulator.call('POST', '/hubs/crm/contacts', { auth, body: { lastName: `L${n}` } }),
        ),
      );
    const names = (page: { body: { lastName: string }[] }) => page.body.map((r) => r.lastName).sort();
    const auth = instanceAuth('sfdc', { 'pagination.max': '3' });
    await contacts(auth);
    const first = await emulator.call('GET', '/hubs/crm/contacts', { auth });
    expect(first.body).toHaveLength(3);
    expect(first.headers.get('elements-returned-count')).toBe('3');
    const token = first.headers.get('elements-next-page-token')!;
    expect(token).toBeTruthy();
    const second = await emulator.call('GET', `/hubs/crm/contacts?nextPage=${encodeURIComponent(token)}`, {
      auth,
    });
    expect(second.body).toHaveLength(2);
    expect(second.headers.has('elements-next-page-token')).toBe(false);
    expect([...names(first), ...names(second)].sort()).toEqual(['L0', 'L1', 'L2', 'L3', 'L4']);
    // A pageSize above pagination.max is not cut to it: the reference gives pagination.max as the default only.
    expect((await emulator.call('GET', '/hubs/crm/contacts?pageSize=5', { auth })).body).toHaveLength(5);
    expect((await emulator.call('GET', '/hubs/crm/contacts?pageSize=2', { auth })).body).toHaveLength(2);
    // A value that is not a whole number >= 1 (a per-resource JSON object, 0, text) leaves the default, 100.
    for (const max of ['{"contacts":2,"default":2}', '0', 'many', '-2']) {
      const other = instanceAuth('sfdc', { 'pagination.max': max });
      await contacts(other);
      const page = await emulator.call('GET', '/hubs/crm/contacts', { auth: other });
      expect(page.body, max).toHaveLength(5);
      expect(page.headers.has('elements-next-page-token'), max).toBe(false);
    }
  });

  test('page numbers work too, and a bad token or page size answers 400', async () => {
    const auth = instanceAuth('sfdc');
    for (let n = 0; n < 5; n++)
      await emulator.call('POST', '/hubs/crm/contacts', { auth, body: { lastName: `L${n}` } });
    const second = await emulator.call('GET', '/hubs/crm/contacts?page=2&pageSize=2', { auth });
    expect(second.body.map((r: { lastName: string }) => r.lastName)).toEqual(['L2', 'L3']);
    expect((await emulator.call('GET', '/hubs/crm/contacts?nextPage=garbage', { auth })).status).toBe(400);
    expect((await emulator.call('GET', '/hubs/crm/contacts?pageSize=0', { auth })).status).toBe(400);
  });
});

describe('CEQL', () => {
  const people = [
    {
      lastName: 'Smith',
      firstName: 'Ann',
      age: 30,
      city: 'Denver',
      active: true,
      createdAt: '2018-01-10T00:00:00Z',
    },
    {
      lastName: "O'Brien",
      firstName: 'Bob',
      age: 45,
      city: 'Boston',
      active: false,
      createdAt: '2018-02-10T00:00:00Z',
    },
    {
      lastName: 'Smithers',
      firstName: 'Cat',
      age: 17,
      active: true,
      createdAt: '2018-03-10T00:00:00Z',
      'meta.tag': 'x',
    },
    {
      lastName: 'Jones',
      firstName: 'Dan',
      age: 62,
      city: 'Denver',
      active: false,
      address: { zip: '80202' },
    },
  ];
  let auth: string;

  beforeEach(async () => {
    auth = instanceAuth('sfdc');
    for (const person of people) await emulator.call('POST', '/hubs/crm/contacts', { auth, body: person });
  });

  async function names(where: string, orderBy?: string): Promise<string[]> {
    const query = new URLSearchParams({ where, ...(orderBy ? { orderBy } : {}) });
    const response = await emulator.call('GET', `/hubs/crm/contacts?${query}`, { auth });
    expect(response.status, response.text).toBe(200);
    return response.body.map((record: { firstName: string }) => record.firstName);
  }

  test.each([
    ["lastName = 'Smith'", ['Ann']],
    ["lastName != 'Smith'", ['Bob', 'Cat', 'Dan']],
    ['age > 30', ['Bob', 'Dan']],
    ['age >= 30', ['Ann', 'Bob', 'Dan']],
    ['age < 30', ['Cat']],
    ['age <= 17', ['Cat']],
    ["lastName LIKE 'Smith%'", ['Ann', 'Cat']],
    ["lastName like '%ON%'", ['Dan']],
    ["lastName LIKE '%n%'", ['Bob', 'Dan']],
    ["lastName = 'O''Brien'", ['Bob']],
    ["city IN ('Denver', 'Paris')", ['Ann', 'Dan']],
    ['age in (17, 62)', ['Cat', 'Dan']],
    ['city IS NULL', ['Cat']],
    ['city IS NOT NULL', ['Ann', 'Bob', 'Dan']],
    ['active = true', ['Ann', 'Cat']],
    ['active = false AND age > 50', ['Dan']],
    ["city = 'Denver' OR age < 20", ['Ann', 'Cat', 'Dan']],
    ["(city = 'Denver' OR city = 'Boston') AND active = false", ['Bob', 'Dan']],
    ["city = 'Denver' OR city = 'Boston' AND active = false", ['Ann', 'Bob', 'Dan']],
    ["createdAt > '2018-02-01T00:00:00Z'", ['Bob', 'Cat']],
    // Timestamps compare as instants, however their zone is written.
    ["createdAt > '2018-02-10T01:00:00+02:00'", ['Bob', 'Cat']],
    ["createdAt <= '2018-02-09T17:00:00-07:00'", ['Ann', 'Bob']],
    ["createdAt = '2018-03-10T00:00:00.000+0000'", ['Cat']],
    ["createdAt < '2018-01-10T00:00:00.001Z'", ['Ann']],
    ["`meta.tag` = 'x'", ['Cat']],
    ["address.zip = '80202'", ['Dan']],
    ["LASTNAME = 'Jones'", ['Dan']],
  ])('where %s', async (where, expected) => {
    expect(await names(where)).toEqual(expected);
  });

  test('any string survives quoting with doubled quotes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 20 }), async (nickname) => {
        const created = await emulator.call('POST', '/hubs/crm/contacts', {
          auth,
          body: { lastName: 'Q', nickname },
        });
        const where = `nickname = '${nickname.replaceAll("'", "''")}' AND lastName = 'Q'`;
        const response = await emulator.call(
          'GET',
          `/hubs/crm/contacts?${new URLSearchParams({ where, pageSize: '500' })}`,
          {
            auth,
          },
        );
        expect(response.body.map((record: { id: string }) => record.id)).toContain(created.body.id);
        expect(response.body.every((record: { nickname: string }) => record.nickname === nickname)).toBe(
          true,
        );
      }),
      { numRuns: 60 },
    );
  });

  test('orderBy sorts by several fields, missing values last', async () => {
    expect(await names('age > 0', 'city asc, age desc')).toEqual(['Bob', 'Dan', 'Ann', 'Cat']);
  });

  test.each([
    "lastName == 'x'",
    "lastName = 'unterminated",
    'age >',
    "(city = 'Denver'",
    "city = 'Denver' AND",
    'city IS MAYBE',
    'city LIKE 5',
  ])('answers 400 "Error parsing query" for %s', async (where) => {
    const response = await emulator.call('GET', `/hubs/crm/contacts?where=${encodeURIComponent(where)}`, {
      auth,
    });
    expect(response.status).toBe(400);
    expect(response.body.message).toContain('Error parsing query');
  });

  test('Marketo contacts are searched by email or id only, as Marketo does; other fields are a 400', async () => {
    const marketo = instanceAuth('marketo');
    await emulator.call('POST', '/hubs/marketing/contacts', {
      auth: marketo,
      body: { email: 'ann@example.com', firstName: 'Ann' },
    });
    const list = (where: string) =>
      emulator.call('GET', `/hubs/marketing/contacts?where=${encodeURIComponent(where)}`, { auth: marketo });
    const found = await list("email = 'ann@example.com'");
    expect(found.status).toBe(200);
    expect(found.body.map((contact: { firstName: string }) => contact.firstName)).toEqual(['Ann']);
    expect((await list("email IN ('ann@example.com', 'bo@example.com')")).body).toHaveLength(1);
    for (const where of [
      "firstName = 'Ann'",
      "email = 'ann@example.com' AND firstName = 'Ann'",
      "email LIKE 'a%'",
    ]) {
      const refused = await list(where);
      expect(refused.status, where).toBe(400);
      expect(refused.body.message).toContain('by one field only, email or id');
    }
    // Other elements filter on any field.
    expect(
      (
        await emulator.call('GET', `/hubs/crm/contacts?where=${encodeURIComponent("firstName = 'x'")}`, {
          auth,
        })
      ).status,
    ).toBe(200);
  });

  test('fields selects the fields returned', async () => {
    const response = await emulator.call(
      'GET',
      `/hubs/crm/contacts?fields=firstName,age&where=${encodeURIComponent('age > 60')}`,
      {
        auth,
      },
    );
    expect(Object.keys(response.body[0]).sort()).toEqual(['age', 'firstName', 'id']);
  });
});
