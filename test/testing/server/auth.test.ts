import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../helpers.js';

let emulator: TestEmulator;
let user: string;
let org: string;
let token: string;

beforeEach(async () => {
  emulator = await startTestEmulator({
    organizationSecret: 'org-secret-0123456789abcdef',
    users: [{ secret: 'user-secret-one=' }, { secret: 'user-secret-two=' }],
  });
  user = emulator.credentials.userSecret;
  org = emulator.credentials.organizationSecret;
  token = emulator.createInstance({ element: 'sfdc' }).token;
});
afterEach(() => emulator.close());

describe('platform calls', () => {
  test('accept the seeded user and organization secrets in either order', async () => {
    expect(
      (await emulator.call('GET', '/instances', { auth: `User ${user}, Organization ${org}` })).status,
    ).toBe(200);
    expect(
      (await emulator.call('GET', '/instances', { auth: `Organization ${org}, User ${user}` })).status,
    ).toBe(200);
    expect(user).toBe('user-secret-one=');
  });

  test('accept every seeded user of the organization', async () => {
    const response = await emulator.call('GET', '/elements', {
      auth: `User user-secret-two=, Organization ${org}`,
    });
    expect(response.status).toBe(200);
  });

  test.each([
    ['no header', null],
    ['a wrong user secret', `User nope, Organization ${org}`],
    ['a wrong organization secret', `User ${user}, Organization nope`],
    ['no organization part', `User ${user}`],
    ['a malformed header', `Basic ${user}`],
    ['a part given twice', `User ${user}, User ${user}, Organization ${org}`],
  ])('answer 401 with the error body for %s', async (_name, auth) => {
    const response = await emulator.call('GET', '/instances', { auth });
    expect(response.status).toBe(401);
    expect(response.body.message).toContain('Invalid Organization or User secret');
  });

  test('generate secrets when none are seeded', async () => {
    const generated = await startTestEmulator();
    try {
      expect(generated.credentials.organizationSecret).toMatch(/^[0-9a-f]{32}$/);
      expect(generated.credentials.userSecret.length).toBeGreaterThanOrEqual(40);
      expect((await generated.call('GET', '/elements')).status).toBe(200);
    } finally {
      await generated.close();
    }
  });
});

describe('hub calls', () => {
  test('accept User, Organization and Element in any order', async () => {
    for (const auth of [
      `User ${user}, Organization ${org}, Element ${token}`,
      `Element ${token}, User ${user}, Organization ${org}`,
      `Organization ${org}, Element ${token}, User ${user}`,
    ]) {
      expect((await emulator.call('GET', '/hubs/crm/ping', { auth })).status).toBe(200);
    }
  });

  test('accept a header without the Organization part', async () => {
    const response = await emulator.call('GET', '/hubs/crm/ping', { auth: `User ${user}, Element ${token}` });
    expect(response.status).toBe(200);
    expect(response.body.endpoint).toBe('sfdc');
  });

  test.each([
    ['no element token', () => `User ${user}, Organization ${org}`],
    ['an unknown element token', () => `User ${user}, Element not-a-token`],
    ['a wrong user secret', () => `User nope, Element ${token}`],
    ['a wrong organization secret', () => `User ${user}, Organization nope, Element ${token}`],
  ])('answer 401 for %s', async (_name, auth) => {
    expect((await emulator.call('GET', '/hubs/crm/contacts', { auth: auth() })).status).toBe(401);
  });

  test('answer 403 while the instance is disabled and work again once enabled', async () => {
    const instance = [...emulator.state.instances.values()][0]!;
    expect((await emulator.call('DELETE', `/instances/${instance.id}/enabled`)).status).toBe(200);
    const refused = await emulator.call('GET', '/hubs/crm/contacts', { auth: emulator.hubAuth(token) });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain('disabled');
    // The token-scoped twin works on a disabled instance: that is how it is enabled again.
    expect((await emulator.call('PUT', '/instances/enabled', { auth: emulator.hubAuth(token) })).status).toBe(
      200,
    );
    expect((await emulator.call('GET', '/hubs/crm/contacts', { auth: emulator.hubAuth(token) })).status).toBe(
      200,
    );
  });

  test('answer 401 with the token of a deleted instance', async () => {
    const instance = [...emulator.state.instances.values()][0]!;
    expect((await emulator.call('DELETE', `/instances/${instance.id}`)).status).toBe(200);
    expect((await emulator.call('GET', '/hubs/crm/ping', { auth: emulator.hubAuth(token) })).status).toBe(
      401,
    );
  });
});

test('unknown paths answer 404 and known paths with another method 405, both with the error body', async () => {
  const missing = await emulator.call('GET', '/nothing/here', { unchecked: 'not in the spec by definition' });
  expect(missing.status).toBe(404);
  expect(missing.body.message).toContain('No resource found');
  const wrongMethod = await emulator.call('DELETE', '/elements', {
    unchecked: 'DELETE /elements is not an operation',
  });
  expect(wrongMethod.status).toBe(405);
  expect(wrongMethod.headers.get('allow')).toContain('GET');
});

test('secrets stay out of JSON, String() and util.inspect of the credentials, the state and the emulator', async () => {
  const { inspect } = await import('node:util');
  for (const text of [
    JSON.stringify(emulator),
    inspect(emulator, { depth: 5 }),
    JSON.stringify(emulator.state),
  ]) {
    expect(text).not.toContain(user);
    expect(text).not.toContain(org);
    expect(text).not.toContain(token);
  }
  const shown = [
    JSON.stringify(emulator.credentials),
    String(emulator.credentials),
    inspect(emulator.credentials),
  ];
  for (const text of shown) {
    expect(text).not.toContain(user);
    expect(text).not.toContain(org);
    expect(text).toContain('REDACTED');
  }
});

test('misuse of the emulator API throws a TypeError that says what to fix', async () => {
  expect(() => emulator.createInstance({ element: 'salesforce' })).toThrow(
    '[cloud-elements] emulator.createInstance needs element set to one of: sfdc, sfdcdocuments',
  );
  await expect(startTestEmulator({ users: [{ secret: 'has, comma' }] })).rejects.toThrow(TypeError);
  await expect(startTestEmulator({ organizationSecret: '' })).rejects.toThrow(
    'organizationSecret must be non-empty',
  );
  await expect(startTestEmulator({ bulk: { progress: 'sometimes' as 'time' } })).rejects.toThrow(
    "bulk.progress must be 'time', 'poll' or 'manual'",
  );
});
