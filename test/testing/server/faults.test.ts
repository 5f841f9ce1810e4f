import { afterEach, describe, expect, test } from 'vitest';
import { startEmulator } from '../../../src/testing/index.js';
import { startTestEmulator, type TestEmulator } from '../helpers.js';

let emulator: TestEmulator;
let auth: string;

async function setup(options: Parameters<typeof startTestEmulator>[0] = {}) {
  emulator = await startTestEmulator(options);
  auth = emulator.hubAuth(emulator.createInstance({ element: 'sfdc' }).token);
}
afterEach(() => emulator.close());

/** Statuses of `count` hub list calls (an operation that declares 429, 500 and 502). */
async function statuses(count: number): Promise<number[]> {
  const seen: number[] = [];
  for (let n = 0; n < count; n++)
    seen.push((await emulator.call('GET', '/hubs/crm/contacts', { auth })).status);
  return seen;
}

describe('fault knobs', () => {
  test('latencyMs delays every answer by at least that long', async () => {
    await setup({ faults: { latencyMs: 120 } });
    const started = performance.now();
    expect((await emulator.call('GET', '/hubs/crm/contacts', { auth })).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(115);
  });

  test('rateLimit answers 429 with Retry-After, here for the first two calls only', async () => {
    await setup({ faults: { rateLimit: { share: 1, count: 2, retryAfterSeconds: 7 } } });
    const first = await emulator.call('GET', '/hubs/crm/contacts', { auth });
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('7');
    expect(first.body.providerMessage).toContain('retry after 7 seconds');
    expect(await statuses(2)).toEqual([429, 200]);
    expect(emulator.faults.counts.rateLimit).toBe(2);
  });

  test("rateLimit leaves platform calls alone, as Cloud Elements only passes on providers' 429s", async () => {
    await setup({ faults: { rateLimit: { share: 1 } } });
    expect((await emulator.call('GET', '/instances')).status).toBe(200);
    expect((await emulator.call('GET', '/hubs/crm/contacts', { auth })).status).toBe(429);
  });

  test.each([500, 502])('serverError answers %i with the error body', async (status) => {
    await setup({ faults: { serverError: { share: 1, status } } });
    const response = await emulator.call('GET', '/hubs/crm/contacts', { auth });
    expect(response.status).toBe(status);
    expect(typeof response.body.message).toBe('string');
    expect('providerMessage' in response.body).toBe(status === 502);
  });

  test('the same seed gives the same faults; another seed other faults', async () => {
    const faults = { rateLimit: { share: 0.3 }, serverError: { share: 0.3, status: 500 } };
    await setup({ faults: { ...faults, seed: 42 } });
    const first = await statuses(40);
    emulator.faults.set({ ...faults, seed: 42 });
    expect(await statuses(40)).toEqual(first);
    emulator.faults.set({ ...faults, seed: 7 });
    expect(await statuses(40)).not.toEqual(first);
    const hit = first.filter((status) => status !== 200).length;
    expect(hit).toBeGreaterThan(8);
    expect(hit).toBeLessThan(32);
  });

  test('drop destroys the socket without an answer', async () => {
    await setup({ faults: { drop: { share: 1, count: 1 } } });
    await expect(
      fetch(`${emulator.url}/hubs/crm/contacts`, { headers: { Authorization: auth } }),
    ).rejects.toThrow('fetch failed');
    expect((await emulator.call('GET', '/hubs/crm/contacts', { auth })).status).toBe(200);
  });

  test('hang never answers until the client gives up; close() ends it', async () => {
    await setup({ faults: { hang: { share: 1 } } });
    const pending = fetch(`${emulator.url}/hubs/crm/contacts`, {
      headers: { Authorization: auth },
      signal: AbortSignal.timeout(150),
    });
    await expect(pending).rejects.toThrow(/aborted|timeout/i);
    const stuck = fetch(`${emulator.url}/hubs/crm/contacts`, { headers: { Authorization: auth } });
    await emulator.close();
    await expect(stuck).rejects.toThrow();
  });

  test('match limits faults to the calls it accepts, and the consent page is never hit', async () => {
    await setup({
      faults: { serverError: { share: 1, status: 500 }, match: ({ path }) => path.startsWith('/hubs/') },
    });
    expect((await emulator.call('GET', '/hubs/crm/contacts', { auth })).status).toBe(500);
    const url = await emulator.call(
      'GET',
      '/elements/sfdc/oauth/url?apiKey=k&apiSecret=s&callbackUrl=https://a.test/cb',
    );
    expect(url.status).toBe(200);
    emulator.faults.set({ serverError: { share: 1, status: 500 } });
    expect((await fetch(url.body.oauthUrl)).status).toBe(200);
  });

  test('set() changes the knobs at run time and clear() turns them off', async () => {
    await setup();
    expect(await statuses(1)).toEqual([200]);
    emulator.faults.set({ rateLimit: { share: 1 } });
    expect(await statuses(1)).toEqual([429]);
    emulator.faults.clear();
    expect(await statuses(1)).toEqual([200]);
  });

  test.each([
    [{ rateLimit: { share: 2 } }, 'rateLimit.share must be between 0 and 1'],
    [{ serverError: { share: 1, status: 404 } }, 'serverError.status must be 500, 502, 503 or 504'],
    [{ latencyMs: -1 }, 'latencyMs must be'],
    [{ drop: { share: 0.5, count: -1 } }, 'drop.count must be >= 0'],
  ])('invalid knobs throw a TypeError that says how to fix them (%j)', async (faults, message) => {
    await setup();
    expect(() => emulator.faults.set(faults)).toThrow(TypeError);
    expect(() => emulator.faults.set(faults)).toThrow(`[cloud-elements] emulator faults: ${message}`);
    await expect(startEmulator({ faults })).rejects.toThrow(message);
  });
});
