import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { startEmulator } from '../../../src/testing/index.js';
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
/** An sfdc instance of `on` whose events are POSTed, unsigned, to `url`; its hub Authorization. */
function callbackInstance(on: TestEmulator, url: string) {
  const instance = on.createInstance({
    element: 'sfdc',
    configuration: { 'event.notification.enabled': true, 'event.notification.callback.url': url },
  });
  return on.hubAuth(instance.token);
}

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

test('documents changes are notified in the response form, as Cloud Elements sends them', async () => {
  const spec = await loadSpecValidator();
  const { instance, auth } = eventsInstance('sfdcdocuments');
  await emulator.call('POST', '/hubs/documents/files?path=/a.txt', {
    auth,
    body: fileForm('x', 'a.txt', 'text/plain'),
  });
  // The request of devportal's folder-create example (docs/guides/event-management/triggering.md).
  await emulator.call('POST', '/hubs/documents/folders?path=/testfoldercreate', {
    auth,
    body: { path: '/TestFolderCreate', name: 'TestFolderCreate' },
  });
  await emulator.settle();
  const bodies = receiver.requests.map((request) => request.json as any);
  expect(bodies.map((body) => body.response.events)).toEqual([
    [{ path: '/a.txt', metadata: { path: '/a.txt', name: 'a.txt', type: 'file' } }],
    [
      {
        path: '/TestFolderCreate',
        metadata: { path: '/TestFolderCreate', name: 'TestFolderCreate', type: 'folder' },
      },
    ],
  ]);
  for (const body of bodies) {
    expect(body).toMatchObject({
      eventId: expect.any(Number),
      instanceId: instance.id,
      notificationId: expect.any(Number),
    });
    expect(body).not.toHaveProperty('message');
    expect(spec.validateWebhook(body)).toEqual([]);
  }
  for (const request of receiver.requests) {
    const signature = expectedSignature(request.body, 'MySecretEventSignatureKey');
    expect(request.headers['elements-webhook-signature']).toBe(signature);
  }
});

test('a failing receiver is recorded in state.deliveries, not thrown', async () => {
  await receiver.close();
  receiver = await startServer((_request, res) => sendJson(res, 500, { oops: true }));
  const { auth } = eventsInstance('sfdc');
  const closed = await startServer();
  await closed.close();
  const unreachableAuth = callbackInstance(emulator, `${closed.url}/gone`);
  await emulator.call('POST', '/hubs/crm/contacts', { auth, body: { lastName: 'A' } });
  const created = await emulator.call('POST', '/hubs/crm/contacts', {
    auth: unreachableAuth,
    body: { lastName: 'B' },
  });
  expect(created.status).toBe(200);
  await emulator.settle();
  expect(emulator.state.deliveries[0]!.status).toBe(500);
  expect(emulator.state.deliveries[1]!.error).toBe('ECONNREFUSED');
});

describe('redelivery (reference §14.6: up to 9 retries)', () => {
  test('a notification the receiver answers 500 is POSTed again, unchanged, until it is taken', async () => {
    await receiver.close();
    receiver = await startServer((_request, res, index) => sendJson(res, index < 2 ? 500 : 200, {}));
    const { auth } = eventsInstance('sfdc');
    await emulator.call('POST', '/hubs/crm/contacts', { auth, body: { lastName: 'Retried' } });
    await emulator.settle();

    expect(receiver.requests).toHaveLength(3);
    const [first, ...again] = receiver.requests;
    for (const request of again) {
      expect(request.text).toBe(first!.text);
      expect(request.headers['elements-webhook-id']).toBe(first!.headers['elements-webhook-id']);
      expect(request.headers['elements-webhook-signature']).toBe(
        expectedSignature(request.body, 'MySecretEventSignatureKey'),
      );
    }
    expect(emulator.state.deliveries).toHaveLength(1);
    const delivery = emulator.state.deliveries[0]!;
    expect(delivery.attempts.map((attempt) => attempt.status)).toEqual([500, 500, 200]);
    expect(delivery.status).toBe(200);
  });

  test('an unreachable receiver is tried 10 times in all, then given up, and settle() ends soon', async () => {
    const closed = await startServer();
    await closed.close();
    const { auth } = eventsInstance('sfdc', { 'event.notification.callback.url': `${closed.url}/gone` });
    await emulator.call('POST', '/hubs/crm/contacts', { auth, body: { lastName: 'Lost' } });
    const started = performance.now();
    await emulator.settle();
    // The default schedule is Cloud Elements' read in microseconds: about 350 ms of waiting in all.
    expect(performance.now() - started).toBeLessThan(3_000);
    const delivery = emulator.state.deliveries[0]!;
    expect(delivery.attempts).toHaveLength(10);
    expect(new Set(delivery.attempts.map((attempt) => attempt.error))).toEqual(new Set(['ECONNREFUSED']));
    expect(delivery.error).toBe('ECONNREFUSED');
  });

  test('eventRetryDelaysMs sets the schedule, and [] turns retries off', async () => {
    const failing = await startServer((_request, res) => sendJson(res, 503, {}));
    try {
      for (const [delays, tries] of [
        [[40, 80], 3],
        [[], 1],
      ] as const) {
        const custom = await startTestEmulator({ eventRetryDelaysMs: delays });
        await custom.call('POST', '/hubs/crm/contacts', {
          auth: callbackInstance(custom, `${failing.url}/${delays.length}`),
          body: { lastName: 'Scheduled' },
        });
        await custom.settle();
        const times = custom.state.deliveries[0]!.attempts.map((attempt) => Date.parse(attempt.date));
        expect(times).toHaveLength(tries);
        if (tries === 3) {
          expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(35);
          expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(75);
        }
        await custom.close();
      }
    } finally {
      await failing.close();
    }
  });

  test('close() cancels redeliveries still waiting', async () => {
    const failing = await startServer((_request, res) => sendJson(res, 500, {}));
    const waiting = await startEmulator({ eventRetryDelaysMs: [60_000], deliveryTimeoutMs: 120_000 });
    const instance = waiting.createInstance({
      element: 'sfdc',
      configuration: {
        'event.notification.enabled': true,
        'event.notification.callback.url': `${failing.url}/late`,
      },
    });
    await fetch(`${waiting.url}/hubs/crm/contacts`, {
      method: 'POST',
      headers: {
        Authorization: waiting.credentials.authorization(instance.token),
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ lastName: 'Late' }),
    });
    await expect.poll(() => waiting.state.deliveries[0]?.attempts.length).toBe(1);
    await waiting.close();
    const started = performance.now();
    await waiting.settle();
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(failing.requests).toHaveLength(1);
    await failing.close();
  });

  test('rejects a schedule that is not a list of delays a timer can hold, and a bad deliveryTimeoutMs', async () => {
    await expect(startEmulator({ eventRetryDelaysMs: [-1] })).rejects.toThrow(/eventRetryDelaysMs/);
    // A longer timer fires at once, with a TimeoutOverflowWarning: the retry would come at once.
    await expect(startEmulator({ eventRetryDelaysMs: [3e9] })).rejects.toThrow(/from 0 to 2147483647/);
    await expect(startEmulator({ deliveryTimeoutMs: 0 })).rejects.toThrow(/deliveryTimeoutMs/);
  });

  test('a receiver that never answers is tried once: the delivery, its retries included, ends at deliveryTimeoutMs', async () => {
    // Each try used to have 10 s of its own: settle() waited 100 s for a receiver that hangs.
    const silent = await startServer(() => undefined);
    const quick = await startTestEmulator({ deliveryTimeoutMs: 300 });
    try {
      await quick.call('POST', '/hubs/crm/contacts', {
        auth: callbackInstance(quick, `${silent.url}/hangs`),
        body: { lastName: 'Unheard' },
      });
      const started = performance.now();
      await quick.settle();
      expect(performance.now() - started).toBeLessThan(2_000);
      const delivery = quick.state.deliveries[0]!;
      expect(delivery.attempts).toHaveLength(1);
      expect(delivery.attempts[0]!.status).toBeUndefined();
    } finally {
      await quick.close();
      await silent.close();
    }
  });

  test('many deliveries waiting for a retry at once raise no listener-leak warning', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    const failing = await startServer((_request, res) => sendJson(res, 500, {}));
    const patient = await startTestEmulator({ eventRetryDelaysMs: [100] });
    try {
      const auth = callbackInstance(patient, `${failing.url}/busy`);
      await Promise.all(
        Array.from({ length: 15 }, (_, i) =>
          patient.call('POST', '/hubs/crm/contacts', { auth, body: { lastName: `Waiting ${i}` } }),
        ),
      );
      await patient.settle();
      expect(failing.requests).toHaveLength(30);
      // A warning is emitted on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings).not.toContain('MaxListenersExceededWarning');
    } finally {
      process.off('warning', onWarning);
      await patient.close();
      await failing.close();
    }
  });
});

describe('bulk uploads', () => {
  async function upload(auth: string, csv: string, metaData?: unknown) {
    receiver.requests.length = 0;
    const job = await emulator.call('POST', '/hubs/crm/bulk/contacts', {
      auth,
      body: fileForm(csv, 'contacts.csv', 'text/csv', metaData),
    });
    emulator.tickBulkJobs(3);
    await emulator.settle();
    const done = await emulator.call('GET', `/hubs/crm/bulk/${job.body.id}/status`, { auth });
    expect(done.body.status).toBe('COMPLETED');
    return receiver.requests.map((request) => (request.json as any).message);
  }

  const rows = (count: number) =>
    `lastName,email\n${Array.from({ length: count }, (_, i) => `L${i},p${i}@example.com`).join('\n')}\n`;

  test('the records created are notified, 20 events to a webhook notification', async () => {
    const { auth } = eventsInstance('sfdc', { 'event.vendor.type': 'webhook' });
    const messages = await upload(auth, rows(45));
    expect(messages.map((message) => message.events.length)).toEqual([20, 20, 5]);
    const events = messages.flatMap((message) => message.events);
    expect(new Set(events.map((event: any) => event.eventType))).toEqual(new Set(['CREATED']));
    expect(new Set(events.map((event: any) => event.objectId)).size).toBe(45);
    // Each notification's raw holds the records of its events.
    expect(messages[2].raw.contacts.map((record: any) => record.id)).toEqual(
      messages[2].events.map((event: any) => event.objectId),
    );
  });

  test('a polling instance gets 10 events to a notification, and upserted records are UPDATED', async () => {
    const { auth } = eventsInstance('sfdc', { 'event.vendor.type': 'polling' });
    expect((await upload(auth, rows(12))).map((message) => message.events.length)).toEqual([10, 2]);
    const upserted = await upload(auth, 'lastName,email\nNew,p1@example.com\nOther,new@example.com\n', {
      identifierFieldName: 'email',
    });
    expect(upserted.flatMap((message) => message.events.map((event: any) => event.eventType))).toEqual([
      'UPDATED',
      'CREATED',
    ]);
  });
});

describe('deliveryLogSize: the log keeps the most recent deliveries', () => {
  test('with deliveryLogSize 3, five record changes leave the last 3 deliveries in state.deliveries, in order', async () => {
    const small = await startTestEmulator({ deliveryLogSize: 3 });
    try {
      const auth = callbackInstance(small, `${receiver.url}/kept`);
      for (let i = 0; i < 5; i++) {
        await small.call('POST', '/hubs/crm/contacts', { auth, body: { lastName: `L${i}` } });
      }
      await small.settle();
      expect(receiver.requests).toHaveLength(5);
      const kept = small.state.deliveries;
      expect(kept.map((delivery) => JSON.parse(delivery.body).message.raw.contacts[0].lastName)).toEqual([
        'L2',
        'L3',
        'L4',
      ]);
      expect(kept.map((delivery) => delivery.id)).toEqual(
        receiver.requests.slice(2).map((request) => request.headers['elements-webhook-id']),
      );
      expect(kept.map((delivery) => delivery.status)).toEqual([200, 200, 200]);
    } finally {
      await small.close();
    }
  });

  test('settle() still waits for a delivery dropped from the log while in flight, retries included', async () => {
    let slowTries = 0;
    const slow = await startServer(async (_request, res) => {
      const attempt = slowTries++;
      await new Promise((resolve) => setTimeout(resolve, 250));
      sendJson(res, attempt === 0 ? 500 : 200, {});
    });
    const small = await startTestEmulator({ deliveryLogSize: 1 });
    try {
      await small.call('POST', '/hubs/crm/contacts', {
        auth: callbackInstance(small, `${slow.url}/slow`),
        body: { lastName: 'Slow' },
      });
      const dropped = small.state.deliveries[0]!;
      expect(dropped.url).toBe(`${slow.url}/slow`);
      await small.call('POST', '/hubs/crm/contacts', {
        auth: callbackInstance(small, `${receiver.url}/fast`),
        body: { lastName: 'Fast' },
      });
      // The slow delivery left the log while its first POST was still waiting for an answer.
      expect(small.state.deliveries).toHaveLength(1);
      expect(small.state.deliveries).not.toContain(dropped);
      expect(dropped.attempts).toEqual([]);

      await small.settle();
      // settle() waited for the first try (500), the retry and its answer (200), which still updated the entry.
      expect(slowTries).toBe(2);
      expect(dropped.attempts.map((attempt) => attempt.status)).toEqual([500, 200]);
      expect(dropped.status).toBe(200);
      expect(small.state.pending.size).toBe(0);
    } finally {
      await small.close();
      await slow.close();
    }
  });

  test('deliveryLogSize 0 keeps no delivery, yet each is still sent and awaited', async () => {
    const none = await startTestEmulator({ deliveryLogSize: 0 });
    try {
      const auth = callbackInstance(none, `${receiver.url}/unlogged`);
      await none.call('POST', '/hubs/crm/contacts', { auth, body: { lastName: 'Unlogged' } });
      await none.settle();
      expect(receiver.requests.map((request) => request.path)).toEqual(['/unlogged']);
      expect(none.state.deliveries).toEqual([]);
    } finally {
      await none.close();
    }
  });

  test('rejects a deliveryLogSize that is not a whole number, 0 or more', async () => {
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '3']) {
      await expect(startEmulator({ deliveryLogSize: bad as number })).rejects.toThrow(
        new TypeError(
          '[cloud-elements] emulator deliveryLogSize must be a whole number of deliveries, 0 or more.',
        ),
      );
    }
  });
});
