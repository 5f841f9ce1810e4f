import { afterEach, beforeEach, expect, test } from 'vitest';
import { createClient, unwrap } from '../../src/client.js';
import { NotFoundError, RateLimitError, TimeoutError, UnauthorizedError } from '../../src/errors.js';
import { startEmulator, type Emulator } from '../../src/testing/index.js';

let emulator: Emulator;

beforeEach(async () => {
  emulator = await startEmulator();
});
afterEach(() => emulator.close());

function client(options: { timeoutMs?: number } = {}) {
  return createClient({
    userSecret: emulator.credentials.userSecret,
    organizationSecret: emulator.credentials.organizationSecret,
    baseUrl: emulator.url,
    retry: { sleep: async () => {} },
    ...options,
  });
}

test('the SDK client uses the emulator URL as baseUrl for platform and hub calls', async () => {
  const token = emulator.createInstance({ element: 'sfdc', name: 'Via SDK' }).token;
  const instances = await unwrap(client().GET('/instances'));
  expect(instances.map((instance) => instance.name)).toEqual(['Via SDK']);

  const crm = client().forInstance(token);
  for (const lastName of ['A', 'B', 'C']) {
    await unwrap(crm.POST('/hubs/crm/contacts', { body: { lastName } }));
  }
  const names: string[] = [];
  let nextPage: string | undefined;
  do {
    const { data, response } = await crm.GET('/hubs/crm/contacts', {
      params: { query: { pageSize: 2, where: "lastName != 'B'", ...(nextPage ? { nextPage } : {}) } },
    });
    names.push(...(data ?? []).map((contact) => String(contact.lastName)));
    nextPage = response.headers.get('elements-next-page-token') ?? undefined;
  } while (nextPage);
  expect(names).toEqual(['A', 'C']);
});

test('the SDK retries the emulator’s 429s and maps its errors to typed errors', async () => {
  emulator.createInstance({ element: 'sfdc' });
  emulator.faults.set({ rateLimit: { share: 1, count: 2, retryAfterSeconds: 1 } });
  expect(await unwrap(client().GET('/instances'))).toHaveLength(1);
  expect(emulator.faults.counts.rateLimit).toBe(2);

  emulator.faults.set({ rateLimit: { share: 1 } });
  await expect(unwrap(client().GET('/instances'))).rejects.toBeInstanceOf(RateLimitError);
  emulator.faults.clear();

  const missing = unwrap(client().GET('/instances/{id}', { params: { path: { id: 4242 } } }));
  await expect(missing).rejects.toBeInstanceOf(NotFoundError);
  await expect(missing).rejects.toMatchObject({
    status: 404,
    requestId: expect.stringMatching(/^[0-9a-f]{24}$/),
  });

  const wrong = createClient({ userSecret: 'wrong', organizationSecret: 'wrong', baseUrl: emulator.url });
  await expect(unwrap(wrong.GET('/instances'))).rejects.toBeInstanceOf(UnauthorizedError);
});

test('a hung emulator response ends in the SDK’s TimeoutError', async () => {
  emulator.faults.set({ hang: { share: 1 } });
  await expect(unwrap(client({ timeoutMs: 100 }).GET('/instances'))).rejects.toBeInstanceOf(TimeoutError);
});
