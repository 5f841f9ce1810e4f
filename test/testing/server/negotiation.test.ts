// Content negotiation: a body of a media type the operation does not take is a 415 and an Accept header that
// excludes what the operation answers is a 406 (reference §4), before anything is checked or stored.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../helpers.js';

let emulator: TestEmulator;
let crm: string;
beforeEach(async () => {
  emulator = await startTestEmulator();
  crm = emulator.hubAuth(emulator.createInstance({ element: 'sfdc' }).token);
});
afterEach(async () => {
  await emulator.close();
  expect(emulator.violations).toEqual([]);
});

async function contactCount(): Promise<number> {
  return (await emulator.call('GET', '/hubs/crm/contacts', { auth: crm })).body.length;
}

describe('Content-Type', () => {
  test('a JSON body sent as text/plain or as a form is refused with 415, and nothing is stored', async () => {
    // fetch labels a string body text/plain;charset=UTF-8 when no Content-Type is given.
    const plain = await emulator.call('POST', '/hubs/crm/contacts', {
      auth: crm,
      body: JSON.stringify({ lastName: 'Plain' }),
    });
    expect(plain.status).toBe(415);
    expect(plain.body.message).toBe(
      "Content type 'text/plain;charset=UTF-8' not supported; send application/json.",
    );
    const form = await emulator.call('POST', '/hubs/crm/contacts', {
      auth: crm,
      body: JSON.stringify({ lastName: 'Form' }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
    // An invalid body under the wrong type is still a 415: the type is refused before the body is read.
    const invalid = await emulator.call('POST', '/hubs/crm/contacts', {
      auth: crm,
      body: JSON.stringify({ lastName: 123 }),
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(invalid.status).toBe(415);
    expect(await contactCount()).toBe(0);
  });

  test('a body without Content-Type is refused with 415; an empty one is not checked', async () => {
    // fetch sends a Buffer body without Content-Type.
    const bare = await emulator.call('POST', '/hubs/crm/contacts', {
      auth: crm,
      body: Buffer.from(JSON.stringify({ lastName: 'Bare' })),
    });
    expect(bare.status).toBe(415);
    expect(bare.body.message).toContain('(the request has no Content-Type)');
    const empty = await emulator.call('POST', '/hubs/crm/contacts', { auth: crm, body: '' });
    expect(empty.status).toBe(400);
    expect(empty.body.message).toMatch(/body is empty/);
    expect(await contactCount()).toBe(0);
  });

  test('application/json with a charset and application/*+json are taken', async () => {
    for (const type of ['application/json; charset=utf-8', 'APPLICATION/JSON', 'application/vnd.api+json']) {
      const created = await emulator.call('POST', '/hubs/crm/contacts', {
        auth: crm,
        body: JSON.stringify({ lastName: type }),
        headers: { 'Content-Type': type },
      });
      expect(created.status, type).toBe(200);
    }
    expect(await contactCount()).toBe(3);
  });

  test('platform operations refuse other types too (the spec declares 415 on hub operations only)', async () => {
    const account = await emulator.call('POST', '/accounts', {
      body: JSON.stringify({ externalId: 'plain' }),
      unchecked: 'the spec declares no 415 on POST /accounts; Cloud Elements answers it on every operation',
    });
    expect(account.status).toBe(415);
    expect(Object.keys(account.body).sort()).toEqual(['message', 'requestId']);
    const accounts = (await emulator.call('GET', '/accounts')).body as { externalId?: string }[];
    expect(accounts.map((a) => a.externalId)).not.toContain('plain');
  });

  test('a multipart upload is still taken as multipart, and a JSON body there is a 415', async () => {
    const form = new FormData();
    form.append('file', new Blob(['lastName\nA\n'], { type: 'text/csv' }), 'c.csv');
    const job = await emulator.call('POST', '/hubs/crm/bulk/contacts', { auth: crm, body: form });
    expect(job.status).toBe(200);
    const json = await emulator.call('POST', '/hubs/crm/bulk/contacts', { auth: crm, body: { a: 1 } });
    expect(json.status).toBe(415);
    expect(json.body.message).toContain('multipart/form-data');
  });
});

describe('Accept', () => {
  test.each([['application/xml'], ['text/html, application/xhtml+xml'], ['application/json;q=0, text/html']])(
    'Accept: %s is refused with 406 on a JSON list',
    async (accept) => {
      const refused = await emulator.call('GET', '/hubs/crm/contacts', {
        auth: crm,
        headers: { Accept: accept },
        unchecked:
          'the spec declares 406 on bulk downloads only; Cloud Elements answers it on every operation',
      });
      expect(refused.status).toBe(406);
      expect(refused.body.message).toBe(
        'Could not find acceptable representation; this call answers application/json.',
      );
    },
  );

  test.each([
    ['*/*'],
    ['application/*'],
    ['application/json'],
    ['application/json;q=0.9, text/html'],
    ['text/html, */*;q=0.1'],
    ['text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2'],
    [''],
  ])('Accept: %s is answered', async (accept) => {
    const headers: Record<string, string> = accept ? { Accept: accept } : {};
    const listed = await emulator.call('GET', '/hubs/crm/contacts', { auth: crm, headers });
    expect(listed.status).toBe(200);
  });

  test('a call that answers any type (a file download) takes any Accept', async () => {
    const docs = emulator.hubAuth(emulator.createInstance({ element: 'sfdcdocuments' }).token);
    const form = new FormData();
    form.append('file', new Blob(['hello'], { type: 'text/plain' }), 'a.txt');
    await emulator.call('POST', '/hubs/documents/files?path=/a.txt', { auth: docs, body: form });
    const file = await emulator.call('GET', '/hubs/documents/files?path=/a.txt', {
      auth: docs,
      headers: { Accept: 'application/json' },
      as: 'text',
    });
    expect(file.status).toBe(200);
    expect(file.text).toBe('hello');
  });
});

describe('what Cloud Elements’ server (Spring) takes in its stride', () => {
  test('a JSON body that starts with a UTF-8 byte order mark is read (Windows editors, PowerShell)', async () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"lastName":"Bom"}')]);
    const created = await emulator.call('POST', '/hubs/crm/contacts', {
      auth: crm,
      body: bom,
      headers: { 'Content-Type': 'application/json' },
    });
    expect(created.status).toBe(200);
    expect(created.body.lastName).toBe('Bom');
  });

  test('HEAD answers as GET does, without the body; a 405 lists HEAD beside GET', async () => {
    await emulator.call('POST', '/hubs/crm/contacts', { auth: crm, body: { lastName: 'Head' } });
    const get = await emulator.call('GET', '/hubs/crm/contacts', { auth: crm });
    const head = await emulator.call('HEAD', '/hubs/crm/contacts', {
      auth: crm,
      unchecked: 'a HEAD answer has no body to check',
    });
    expect(head.status).toBe(200);
    expect(head.text).toBe('');
    expect(head.headers.get('elements-returned-count')).toBe(get.headers.get('elements-returned-count'));
    expect(head.headers.get('content-length')).toBe(String(get.bytes.length));
    const wrong = await emulator.call('DELETE', '/elements', {
      unchecked: 'DELETE /elements is not an operation',
    });
    expect(wrong.headers.get('allow')?.split(', ')).toEqual(expect.arrayContaining(['GET', 'HEAD']));
  });

  test('HEAD is not a GET on the site: the consent page, whose GET approves, hands out no code for it', async () => {
    const start = await emulator.call(
      'GET',
      '/elements/sfdc/oauth/url?apiKey=a&apiSecret=b&callbackUrl=https://app.test/cb&state=s1',
    );
    const decision = new URL(start.body.oauthUrl as string);
    decision.pathname = decision.pathname.replace(/authorize$/, 'decision');
    decision.searchParams.set('decision', 'approve');
    const head = await fetch(decision, { method: 'HEAD', redirect: 'manual' });
    expect(head.status).toBe(405);
    expect(emulator.state.oauthCodes.size).toBe(0);
  });
});

test('a body over maxBodyBytes gets its 413, sent whole or in chunks, and nothing is stored', async () => {
  const small = await startTestEmulator({ maxBodyBytes: 64 * 1024 });
  try {
    const auth = small.hubAuth(small.createInstance({ element: 'sfdc' }).token);
    const json = JSON.stringify({ lastName: 'Big', notes: 'x'.repeat(1024 * 1024) });
    const whole = await small.call('POST', '/hubs/crm/contacts', {
      auth,
      body: json,
      headers: { 'Content-Type': 'application/json' },
      unchecked: 'the spec declares no 413',
    });
    expect(whole.status).toBe(413);
    expect(whole.body.message).toBe('The request body is larger than 65536 bytes.');
    // A stream of unknown length goes out in chunks.
    const bytes = new TextEncoder().encode(json);
    const chunked = await fetch(`${small.url}/hubs/crm/contacts`, {
      method: 'POST',
      headers: { Authorization: auth, 'Content-Type': 'application/json' },
      body: new Blob([bytes]).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(((await chunked.json()) as { message: string }).message).toContain('larger than 65536 bytes');
    expect((await small.call('GET', '/hubs/crm/contacts', { auth })).body).toEqual([]);
  } finally {
    await small.close();
  }
});
