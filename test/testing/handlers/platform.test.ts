// The platform resources users script against keep state: formulas with their instances and executions,
// transformations and object definitions, notifications and subscriptions, the usage log, users and accounts.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../helpers.js';

let emulator: TestEmulator;
beforeEach(async () => {
  emulator = await startTestEmulator({ users: [{ emailAddress: 'ada@example.com', password: 'pa55word!' }] });
});
afterEach(() => emulator.close());

describe('formulas', () => {
  test('create, read, patch; instances need their configuration; a manual trigger runs every step', async () => {
    const crm = emulator.createInstance({ element: 'sfdc' });
    const created = await emulator.call('POST', '/formulas', {
      body: {
        name: 'Sync contacts',
        configuration: [{ key: 'crm', name: 'CRM', type: 'elementInstance' }],
        triggers: [{ type: 'manual', properties: {} }],
        steps: [{ name: 'fetch', type: 'script', properties: { body: 'done({});' } }],
      },
    });
    expect(created.status).toBe(200);
    const formula = created.body as { id: number; name: string };
    expect((await emulator.call('GET', `/formulas/${formula.id}`)).body.name).toBe('Sync contacts');
    const patched = await emulator.call('PATCH', `/formulas/${formula.id}`, {
      body: { description: 'nightly' },
    });
    expect(patched.body).toMatchObject({ id: formula.id, description: 'nightly', name: 'Sync contacts' });
    expect((await emulator.call('GET', '/formulas')).body).toHaveLength(1);

    const missing = await emulator.call('POST', `/formulas/${formula.id}/instances`, {
      body: { name: 'No config' },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toContain('crm');
    const instance = await emulator.call('POST', `/formulas/${formula.id}/instances`, {
      body: { name: 'For Ada', configuration: { crm: String(crm.id) } },
    });
    expect(instance.body).toMatchObject({ name: 'For Ada', active: true, formula: { id: formula.id } });
    const instanceId = instance.body.id as number;
    const byElement = await emulator.call('GET', `/formulas/instances?elementInstanceId=${crm.id}`);
    expect(byElement.body.map((i: { id: number }) => i.id)).toEqual([instanceId]);

    const [execution] = (
      await emulator.call('POST', `/formulas/instances/${instanceId}/executions`, {
        body: { message: { contactId: '003x' } },
      })
    ).body as Array<{ id: number; status: string; stepExecutions: Array<{ id: number; stepName: string }> }>;
    expect(execution).toMatchObject({ status: 'success', formulaInstanceId: instanceId });
    expect(execution!.stepExecutions.map((step) => step.stepName)).toEqual(['trigger', 'fetch']);
    const values = await emulator.call(
      'GET',
      `/formulas/instances/executions/steps/${execution!.stepExecutions[0]!.id}/values`,
    );
    expect(values.body).toEqual([
      expect.objectContaining({ key: 'trigger.event', value: '{"contactId":"003x"}' }),
    ]);
    expect(
      (await emulator.call('GET', `/formulas/instances/executions/${execution!.id}/steps`)).body,
    ).toHaveLength(2);
    const cancel = await emulator.call('PATCH', `/formulas/instances/executions/${execution!.id}`, {
      body: { status: 'cancelled' },
    });
    expect(cancel.status).toBe(400);

    expect(
      (await emulator.call('DELETE', `/formulas/${formula.id}/instances/${instanceId}/active`)).status,
    ).toBe(200);
    const inactive = await emulator.call(
      'POST',
      `/formulas/${formula.id}/instances/${instanceId}/executions`,
      {
        body: {},
      },
    );
    expect(inactive.status).toBe(400);
    // A formula with instances cannot go; once they are gone it can.
    expect((await emulator.call('DELETE', `/formulas/${formula.id}`)).status).toBe(409);
    expect((await emulator.call('DELETE', `/formulas/instances/${instanceId}`)).status).toBe(200);
    expect((await emulator.call('DELETE', `/formulas/${formula.id}`)).status).toBe(200);
    expect((await emulator.call('GET', `/formulas/${formula.id}`)).status).toBe(404);
  });
});

describe('object definitions and transformations', () => {
  test('are kept per level; a second create is a 409 and a missing one a 404', async () => {
    const definition = { fields: [{ path: 'email', type: 'string' }] };
    const path = '/organizations/objects/myContact/definitions';
    expect((await emulator.call('POST', path, { body: definition })).body).toMatchObject({
      level: 'organization',
      fields: definition.fields,
    });
    expect((await emulator.call('POST', path, { body: definition })).status).toBe(409);
    expect(Object.keys((await emulator.call('GET', '/organizations/objects/definitions')).body)).toEqual([
      'myContact',
    ]);
    // Another level has its own definitions.
    expect((await emulator.call('GET', '/accounts/objects/definitions')).body).toEqual({});

    const transformation = {
      vendorName: 'Contact',
      fields: [{ path: 'email', vendorPath: 'Email' }],
    };
    const created = await emulator.call('POST', '/organizations/elements/sfdc/transformations/myContact', {
      body: transformation,
    });
    expect(created.body).toMatchObject({ vendorName: 'Contact', level: 'organization', elementKey: 'sfdc' });
    expect(Object.keys((await emulator.call('GET', '/elements/sfdc/transformations')).body)).toEqual([
      'myContact',
    ]);
    const instance = emulator.createInstance({ element: 'sfdc' });
    const own = await emulator.call('POST', `/instances/${instance.id}/transformations/myContact`, {
      body: transformation,
    });
    expect(own.body).toMatchObject({ level: 'instance', elementInstanceId: instance.id });
    const token = emulator.hubAuth(instance.token);
    expect(
      Object.keys((await emulator.call('GET', '/instances/transformations', { auth: token })).body),
    ).toEqual(['myContact']);
    expect((await emulator.call('DELETE', path)).status).toBe(200);
    expect((await emulator.call('GET', path)).status).toBe(404);
  });
});

describe('notifications', () => {
  test('reach the subscriptions of their topic, and can be acknowledged', async () => {
    const subscription = await emulator.call('POST', '/notifications/subscriptions', {
      body: { channel: 'webhook', topics: ['formulas'], config: { url: 'https://example.com/hook' } },
    });
    expect(subscription.body).toMatchObject({ channel: 'webhook', topics: ['formulas'], active: true });
    const other = await emulator.call('POST', '/notifications', { body: { topic: 'billing', message: 'x' } });
    const notification = await emulator.call('POST', '/notifications', {
      body: { topic: 'formulas', message: 'A formula failed', severity: 'high' },
    });
    expect(notification.body).toMatchObject({ topic: 'formulas', acknowledged: false, active: true });
    const listed = await emulator.call('GET', '/notifications?topics[]=formulas');
    expect(listed.body.map((n: { id: number }) => n.id)).toEqual([notification.body.id]);
    const deliveries = await emulator.call('GET', '/notifications/subscriptions/deliveries?hydrate=true');
    expect(deliveries.body).toEqual([
      expect.objectContaining({
        notificationId: notification.body.id,
        subscriptionId: subscription.body.id,
        status: 'delivered',
        notification: expect.objectContaining({ topic: 'formulas' }),
      }),
    ]);
    expect(
      (await emulator.call('GET', `/notifications/${other.body.id}/subscriptions/deliveries`)).body,
    ).toEqual([]);
    const acknowledged = await emulator.call('PUT', `/notifications/${notification.body.id}/acknowledge`);
    expect(acknowledged.body.acknowledged).toBe(true);
    const refused = await emulator.call('POST', '/notifications/subscriptions', {
      body: { channel: 'webhook', topics: ['formulas'], config: {} },
    });
    expect(refused.status).toBe(400);
  });
});

describe('usage', () => {
  test('logs every hub call, found by its Elements-Request-Id, and counts them', async () => {
    const instance = emulator.createInstance({ element: 'sfdc', tags: ['production'] });
    const auth = emulator.hubAuth(instance.token);
    const ok = await emulator.call('GET', '/hubs/crm/contacts', { auth });
    await emulator.call('GET', '/hubs/crm/contacts/003nothere', { auth });
    const entry = await emulator.call('GET', `/usage/${ok.headers.get('elements-request-id')}`);
    expect(entry.body).toMatchObject({
      requestStatus: 'SUCCESS',
      elementKey: 'sfdc',
      instanceName: instance.name,
      requestURI: '/elements/api-v2/hubs/crm/contacts',
      elementTags: 'production',
    });
    expect((await emulator.call('GET', '/usage?status=FAILED')).body).toHaveLength(1);
    expect((await emulator.call('GET', '/usage?keys[]=marketo')).body).toEqual([]);
    const range = `from=${new Date(Date.now() - 60_000).toISOString()}&to=${new Date(Date.now() + 60_000).toISOString()}`;
    const statuses = await emulator.call('GET', `/usage/analytics/statuses?interval=day&${range}`);
    expect(statuses.body).toEqual([expect.objectContaining({ count: 2, success: 1, failed: 1 })]);
    const elements = await emulator.call('GET', `/usage/analytics/activity/elements?${range}`);
    expect(elements.body).toEqual([expect.objectContaining({ count: 2, sfdc: 2 })]);
  });

  test('keeps the most recent usageLogSize calls, so a long run does not grow with every call', async () => {
    const small = await startTestEmulator({ usageLogSize: 3 });
    try {
      const auth = small.hubAuth(small.createInstance({ element: 'sfdc' }).token);
      const ids: string[] = [];
      for (let i = 0; i < 7; i++) {
        const answer = await small.call('GET', `/hubs/crm/contacts/00${i}nothere`, { auth });
        ids.push(answer.headers.get('elements-request-id')!);
      }
      const kept = (await small.call('GET', '/usage?pageSize=100')).body as { id: string }[];
      expect(kept.map((entry) => entry.id).sort()).toEqual(ids.slice(4).sort());
      expect((await small.call('GET', `/usage/${ids[3]}`)).status).toBe(404);
      expect((await small.call('GET', `/usage/${ids[6]}`)).status).toBe(200);
    } finally {
      await small.close();
    }
    await expect(startTestEmulator({ usageLogSize: -1 })).rejects.toThrow(
      /usageLogSize must be a whole number/,
    );
  });
});

describe('platform paging', () => {
  test('GET /usage pageOffset numbers pages from 0, newest entries first', async () => {
    const auth = emulator.hubAuth(emulator.createInstance({ element: 'sfdc' }).token);
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const answer = await emulator.call('GET', '/hubs/crm/contacts', { auth });
      ids.push(answer.headers.get('elements-request-id')!);
    }
    const newest = [...ids].reverse();
    const page = async (query: string) =>
      ((await emulator.call('GET', `/usage?${query}`)).body as { id: string }[]).map((entry) => entry.id);
    expect(await page('pageSize=3')).toEqual(newest.slice(0, 3));
    expect(await page('pageSize=3&pageOffset=0')).toEqual(newest.slice(0, 3));
    expect(await page('pageSize=3&pageOffset=1')).toEqual(newest.slice(3, 6));
    expect(await page('pageSize=3&pageOffset=2')).toEqual(newest.slice(6));
  });

  test('GET /users pages by pageSize and nextPage', async () => {
    for (const name of ['Grace', 'Alan', 'Edsger'])
      await emulator.call('POST', '/organizations/users', {
        body: { firstName: name, lastName: 'X', email: `${name}@example.com`, password: 'pa55word!' },
      });
    const first = await emulator.call('GET', '/users?pageSize=3');
    expect(first.body).toHaveLength(3);
    expect(first.headers.get('elements-returned-count')).toBe('3');
    const token = first.headers.get('elements-next-page-token')!;
    expect(token).toBeTruthy();
    const second = await emulator.call('GET', `/users?pageSize=3&nextPage=${encodeURIComponent(token)}`);
    expect(second.body).toHaveLength(1);
    expect(second.headers.has('elements-next-page-token')).toBe(false);
    const emails = [...first.body, ...second.body].map((user: { email: string }) => user.email);
    expect(new Set(emails).size).toBe(4);
    // Without pageSize, up to 200 come at once.
    expect((await emulator.call('GET', '/users')).body).toHaveLength(4);
  });
});

describe('users, login and accounts', () => {
  test('user lists answer 404 No users found when the first page is empty; a later empty page is a page', async () => {
    // Reference §4 and fixture error-account-no-users-404.response.json: `{ requestId, message }`.
    const noUsers = async (path: string) => {
      const response = await emulator.call('GET', path);
      expect(response.status, path).toBe(404);
      expect(response.body, path).toEqual({
        requestId: response.headers.get('elements-request-id'),
        message: 'No users found',
      });
    };
    const nobody = encodeURIComponent("email = 'nobody@example.com'");
    await noUsers(`/users?where=${nobody}`);
    await noUsers(`/organizations/users?where=${nobody}`);
    const account = await emulator.call('POST', '/accounts', { body: { externalId: 'empty' } });
    await noUsers(`/accounts/${account.body.id}/users`);
    // An unknown account is still the account's 404.
    const unknown = await emulator.call('GET', '/accounts/987654/users');
    expect(unknown.body.message).toBe('No account found with ID 987654');
    // A where that matches answers the page.
    const ada = encodeURIComponent("email = 'ada@example.com'");
    expect((await emulator.call('GET', `/users?where=${ada}`)).body).toHaveLength(1);

    // Paging: a later page that comes out empty (its user deleted meanwhile) is still 200 [].
    const grace = await emulator.call('POST', '/organizations/users', {
      body: { firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com', password: 'c0bol!' },
    });
    const first = await emulator.call('GET', '/users?pageSize=1');
    const token = first.headers.get('elements-next-page-token')!;
    expect(token).toBeTruthy();
    await emulator.call('DELETE', `/organizations/users/${grace.body.id}`);
    const later = await emulator.call('GET', `/users?pageSize=1&nextPage=${encodeURIComponent(token)}`);
    expect(later.status).toBe(200);
    expect(later.body).toEqual([]);
    expect(later.headers.get('elements-returned-count')).toBe('0');
  });

  test('a created user can log in, and the login token reads the secrets that work', async () => {
    const created = await emulator.call('POST', '/organizations/users', {
      body: { firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com', password: 'c0bol!' },
    });
    expect(created.body).toMatchObject({
      email: 'grace@example.com',
      fullName: 'Grace Hopper',
      active: true,
    });
    expect(
      (await emulator.call('POST', '/organizations/users', { body: { ...created.body, password: 'x' } }))
        .status,
    ).toBe(409);
    const login = await emulator.call('POST', '/authentication', {
      auth: null,
      body: { username: 'grace@example.com', password: 'c0bol!' },
    });
    expect(login.status).toBe(200);
    const secrets = await emulator.call('GET', '/authentication/secrets', {
      auth: `Bearer ${login.body.token}`,
    });
    const auth = `User ${secrets.body.userSecret}, Organization ${secrets.body.organizationSecret}`;
    expect((await emulator.call('GET', '/users/grace@example.com', { auth })).body.id).toBe(created.body.id);
    const wrong = await emulator.call('POST', '/authentication', {
      auth: null,
      body: { username: 'ada@example.com', password: 'nope' },
    });
    expect(wrong.status).toBe(401);
    expect((await emulator.call('PUT', `/users/${created.body.id}/roles/admin`)).body.key).toBe('admin');
    expect(
      (await emulator.call('GET', `/users/${created.body.id}/roles`)).body.map((r: { key: string }) => r.key),
    ).toEqual(['user', 'admin']);
    expect((await emulator.call('DELETE', `/organizations/users/${created.body.id}`)).status).toBe(200);
    expect((await emulator.call('GET', '/instances', { auth })).status).toBe(401);
  });

  test('accounts have their own users, settings and instances', async () => {
    const account = await emulator.call('POST', '/accounts', { body: { externalId: 'acme', name: 'Acme' } });
    expect(account.body).toMatchObject({
      externalId: 'acme',
      name: 'Acme',
      type: 'CompanyAccount',
      active: true,
    });
    expect((await emulator.call('POST', '/accounts', { body: { externalId: 'acme' } })).status).toBe(409);
    const id = account.body.id as number;
    const user = await emulator.call('POST', `/accounts/${id}/users`, {
      body: { firstName: 'Road', lastName: 'Runner', email: 'road@acme.example', password: 'meep' },
    });
    expect(
      (await emulator.call('GET', `/accounts/${id}/users`)).body.map((u: { id: number }) => u.id),
    ).toEqual([user.body.id]);
    expect((await emulator.call('GET', `/accounts/1/users/${user.body.id}`)).status).toBe(404);
    const settings = await emulator.call('PATCH', `/accounts/${id}/settings`, {
      body: { 'notification.webhook.failure.policy': 'queue' },
    });
    expect(settings.body).toEqual({ 'notification.webhook.failure.policy': 'queue' });
    emulator.createInstance({ element: 'sfdc' });
    expect((await emulator.call('GET', '/accounts/instances')).body).toHaveLength(1);
    expect((await emulator.call('GET', `/accounts/${id}/instances`)).body).toEqual([]);
    const renamed = await emulator.call('PATCH', `/accounts/${id}`, { body: { name: 'Acme Corp' } });
    expect(renamed.body.name).toBe('Acme Corp');
    expect((await emulator.call('GET', "/accounts?where=externalId='acme'")).body).toHaveLength(1);
    expect((await emulator.call('DELETE', `/accounts/${id}`)).status).toBe(200);
    expect((await emulator.call('GET', `/accounts/${id}`)).status).toBe(404);
  });

  test('the organization can be renamed', async () => {
    const renamed = await emulator.call('PUT', '/organizations/me', { body: { name: 'Acme Integrations' } });
    expect(renamed.body).toMatchObject({ id: 1, name: 'Acme Integrations' });
    expect((await emulator.call('GET', '/organizations/me')).body.name).toBe('Acme Integrations');
  });
});
