/**
 * Bulk jobs: the job types, start a query (download) job, read a job's status, wait for a job with backoff,
 * cancel a job. Uploads are in `upload.ts`, downloads and a job's errors in `download.ts`.
 */
import type { paths } from '../../generated/schema.js';
import { checkClient, redactorOf, unexpectedAnswer, unwrap } from '../client/index.js';
import {
  CloudElementsError,
  ConnectionError,
  RateLimitError,
  ServerError,
  TimeoutError,
  checkTimeoutMs,
  describeValue,
  fail,
  follow,
  redactValue,
  serverSnippet,
  sleep,
  snippet,
  unfollow,
  type Redactor,
} from '../core/index.js';
import { isCeqlFragment, type CeqlFragment } from '../query/index.js';
import { callbackHeader, checkJob, checkJobId, checkRef, checkText, jobCall, signalOf } from './checks.js';
import type { BulkClient, BulkJob, BulkJobRef, BulkJobStatusReport } from './types.js';

/** Statuses after which a job does not change any more. */
// scripts/build.mjs puts back the `@__PURE__` that minifying drops, so an app without bulk jobs does not keep it.
export const BULK_TERMINAL_STATUSES: readonly string[] = /* @__PURE__ */ Object.freeze([
  'COMPLETED',
  'COMPLETE',
  'FAILED',
  'CANCELLED',
  'ABORTED',
]);

/**
 * Whether a job status is final: `COMPLETED`/`COMPLETE` (success), `FAILED`, `CANCELLED` or `ABORTED`, in any
 * case. `undefined` and `null` (no status yet) are not final.
 *
 * @throws {TypeError} for anything else that is not a string, such as the whole report: answering `false` would
 *   keep a polling loop going for ever. Pass `report.status`.
 */
export function isBulkJobFinished(status: string | undefined): boolean {
  if (status === undefined || status === null) return false;
  if (typeof status !== 'string') {
    fail(`isBulkJobFinished takes the job's status string (report.status), got ${describeValue(status)}.`);
  }
  return BULK_TERMINAL_STATUSES.includes(status.toUpperCase());
}

/**
 * A bulk job ended without completing (`FAILED`, `CANCELLED`, `ABORTED`), or completed with records that failed
 * while the caller did not allow that (`jobStatus` is then `COMPLETED`; `listBulkJobErrors` lists the records).
 */
export class BulkJobError extends CloudElementsError {
  /** Always `'BulkJobError'`, the class's name, also in stack traces and logs. */
  override name = 'BulkJobError';
  static override readonly name: string = 'BulkJobError';
  // The fields are `declare`d: the constructor sets them all, in this order.
  /** The job's id. */
  declare readonly jobId: string;
  /** The final status, e.g. `FAILED`. */
  declare readonly jobStatus: string;
  /** The last status report. */
  declare readonly job: BulkJobStatusReport;

  constructor(message: string, options: { jobId: string; job: BulkJobStatusReport }) {
    super(message);
    this.jobId = options.jobId;
    this.jobStatus = String(options.job.status);
    this.job = options.job;
  }
}

/** Options of {@link startBulkQuery}. */
export type StartBulkQueryOptions = {
  /** Hub segment of the path, e.g. `crm`. */
  hub: string;
  /**
   * Sort field as the element's bulk service takes it apart from the query (`orderby`), for elements whose bulk
   * template reads it; Marketo and others take `order by` inside the query instead (`formatBulkQuery({ orderBy })`).
   */
  orderBy?: string | undefined;
  /** URL Cloud Elements POSTs to when the job ends (`Elements-Async-Callback-Url`). */
  callbackUrl?: string | undefined;
  /** Only records changed since then (elements with incremental downloads). */
  lastRunDate?: Date | string | undefined;
  /** Start of a date range, where the element supports one. */
  from?: Date | string | undefined;
  /** End of a date range, where the element supports one. */
  to?: Date | string | undefined;
  /** Aborts the call. */
  signal?: AbortSignal | undefined;
} & (
  | {
      /** The query: `formatBulkQuery(…)`, a `ceql` fragment, or your own `select … from …` text. */
      query: CeqlFragment | string;
      /** Continue a `limit`ed job (Marketo): the earlier job's `id`, as returned. */
      continueFromJobId?: string | number | undefined;
    }
  | {
      /** Left out when continuing a job: the earlier job's query goes on. */
      query?: undefined;
      /** Continue a `limit`ed job (Marketo): the earlier job's `id`, as returned. */
      continueFromJobId: string | number;
    }
);

/** A date option as Cloud Elements takes it (ISO 8601); refuses anything but a valid Date or a non-empty string. */
function isoDate(name: string, value: unknown): string {
  if (value instanceof Date) {
    // An invalid Date shows as `null` in JSON; say what it is.
    if (Number.isNaN(value.getTime())) fail(`${name} is an invalid Date; check how it was parsed.`);
    return value.toISOString();
  }
  if (typeof value === 'string' && value.trim() !== '' && !/[\r\n]/.test(value)) return value;
  fail(`${name} must be a Date or an ISO 8601 date string, got ${snippet(value)}.`);
}

/**
 * Starts a bulk download job: `POST /hubs/{hub}/bulk/query?q=…`.
 *
 * @throws {CloudElementsError} (the subclass for the status), e.g. `BadRequestError` with `Error parsing query`.
 * @throws {InvalidResponseError} when the answer is not a job with an `id` (no body, `null`, no `id`).
 * @example
 * const job = await startBulkQuery(crm, { hub: 'crm', query: formatBulkQuery({ from: 'contacts', where: ceql`lastName = ${name}` }) });
 */
export async function startBulkQuery(client: BulkClient, options: StartBulkQueryOptions): Promise<BulkJob> {
  checkClient('startBulkQuery', client);
  checkText('hub', options?.hub);
  const { continueFromJobId } = options;
  const q = isCeqlFragment(options.query) ? options.query.text : options.query;
  // Continuing a job needs no query.
  if (continueFromJobId === undefined) checkText('query', q);
  const query: NonNullable<paths['/hubs/{hub}/bulk/query']['post']['parameters']['query']> = {};
  if (q !== undefined && q !== '') query.q = q;
  for (const name of ['lastRunDate', 'from', 'to'] as const) {
    if (options[name] !== undefined) query[name] = isoDate(name, options[name]);
  }
  if (continueFromJobId !== undefined) {
    checkJobId('continueFromJobId', continueFromJobId);
    query.continueFromJobId = String(continueFromJobId);
  }
  if (options.orderBy !== undefined) {
    checkText('orderBy', options.orderBy);
    query.orderby = options.orderBy;
  }
  const answer = await client.POST('/hubs/{hub}/bulk/query', {
    params: { path: { hub: options.hub }, query },
    headers: callbackHeader(options.callbackUrl),
    ...signalOf(options.signal),
  });
  return checkJob(await unwrap(answer), answer.response, {
    name: 'startBulkQuery',
    method: 'POST',
    path: `/hubs/${options.hub}/bulk/query`,
  });
}

/**
 * Reads a job's status once: `GET /hubs/{hub}/bulk/{id}/status`.
 *
 * @throws {InvalidResponseError} when the answer is not a report (`null`, no body, a list, an object without a
 *   `status`).
 * @throws {CloudElementsError} (the subclass for the status) when the call fails.
 */
export async function getBulkJobStatus(client: BulkClient, ref: BulkJobRef): Promise<BulkJobStatusReport> {
  checkClient('getBulkJobStatus', client);
  return (await readStatus(client, ref)).report;
}

/** A job's status report, and what scrubs the calling client's secrets from the server's text in it. */
async function readStatus(
  client: BulkClient,
  ref: BulkJobRef,
): Promise<{ report: BulkJobStatusReport; redact: Redactor }> {
  const answer = await client.GET('/hubs/{hub}/bulk/{id}/status', jobCall(ref));
  const report: unknown = await unwrap(answer);
  const redact = redactorOf(answer.response);
  const shape = reportShape(report, redact);
  if (shape !== undefined) {
    const path = `/hubs/${ref.hub}/bulk/${ref.jobId}/status`;
    // Refused rather than polled: a report without a status would read as "still running" until the deadline.
    throw unexpectedAnswer(
      answer.response,
      { method: 'GET', path },
      `GET ${path} answered ${answer.response.status} with ${shape} instead of a job status report.`,
    );
  }
  return { report: report as BulkJobStatusReport, redact };
}

/** What an answer that is not a status report (an object with a `status` text) is, for a message; else `undefined`. */
function reportShape(report: unknown, redact: Redactor): string | undefined {
  if (report === undefined) return 'no body';
  if (report === null || typeof report !== 'object') {
    return typeof report === 'string' ? `the text ${snippet(redact(report))}` : snippet(report);
  }
  if (Array.isArray(report)) return `a JSON array of ${report.length}`;
  const { status, message } = report as { status?: unknown; message?: unknown };
  if (typeof status === 'string') return undefined;
  const said =
    typeof message === 'string' && message !== '' ? `, saying "${serverSnippet(redact(message))}"` : '';
  return `an object with ${status === undefined ? 'no' : 'a non-text'} status${said}`;
}

/** Options of {@link waitForBulkJob}. */
export type WaitForBulkJobOptions = BulkJobRef & {
  /**
   * Take a job that completed with failed records (`recordsFailedCount`, or the provider's `numOfRowsFailed`,
   * above 0) as done. By default such a job throws a {@link BulkJobError}, so that an upload whose records were
   * all refused does not pass for a success; set this when failed records are expected and read them with
   * `listBulkJobErrors`.
   *
   * @default false
   */
  allowFailedRecords?: boolean | undefined;
  /**
   * Longest total wait, in milliseconds; then a `TimeoutError` is thrown (the job keeps running).
   *
   * @default 3_600_000 (1 hour)
   */
  timeoutMs?: number | undefined;
  /**
   * Wait before the second status check, in milliseconds; each later wait doubles, up to `maxDelayMs`. A value
   * above `maxDelayMs` is taken as `maxDelayMs`.
   *
   * @default 1_000
   */
  initialDelayMs?: number | undefined;
  /**
   * Longest wait between two status checks, in milliseconds, the first one included.
   *
   * @default 30_000
   */
  maxDelayMs?: number | undefined;
  /** Called with every status report, e.g. to show progress. */
  onStatus?: ((report: BulkJobStatusReport) => void) | undefined;
};

function checkMs(name: string, value: number): void {
  if (!(typeof value === 'number' && value >= 0)) {
    fail(`${name} must be a non-negative number of milliseconds, got ${snippet(value)}.`);
  }
}

/**
 * Polls a job's status until it is finished, waiting longer between checks each time (exponential backoff).
 * Resolves with the final report when the job is `COMPLETED` or `COMPLETE` with no failed record (or with some,
 * under `allowFailedRecords`); any other status is read as "still running".
 *
 * @throws {BulkJobError} when the job ends `FAILED`, `CANCELLED` or `ABORTED`, or completes with failed records
 *   and `allowFailedRecords` is not set (`error.job` is the report).
 * A status check that fails for a while is not the end of the wait: after a 429 the next check comes when its
 * `Retry-After` asks (within `timeoutMs`); after a 408, 502, 503 or 504, a lost connection or a status call out of
 * time (each already retried by the client), at the next backoff step, up to 5 such checks in a row.
 *
 * @throws {TimeoutError} when `timeoutMs` passes first (`cause` is the last check's failure, if it failed).
 * @throws {InvalidResponseError} when a status check answers something other than a report (`null`, no body, a
 *   list, an object without a `status`).
 * @throws {CloudElementsError} (the subclass for the status) when a status check fails otherwise (a 401, a 404, a
 *   500), or a 6th time in a row.
 * @throws the signal's reason when `signal` aborts.
 * @example
 * const report = await waitForBulkJob(crm, { hub: 'crm', jobId: job.id, timeoutMs: 600_000 });
 */
export async function waitForBulkJob(
  client: BulkClient,
  options: WaitForBulkJobOptions,
): Promise<BulkJobStatusReport> {
  checkClient('waitForBulkJob', client);
  checkRef(options);
  const { timeoutMs = 3_600_000, initialDelayMs = 1_000, maxDelayMs = 30_000, signal, onStatus } = options;
  // The client's own check: a limit beyond what a timer can hold is refused, not turned into 1 ms.
  checkTimeoutMs(timeoutMs);
  checkMs('initialDelayMs', initialDelayMs);
  checkMs('maxDelayMs', maxDelayMs);
  if (options.allowFailedRecords !== undefined && typeof options.allowFailedRecords !== 'boolean') {
    fail(`allowFailedRecords must be true or false, got ${snippet(options.allowFailedRecords)}.`);
  }
  // Checked now, not at the first report: a bad callback would fail only after the first poll.
  if (onStatus !== undefined && typeof onStatus !== 'function') {
    fail(`onStatus must be a function called with each status report, got ${snippet(onStatus)}.`);
  }
  signal?.throwIfAborted();
  // The deadline aborts the status call in flight or the wait, not only the next check; so does the caller's
  // signal, followed (not combined with AbortSignal.any, which on Node 20 keeps every wait on a long-lived signal).
  const deadline = new AbortController();
  const timer = Number.isFinite(timeoutMs) ? setTimeout(() => deadline.abort(), timeoutMs) : undefined;
  const follower = { handleEvent: () => deadline.abort(signal!.reason) };
  if (signal) follow(signal, follower);
  const stop = deadline.signal;
  let last: BulkJobStatusReport | undefined;
  let lastRedact: Redactor = (text) => text;
  let checks = 0;
  // The failure of the last status check, while checks fail (see transientWait).
  let failure: unknown;
  let failuresInARow = 0;
  let failedChecks = 0;
  // A call or a wait stopped by the deadline ends in a TimeoutError; the caller's own abort keeps its reason.
  const rethrow = (error: unknown): never => {
    if (signal?.aborted) throw signal.reason;
    if (!deadline.signal.aborted) throw error;
    const status = last ? serverSnippet(lastRedact(String(last.status))) : 'unknown';
    throw new TimeoutError(
      `Bulk job ${options.jobId} did not finish within ${timeoutMs} ms (${checks} status checks, last status ` +
        `${status}${failure === undefined ? '' : ', the last check failed'}); it may still be running.`,
      {
        timeoutMs,
        method: 'GET',
        path: `/hubs/${options.hub}/bulk/${options.jobId}/status`,
        cause: failure,
        // The status calls made, failed ones included; the job itself was started before the wait.
        attempts: checks + failedChecks,
        mayHaveReachedServer: true,
      },
    );
  };
  try {
    // maxDelayMs bounds the first wait too: it may be set alone, below the default initialDelayMs.
    const firstDelayMs = Math.min(initialDelayMs, maxDelayMs);
    for (let delayMs = firstDelayMs; ; delayMs = Math.min(maxDelayMs, Math.max(delayMs * 2, 1))) {
      let read: Awaited<ReturnType<typeof readStatus>>;
      try {
        read = await readStatus(client, { hub: options.hub, jobId: options.jobId, signal: stop });
      } catch (error) {
        if (stop.aborted) rethrow(error);
        failedChecks += 1;
        const waitMs = transientWait(error, delayMs);
        // A 429 is the API asking to come back later, not failing: only the deadline bounds those.
        if (!(error instanceof RateLimitError)) failuresInARow += 1;
        if (waitMs === undefined || failuresInARow > MAX_FAILED_CHECKS) throw error;
        failure = error;
        await sleep(waitMs, stop).catch(rethrow);
        continue;
      }
      failure = undefined;
      failuresInARow = 0;
      last = read.report;
      lastRedact = read.redact;
      checks += 1;
      onStatus?.(last);
      const status = String(last.status ?? '').toUpperCase();
      // COMPLETED, or COMPLETE as the bulk guide spells it.
      const completed = /^COMPLETED?$/.test(status);
      const failed = completed ? failedRecords(last) : 0;
      if (completed && (failed === 0 || options.allowFailedRecords === true)) return last;
      if (completed) {
        // The job's own count, named as it is: whether it holds the failed records differs between elements.
        const count = typeof last.recordsCount === 'number' ? ` (recordsCount ${last.recordsCount})` : '';
        throw new BulkJobError(
          `Bulk job ${options.jobId} completed, but ${failed} record${failed === 1 ? '' : 's'} failed${count}: listBulkJobErrors() lists ` +
            'them. Pass allowFailedRecords: true to take a job with failed records as done.',
          { jobId: String(options.jobId), job: redactValue(last, read.redact) as BulkJobStatusReport },
        );
      }
      if (isBulkJobFinished(status)) {
        // The job's message is the server's text, as an error body is: it may quote a callback URL or a
        // credential, and it may be long.
        const { redact } = read;
        const detail =
          typeof last.message === 'string' && last.message !== ''
            ? `: ${serverSnippet(redact(last.message))}`
            : '';
        throw new BulkJobError(`Bulk job ${options.jobId} ended with status ${status}${detail}.`, {
          jobId: String(options.jobId),
          job: redactValue(last, redact) as BulkJobStatusReport,
        });
      }
      await sleep(delayMs, stop).catch(rethrow);
    }
  } finally {
    clearTimeout(timer);
    if (signal) unfollow(signal, follower);
  }
}

/**
 * Status checks in a row that may fail for a while (each already retried by the client) before the wait gives up:
 * an hour-long wait outlives a gateway's restart, not an API that keeps failing.
 */
const MAX_FAILED_CHECKS = 5;

/**
 * How long to wait before checking again after `error`, or `undefined` when it does not pass: a 429 (as long as
 * its `Retry-After` asks, even past `maxDelayMs`, within the deadline), a 408, 502, 503 or 504, a lost connection
 * or a status call out of time. Any other failure (a 401, a 404 for a job that does not exist, a 500 the provider
 * keeps giving) ends the wait.
 */
function transientWait(error: unknown, delayMs: number): number | undefined {
  if (error instanceof RateLimitError) return Math.max(delayMs, error.retryAfterMs ?? 0);
  const passing =
    error instanceof ConnectionError ||
    error instanceof TimeoutError ||
    (error instanceof ServerError && [408, 502, 503, 504].includes(error.status!));
  return passing ? delayMs : undefined;
}

/** How many records a completed job failed on: Cloud Elements' own count, or the provider's where it reports one. */
function failedRecords(report: BulkJobStatusReport): number {
  const counts = [report.recordsFailedCount, report.numOfRowsFailed].filter(
    (count): count is number => typeof count === 'number' && count > 0,
  );
  return counts.length === 0 ? 0 : Math.max(...counts);
}

/**
 * Cancels a job: `PUT /hubs/{hub}/bulk/{id}/cancel`. Its status then reads `CANCELLED`.
 *
 * @throws {CloudElementsError} (the subclass for the status) when the call fails.
 */
export async function cancelBulkJob(client: BulkClient, ref: BulkJobRef): Promise<void> {
  checkClient('cancelBulkJob', client);
  await unwrap(client.PUT('/hubs/{hub}/bulk/{id}/cancel', { ...jobCall(ref), parseAs: 'text' }));
}
