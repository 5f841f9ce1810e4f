import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listBulkJobErrors, readBulkRecords } from '../../src/bulk/index.js';
import { uploadBulkRecords } from '../../src/bulk/index.js';
import { BulkJobError, startBulkQuery, waitForBulkJob } from '../../src/bulk/index.js';
import { ceql, formatBulkQuery } from '../../src/query/index.js';
import { createClient, type CloudElementsClient } from '../../src/client/index.js';
import { enableEvents } from '../../src/instances/index.js';
import { paginate, paginatePages } from '../../src/query/index.js';
import { startEmulator, type Emulator } from '../../src/testing/index.js';
import { parseNodeWebhookRequest } from '../../src/node/index.js';
import { WebhookVerificationError } from '../../src/webhooks/index.js';
import { createWebhookVerifier, isEventNotification } from '../../src/webhooks/index.js';

// The hub helpers against the SDK's emulator, whose CEQL parser, multipart parser, paging and event signing were
// written independently of them: a second opinion on the wire formats.
let emulator: Emulator;
let client: CloudElementsClient;
let crm: CloudElementsClient;
let instanceId: number;

beforeAll(async () => {
  emulator = await startEmulator({ bulk: { progress: 'poll' } });
  const instance = emulator.createInstance({ element: 'sfdc' });
  instanceId = instance.id;
  client = createClient({
    userSecret: emulator.credentials.userSecret,
    organizationSecret: emulator.credentials.organizationSecret,
    baseUrl: emulator.url,
  });
  crm = client.forInstance(instance.token);
});
afterAll(async () => {
  await emulator.close();
});

// Half the contacts are O'Brien, half "Smith, Jr": a quote and a comma to get through CSV and CEQL.
const lastNameOf = (i: number) => (i % 2 === 1 ? "O'Brien" : 'Smith, Jr');

describe('hub helpers against the emulator', () => {
  test('uploads a streamed CSV, waits through every status and finds no failed record', async () => {
    async function* rows() {
      yield 'email,lastName,firstName\n';
      for (let i = 0; i < 500; i++) yield `p${i}@example.com,"${lastNameOf(i)}",N${i}\n`;
    }
    const job = await uploadBulkRecords(crm, {
      hub: 'crm',
      objectName: 'contacts',
      file: rows(),
      identifierFieldName: 'email',
    });
    const seen: string[] = [];
    const report = await waitForBulkJob(crm, {
      hub: 'crm',
      jobId: job.id,
      initialDelayMs: 1,
      onStatus: (r) => seen.push(String(r.status)),
    });
    expect(seen.at(-1)).toBe('COMPLETED');
    expect(seen.length).toBeGreaterThan(1);
    expect(report).toMatchObject({ recordsCount: 500, recordsFailedCount: 0 });
    const failures: unknown[] = [];
    for await (const failure of listBulkJobErrors(crm, { hub: 'crm', jobId: job.id })) failures.push(failure);
    expect(failures).toEqual([]);
  });

  test('pages through a CEQL-filtered list with a quote in the value', async () => {
    const names = new Set<unknown>();
    let count = 0;
    for await (const contact of paginate(crm, '/hubs/crm/contacts', {
      pageSize: 37,
      params: { query: { where: ceql`lastName = ${"O'Brien"}`.text } },
    })) {
      names.add(contact.lastName);
      count += 1;
    }
    expect(count).toBe(250);
    expect([...names]).toEqual(["O'Brien"]);
    const pages: [number, number | undefined, boolean][] = [];
    // Hub lists count their records only when asked, as elements that can count do.
    for await (const page of paginatePages(crm, '/hubs/crm/contacts', {
      pageSize: 200,
      params: { query: { returnTotalCount: true } },
    })) {
      pages.push([page.records.length, page.totalCount, page.nextPageToken !== undefined]);
    }
    expect(pages).toEqual([
      [200, 500, true],
      [200, 500, true],
      [100, 500, false],
    ]);
  });

  test('runs a bulk query built with formatBulkQuery and reads it as NDJSON and CSV', async () => {
    const job = await startBulkQuery(crm, {
      hub: 'crm',
      query: formatBulkQuery({ from: 'contacts', where: ceql`lastName IN ${['Smith, Jr']}` }),
    });
    await waitForBulkJob(crm, { hub: 'crm', jobId: job.id, initialDelayMs: 1 });
    const json: Record<string, unknown>[] = [];
    for await (const record of readBulkRecords(crm, { hub: 'crm', jobId: job.id, objectName: 'contacts' })) {
      json.push(record);
    }
    const csv: Record<string, unknown>[] = [];
    const options = { hub: 'crm', jobId: job.id, objectName: 'contacts', format: 'csv' as const };
    for await (const record of readBulkRecords(crm, options)) csv.push(record);
    expect(json).toHaveLength(250);
    expect(csv).toHaveLength(250);
    expect(new Set(json.map((r) => r['lastName']))).toEqual(new Set(['Smith, Jr']));
    expect(csv.map((r) => [r['email'], r['lastName']])).toEqual(json.map((r) => [r['email'], r['lastName']]));
  });

  test('lists the rows a bulk upload rejected', async () => {
    const job = await uploadBulkRecords(crm, {
      hub: 'crm',
      objectName: 'contacts',
      file: new Blob(['email,lastName\nok@example.com,Fine\nbad@example.com,Too,Many\n']),
    });
    // By default a job that completed with a failed record is not taken for a success.
    const refused = await waitForBulkJob(crm, { hub: 'crm', jobId: job.id, initialDelayMs: 1 }).catch(
      (e) => e,
    );
    expect(refused).toBeInstanceOf(BulkJobError);
    expect(refused).toMatchObject({
      jobStatus: 'COMPLETED',
      job: { recordsCount: 1, recordsFailedCount: 1 },
    });
    // Two rows went up and one failed: the job's recordsCount is named, not taken for the number uploaded.
    expect(refused.message).toMatch(
      /completed, but 1 record failed \(recordsCount 1\): listBulkJobErrors\(\) lists them/,
    );
    const report = await waitForBulkJob(crm, {
      hub: 'crm',
      jobId: job.id,
      initialDelayMs: 1,
      allowFailedRecords: true,
    });
    expect(report).toMatchObject({ status: 'COMPLETED', recordsFailedCount: 1 });
    const failures: unknown[] = [];
    for await (const failure of listBulkJobErrors(crm, { hub: 'crm', jobId: job.id })) failures.push(failure);
    expect(failures).toHaveLength(1);
  });

  test('turns events on, and the emulator’s signed notification verifies', async () => {
    const outcomes: (string | undefined)[] = [];
    const verifier = createWebhookVerifier({ key: ['next-key-0000', 'emulator-key-1234'] });
    const app: Server = createServer(async (req, res) => {
      try {
        const { payload, keyIndex } = await parseNodeWebhookRequest(req, verifier);
        outcomes.push(
          `${keyIndex}:${isEventNotification(payload) ? payload.message.events[0]?.eventType : 'other'}`,
        );
        res.writeHead(200).end();
      } catch (error) {
        outcomes.push(error instanceof WebhookVerificationError ? error.reason : 'error');
        res.writeHead(401).end();
      }
    });
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
    try {
      const callbackUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}/ce-events`;
      await enableEvents(client, instanceId, {
        mode: 'webhook',
        callbackUrl,
        signatureKey: 'emulator-key-1234',
      });
      const created = await crm.POST('/hubs/crm/contacts', {
        body: { email: 'new@example.com', lastName: 'New' },
      });
      expect(created.response.ok).toBe(true);
      await emulator.settle();
      expect(outcomes).toEqual(['1:CREATED']);
    } finally {
      await new Promise((resolve) => app.close(resolve));
    }
  });
});

describe('uploads through the client', () => {
  test('a file uploaded with a FormData body and several tags keeps its bytes and every tag', async () => {
    const documents = client.forInstance(emulator.createInstance({ element: 'sfdcdocuments' }).token);
    const form = new FormData();
    form.append('file', new Blob(['quarterly numbers'], { type: 'text/plain' }), 'q1.txt');
    // tags[] as the client sends an array (repeated): the API's tags[] parameters are repeatable.
    const uploaded = await documents.POST('/hubs/documents/files', {
      params: { query: { path: '/reports/q1.txt', 'tags[]': ['finance', 'q1'] } },
      body: form,
    });
    expect(uploaded.error).toBeUndefined();
    expect(uploaded.data).toMatchObject({ path: '/reports/q1.txt', tags: ['finance', 'q1'] });
    const read = await documents.GET('/hubs/documents/files/{id}', {
      params: { path: { id: String(uploaded.data!.id) } },
      parseAs: 'text',
    });
    expect(read.data).toBe('quarterly numbers');
  });
});
