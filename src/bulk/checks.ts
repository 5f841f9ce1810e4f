// Argument checks and call helpers shared by the bulk modules (jobs, upload, download). Not public API.
import { unexpectedAnswer } from '../client/index.js';
import { describeValue, fail, isHttpUrl, snippet } from '../core/index.js';
import type { BulkJob, BulkJobRef } from './types.js';

/** Checks a required string option; the message names the option and says what it got. */
export function checkText(name: string, value: unknown): asserts value is string {
  if (typeof value !== 'string' || value.trim() === '') {
    fail(`${name} must be a non-empty string, got ${value === '' ? 'an empty string' : typeof value}.`);
  }
}

/** Checks a job reference `{ hub, jobId }`. */
export function checkRef(ref: BulkJobRef): void {
  if (ref === null || typeof ref !== 'object') fail("Pass the job as { hub: 'crm', jobId: '1234' }.");
  checkText('hub', ref.hub);
  checkJobId('jobId', ref.jobId);
}

/** Checks a job's id, a number in some answers and a string in others (`BulkJob.id`), named `name`. */
export function checkJobId(name: string, id: unknown): void {
  if (typeof id !== 'number') checkText(name, id);
  else if (!Number.isSafeInteger(id) || id < 0) {
    fail(`${name} must be the job's id as Cloud Elements returned it, got ${id}.`);
  }
}

/** Checks a `format` option: `csv`, `json` or left out. */
export function checkFormat(format: unknown): void {
  if (format !== undefined && format !== 'csv' && format !== 'json') {
    fail(`format must be 'csv' or 'json', got ${snippet(format)}.`);
  }
}

/** `{ signal }`, or nothing when there is no signal: an absent key leaves a client's own default in force. */
export function signalOf(signal: AbortSignal | undefined): { signal?: AbortSignal } {
  return signal ? { signal } : {};
}

/**
 * The options of a call on one job, after checking the reference: the path parameters (`hub`, `id` and the
 * call's `others`) and the caller's signal.
 */
export function jobCall<P extends object = object>(ref: BulkJobRef, others?: P) {
  checkRef(ref);
  return {
    params: { path: { hub: ref.hub, id: String(ref.jobId), ...others } as { hub: string; id: string } & P },
    ...signalOf(ref.signal),
  };
}

/** The `Elements-Async-Callback-Url` header for a callback URL, after checking it is an absolute http(s) URL. */
export function callbackHeader(callbackUrl: string | undefined): Record<string, string> {
  if (callbackUrl === undefined) return {};
  if (!isHttpUrl(callbackUrl)) {
    fail('callbackUrl must be an absolute http(s) URL such as https://example.com/bulk-done.');
  }
  return { 'Elements-Async-Callback-Url': callbackUrl };
}

/** Whether a job id can be sent back in a job's paths: a non-blank string, or a whole number as `checkRef` takes it. */
function isJobId(id: unknown): boolean {
  return typeof id === 'string' ? id.trim() !== '' : Number.isSafeInteger(id) && (id as number) >= 0;
}

/**
 * The job a call that starts one (`name`, e.g. `startBulkQuery`) answered with, or an `InvalidResponseError` when
 * the answer holds no id to follow the job by: a 200 or 204 with no body, `null` or `{ "status": "CREATED" }` would
 * otherwise fail later, as a TypeError on `job.id` or as "jobId must be a non-empty string". The message describes
 * the answer by its shape only: the server may echo the query or the callback URL.
 */
export function checkJob(
  job: unknown,
  response: Response,
  call: { name: string; method: string; path: string },
): BulkJob {
  const id = job !== null && typeof job === 'object' ? (job as { id?: unknown }).id : undefined;
  if (!Array.isArray(job) && isJobId(id)) return job as BulkJob;
  const got =
    job === undefined
      ? 'no body'
      : job === null
        ? 'null'
        : Array.isArray(job)
          ? 'a JSON array'
          : typeof job !== 'object'
            ? `a JSON ${typeof job}`
            : id === undefined
              ? 'an object without an id'
              : `an id that is ${typeof id === 'string' ? 'blank' : describeValue(id)}`;
  throw unexpectedAnswer(
    response,
    call,
    `${call.name}: ${call.method} ${call.path} answered ${response.status} with ${got} instead of a bulk job ` +
      '({ "id": …, "status": … }), so the job cannot be followed. It may have started anyway: check for it ' +
      'before starting it again.',
  );
}
