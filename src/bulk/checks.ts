// Argument checks and call helpers shared by the bulk modules (jobs, upload, download). Not public API.
import { fail, isHttpUrl, snippet } from '../core/index.js';
import type { BulkJobRef } from './types.js';

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
  if (typeof ref.jobId !== 'number') checkText('jobId', ref.jobId);
  else if (!Number.isSafeInteger(ref.jobId) || ref.jobId < 0) {
    fail(`jobId must be the job's id as Cloud Elements returned it, got ${ref.jobId}.`);
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
