import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startBulkQuery, waitForBulkJob } from '../../src/bulk/index.js';
import { createClient, type CloudElementsClient } from '../../src/client/index.js';
import { downloadBulkResultsToFile, uploadBulkFile } from '../../src/node/index.js';
import { CloudElementsError } from '../../src/core/index.js';
import { startEmulator, type Emulator } from '../../src/testing/index.js';
import { sendJson, startServer } from '../helpers/http-server.js';

// The ./node bulk helpers against the emulator: a CSV file in, the job's results out to a file.
let emulator: Emulator;
let crm: CloudElementsClient;
let dir: string;

beforeAll(async () => {
  emulator = await startEmulator();
  const instance = emulator.createInstance({ element: 'sfdc' });
  crm = createClient({
    userSecret: emulator.credentials.userSecret,
    organizationSecret: emulator.credentials.organizationSecret,
    baseUrl: emulator.url,
  }).forInstance(instance.token);
  dir = await mkdtemp(join(tmpdir(), 'ce-node-bulk-'));
});
afterAll(async () => {
  await emulator.close();
  await rm(dir, { recursive: true, force: true });
});

describe('bulk files on disk', () => {
  test('uploads a CSV file by path and writes the query results to a file', async () => {
    const input = join(dir, 'contacts.csv');
    const rows = Array.from({ length: 300 }, (_, i) => `p${i}@example.com,Disk${i}`);
    await writeFile(input, `email,lastName\n${rows.join('\n')}\n`);
    const upload = await uploadBulkFile(crm, { hub: 'crm', objectName: 'contacts', path: input });
    await waitForBulkJob(crm, { hub: 'crm', jobId: upload.id, initialDelayMs: 1 });

    const query = await startBulkQuery(crm, {
      hub: 'crm',
      query: "select * from contacts where lastName like 'Disk%'",
    });
    await waitForBulkJob(crm, { hub: 'crm', jobId: query.id, initialDelayMs: 1 });
    const output = join(dir, 'results.ndjson');
    const bytes = await downloadBulkResultsToFile(crm, {
      hub: 'crm',
      jobId: query.id,
      objectName: 'contacts',
      path: output,
    });
    const text = await readFile(output, 'utf8');
    expect(bytes).toBe(Buffer.byteLength(text));
    const names = text
      .split('\n')
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { lastName: string }).lastName);
    expect(names).toHaveLength(300);
    expect(new Set(names)).toEqual(new Set(rows.map((row) => row.split(',')[1])));
  });

  test('stops an upload whose file is cut short while it is read, so no job starts from part of it', async () => {
    // Another process still writing (or rotating) the file: the job would end mid-record. The file is cut as soon
    // as the request arrives, while most of its 42 MB are still to be read (the server reads nothing before that).
    const input = join(dir, 'shrinking.csv');
    await writeFile(input, `email,lastName\n${'x@example.com,Shrink\n'.repeat(2_000_000)}`);
    const server = createServer((req, res) => {
      void truncate(input, 1000).then(() => {
        req.resume();
        req.on('end', () => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end('{"id":"partial-job","status":"CREATED"}');
        });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const client = createClient({
        userSecret: 'u',
        organizationSecret: 'o',
        baseUrl: `http://127.0.0.1:${port}/elements/api-v2`,
      });
      const error = await uploadBulkFile(client.forInstance('t'), {
        hub: 'crm',
        objectName: 'contacts',
        path: input,
        metaData: { action: 'create' },
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CloudElementsError);
      expect((error as Error).message).toMatch(
        /shrinking\.csv" changed while it was uploaded \(\d+ bytes read, 42000015 when the upload began\)/,
      );
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  test('refuses a folder as the path to download to before anything is downloaded', async () => {
    const server = await startServer((_req, res) => sendJson(res, 200, {}));
    try {
      const client = createClient({
        userSecret: 'u',
        organizationSecret: 'o',
        baseUrl: `${server.url}/elements/api-v2`,
      });
      const error = await downloadBulkResultsToFile(client.forInstance('t'), {
        hub: 'crm',
        jobId: '1',
        objectName: 'contacts',
        path: dir,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TypeError);
      expect((error as Error).message).toMatch(
        /Cannot write .*: EISDIR\. Pass the path of a file, not a folder\./,
      );
      expect(server.requests).toHaveLength(0);
    } finally {
      await server.close();
    }
  });

  test('refuses a missing file before any request', async () => {
    await expect(
      uploadBulkFile(crm, { hub: 'crm', objectName: 'contacts', path: join(dir, 'nope.csv') }),
    ).rejects.toThrow(/Cannot upload .*nope\.csv/);
    await expect(
      downloadBulkResultsToFile(crm, { hub: 'crm', jobId: '1', objectName: 'contacts', path: '' }),
    ).rejects.toThrow(/path must be the path of the file to write/);
  });
});
