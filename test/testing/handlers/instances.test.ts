import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../helpers.js';

let emulator: TestEmulator;

beforeEach(async () => {
  emulator = await startTestEmulator();
});
afterEach(() => emulator.close());

function seedInstance(tags: string[] = [], name = 'CRM') {
  return emulator.createInstance({
    element: 'sfdc',
    name,
    tags,
    configuration: {
      'oauth.api.key': 'k',
      'oauth.api.secret': 'secret-value',
      'event.notification.enabled': false,
    },
  });
}

describe('instances', () => {
  test('lists instances filtered by tags and search text, with paging headers', async () => {
    seedInstance(['a', 'b'], 'Alpha CRM');
    seedInstance(['b'], 'Beta CRM');
    emulator.createInstance({ element: 'concur', name: 'Expenses' });
    const all = await emulator.call('GET', '/instances');
    expect(all.body.map((i: { name: string }) => i.name)).toEqual(['Alpha CRM', 'Beta CRM', 'Expenses']);
    expect(all.headers.get('elements-total-count')).toBe('3');
    const tagged = await emulator.call('GET', '/instances?tags[]=b&tags[]=a');
    expect(tagged.body.map((i: { name: string }) => i.name)).toEqual(['Alpha CRM']);
    const searched = await emulator.call('GET', '/instances?searchText=concur');
    expect(searched.body.map((i: { name: string }) => i.name)).toEqual(['Expenses']);
    const page = await emulator.call('GET', '/instances?pageSize=2');
    expect(page.body).toHaveLength(2);
    const next = await emulator.call(
      'GET',
      `/instances?pageSize=2&nextPage=${page.headers.get('elements-next-page-token')}`,
    );
    expect(next.body.map((i: { name: string }) => i.name)).toEqual(['Expenses']);
    expect(next.headers.has('elements-next-page-token')).toBe(false);
  });

  test('reads one instance with its token and masked configuration; 404 for an unknown id', async () => {
    const instance = seedInstance();
    const read = await emulator.call('GET', `/instances/${instance.id}`);
    expect(read.body).toMatchObject({ id: instance.id, token: instance.token, eventsEnabled: false });
    expect(read.body.configuration).toMatchObject({
      'oauth.api.secret': '********',
      'event.notification.enabled': 'false',
      'filter.response.nulls': 'true',
    });
    const missing = await emulator.call('GET', '/instances/999999');
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe('No instance found with ID 999999');
  });

  test('an operation answered by its spec example still answers 404 for an instance or element that is not there', async () => {
    const instance = emulator.createInstance({ element: 'sfdc' });
    const platform = { Authorization: emulator.credentials.authorization() };
    const status = async (path: string) => {
      const response = await fetch(`${emulator.url}${path}`, { headers: platform });
      await response.body?.cancel();
      return response.status;
    };
    expect(await status(`/instances/${instance.id}/events`)).toBe(200);
    expect(await status('/instances/99999/events')).toBe(404);
    expect(await status('/instances/99999/events/1')).toBe(404);
    expect(await status('/elements/sfdc/metadata')).toBe(200);
    expect(await status('/elements/999999/metadata')).toBe(404);
  });

  test('PATCH changes the name, replaces the tags and merges configuration', async () => {
    const instance = seedInstance(['old']);
    const patched = await emulator.call('PATCH', `/instances/${instance.id}`, {
      body: {
        name: '<i>Renamed</i>',
        tags: ['new'],
        configuration: {
          'event.notification.enabled': true,
          'event.notification.callback.url': 'https://x.test/cb',
        },
      },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: 'Renamed', tags: ['new'], eventsEnabled: true });
    expect(patched.body.configuration['oauth.api.secret']).toBe('********');
    expect(instance.configuration.get('oauth.api.secret')).toBe('secret-value');
    expect(patched.body.configuration['event.notification.callback.url']).toBe('https://x.test/cb');
  });

  test('lists and changes configuration entries by id, also through the token-scoped twin', async () => {
    const instance = seedInstance();
    const entries = await emulator.call('GET', `/instances/${instance.id}/configuration`);
    const nulls = entries.body.find((entry: { key: string }) => entry.key === 'filter.response.nulls');
    expect(nulls).toMatchObject({ propertyValue: 'true', type: 'BOOLEAN' });
    const secret = entries.body.find((entry: { key: string }) => entry.key === 'oauth.api.secret');
    expect(secret.propertyValue).toBe('********');
    const changed = await emulator.call('PATCH', `/instances/${instance.id}/configuration/${nulls.id}`, {
      body: { propertyValue: 'false' },
    });
    expect(changed.body.propertyValue).toBe('false');
    const twin = await emulator.call('GET', `/instances/configuration/${nulls.id}`, {
      auth: emulator.hubAuth(instance.token),
    });
    expect(twin.body.propertyValue).toBe('false');
    expect((await emulator.call('GET', `/instances/${instance.id}/configuration/1`)).status).toBe(404);
  });

  test('PUT replaces name and tags; element-scoped routes read and delete', async () => {
    const instance = seedInstance(['x']);
    const replaced = await emulator.call('PUT', `/instances/${instance.id}`, {
      body: { element: { key: 'sfdc' }, name: 'Replaced', tags: [] },
    });
    expect(replaced.body).toMatchObject({ name: 'Replaced', tags: [] });
    const scoped = await emulator.call('GET', `/elements/sfdc/instances/${instance.id}`);
    expect(scoped.body.id).toBe(instance.id);
    expect((await emulator.call('GET', `/elements/concur/instances/${instance.id}`)).status).toBe(404);
    expect((await emulator.call('GET', '/elements/sfdc/instances')).body).toHaveLength(1);
    expect((await emulator.call('DELETE', `/elements/sfdc/instances/${instance.id}`)).status).toBe(200);
    expect(emulator.state.instances.has(instance.id)).toBe(false);
  });

  test('the token-scoped twins act on the instance of the Element token', async () => {
    const instance = seedInstance();
    const auth = emulator.hubAuth(instance.token);
    expect((await emulator.call('PATCH', '/instances', { auth, body: { name: 'By token' } })).body.name).toBe(
      'By token',
    );
    expect((await emulator.call('DELETE', '/instances/enabled', { auth })).status).toBe(200);
    expect(instance.disabled).toBe(true);
    expect((await emulator.call('GET', '/instances/configuration', { auth })).status).toBe(200);
    expect((await emulator.call('DELETE', '/instances', { auth })).status).toBe(200);
    expect(emulator.state.instances.size).toBe(0);
  });

  test('POST /elements/{key}/instances takes the element from the path', async () => {
    const response = await emulator.call('POST', '/elements/marketo/instances', {
      body: {
        name: 'Leads',
        configuration: {
          'oauth.api.key': 'a',
          'oauth.api.secret': 'b',
          'marketo.identity.url': 'u',
          'base.url': 'v',
        },
      },
    });
    expect(response.status).toBe(200);
    expect(response.body.element.key).toBe('marketo');
  });

  test('answers 400 for a body without a name or element and 404 for an unknown element', async () => {
    expect((await emulator.call('POST', '/instances', { body: { element: { key: 'sfdc' } } })).status).toBe(
      400,
    );
    expect((await emulator.call('POST', '/instances', { body: { name: 'x' } })).status).toBe(400);
    const unknown = await emulator.call('POST', '/instances', {
      body: { element: { key: 'nope' }, name: 'x' },
    });
    expect(unknown.status).toBe(404);
    expect(
      (
        await emulator.call('POST', '/instances', {
          body: '{not json',
          headers: { 'Content-Type': 'application/json' },
        })
      ).status,
    ).toBe(400);
  });

  test("a name that is only HTML, like an example's placeholder, is refused as such, not as a missing name", async () => {
    const placeholder = await emulator.call('POST', '/instances', {
      body: { element: { key: 'marketo' }, name: '<Insert_Instance_Name>' },
    });
    expect(placeholder.status).toBe(400);
    expect(placeholder.body.message).toBe(
      'name "<Insert_Instance_Name>" is empty once its HTML tags are removed (Cloud Elements strips them from ' +
        'instance names); was a placeholder of an example left in?',
    );
    const instance = seedInstance();
    const renamed = await emulator.call('PATCH', `/instances/${instance.id}`, { body: { name: '<b></b>' } });
    expect(renamed.body.message).toContain('is empty once its HTML tags are removed');
  });
});

describe('catalog', () => {
  test('lists the six seed elements and QuickBooks Online, and finds them by key or id', async () => {
    const keys = await emulator.call('GET', '/elements/keys');
    expect(keys.body).toEqual([
      'sfdc',
      'sfdcdocuments',
      'sfdcservicecloud',
      'sfdcmarketingcloud',
      'marketo',
      'concur',
      'quickbooks',
    ]);
    const all = await emulator.call('GET', '/elements');
    expect(all.body.map((e: { hub: string }) => e.hub)).toEqual([
      'crm',
      'documents',
      'helpdesk',
      'marketing',
      'marketing',
      'expense',
      'finance',
    ]);
    expect((await emulator.call('GET', '/elements/85')).body.key).toBe('marketo');
    expect((await emulator.call('GET', '/elements/39')).body).toMatchObject({
      key: 'quickbooks',
      name: 'QuickBooks Online',
      hub: 'finance',
      typeOauth: true,
    });
    expect((await emulator.call('GET', '/elements/nope')).status).toBe(404);
  });

  test('lists hubs and the elements of a hub', async () => {
    expect((await emulator.call('GET', '/hubs/keys')).body).toContain('documents');
    expect((await emulator.call('GET', '/hubs/crm')).body.key).toBe('crm');
    const marketing = await emulator.call('GET', '/hubs/marketing/elements');
    expect(marketing.body.map((e: { key: string }) => e.key)).toEqual(['sfdcmarketingcloud', 'marketo']);
    const finance = await emulator.call('GET', '/hubs/finance/elements');
    expect(finance.body.map((e: { key: string }) => e.key)).toEqual(['quickbooks']);
  });
});
