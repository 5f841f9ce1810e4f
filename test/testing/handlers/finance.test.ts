// The finance hub (`/hubs/finance/...`), answered by a QuickBooks Online instance over real HTTP: every answer is
// checked against the spec by `call` and by the emulator's strict mode. Bodies are QuickBooks payloads from
// CE's own tests (test/fixtures/real-payloads/hubs, from varunpal72/churros src/test/elements/quickbooks/assets).
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../helpers.js';

let emulator: TestEmulator;

beforeEach(async () => {
  emulator = await startTestEmulator();
});
afterEach(() => emulator.close());

const quickbooksAuth = () => emulator.hubAuth(emulator.createInstance({ element: 'quickbooks' }).token);

function realPayload(resource: string): Record<string, unknown> {
  const file = new URL(
    `../../fixtures/real-payloads/hubs/finance-quickbooks-${resource}.request.json`,
    import.meta.url,
  );
  return JSON.parse(readFileSync(file, 'utf8'));
}

describe('CRUD on every finance resource', () => {
  test.each([
    ['customers', realPayload('customers'), { notes: 'Prefers email' }],
    ['invoices', realPayload('invoices'), { docNumber: 'INV-43' }],
    ['payments', realPayload('payments'), { totalAmt: 75 }],
    ['products', realPayload('products'), { qtyOnHand: 90 }],
    ['vendors', realPayload('vendors'), { acctNum: '35372650' }],
    [
      'employees',
      { givenName: 'Grace', familyName: 'Hopper', displayName: 'Grace Hopper' },
      { title: 'Rear Adm.' },
    ],
    [
      'ledger-accounts',
      { name: 'Petty cash', accountType: 'Bank', accountSubType: 'CashOnHand' },
      { description: 'Office float' },
    ],
    [
      'journal-entries',
      {
        docNumber: 'JE-1',
        line: [
          {
            amount: 25,
            detailType: 'JournalEntryLineDetail',
            journalEntryLineDetail: { postingType: 'Debit' },
          },
          {
            amount: 25,
            detailType: 'JournalEntryLineDetail',
            journalEntryLineDetail: { postingType: 'Credit' },
          },
        ],
      },
      { privateNote: 'Float top-up' },
    ],
    [
      'purchase-orders',
      { docNumber: 'PO-1', vendorRef: { value: '1' }, totalAmt: 100 },
      { memo: 'Rush order' },
    ],
  ])('/hubs/finance/%s creates, reads, updates, lists and deletes', async (resource, body, change) => {
    const auth = quickbooksAuth();
    const created = await emulator.call('POST', `/hubs/finance/${resource}`, { auth, body });
    expect(created.status, created.text).toBe(200);
    expect(created.body).toMatchObject(body);
    const id = created.body.id as string;
    // QuickBooks numbers its records: `"1"`, `"2"`, ... per resource.
    expect(id).toBe('1');

    const read = await emulator.call('GET', `/hubs/finance/${resource}/${id}`, { auth });
    expect(read.body).toEqual(created.body);
    const patched = await emulator.call('PATCH', `/hubs/finance/${resource}/${id}`, { auth, body: change });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.body).toMatchObject({ ...body, ...change, id });
    const listed = await emulator.call('GET', `/hubs/finance/${resource}`, { auth });
    expect(listed.body.map((record: { id: string }) => record.id)).toEqual([id]);

    expect((await emulator.call('DELETE', `/hubs/finance/${resource}/${id}`, { auth })).status).toBe(200);
    const gone = await emulator.call('GET', `/hubs/finance/${resource}/${id}`, { auth });
    expect(gone.status).toBe(404);
  });

  test.each([
    ['payment-methods', { Name: 'Gift card', Type: 'NON_CREDIT_CARD', Active: true }],
    ['tax-rates', { Name: 'Test', Rate: 20 }],
  ])(
    '/hubs/finance/%s creates, reads and lists; changes go through the generic object operations',
    async (resource, body) => {
      const auth = quickbooksAuth();
      const created = await emulator.call('POST', `/hubs/finance/${resource}`, { auth, body });
      expect(created.status, created.text).toBe(200);
      expect(created.body).toMatchObject(body);
      const id = created.body.id as string;
      expect((await emulator.call('GET', `/hubs/finance/${resource}/${id}`, { auth })).body).toEqual(
        created.body,
      );
      expect((await emulator.call('GET', `/hubs/finance/${resource}`, { auth })).body).toEqual([
        created.body,
      ]);
      // The spec has no update or delete of its own here: `/hubs/{hub}/{objectName}/{objectId}` answers them.
      const patched = await emulator.call('PATCH', `/hubs/finance/${resource}/${id}`, {
        auth,
        body: { Name: 'Renamed' },
      });
      expect(patched.body).toMatchObject({ ...body, Name: 'Renamed', id });
      expect((await emulator.call('DELETE', `/hubs/finance/${resource}/${id}`, { auth })).status).toBe(200);
      expect((await emulator.call('GET', `/hubs/finance/${resource}`, { auth })).body).toEqual([]);
    },
  );

  test('an update with no field and a record that does not exist answer 400 and 404', async () => {
    const auth = quickbooksAuth();
    const created = await emulator.call('POST', '/hubs/finance/customers', {
      auth,
      body: realPayload('customers'),
    });
    const empty = await emulator.call('PATCH', `/hubs/finance/customers/${created.body.id}`, {
      auth,
      body: {},
    });
    expect(empty.status).toBe(400);
    const missing = await emulator.call('GET', '/hubs/finance/invoices/999', { auth });
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe('No invoice found with ID 999');
    expect((await emulator.call('DELETE', '/hubs/finance/vendors/999', { auth })).status).toBe(404);
  });

  test('keeps each instance’s records apart and ignores the hub segment, as Cloud Elements does', async () => {
    const first = quickbooksAuth();
    const second = quickbooksAuth();
    await emulator.call('POST', '/hubs/finance/customers', { auth: first, body: realPayload('customers') });
    const viaOtherHub = await emulator.call('GET', '/hubs/crm/customers', { auth: first });
    expect(viaOtherHub.body.map((c: { displayName: string }) => c.displayName)).toEqual(['Ada Lovelace']);
    expect((await emulator.call('GET', '/hubs/finance/customers', { auth: second })).body).toEqual([]);
  });
});

describe('querying', () => {
  test('CEQL filters and sorts on QuickBooks fields; pages follow Elements-Next-Page-Token', async () => {
    const auth = quickbooksAuth();
    const people = [
      ['Ada', 'Lovelace', 120.5],
      ['Grace', 'Hopper', 0],
      ['Alan', 'Turing', 80],
      ['Edsger', 'Dijkstra', 300],
    ] as const;
    for (const [givenName, familyName, balance] of people)
      await emulator.call('POST', '/hubs/finance/customers', {
        auth,
        body: { givenName, familyName, displayName: `${givenName} ${familyName}`, balance },
      });
    const names = async (query: Record<string, string>) => {
      const response = await emulator.call('GET', `/hubs/finance/customers?${new URLSearchParams(query)}`, {
        auth,
      });
      expect(response.status, response.text).toBe(200);
      return response.body.map((customer: { familyName: string }) => customer.familyName);
    };
    expect(await names({ where: "familyName = 'Turing'" })).toEqual(['Turing']);
    expect(await names({ where: 'balance > 100', orderBy: 'balance desc' })).toEqual([
      'Dijkstra',
      'Lovelace',
    ]);
    expect(await names({ where: "displayName LIKE 'A%'", orderBy: 'familyName asc' })).toEqual([
      'Lovelace',
      'Turing',
    ]);

    const first = await emulator.call('GET', '/hubs/finance/customers?pageSize=3&returnTotalCount=true', {
      auth,
    });
    expect(first.body).toHaveLength(3);
    expect(first.headers.get('elements-total-count')).toBe('4');
    const token = first.headers.get('elements-next-page-token')!;
    const second = await emulator.call(
      'GET',
      `/hubs/finance/customers?pageSize=3&nextPage=${encodeURIComponent(token)}`,
      { auth },
    );
    expect(second.body.map((c: { familyName: string }) => c.familyName)).toEqual(['Dijkstra']);
    expect(second.headers.get('elements-next-page-token')).toBeNull();

    const fields = await emulator.call('GET', '/hubs/finance/customers?fields=displayName&pageSize=1', {
      auth,
    });
    expect(fields.body).toEqual([{ id: '1', displayName: 'Ada Lovelace' }]);
    const bad = await emulator.call(
      'GET',
      `/hubs/finance/customers?where=${encodeURIComponent('balance >')}`,
      {
        auth,
      },
    );
    expect(bad.status).toBe(400);
  });
});

describe('the QuickBooks Online instance', () => {
  test('ping, the object catalog and object metadata describe it', async () => {
    const auth = quickbooksAuth();
    expect((await emulator.call('GET', '/hubs/finance/ping', { auth })).body.endpoint).toBe('quickbooks');
    // The catalog's resources first, then every other resource the spec documents for the finance hub.
    const objects = (await emulator.call('GET', '/hubs/finance/objects', { auth })).body as string[];
    expect(objects.slice(0, 4)).toEqual(['customers', 'invoices', 'payments', 'vendors']);
    expect(objects).toEqual(
      expect.arrayContaining([
        'employees',
        'journal-entries',
        'ledger-accounts',
        'tax-rates',
        'purchase-orders',
      ]),
    );
    await emulator.call('POST', '/hubs/finance/invoices', { auth, body: realPayload('invoices') });
    const metadata = await emulator.call('GET', '/hubs/finance/objects/invoices/metadata', { auth });
    const byName = Object.fromEntries(
      metadata.body.fields.map((field: { vendorPath: string }) => [field.vendorPath, field]),
    );
    expect(byName.totalAmt).toMatchObject({ type: 'number', createable: true });
    expect(byName.customerRef).toMatchObject({ type: 'object' });
    expect(byName.id).toMatchObject({ vendorReadOnly: true, createable: false });
  });

  test('connects through OAuth 2 like the other OAuth elements', async () => {
    const app = { apiKey: 'qb-client', apiSecret: 'qb-secret', callbackUrl: 'https://app.example.com/qb' };
    const query = new URLSearchParams({ ...app, scope: 'com.intuit.quickbooks.accounting' });
    const url = await emulator.call('GET', `/elements/quickbooks/oauth/url?${query}`);
    expect(url.body.element).toBe('quickbooks');
    const callback = new URL(emulator.authorize(url.body.oauthUrl));
    expect(callback.searchParams.get('state')).toBe('quickbooks');
    // Intuit sends the company's realmId next to the code, and the instance needs it.
    const realmId = callback.searchParams.get('realmId');
    expect(realmId).toMatch(/^\d+$/);
    const configuration = {
      'oauth.api.key': app.apiKey,
      'oauth.api.secret': app.apiSecret,
      'oauth.callback.url': app.callbackUrl,
    };
    const code = callback.searchParams.get('code');
    const withoutRealm = await emulator.call('POST', '/instances', {
      body: { element: { key: 'quickbooks' }, providerData: { code }, configuration, name: 'Books' },
    });
    expect(withoutRealm.status).toBe(400);
    expect(withoutRealm.body.message).toContain('providerData.realmId');
    const created = await emulator.call('POST', '/instances', {
      body: {
        element: { key: 'quickbooks' },
        providerData: { code, realmId },
        configuration,
        name: 'Books',
      },
    });
    expect(created.status, created.text).toBe(200);
    expect(created.body.element).toMatchObject({ key: 'quickbooks', hub: 'finance' });
    const auth = emulator.hubAuth(created.body.token);
    expect((await emulator.call('GET', '/hubs/finance/ping', { auth })).status).toBe(200);
  });

  test('its element docs describe the finance resources with QuickBooks field names', async () => {
    const { body } = await emulator.call('GET', '/elements/quickbooks/docs');
    expect(body.basePath).toBe('/elements/api-v2/hubs/finance');
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/customers', '/invoices/{id}']));
    expect(body.definitions.Customer.properties).toHaveProperty('displayName');
    expect(body.definitions.Invoice.properties).toHaveProperty('customerRef');
  });
});
