// Argument checks and call helpers shared by the bulk modules (jobs, upload, download). Not public API.
import { unwrap } from '../client/index.js';
import { isHttpUrl } from '../core/index.js';
import type { BulkJobRef } from './types.js';

const prefix = '[cloud-elements]';

/** Checks a required string option; the message names the option and says what it got. */
export function checkText(name: string, value: unknown): asserts value is string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new TypeError(
      `${prefix} ${name} must be a non-empty string, got ${value === '' ? 'an empty string' : typeof value}.`,
    );
  }
}

/** Checks a job reference `{ hub, jobId }`. */
export function checkRef(ref: BulkJobRef): void {
  if (ref === null || typeof ref !== 'object') {
    throw new TypeError(`${prefix} Pass the job as { hub: 'crm', jobId: '1234' }.`);
  }
  checkText('hub', ref.hub);
  if (typeof ref.jobId === 'number') {
    if (!Number.isSafeInteger(ref.jobId) || ref.jobId < 0) {
      throw new TypeError(
        `${prefix} jobId must be the job's id as Cloud Elements returned it, got ${ref.jobId}.`,
      );
    }
  } else checkText('jobId', ref.jobId);
}

// Throws the typed error of a failed call; returns the data of a successful one.
export async function dataOf<T>(
  result: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  return (await unwrap(result)) as T;
}

/** The `Elements-Async-Callback-Url` header for a callback URL, after checking it is an absolute http(s) URL. */
export function callbackHeader(callbackUrl: string | undefined): Record<string, string> | undefined {
  if (callbackUrl === undefined) return undefined;
  if (!isHttpUrl(callbackUrl)) {
    throw new TypeError(
      `${prefix} callbackUrl must be an absolute http(s) URL such as https://example.com/bulk-done.`,
    );
  }
  return { 'Elements-Async-Callback-Url': callbackUrl };
}
