// waitForBulkJob's waits over real HTTP: maxDelayMs bounds every wait, the first one too.
import { afterEach, expect, test } from 'vitest';
import { TimeoutError } from '../../src/core/index.js';
import { waitForBulkJob } from '../../src/bulk/index.js';
import { clientOf, sendJson, startServer, type TestServer } from '../helpers/http-server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

test('an initialDelayMs above maxDelayMs waits maxDelayMs, as maxDelayMs is the longest wait', async () => {
  const times: number[] = [];
  server = await startServer((_req, res) => {
    times.push(performance.now());
    sendJson(res, 200, { id: 'job-1', status: 'IN_PROGRESS' });
  });
  const crm = clientOf(server).forInstance('element-token');
  const error = await waitForBulkJob(crm, {
    hub: 'crm',
    jobId: 'job-1',
    timeoutMs: 800,
    initialDelayMs: 10_000,
    maxDelayMs: 50,
  }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(TimeoutError);
  // Before, the first wait was the whole initialDelayMs: one check, then the deadline.
  expect(times.length).toBeGreaterThanOrEqual(4);
  const gaps = times.slice(1).map((t, i) => t - times[i]!);
  // Timers may fire late on a busy machine, never 10 s late.
  expect(Math.max(...gaps)).toBeLessThan(400);
});

test('maxDelayMs alone, below the default initialDelayMs, bounds the first wait too', async () => {
  server = await startServer((_req, res, index) =>
    sendJson(res, 200, { id: 'job-1', status: index < 2 ? 'IN_PROGRESS' : 'COMPLETED' }),
  );
  const crm = clientOf(server).forInstance('element-token');
  const started = performance.now();
  await expect(waitForBulkJob(crm, { hub: 'crm', jobId: 'job-1', maxDelayMs: 20 })).resolves.toMatchObject({
    status: 'COMPLETED',
  });
  // Two waits of at most 20 ms each; the default initialDelayMs (1 s) would have taken over a second.
  expect(performance.now() - started).toBeLessThan(900);
  expect(server.requests).toHaveLength(3);
});
