// The bulk parsers over text a Node stream decodes itself (opened with 'utf8'), read from a real HTTP server: a
// byte order mark is dropped as it is from bytes.
import { get, type IncomingMessage } from 'node:http';
import { afterEach, describe, expect, test } from 'vitest';
import { parseCsvRecords, parseNdjson } from '../../src/bulk/index.js';
import { startServer, type TestServer } from '../helpers/http-server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Serves `body` after a UTF-8 byte order mark sent on its own; opens it as a Node stream, of text with `encoding`. */
async function openText(body: string, encoding: BufferEncoding | undefined): Promise<IncomingMessage> {
  server = await startServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8' });
    // The mark on its own first, so that it arrives as a chunk of its own.
    res.write(Buffer.from([0xef, 0xbb, 0xbf]));
    setTimeout(() => res.end(body), 20);
  });
  const response = await new Promise<IncomingMessage>((resolve, reject) =>
    get(`${server!.url}/results`, resolve).on('error', reject),
  );
  if (encoding) response.setEncoding(encoding);
  return response;
}

async function collect<T>(records: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const record of records) out.push(record);
  return out;
}

describe('a byte order mark before text from a Node stream', () => {
  test.each([['utf8' as const], [undefined]])('is dropped from CSV (encoding %s)', async (encoding) => {
    const response = await openText('email,name\nada@example.com,Ada\n', encoding);
    const records = await collect(parseCsvRecords(response));
    expect(records).toEqual([{ email: 'ada@example.com', name: 'Ada' }]);
    expect(Object.keys(records[0]!)[0]).toBe('email');
  });

  test.each([['utf8' as const], [undefined]])('is dropped from NDJSON (encoding %s)', async (encoding) => {
    const response = await openText('{"email":"ada@example.com"}\n', encoding);
    expect(await collect(parseNdjson(response))).toEqual([{ email: 'ada@example.com' }]);
  });

  test('only at the start: a later U+FEFF is text', async () => {
    const response = await openText('name\n\uFEFFAda\n', 'utf8');
    expect(await collect(parseCsvRecords(response))).toEqual([{ name: '\uFEFFAda' }]);
  });
});
