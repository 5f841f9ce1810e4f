import { afterEach, describe, expect, test } from 'vitest';
import { signWebhookBody } from '../../../src/testing/index.js';
import { startServer, type TestServer } from '../../helpers/http-server.js';
import { loadSpecValidator } from '../../helpers/spec-validator.js';
import { fileForm, startTestEmulator, type TestEmulator } from '../helpers.js';

let emulator: TestEmulator;
let receiver: TestServer | undefined;

afterEach(async () => {
  await emulator.close();
  await receiver?.close();
  receiver = undefined;
});

async function setup(progress: 'manual' | 'poll' | 'time', configuration?: Record<string, unknown>) {
  emulator = await startTestEmulator({ bulk: { progress, stepMs: 5 } });
  const instance = emulator.createInstance({ element: 'sfdc', ...(configuration ? { configuration } : {}) });
  const auth = emulator.hubAuth(instance.token);
  const people = [
    { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', age: 36 },
    { firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com', age: 85 },
    { firstName: 'Alan, Jr.', lastName: 'Turing "AT"', email: 'alan@example.com', age: 41 },
  ];
  for (const body of people) await emulator.call('POST', '/hubs/crm/contacts', { auth, body });
  return auth;
}

async function startQuery(auth: string, q: string, headers?: Record<string, string>) {
  return emulator.call('POST', `/hubs/crm/bulk/query?q=${encodeURIComponent(q)}`, {
    auth,
    ...(headers ? { headers } : {}),
  });
}

async function status(auth: string, id: string): Promise<string> {
  return (await emulator.call('GET', `/hubs/crm/bulk/${id}/status`, { auth })).body.status;
}

describe('bulk query jobs', () => {
  test('move CREATED → QUEUED → RUNNING → COMPLETED, one state per tick', async () => {
    const auth = await setup('manual');
    const job = await startQuery(auth, 'select * from contacts');
    expect(job.body).toMatchObject({ status: 'CREATED' });
    const seen = [await status(auth, job.body.id)];
    for (let tick = 0; tick < 4; tick++) {
      emulator.tickBulkJobs();
      seen.push(await status(auth, job.body.id));
    }
    expect(seen).toEqual(['CREATED', 'QUEUED', 'RUNNING', 'COMPLETED', 'COMPLETED']);
  });

  test('move one state per status read in poll mode', async () => {
    const auth = await setup('poll');
    const job = await startQuery(auth, 'select * from contacts');
    const seen: string[] = [];
    for (let read = 0; read < 5; read++) seen.push(await status(auth, job.body.id));
    expect(seen).toEqual(['CREATED', 'QUEUED', 'RUNNING', 'COMPLETED', 'COMPLETED']);
  });

  test('complete on their own over time', async () => {
    const auth = await setup('time');
    const job = await startQuery(auth, 'select * from contacts');
    let current = job.body.status as string;
    const seen = new Set([current]);
    while (current !== 'COMPLETED') {
      await new Promise((resolve) => setTimeout(resolve, 2));
      current = await status(auth, job.body.id);
      seen.add(current);
    }
    expect([...seen][0]).toBe('CREATED');
    const report = await emulator.call('GET', `/hubs/crm/bulk/${job.body.id}/status`, { auth });
    expect(report.body).toMatchObject({ recordsCount: 3, recordsFailedCount: 0 });
  });

  test('download the selected records as NDJSON or CSV', async () => {
    const auth = await setup('manual');
    const job = await startQuery(
      auth,
      'select firstName, lastName from contacts where age > 40 order by age desc',
    );
    emulator.tickBulkJobs(3);
    const ndjson = await emulator.call('GET', `/hubs/crm/bulk/${job.body.id}/contacts`, {
      auth,
      headers: { Accept: 'application/json' },
      as: 'text',
    });
    expect(ndjson.headers.get('content-type')).toBe('application/json');
    const lines = ndjson.text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toEqual([
      { firstName: 'Grace', lastName: 'Hopper' },
      { firstName: 'Alan, Jr.', lastName: 'Turing "AT"' },
    ]);
    const csv = await emulator.call('GET', `/hubs/crm/bulk/${job.body.id}/contacts`, {
      auth,
      headers: { Accept: 'text/csv' },
      as: 'text',
    });
    expect(csv.text).toBe('firstName,lastName\r\nGrace,Hopper\r\n"Alan, Jr.","Turing ""AT"""\r\n');
  });

  test('honour limit, and answer 404 for results before completion or of another object', async () => {
    const auth = await setup('manual');
    const job = await startQuery(auth, 'SELECT * FROM contacts LIMIT 1');
    const early = await emulator.call('GET', `/hubs/crm/bulk/${job.body.id}/contacts`, { auth, as: 'text' });
    expect(early.status).toBe(404);
    expect(early.body.message).toContain('CREATED');
    emulator.tickBulkJobs(3);
    const done = await emulator.call('GET', `/hubs/crm/bulk/${job.body.id}/contacts`, { auth, as: 'text' });
    expect(done.text.trimEnd().split('\n')).toHaveLength(1);
    expect(
      (await emulator.call('GET', `/hubs/crm/bulk/${job.body.id}/accounts`, { auth, as: 'text' })).status,
    ).toBe(404);
  });

  test.each([
    'select from contacts',
    'select * contacts',
    "select * from contacts where name = 'x",
    'delete contacts',
  ])('answer 400 "Error parsing query" for %s', async (q) => {
    const auth = await setup('manual');
    const response = await startQuery(auth, q);
    expect(response.status).toBe(400);
    expect(response.body.message).toContain('Error parsing query');
  });

  test('query an object whose name has a hyphen (ledger-accounts); elsewhere - stays a minus sign', async () => {
    emulator = await startTestEmulator({ bulk: { progress: 'manual', stepMs: 5 } });
    const auth = emulator.hubAuth(emulator.createInstance({ element: 'quickbooks' }).token);
    for (const body of [
      { name: 'Petty cash', accountType: 'Bank', balance: 5 },
      { name: 'Loan', accountType: 'Liability', balance: -20 },
    ])
      expect((await emulator.call('POST', '/hubs/finance/ledger-accounts', { auth, body })).status).toBe(200);
    const query = (q: string) =>
      emulator.call('POST', `/hubs/finance/bulk/query?q=${encodeURIComponent(q)}`, { auth });
    const results = async (q: string) => {
      const job = await query(q);
      expect(job.status, job.text).toBe(200);
      expect(job.body.status).toBe('CREATED');
      emulator.tickBulkJobs(3);
      const ndjson = await emulator.call('GET', `/hubs/finance/bulk/${job.body.id}/ledger-accounts`, {
        auth,
        headers: { Accept: 'application/json' },
        as: 'text',
      });
      return ndjson.text
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line).name);
    };
    expect(await results('select * from ledger-accounts')).toEqual(['Petty cash', 'Loan']);
    expect(await results('SELECT name FROM ledger-accounts WHERE balance > -1 ORDER BY name')).toEqual([
      'Petty cash',
    ]);
    expect(await results('select name from ledger-accounts where balance < -1')).toEqual(['Loan']);
    // Field names take no hyphen: `name-x` is the field `name` then `-x`, as before.
    for (const q of [
      'select name-x from ledger-accounts',
      'select * from ledger-accounts where balance-1 > 0',
      'select * from ledger-',
    ]) {
      const refused = await query(q);
      expect(refused.status, q).toBe(400);
      expect(refused.body.message, q).toContain('Error parsing query');
    }
  });

  test('continue an earlier job by continueFromJobId without q, with its query; 404 for an unknown job', async () => {
    const auth = await setup('manual');
    const first = await startQuery(
      auth,
      'select firstName from contacts where age > 40 order by age desc limit 1',
    );
    const next = await emulator.call('POST', `/hubs/crm/bulk/query?continueFromJobId=${first.body.id}`, {
      auth,
    });
    expect(next.status).toBe(200);
    expect(next.body).toMatchObject({ status: 'CREATED' });
    expect(next.body.id).not.toBe(first.body.id);
    emulator.tickBulkJobs(3);
    const results = await emulator.call('GET', `/hubs/crm/bulk/${next.body.id}/contacts`, {
      auth,
      headers: { Accept: 'application/json' },
      as: 'text',
    });
    // The same select: the one field, the same filter and order.
    expect(results.text).toBe('{"firstName":"Grace"}\n');
    const unknown = await emulator.call('POST', '/hubs/crm/bulk/query?continueFromJobId=424242', { auth });
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toContain('424242');
    // Without either, q is still required.
    expect((await emulator.call('POST', '/hubs/crm/bulk/query', { auth })).status).toBe(400);
  });

  test('answer 404 for an object the element lacks and for an unknown job', async () => {
    const auth = await setup('manual');
    expect((await startQuery(auth, 'select * from widgets')).status).toBe(404);
    expect((await emulator.call('GET', '/hubs/crm/bulk/424242/status', { auth })).status).toBe(404);
  });

  test('cancel stops a running job for good', async () => {
    const auth = await setup('manual');
    const job = await startQuery(auth, 'select * from contacts');
    emulator.tickBulkJobs();
    expect((await emulator.call('PUT', `/hubs/crm/bulk/${job.body.id}/cancel`, { auth })).status).toBe(200);
    emulator.tickBulkJobs(5);
    expect(await status(auth, job.body.id)).toBe('CANCELLED');
  });

  test('POST a signed callback to Elements-Async-Callback-Url when the job ends', async () => {
    receiver = await startServer();
    const auth = await setup('manual', { 'event.notification.signature.key': 'bulk-key' });
    const job = await startQuery(auth, 'select * from contacts', {
      'Elements-Async-Callback-Url': `${receiver.url}/bulk`,
    });
    emulator.tickBulkJobs(3);
    await emulator.settle();
    expect(receiver.requests).toHaveLength(1);
    const callback = receiver.requests[0]!;
    expect(callback.json).toMatchObject({ id: job.body.id, status: 'COMPLETED', recordsCount: 3 });
    expect(callback.headers['elements-webhook-signature']).toBe(signWebhookBody(callback.body, 'bulk-key'));
    expect((await loadSpecValidator()).validateWebhook(callback.json, 'bulkJobCallback')).toEqual([]);
  });
});

describe('bulk upload jobs', () => {
  test('upsert CSV rows by an identifier field and report failed rows page by page', async () => {
    const auth = await setup('manual');
    const csv =
      'email,firstName,lastName\r\n' +
      'ada@example.com,Augusta Ada,Lovelace\r\n' +
      'new@example.com,New,Person\r\n' +
      'bad@example.com,Only first name,\r\n' +
      'short,row\r\n';
    const job = await emulator.call('POST', '/hubs/crm/bulk/contacts', {
      auth,
      body: fileForm(csv, 'contacts.csv', 'text/csv', { action: 'upsert', identifierFieldName: 'email' }),
    });
    expect(job.body.status).toBe('CREATED');
    emulator.tickBulkJobs(3);
    const report = await emulator.call('GET', `/hubs/crm/bulk/${job.body.id}/status`, { auth });
    expect(report.body).toMatchObject({ status: 'COMPLETED', recordsCount: 2, recordsFailedCount: 2 });

    const contacts = await emulator.call('GET', '/hubs/crm/contacts?orderBy=email', { auth });
    expect(contacts.body.map((c: { firstName: string }) => c.firstName)).toEqual([
      'Augusta Ada',
      'Alan, Jr.',
      'Grace',
      'New',
    ]);

    const first = await emulator.call('GET', `/hubs/crm/bulk/${job.body.id}/errors?pageSize=1`, { auth });
    expect(first.body).toHaveLength(1);
    const token = first.headers.get('elements-next-page-token')!;
    const second = await emulator.call(
      'GET',
      `/hubs/crm/bulk/${job.body.id}/errors?pageSize=1&nextPage=${token}`,
      {
        auth,
      },
    );
    expect(second.headers.has('elements-next-page-token')).toBe(false);
    const messages = [...first.body, ...second.body].map((error: { message: string }) => error.message);
    expect(messages).toEqual([
      'The row has 2 fields but the header has 3.',
      'REQUIRED_FIELD_MISSING: Required fields are missing: [lastName]',
    ]);
  });

  test('accept an upload streamed with chunked transfer encoding', async () => {
    const auth = await setup('manual');
    const rows = Array.from({ length: 2000 }, (_, n) => `Streamed${n},row ${n}`).join('\n');
    const encoded = new Response(fileForm(`lastName,note\n${rows}\n`, 'big.csv', 'text/csv'));
    const response = await fetch(`${emulator.url}/hubs/crm/bulk/contacts`, {
      method: 'POST',
      headers: { Authorization: auth, 'Content-Type': encoded.headers.get('content-type')! },
      body: encoded.body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(200);
    const job = (await response.json()) as { id: string };
    const spec = await loadSpecValidator();
    expect(
      spec.validateResponse({ method: 'POST', path: '/hubs/crm/bulk/contacts', status: 200, body: job }),
    ).toEqual([]);
    emulator.tickBulkJobs(3);
    const report = await emulator.call('GET', `/hubs/crm/bulk/${job.id}/status`, { auth });
    expect(report.body).toMatchObject({ status: 'COMPLETED', recordsCount: 2000, recordsFailedCount: 0 });
  });

  test('create records from a JSON lines file', async () => {
    const auth = await setup('manual');
    const lines = '{"lastName":"One"}\n{"lastName":"Two"}\nnot json\n';
    const job = await emulator.call('POST', '/hubs/crm/bulk/contacts', {
      auth,
      body: fileForm(lines, 'contacts.json', 'application/json', { format: 'json' }),
    });
    emulator.tickBulkJobs(3);
    const report = await emulator.call('GET', `/hubs/crm/bulk/${job.body.id}/status`, { auth });
    expect(report.body).toMatchObject({ recordsCount: 2, recordsFailedCount: 1 });
    const written = await emulator.call('GET', `/hubs/crm/bulk/${job.body.id}/contacts`, {
      auth,
      as: 'text',
    });
    expect(
      written.text
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line).lastName),
    ).toEqual(['One', 'Two']);
  });

  test('answer 400 for an update without identifierFieldName and 415 for a JSON body', async () => {
    const auth = await setup('manual');
    const noKey = await emulator.call('POST', '/hubs/crm/bulk/contacts', {
      auth,
      body: fileForm('lastName\nX\n', 'c.csv', 'text/csv', { action: 'update' }),
    });
    expect(noKey.status).toBe(400);
    expect(noKey.body.message).toContain('identifierFieldName');
    expect((await emulator.call('POST', '/hubs/crm/bulk/contacts', { auth, body: { a: 1 } })).status).toBe(
      415,
    );
  });
});
