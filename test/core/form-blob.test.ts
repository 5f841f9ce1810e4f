import { expect, test } from 'vitest';
import { formBlob } from '../../src/core/form-blob.js';

test('a form encoded for a retry reads back as the same form: text, files, odd names, line breaks', async () => {
  const form = new FormData();
  form.append('metaData', '{"action":"create"}');
  form.append('note', 'two\nlines\r\nand é');
  form.append('file', new Blob(['id,name\n1,Ada\n'], { type: 'text/csv' }), 'contacts "new".csv');
  form.append('raw', new Blob([new Uint8Array([0, 255, 13, 10])]), 'raw.bin');
  form.append('tags[]', 'a');
  form.append('tags[]', 'b');
  const { blob, contentType } = formBlob(form);
  expect(contentType).toMatch(/^multipart\/form-data; boundary=----CloudElementsFormBoundary[0-9a-f]{32}$/);
  const read = await new Response(blob, { headers: { 'content-type': contentType } }).formData();
  expect(read.get('metaData')).toBe('{"action":"create"}');
  // Line breaks go out as CRLF, as every browser and fetch sends a form's text.
  expect(read.get('note')).toBe('two\r\nlines\r\nand é');
  expect(read.getAll('tags[]')).toEqual(['a', 'b']);
  const file = read.get('file') as File;
  expect(file.name).toBe('contacts "new".csv');
  expect(file.type).toBe('text/csv');
  expect(await file.text()).toBe('id,name\n1,Ada\n');
  const raw = read.get('raw') as File;
  expect(raw.type).toBe('application/octet-stream');
  expect([...new Uint8Array(await raw.arrayBuffer())]).toEqual([0, 255, 13, 10]);
  // Byte for byte what fetch itself sends for the same form, but for the boundary.
  const native = new Request('http://x.test/', { method: 'POST', body: form });
  const boundaryOf = (type: string) => type.slice(type.indexOf('boundary=') + 'boundary='.length);
  const nativeBoundary = boundaryOf(native.headers.get('content-type')!);
  const latin1 = (bytes: ArrayBuffer) => new TextDecoder('latin1').decode(bytes);
  expect(latin1(await blob.arrayBuffer()).replaceAll(boundaryOf(contentType), 'B')).toBe(
    latin1(await native.arrayBuffer()).replaceAll(nativeBoundary, 'B'),
  );
});
