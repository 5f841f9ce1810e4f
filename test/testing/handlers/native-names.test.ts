// Records answer with their element's native field names where the spec documents them (src/testing/model/native.ts),
// beside the names they were written with.
import { afterEach, beforeEach, expect, test } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../helpers.js';

let emulator: TestEmulator;
beforeEach(async () => {
  emulator = await startTestEmulator({ now: () => Date.parse('2018-06-12T15:04:11Z') });
});
afterEach(() => emulator.close());

const authFor = (element: string) => emulator.hubAuth(emulator.createInstance({ element }).token);

test('Salesforce answers Id, its dates, attributes and PascalCase fields, and filters on them', async () => {
  const auth = authFor('sfdc');
  const created = await emulator.call('POST', '/hubs/crm/contacts', {
    auth,
    body: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' },
  });
  expect(created.status).toBe(200);
  const id = created.body.id as string;
  expect(created.body).toMatchObject({
    id,
    Id: id,
    firstName: 'Ada',
    FirstName: 'Ada',
    LastName: 'Lovelace',
    Name: 'Ada Lovelace',
    Email: 'ada@example.com',
    CreatedDate: '2018-06-12T15:04:11.000+0000',
    LastModifiedDate: '2018-06-12T15:04:11.000+0000',
    attributes: { type: 'Contact', url: `/services/data/v41.0/sobjects/Contact/${id}` },
  });
  const found = await emulator.call('GET', "/hubs/crm/contacts?where=LastName='Lovelace'", { auth });
  expect(found.body.map((record: { Id: string }) => record.Id)).toEqual([id]);
  // A list without a filter answers them too (it views only the records of the page), on any page and with fields.
  const listed = await emulator.call('GET', '/hubs/crm/contacts?pageSize=500', { auth });
  expect(listed.body.find((record: { id: string }) => record.id === id)).toMatchObject({
    Id: id,
    LastName: 'Lovelace',
    attributes: { type: 'Contact' },
  });
  const second = await emulator.call('POST', '/hubs/crm/contacts', { auth, body: { lastName: 'Byron' } });
  const total = (await emulator.call('GET', '/hubs/crm/contacts?pageSize=500', { auth })).body
    .length as number;
  const last = await emulator.call(
    'GET',
    `/hubs/crm/contacts?fields=Id,attributes&pageSize=1&page=${total}`,
    {
      auth,
    },
  );
  // `id` always comes along with `fields`.
  const secondId = second.body.id as string;
  expect(last.body).toEqual([
    {
      id: secondId,
      Id: secondId,
      attributes: { type: 'Contact', url: `/services/data/v41.0/sobjects/Contact/${secondId}` },
    },
  ]);
  // An account's Name is its name.
  const account = await emulator.call('POST', '/hubs/crm/accounts', {
    auth,
    body: { name: 'Analytical Engines' },
  });
  expect(account.body).toMatchObject({ Name: 'Analytical Engines', attributes: { type: 'Account' } });
});

test('a provider name the schema types otherwise is left out rather than answered wrong', async () => {
  const auth = authFor('sfdc');
  // CrmContact declares Birthdate as a date: a written birthdate that is no date stays under its own name only.
  const created = await emulator.call('POST', '/hubs/crm/contacts', {
    auth,
    body: { lastName: 'Hopper', birthdate: 'some day' },
  });
  expect(created.body.birthdate).toBe('some day');
  expect(created.body).not.toHaveProperty('Birthdate');
});

test('Service Cloud answers its own names too; Concur answers ID and URI; Marketo createdAt and updatedAt', async () => {
  const helpdesk = await emulator.call('POST', '/hubs/helpdesk/contacts', {
    auth: authFor('sfdcservicecloud'),
    body: { firstName: 'Grace', lastName: 'Hopper' },
  });
  expect(helpdesk.body).toMatchObject({ Id: helpdesk.body.id, FirstName: 'Grace', LastName: 'Hopper' });
  const report = await emulator.call('POST', '/hubs/expense/reports', {
    auth: authFor('concur'),
    body: { Name: 'Trip to Denver' },
  });
  expect(report.body).toMatchObject({
    ID: report.body.id,
    URI: `https://www.concursolutions.com/api/v3.0/expense/reports/${report.body.id}`,
    CreateDate: '2018-06-12T15:04:11Z',
  });
  const lead = await emulator.call('POST', '/hubs/marketing/contacts', {
    auth: authFor('marketo'),
    body: { email: 'jane@example.com' },
  });
  expect(lead.body).toMatchObject({ createdAt: '2018-06-12T15:04:11Z', updatedAt: '2018-06-12T15:04:11Z' });
  expect(lead.body).not.toHaveProperty('Id');
});
