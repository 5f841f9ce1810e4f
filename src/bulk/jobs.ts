/**
 * Bulk jobs: the job types, start a query (download) job, read a job's status, wait for a job with backoff,
 * cancel a job. Uploads are in `bulk-upload.ts`, downloads and a job's errors in `bulk-download.ts`.
 */
import type { paths } from '../../generated/schema.js';
import { unwrap } from '../client/index.js';
import { CloudElementsError, TimeoutError, snippet } from '../core/index.js';
import { isCeqlFragment, type CeqlFragment } from '../query/index.js';
import { callbackHeader, checkRef, checkText, dataOf } from './checks.js';
import type { BulkClient, BulkJob, BulkJobRef, BulkJobStatusReport } from './types.js';

/** Statuses after which a job does not change any more. */
export const BULK_TERMINAL_STATUSES: readonly string[] = Object.freeze([
  'COMPLETED',
  'COMPLETE',
  'FAILED',
  'CANCELLED',
  'ABORTED',
]);
const successStatuses = new Set(['COMPLETED', 'COMPLETE']);

/** Whether a job status is final: `COMPLETED`/`COMPLETE` (success), `FAILED`, `CANCELLED` or `ABORTED`. */
export function isBulkJobFinished(status: string | undefined): boolean {
  return status !== undefined && BULK_TERMINAL_STATUSES.includes(status.toUpperCase());
}

/** A bulk job ended without completing (`FAILED`, `CANCELLED`, `ABORTED`). */
export class BulkJobError extends CloudElementsError {
  /** Always `'BulkJobError'`, the class's name, also in stack traces and logs. */
  override name = 'BulkJobError';
  /** The job's id. */
  readonly jobId: string;
  /** The final status, e.g. `FAILED`. */
  readonly jobStatus: string;
  /** The last status report. */
  readonly job: BulkJobStatusReport;

  constructor(message: string, options: { jobId: string; job: BulkJobStatusReport }) {
    super(message);
    this.jobId = options.jobId;
    this.job = options.job;
    this.jobStatus = String(options.job.status);
  }
}

const prefix = '[cloud-elements]';

/** Options of {@link startBulkQuery}. */
export type StartBulkQueryOptions = {
  /** Hub segment of the path, e.g. `crm`. */
  hub: string;
  /** The query: `formatBulkQuery(…)`, a `ceql` fragment, or your own `select … from …` text. */
  query: CeqlFragment | string;
  /** URL Cloud Elements POSTs to when the job ends (`Elements-Async-Callback-Url`). */
  callbackUrl?: string;
  /** Only records changed since then (elements with incremental downloads). */
  lastRunDate?: Date | string;
  /** Start of a date range, where the element supports one. */
  from?: Date | string;
  /** End of a date range, where the element supports one. */
  to?: Date | string;
  /** Continue a `limit`ed job (Marketo). */
  continueFromJobId?: string;
  /** Aborts the call. */
  signal?: AbortSignal;
};

/** A date option as Cloud Elements takes it (ISO 8601); refuses anything but a valid Date or a non-empty string. */
function isoDate(name: string, value: unknown): string {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
  if (typeof value === 'string' && value.trim() !== '' && !/[\r\n]/.test(value)) return value;
  throw new TypeError(`${prefix} ${name} must be a Date or an ISO 8601 date string, got ${snippet(value)}.`);
}

/**
 * Starts a bulk download job: `POST /hubs/{hub}/bulk/query?q=…`.
 *
 * @throws {CloudElementsError} (the subclass for the status), e.g. `BadRequestError` with `Error parsing query`.
 * @example
 * const job = await startBulkQuery(crm, { hub: 'crm', query: formatBulkQuery({ from: 'contacts', where: ceql`lastName = ${name}` }) });
 */
export async function startBulkQuery(client: BulkClient, options: StartBulkQueryOptions): Promise<BulkJob> {
  checkText('hub', options?.hub);
  const q = isCeqlFragment(options.query) ? options.query.text : options.query;
  if (options.continueFromJobId === undefined) checkText('query', q);
  const query: NonNullable<paths['/hubs/{hub}/bulk/query']['post']['parameters']['query']> = {};
  if (q !== undefined && q !== '') query.q = q;
  if (options.lastRunDate !== undefined) query.lastRunDate = isoDate('lastRunDate', options.lastRunDate);
  if (options.from !== undefined) query.from = isoDate('from', options.from);
  if (options.to !== undefined) query.to = isoDate('to', options.to);
  if (options.continueFromJobId !== undefined) {
    checkText('continueFromJobId', options.continueFromJobId);
    query.continueFromJobId = options.continueFromJobId;
  }
  const headers = callbackHeader(options.callbackUrl);
  return dataOf(
    client.POST('/hubs/{hub}/bulk/query', {
      params: { path: { hub: options.hub }, query },
      ...(headers ? { headers } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    }),
  );
}

/** Reads a job's status once: `GET /hubs/{hub}/bulk/{id}/status`. */
export async function getBulkJobStatus(client: BulkClient, ref: BulkJobRef): Promise<BulkJobStatusReport> {
  checkRef(ref);
  return dataOf(
    client.GET('/hubs/{hub}/bulk/{id}/status', {
      params: { path: { hub: ref.hub, id: String(ref.jobId) } },
      ...(ref.signal ? { signal: ref.signal } : {}),
    }),
  );
}

/** Options of {@link waitForBulkJob}. */
export type WaitForBulkJobOptions = BulkJobRef & {
  /**
   * Longest total wait, in milliseconds; then a `TimeoutError` is thrown (the job keeps running).
   *
   * @default 3_600_000 (1 hour)
   */
  timeoutMs?: number;
  /**
   * Wait before the second status check, in milliseconds; each later wait doubles, up to `maxDelayMs`.
   *
   * @default 1_000
   */
  initialDelayMs?: number;
  /**
   * Longest wait between two status checks, in milliseconds.
   *
   * @default 30_000
   */
  maxDelayMs?: number;
  /** Called with every status report, e.g. to show progress. */
  onStatus?: (report: BulkJobStatusReport) => void;
};

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function checkMs(name: string, value: number, allowZero = true): void {
  if (typeof value !== 'number' || Number.isNaN(value) || value < 0 || (!allowZero && value === 0)) {
    throw new TypeError(
      `${prefix} ${name} must be a ${allowZero ? 'non-negative' : 'positive'} number of milliseconds, got ${snippet(value)}.`,
    );
  }
}

/**
 * Polls a job's status until it is finished, waiting longer between checks each time (exponential backoff).
 * Resolves with the final report when the job is `COMPLETED` or `COMPLETE`; any other status is read as "still
 * running".
 *
 * @throws {BulkJobError} when the job ends `FAILED`, `CANCELLED` or `ABORTED` (`error.job` is the report).
 * @throws {TimeoutError} when `timeoutMs` passes first.
 * @throws the signal's reason when `signal` aborts.
 * @example
 * const report = await waitForBulkJob(crm, { hub: 'crm', jobId: job.id, timeoutMs: 600_000 });
 */
export async function waitForBulkJob(
  client: BulkClient,
  options: WaitForBulkJobOptions,
): Promise<BulkJobStatusReport> {
  checkRef(options);
  const { timeoutMs = 3_600_000, initialDelayMs = 1_000, maxDelayMs = 30_000, signal, onStatus } = options;
  checkMs('timeoutMs', timeoutMs, false);
  checkMs('initialDelayMs', initialDelayMs);
  checkMs('maxDelayMs', maxDelayMs);
  const deadline = Date.now() + timeoutMs;
  // Abort the status call in flight when the deadline passes, not only between calls.
  const timer = new AbortController();
  const handle = Number.isFinite(timeoutMs) ? setTimeout(() => timer.abort(), timeoutMs) : undefined;
  const combined = signal ? AbortSignal.any([signal, timer.signal]) : timer.signal;
  let delayMs = initialDelayMs;
  let last: BulkJobStatusReport | undefined;
  let checks = 0;
  const timeout = () =>
    new TimeoutError(
      `Bulk job ${options.jobId} did not finish within ${timeoutMs} ms (${checks} status checks, last status ` +
        `${last ? String(last.status) : 'unknown'}); it may still be running.`,
      { timeoutMs, method: 'GET', path: `/hubs/${options.hub}/bulk/${options.jobId}/status` },
    );
  try {
    for (;;) {
      try {
        last = await getBulkJobStatus(client, { hub: options.hub, jobId: options.jobId, signal: combined });
      } catch (error) {
        if (timer.signal.aborted && !signal?.aborted) throw timeout();
        throw error;
      }
      checks += 1;
      onStatus?.(last);
      const status = String(last.status ?? '').toUpperCase();
      if (successStatuses.has(status)) return last;
      if (isBulkJobFinished(status)) {
        const detail = typeof last.message === 'string' && last.message !== '' ? `: ${last.message}` : '';
        throw new BulkJobError(`Bulk job ${options.jobId} ended with status ${status}${detail}.`, {
          jobId: String(options.jobId),
          job: last,
        });
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw timeout();
      try {
        await sleep(Math.min(delayMs, remaining), combined);
      } catch (error) {
        if (timer.signal.aborted && !signal?.aborted) throw timeout();
        throw error;
      }
      delayMs = Math.min(maxDelayMs, Math.max(delayMs * 2, 1));
    }
  } finally {
    clearTimeout(handle);
  }
}

/**
 * Cancels a job: `PUT /hubs/{hub}/bulk/{id}/cancel`. Its status then reads `CANCELLED`.
 *
 * @throws {CloudElementsError} (the subclass for the status) when the call fails.
 */
export async function cancelBulkJob(client: BulkClient, ref: BulkJobRef): Promise<void> {
  checkRef(ref);
  await unwrap(
    client.PUT('/hubs/{hub}/bulk/{id}/cancel', {
      params: { path: { hub: ref.hub, id: String(ref.jobId) } },
      parseAs: 'text',
      ...(ref.signal ? { signal: ref.signal } : {}),
    }),
  );
}
