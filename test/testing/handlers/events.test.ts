import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { loadSpecValidator } from '../../helpers/spec-validator.js';
import { sendJson, startServer, type TestServer } from '../../helpers/http-server.js';
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
});

function eventsInstance(element: string, extra: Record<string, unknown> = {}) {
  const instance = emulator.createInstance({
    element,
    name: 'Evented',
    tags: ['team-a'],
    configuration: {
      'event.notification.enabled': true,
      'event.notification.callback.url': `${receiver.url}/ce-events`,
      'event.notification.signature.key': 'MySecretEventSignatureKey',
      ...extra,
    },
  });
  return { instance, auth: emulator.hubAuth(instance.token) };
}

/** What a receiver checks: sha256= + base64 HMAC-SHA256 of the raw body, computed here independently. */
function expectedSignature(body: Buffer, key: string): string {
  return `sha256=${createHmac('sha256', key).update(body).digest('base64')}`;
}

test('create, update and delete each POST a signed notification in the spec’s shape', async () => {
  const spec = await loadSpecValidator();
  const { instance, auth } = eventsInstance('sfdc');
  const created = await emulator.call('POST', '/hubs/crm/contacts', { auth, body: { lastName: 'Lovelace' } });
  const id = created.body.id as string;
  await emulator.call('PATCH', `/hubs/crm/contacts/${id}`, { auth, body: { firstName: 'Ada' } });
  await emulator.call('DELETE', `/hubs/crm/contacts/${id}`, { auth });
  await emulator.settle();

  expect(receiver.requests.map((request) => request.path)).toEqual([
    '/ce-events',
    '/ce-events',
    '/ce-events',
  ]);
  const types = [];
  for (const request of receiver.requests) {
    expect(request.method).toBe('POST');
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['elements-webhook-signature']).toBe(
      expectedSignature(request.body, 'MySecretEventSignatureKey'),
    );
    expect(request.headers['elements-webhook-id']).toBeTruthy();
    expect(spec.validateWebhook(request.json)).toEqual([]);
    const message = (request.json as { message: any }).message;
    expect(message).toMatchObject({ elementKey: 'sfdc', instanceId: instance.id, instanceTags: ['team-a'] });
    expect(message.events[0]).toMatchObject({ objectType: 'contacts', objectId: id, hubKey: 'crm' });
    expect(message.raw.contacts[0].id).toBe(id);
    types.push(message.events[0].eventType);
  }
  expect(types).toEqual(['CREATED', 'UPDATED', 'DELETED']);
  expect(emulator.state.deliveries.map((delivery) => delivery.status)).toEqual([200, 200, 200]);
});

test('the signature matches the documented test vector scheme', () => {
  // Reference §17: key MySecretEventSignatureKey over this literal body.
  const body = Buffer.from('<INSERT_EVENT_NOTIFICATION_RESPONSE_BODY>');
  expect(expectedSignature(body, 'MySecretEventSignatureKey')).toBe(
    'sha256=jHdbRx5EZAsOfTwAPJOGkNUzQMVVdu5VJlxcsk+G6jQ=',
  );
});

test('no notification is sent while events are off, and none is signed without a key', async () => {
  const quiet = emulator.createInstance({
    element: 'sfdc',
    configuration: { 'event.notification.callback.url': `${receiver.url}/off` },
  });
  await emulator.call('POST', '/hubs/crm/contacts', {
    auth: emulator.hubAuth(quiet.token),
    body: { lastName: 'Q' },
  });
  const unsigned = emulator.createInstance({
    element: 'sfdc',
    configuration: {
      'event.notification.enabled': 'true',
      'event.notification.callback.url': `${receiver.url}/on`,
    },
  });
  await emulator.call('POST', '/hubs/crm/contacts', {
    auth: emulator.hubAuth(unsigned.token),
    body: { lastName: 'U' },
  });
  await emulator.settle();
  expect(receiver.requests.map((request) => request.path)).toEqual(['/on']);
  expect(receiver.requests[0]!.headers).not.toHaveProperty('elements-webhook-signature');
});

test('event.objects limits the notifications to the objects named', async () => {
  const { auth } = eventsInstance('sfdc', { 'event.objects': 'Account,Opportunity' });
  await emulator.call('POST', '/hubs/crm/contacts', { auth, body: { lastName: 'Skipped' } });
  await emulator.call('POST', '/hubs/crm/accounts', { auth, body: { name: 'Sent' } });
  await emulator.settle();
  expect(receiver.requests).toHaveLength(1);
  expect((receiver.requests[0]!.json as any).message.events[0].objectType).toBe('accounts');
});

test('documents changes are notified too', async () => {
  const { auth } = eventsInstance('sfdcdocuments');
  await emulator.call('POST', '/hubs/documents/files?path=/a.txt', {
    auth,
    body: fileForm('x', 'a.txt', 'text/plain'),
  });
  await emulator.settle();
  const event = (receiver.requests[0]!.json as any).message.events[0];
  expect(event).toMatchObject({ objectType: 'files', eventType: 'CREATED', hubKey: 'documents' });
});

test('a failing receiver is recorded in state.deliveries, not thrown', async () => {
  await receiver.close();
  receiver = await startServer((_request, res) => sendJson(res, 500, { oops: true }));
  const { auth } = eventsInstance('sfdc');
  const closed = await startServer();
  await closed.close();
  const unreachable = emulator.createInstance({
    element: 'sfdc',
    configuration: {
      'event.notification.enabled': true,
      'event.notification.callback.url': `${closed.url}/gone`,
    },
  });
  await emulator.call('POST', '/hubs/crm/contacts', { auth, body: { lastName: 'A' } });
  const created = await emulator.call('POST', '/hubs/crm/contacts', {
    auth: emulator.hubAuth(unreachable.token),
    body: { lastName: 'B' },
  });
  expect(created.status).toBe(200);
  await emulator.settle();
  expect(emulator.state.deliveries[0]!.status).toBe(500);
  expect(emulator.state.deliveries[1]!.error).toBe('ECONNREFUSED');
});
