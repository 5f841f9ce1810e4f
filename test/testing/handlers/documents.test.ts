import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { loadSpecValidator } from '../../helpers/spec-validator.js';
import { fileForm, startTestEmulator, type TestEmulator } from '../helpers.js';

let emulator: TestEmulator;
let auth: string;

beforeEach(async () => {
  emulator = await startTestEmulator();
  auth = emulator.hubAuth(emulator.createInstance({ element: 'sfdcdocuments' }).token);
});
afterEach(() => emulator.close());

/** Every byte value, twice, plus bytes that look like a multipart boundary. */
const binary = Buffer.concat([
  Buffer.from(Array.from({ length: 512 }, (_, i) => i % 256)),
  Buffer.from('\r\n--boundary\r\n'),
]);

function upload(path: string, content: Uint8Array | string, query = '') {
  return emulator.call('POST', `/hubs/documents/files?path=${encodeURIComponent(path)}${query}`, {
    auth,
    body: fileForm(content, path.split('/').pop()!, 'application/pdf'),
  });
}

describe('files', () => {
  test('round-trips the exact bytes and the media type by path and by id', async () => {
    const created = await upload('/reports/q1.pdf', binary);
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      name: 'q1.pdf',
      path: '/reports/q1.pdf',
      directory: false,
      size: binary.length,
    });

    const byPath = await emulator.call('GET', '/hubs/documents/files?path=%2Freports%2Fq1.pdf', {
      auth,
      as: 'text',
    });
    expect(byPath.bytes.equals(binary)).toBe(true);
    expect(byPath.headers.get('content-type')).toBe('application/pdf');
    expect(byPath.headers.get('content-disposition')).toBe('attachment; filename="q1.pdf"');
    const byId = await emulator.call('GET', `/hubs/documents/files/${created.body.id}`, { auth, as: 'text' });
    expect(byId.bytes.equals(binary)).toBe(true);
    expect(byId.headers.get('content-type')).toBe('application/pdf');
  });

  test('creates the missing folders of an upload path', async () => {
    await upload('/a/b/c.txt', 'hello');
    const folder = await emulator.call('GET', '/hubs/documents/folders/metadata?path=/a/b', { auth });
    expect(folder.body).toMatchObject({ directory: true, path: '/a/b', name: 'b' });
  });

  test('answers 409 with a provider message when the file exists, and replaces it with overwrite=true', async () => {
    await upload('/x.txt', 'one');
    const conflict = await upload('/x.txt', 'two');
    expect(conflict.status).toBe(409);
    expect(conflict.body.providerMessage).toBe('Item with the same name already exists');
    // Word for word the real API's (devportal _includes/error-codes.md).
    expect(conflict.body.message).toBe(
      "Failed to upload file. File with the same name already exists. Change the name of the file you're " +
        'uploading or set the overwrite query parameter to true.',
    );
    expect((await upload('/x.txt', 'two', '&overwrite=true')).status).toBe(200);
    const read = await emulator.call('GET', '/hubs/documents/files?path=/x.txt', { auth, as: 'text' });
    expect(read.text).toBe('two');
  });

  test('reads and changes metadata: rename by path, tags', async () => {
    const created = await upload('/old.txt', 'x');
    const patched = await emulator.call('PATCH', `/hubs/documents/files/${created.body.id}/metadata`, {
      auth,
      body: { path: '/archive/new.txt', tags: ['sample'] },
    });
    expect(patched.body).toMatchObject({
      id: created.body.id,
      path: '/archive/new.txt',
      name: 'new.txt',
      tags: ['sample'],
    });
    expect(
      (await emulator.call('GET', '/hubs/documents/files/metadata?path=/old.txt', { auth })).status,
    ).toBe(404);
    const read = await emulator.call('GET', '/hubs/documents/files/metadata?path=/archive/new.txt', { auth });
    expect(read.body.tags).toEqual(['sample']);
  });

  test('copies a file and deletes by path or id', async () => {
    const created = await upload('/a.txt', 'abc');
    const copy = await emulator.call('POST', `/hubs/documents/files/${created.body.id}/copy`, {
      auth,
      body: { path: '/b.txt' },
    });
    expect(copy.body.path).toBe('/b.txt');
    const copied = await emulator.call('GET', `/hubs/documents/files/${copy.body.id}`, { auth, as: 'text' });
    expect(copied.text).toBe('abc');
    expect((await emulator.call('DELETE', '/hubs/documents/files?path=/a.txt', { auth })).status).toBe(200);
    expect((await emulator.call('DELETE', `/hubs/documents/files/${copy.body.id}`, { auth })).status).toBe(
      200,
    );
    expect((await emulator.call('GET', `/hubs/documents/files/${copy.body.id}`, { auth })).status).toBe(404);
  });

  test('answers 400 for a relative path, 400 without a file part and 415 for a non-multipart body', async () => {
    expect((await upload('relative.txt', 'x')).status).toBe(400);
    const noFile = new FormData();
    noFile.append('other', 'x');
    const withoutFile = await emulator.call('POST', '/hubs/documents/files?path=/a.txt', {
      auth,
      body: noFile,
    });
    expect(withoutFile.status).toBe(400);
    const json = await emulator.call('POST', '/hubs/documents/files?path=/a.txt', {
      auth,
      body: { not: 'multipart' },
    });
    expect(json.status).toBe(415);
  });

  test('links point at the file download', async () => {
    const created = await upload('/l.txt', 'link me');
    const links = await emulator.call('GET', `/hubs/documents/files/${created.body.id}/links`, { auth });
    const download = await fetch(links.body.providerLink, { headers: { Authorization: auth } });
    expect(await download.text()).toBe('link me');
    // The link is an API URL: its answer is the spec's file download.
    const path = new URL(links.body.providerLink).pathname;
    const spec = await loadSpecValidator();
    expect(spec.findOperation('GET', path)?.operationId).toBe('downloadDocumentsFile');
    expect(
      spec.validateResponse({
        method: 'GET',
        path,
        status: download.status,
        contentType: download.headers.get('content-type')?.split(';')[0],
        body: 'link me',
      }),
    ).toEqual([]);
  });
});

describe('folders', () => {
  test('creates folders, lists contents one page at a time and sorts them', async () => {
    const created = await emulator.call('POST', '/hubs/documents/folders', {
      auth,
      body: { path: '/churros', name: 'churros', directory: true },
    });
    expect(created.body).toMatchObject({ path: '/churros', directory: true });
    for (const name of ['c.txt', 'a.txt', 'b.txt']) await upload(`/churros/${name}`, name);
    await emulator.call('POST', '/hubs/documents/folders', { auth, body: { path: '/churros/sub' } });
    await upload('/churros/sub/deep.txt', 'deep');

    const first = await emulator.call(
      'GET',
      '/hubs/documents/folders/contents?path=/churros&pageSize=3&orderBy=name',
      {
        auth,
      },
    );
    expect(first.body.map((item: { name: string }) => item.name)).toEqual(['a.txt', 'b.txt', 'c.txt']);
    const token = first.headers.get('elements-next-page-token')!;
    const second = await emulator.call(
      'GET',
      `/hubs/documents/folders/${created.body.id}/contents?pageSize=3&orderBy=name&nextPage=${token}`,
      { auth },
    );
    expect(second.body.map((item: { name: string }) => item.name)).toEqual(['sub']);
    expect(second.headers.has('elements-next-page-token')).toBe(false);
  });

  test("lists contents by the instance's pagination.max when the call sends no pageSize", async () => {
    auth = emulator.hubAuth(
      emulator.createInstance({ element: 'sfdcdocuments', configuration: { 'pagination.max': '2' } }).token,
    );
    for (const name of ['a.txt', 'b.txt', 'c.txt']) await upload(`/paged/${name}`, name);
    const first = await emulator.call('GET', '/hubs/documents/folders/contents?path=/paged&orderBy=name', {
      auth,
    });
    expect(first.body.map((item: { name: string }) => item.name)).toEqual(['a.txt', 'b.txt']);
    const token = first.headers.get('elements-next-page-token')!;
    const second = await emulator.call(
      'GET',
      `/hubs/documents/folders/contents?path=/paged&orderBy=name&nextPage=${encodeURIComponent(token)}`,
      { auth },
    );
    expect(second.body.map((item: { name: string }) => item.name)).toEqual(['c.txt']);
    const search = await emulator.call('GET', '/hubs/documents/search?text=.txt', { auth });
    expect(search.body).toHaveLength(2);
  });

  test('answers 409 for an existing folder and deletes a folder with its contents', async () => {
    await emulator.call('POST', '/hubs/documents/folders', { auth, body: { path: '/f' } });
    expect(
      (await emulator.call('POST', '/hubs/documents/folders', { auth, body: { path: '/f' } })).status,
    ).toBe(409);
    const file = await upload('/f/inside.txt', 'x');
    expect((await emulator.call('DELETE', '/hubs/documents/folders?path=/f', { auth })).status).toBe(200);
    expect((await emulator.call('GET', `/hubs/documents/files/${file.body.id}`, { auth })).status).toBe(404);
  });

  test('moves and copies a folder with everything in it', async () => {
    await upload('/src/one.txt', '1');
    const folder = await emulator.call('GET', '/hubs/documents/folders/metadata?path=/src', { auth });
    await emulator.call('POST', `/hubs/documents/folders/${folder.body.id}/copy`, {
      auth,
      body: { path: '/copy' },
    });
    await emulator.call('PATCH', '/hubs/documents/folders/metadata?path=/src', {
      auth,
      body: { path: '/moved' },
    });
    for (const path of ['/copy/one.txt', '/moved/one.txt']) {
      const read = await emulator.call('GET', `/hubs/documents/files?path=${path}`, { auth, as: 'text' });
      expect(read.text).toBe('1');
    }
  });

  test('search finds items by name under a path; storage reports the bytes used', async () => {
    await upload('/docs/report-2018.pdf', 'aaaa');
    await upload('/docs/notes.txt', 'bb');
    await upload('/other/report-old.pdf', 'c');
    const found = await emulator.call('GET', '/hubs/documents/search?text=REPORT&path=/docs', { auth });
    expect(found.body.map((item: { path: string }) => item.path)).toEqual(['/docs/report-2018.pdf']);
    const storage = await emulator.call('GET', '/hubs/documents/storage', { auth });
    expect(storage.body.usedSpace).toBe(7);
  });

  test('a CRM instance has no files', async () => {
    const crm = emulator.hubAuth(emulator.createInstance({ element: 'sfdc' }).token);
    expect(
      (await emulator.call('GET', '/hubs/documents/folders/contents?path=/', { auth: crm })).status,
    ).toBe(404);
  });
});
