// Deliveries (event notifications, async request results, bulk callbacks) do not depend on what a test does to the
// globals (a mocked fetch, fake timers), and stop with the emulator: nothing is POSTed once close() was called.
import { performance as realPerformance } from 'node:perf_hooks';
import { setTimeout as realDelay } from 'node:timers/promises';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { startServer, type TestServer } from '../../helpers/http-server.js';
import { startEmulator, type Emulator } from '../../../src/testing/index.js';
import { startTestEmulator } from '../helpers.js';

/** A test emulator (its close() settles first and checks the webhooks), or a plain one for the close() tests. */
let emulator: Emulator;
let receiver: TestServer;
/** The fetch of the test runner, saved before a test stubs the global one. */
const realFetch = globalThis.fetch;

beforeEach(async () => {
  receiver = await startServer();
});
afterEach(async () => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  await emulator?.close();
  await receiver.close();
});

/** An sfdc instance whose events go to `url`, and its hub Authorization. */
function evented(url: string): string {
  const instance = emulator.createInstance({
    element: 'sfdc',
    configuration: { 'event.notification.enabled': true, 'event.notification.callback.url': url },
  });
  return emulator.credentials.authorization(instance.token);
}

/** A hub call over real HTTP with the runner's own fetch (the global one may be stubbed). */
async function hubCall(
  auth: string,
  init: { method?: string; headers?: Record<string, string>; body?: string },
) {
  const response = await realFetch(`${emulator.url}/hubs/crm/contacts`, {
    method: init.method ?? 'GET',
    headers: { Authorization: auth, ...init.headers },
    body: init.body,
  });
  await response.arrayBuffer();
  return response.status;
}

/** Whether `promise` ends within `ms` of real time (fake timers do not hold this clock). */
async function endsWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  return Promise.race([promise.then(() => true), realDelay(ms).then(() => false)]);
}

test('a stubbed global fetch neither swallows nor sees deliveries: the receiver gets them over the network', async () => {
  emulator = await startTestEmulator();
  const auth = evented(`${receiver.url}/events`);
  const mock = vi.fn(async () => new Response('ok', { status: 200 }));
  vi.stubGlobal('fetch', mock);
  const json = { 'Content-Type': 'application/json' };
  expect(await hubCall(auth, { method: 'POST', headers: json, body: '{"lastName":"Mocked"}' })).toBe(200);
  // An asynchronous request's result goes the same way.
  const async = { 'Elements-Async-Request': 'True', 'Elements-Async-Callback-Url': `${receiver.url}/async` };
  expect(await hubCall(auth, { headers: async })).toBe(200);
  await emulator.settle();
  expect(mock).not.toHaveBeenCalled();
  expect(receiver.requests.map((request) => request.path).sort()).toEqual(['/async', '/events']);
  const event = receiver.requests.find((request) => request.path === '/events')!;
  expect(event.headers['content-type']).toBe('application/json');
  expect(event.headers['elements-webhook-id']).toMatch(/^[0-9a-f]+$/);
  expect((event.json as { message: { events: unknown[] } }).message.events).toHaveLength(1);
  expect(emulator.state.deliveries.map((delivery) => delivery.status)).toEqual([200, 200]);
});

test('a delivery answered by a redirect records the 3xx and does not follow it', async () => {
  await receiver.close();
  receiver = await startServer((request, res) => {
    res.writeHead(request.path === '/moved' ? 302 : 200, { Location: '/elsewhere' });
    res.end();
  });
  emulator = await startTestEmulator({ eventRetryDelaysMs: [] });
  const auth = evented(`${receiver.url}/moved`);
  await hubCall(auth, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{"lastName":"R"}',
  });
  await emulator.settle();
  expect(receiver.requests.map((request) => request.path)).toEqual(['/moved']);
  expect(emulator.state.deliveries[0]!.status).toBe(302);
});

test('under vi.useFakeTimers(), settle() still ends after an asynchronous request', async () => {
  emulator = await startTestEmulator();
  const instance = emulator.createInstance({ element: 'sfdc' });
  vi.useFakeTimers();
  const async = { 'Elements-Async-Request': 'True', 'Elements-Async-Callback-Url': `${receiver.url}/async` };
  expect(await hubCall(emulator.credentials.authorization(instance.token), { headers: async })).toBe(200);
  expect(await endsWithin(emulator.settle(), 2_000)).toBe(true);
  expect(receiver.requests.map((request) => request.path)).toEqual(['/async']);
});

test('under vi.useFakeTimers(), a receiver that never answers still costs deliveryTimeoutMs once', async () => {
  await receiver.close();
  receiver = await startServer(() => undefined);
  emulator = await startTestEmulator({ deliveryTimeoutMs: 300 });
  const auth = evented(`${receiver.url}/hangs`);
  vi.useFakeTimers();
  await hubCall(auth, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{"lastName":"H"}',
  });
  const started = realPerformance.now();
  expect(await endsWithin(emulator.settle(), 2_000)).toBe(true);
  expect(realPerformance.now() - started).toBeLessThan(1_000);
  const delivery = emulator.state.deliveries[0]!;
  expect(delivery.attempts).toHaveLength(1);
  expect(delivery.error).toBe('timeout');
});

test('close() aborts a POST in flight: it is recorded as aborted and settle() does not wait for it', async () => {
  await receiver.close();
  receiver = await startServer(() => undefined);
  emulator = await startEmulator();
  const auth = evented(`${receiver.url}/hangs`);
  await hubCall(auth, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{"lastName":"C"}',
  });
  await vi.waitFor(() => expect(receiver.requests).toHaveLength(1));
  await emulator.close();
  expect(await endsWithin(emulator.settle(), 1_000)).toBe(true);
  const delivery = emulator.state.deliveries[0]!;
  expect(delivery.attempts).toHaveLength(1);
  expect(delivery.error).toBe('aborted');
});

test('after close(), a bulk job finished by tickBulkJobs() POSTs no callback', async () => {
  emulator = await startEmulator({ bulk: { progress: 'manual' } });
  const instance = emulator.createInstance({ element: 'sfdc' });
  const created = await realFetch(
    `${emulator.url}/hubs/crm/bulk/query?q=${encodeURIComponent('select * from contacts')}`,
    {
      method: 'POST',
      headers: {
        Authorization: emulator.credentials.authorization(instance.token),
        'Elements-Async-Callback-Url': `${receiver.url}/bulk`,
      },
    },
  );
  await created.arrayBuffer();
  expect(created.status).toBe(200);
  await emulator.close();
  emulator.tickBulkJobs(5);
  await emulator.settle();
  await realDelay(100);
  expect(receiver.requests).toEqual([]);
  expect(emulator.state.deliveries).toEqual([]);
});
