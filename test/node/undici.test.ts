import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createClient, unwrap, type CloudElementsClient } from '../../src/client/index.js';
import { ConnectionError, NotFoundError, TimeoutError } from '../../src/core/index.js';
import { createUndiciFetch } from '../../src/node/index.js';
import { paginate } from '../../src/query/index.js';
import { startEmulator, type Emulator } from '../../src/testing/index.js';

// The opt-in undici transport keeps the SDK's promises: same data, same typed errors, same time limits.
let emulator: Emulator;
let ce: CloudElementsClient;
let crm: CloudElementsClient;

beforeAll(async () => {
  emulator = await startEmulator();
  const instance = emulator.createInstance({ element: 'sfdc' });
  ce = createClient({
    userSecret: emulator.credentials.userSecret,
    organizationSecret: emulator.credentials.organizationSecret,
    baseUrl: emulator.url,
    fetch: await createUndiciFetch(),
    retry: { baseDelayMs: 1, maxDelayMs: 10 },
  });
  crm = ce.forInstance(instance.token);
});
afterAll(async () => {
  await emulator.close();
});

const contacts = { params: { path: { hub: 'crm', objectName: 'contacts' } } } as const;

describe('createUndiciFetch', () => {
  test('creates, reads and pages through records', async () => {
    for (let i = 0; i < 12; i++) {
      await unwrap(crm.POST('/hubs/{hub}/{objectName}', { ...contacts, body: { lastName: `Undici ${i}` } }));
    }
    const names: unknown[] = [];
    for await (const record of paginate(crm, '/hubs/{hub}/{objectName}', {
      params: { path: { hub: 'crm', objectName: 'contacts' }, query: { pageSize: 5 } },
    })) {
      names.push((record as { lastName?: unknown }).lastName);
    }
    expect(names).toHaveLength(12);
    const error = await unwrap(ce.GET('/instances/{id}', { params: { path: { id: 987654 } } })).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(NotFoundError);
  });

  test('ends a hung call at its time limit and types a cut-off body', async () => {
    emulator.faults.set({ hang: { share: 1, count: 1 } });
    const hung = await crm
      .GET('/hubs/{hub}/{objectName}', { ...contacts, timeoutMs: 300 })
      .catch((e: unknown) => e);
    expect(hung).toBeInstanceOf(TimeoutError);
    emulator.faults.set({ truncatedBody: { share: 1, count: 1 } });
    const cut = await crm
      .GET('/hubs/{hub}/{objectName}', { ...contacts, retry: false })
      .catch((e: unknown) => e);
    expect(cut).toBeInstanceOf(ConnectionError);
    emulator.faults.clear();
  });
});
