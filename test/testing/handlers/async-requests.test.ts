// `Elements-Async-Request: True` (reference §14.7): the call answers at once with the event that will carry its
// result, then the result is POSTed, signed, to the request's callback URL or the instance's.
import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { startServer, type TestServer } from '../../helpers/http-server.js';
import { fileForm, startTestEmulator, type TestEmulator } from '../helpers.js';

let emulator: TestEmulator;
let receiver: TestServer;
beforeEach(async () => {
  emulator = await startTestEmulator();
  receiver = await startServer();
});
afterEach(async () => {
  await emulator.close();
  await receiver.close();
  expect(emulator.violations).toEqual([]);
});

const ASYNC = { 'Elements-Async-Request': 'True' };
// Strict mode checks the immediate answer against HubAsyncRequestAccepted; the test's own check would hold it
// against the operation's 200 (a contact, a list).
const ACCEPTED =
  'answers HubAsyncRequestAccepted in place of the operation’s 200 (spec: Elements-Async-Request)';

function sfdc(configuration: Record<string, unknown> = {}) {
  const instance = emulator.createInstance({ element: 'sfdc', configuration });
  return { instance, auth: emulator.hubAuth(instance.token) };
}

test('answers { eventId, eventStatus: dispatched } at once, then POSTs the result to Elements-Async-Callback-Url', async () => {
  const { instance, auth } = sfdc({ 'event.notification.signature.key': 'k3y' });
  const accepted = await emulator.call('POST', '/hubs/crm/contacts', {
    auth,
    body: { lastName: 'Async' },
    headers: { ...ASYNC, 'Elements-Async-Callback-Url': `${receiver.url}/async` },
    unchecked: ACCEPTED,
  });
  expect(accepted.status).toBe(200);
  expect(accepted.body).toEqual({ eventId: expect.any(Number), eventStatus: 'dispatched' });
  await emulator.settle();

  expect(receiver.requests.map((request) => request.path)).toEqual(['/async']);
  const callback = receiver.requests[0]!;
  expect(callback.headers['elements-webhook-signature']).toBe(
    `sha256=${createHmac('sha256', 'k3y').update(callback.body).digest('base64')}`,
  );
  const result = callback.json as any;
  expect(result).toMatchObject({ eventId: accepted.body.eventId, instanceId: instance.id });
  expect(result.notificationId).toEqual(expect.any(Number));
  expect(result.response.events).toEqual([expect.objectContaining({ lastName: 'Async' })]);
  // The operation ran: the contact is stored.
  const listed = await emulator.call('GET', '/hubs/crm/contacts', { auth });
  expect(listed.body.map((contact: { lastName: string }) => contact.lastName)).toEqual(['Async']);
});

test('reports to the instance’s event.notification.callback.url without the header; a list is answered too', async () => {
  const { auth } = sfdc({ 'event.notification.callback.url': `${receiver.url}/instance-callback` });
  emulator.state.records([...emulator.state.instances.keys()][0]!, 'contacts').set('c1', { id: 'c1' });
  const accepted = await emulator.call('GET', '/hubs/crm/contacts', {
    auth,
    headers: { 'elements-async-request': 'true' },
    unchecked: ACCEPTED,
  });
  expect(accepted.body.eventStatus).toBe('dispatched');
  await emulator.settle();
  expect(receiver.requests.map((request) => request.path)).toEqual(['/instance-callback']);
  expect((receiver.requests[0]!.json as any).response.events).toEqual([
    expect.objectContaining({ id: 'c1' }),
  ]);
});

test('is a 400 without a callback URL, and the operation does not run', async () => {
  const { auth } = sfdc();
  const refused = await emulator.call('POST', '/hubs/crm/contacts', {
    auth,
    body: { lastName: 'Nowhere' },
    headers: ASYNC,
  });
  expect(refused.status).toBe(400);
  expect(refused.body.message).toMatch(/Elements-Async-Callback-Url/);
  await emulator.settle();
  expect((await emulator.call('GET', '/hubs/crm/contacts', { auth })).body).toEqual([]);
  expect(emulator.state.deliveries).toEqual([]);
});

test('a request that fails reports its status and error body in the callback', async () => {
  const { auth } = sfdc();
  await emulator.call('GET', '/hubs/crm/contacts/003000000000000999', {
    auth,
    headers: { ...ASYNC, 'Elements-Async-Callback-Url': `${receiver.url}/async` },
    unchecked: ACCEPTED,
  });
  await emulator.settle();
  const response = (receiver.requests[0]!.json as any).response;
  expect(response).toMatchObject({ events: [], status: 404, error: { message: expect.any(String) } });
});

test('a documents copy reports each item as { path, metadata } (the documented form)', async () => {
  const instance = emulator.createInstance({
    element: 'sfdcdocuments',
    configuration: { 'event.notification.callback.url': `${receiver.url}/docs` },
  });
  const auth = emulator.hubAuth(instance.token);
  await emulator.call('POST', '/hubs/documents/files?path=/a.txt', {
    auth,
    body: fileForm('x', 'a.txt', 'text/plain'),
  });
  const accepted = await emulator.call('POST', '/hubs/documents/files/copy?path=/a.txt', {
    auth,
    body: { path: '/b.txt' },
    headers: ASYNC,
  });
  expect(accepted.body.eventStatus).toBe('dispatched');
  await emulator.settle();
  const copied = receiver.requests.find(
    (request) => request.path === '/docs' && 'response' in (request.json as object),
  );
  expect((copied!.json as any).response.events).toEqual([
    { path: '/b.txt', metadata: { path: '/b.txt', name: 'b.txt', type: 'file' } },
  ]);
});
