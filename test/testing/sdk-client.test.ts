import { afterEach, beforeEach, expect, test } from 'vitest';
import { createClient, unwrap } from '../../src/client/index.js';
import { NotFoundError, RateLimitError, TimeoutError, UnauthorizedError } from '../../src/core/index.js';
import { startEmulator, type Emulator } from '../../src/testing/index.js';
import { specCheckedFetch } from './helpers.js';

let emulator: Emulator;
let checkedFetch: (request: Request) => Promise<Response>;
// What the spec says is wrong with the emulator's answers to the SDK's calls.
const problems: string[] = [];

beforeEach(async () => {
  emulator = await startEmulator();
  checkedFetch = await specCheckedFetch(problems);
});
afterEach(async () => {
  await emulator.close();
  expect(problems.splice(0)).toEqual([]);
});

function client(options: { timeoutMs?: number } = {}) {
  return createClient({
    userSecret: emulator.credentials.userSecret,
    organizationSecret: emulator.credentials.organizationSecret,
    baseUrl: emulator.url,
    retry: { sleep: async () => {} },
    fetch: checkedFetch,
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
  const crm = client().forInstance(emulator.createInstance({ element: 'sfdc' }).token);
  // A hub call: Cloud Elements passes the provider's 429s through, and the spec declares 429 only there.
  emulator.faults.set({ rateLimit: { share: 1, count: 2, retryAfterSeconds: 1 } });
  expect(await unwrap(crm.GET('/hubs/crm/contacts'))).toEqual([]);
  expect(emulator.faults.counts.rateLimit).toBe(2);

  emulator.faults.set({ rateLimit: { share: 1 } });
  await expect(unwrap(crm.GET('/hubs/crm/contacts'))).rejects.toBeInstanceOf(RateLimitError);
  emulator.faults.clear();

  const missing = unwrap(client().GET('/instances/{id}', { params: { path: { id: 4242 } } }));
  await expect(missing).rejects.toBeInstanceOf(NotFoundError);
  await expect(missing).rejects.toMatchObject({
    status: 404,
    requestId: expect.stringMatching(/^[0-9a-f]{24}$/),
  });

  const wrong = createClient({
    userSecret: 'wrong',
    organizationSecret: 'wrong',
    baseUrl: emulator.url,
    fetch: checkedFetch,
  });
  await expect(unwrap(wrong.GET('/instances'))).rejects.toBeInstanceOf(UnauthorizedError);
});

test('a hung emulator response ends in the SDK’s TimeoutError', async () => {
  emulator.faults.set({ hang: { share: 1 } });
  await expect(unwrap(client({ timeoutMs: 100 }).GET('/instances'))).rejects.toBeInstanceOf(TimeoutError);
});
