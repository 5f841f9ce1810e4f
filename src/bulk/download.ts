/**
 * Reading a finished bulk job's output: its records as a byte stream or parsed as they arrive, and the records
 * it could not process.
 */
import type { components } from '../../generated/schema.js';
import { answerFacts, checkClient, redactorOf, unwrap } from '../client/index.js';
import { InvalidResponseError, fail } from '../core/index.js';
import { paginate } from '../query/index.js';
import { checkFormat, checkRef, checkText, jobCall } from './checks.js';
import { parseCsvResults, parseNdjsonRecords, type ResultsCall } from './formats.js';
import type { BulkClient, BulkJobRef } from './types.js';

/** One failed record of a bulk job. */
export type BulkJobErrorRecord = components['schemas']['BulkJobError'];

/** Options of {@link downloadBulkResults} and {@link readBulkRecords}. */
export type DownloadBulkResultsOptions = BulkJobRef & {
  /** The object of the job's query, e.g. `contacts`. */
  objectName: string;
  /**
   * `json`: newline-delimited JSON (`Accept: application/json`); `csv`: CSV with a header row (`Accept: text/csv`).
   *
   * @default 'json'
   */
  format?: 'json' | 'csv' | undefined;
  /**
   * The download fails with `TimeoutError` when no byte arrives for this long; a large download may take as long
   * as it needs while bytes keep coming.
   *
   * @default 60000
   */
  idleTimeoutMs?: number | undefined;
  /**
   * `false` keeps the values of a JSON download as the provider sent them (the text `"42"` stays text) instead of
   * converting them to native JSON types; sent as `json={"convertToNativeType":"false"}`.
   *
   * @default true (Cloud Elements converts)
   */
  convertToNativeType?: boolean | undefined;
};

/**
 * Downloads a finished job's records as a byte stream (`GET /hubs/{hub}/bulk/{id}/{objectName}`), in NDJSON or
 * CSV. Nothing is buffered: parse it as it arrives (`readBulkRecords`), or write it to a file with
 * `downloadBulkResultsToFile` from `cloud-elements-sdk/node`. On Node 20, `stream.pipeTo(Writable.toWeb(file))`
 * holds the whole download in memory (nodejs/node#56269); `pipeline(Readable.fromWeb(stream), file)` does not.
 *
 * @throws {CloudElementsError} (the subclass for the status) when the download is refused.
 * @example
 * const stream = await downloadBulkResults(crm, { hub: 'crm', jobId, objectName: 'contacts', format: 'csv' });
 * // With `DOM` in tsconfig's `lib`, ReadableStream is the DOM's type; Readable.fromWeb takes Node's.
 * const nodeStream = stream as import('node:stream/web').ReadableStream<Uint8Array>;
 * await pipeline(Readable.fromWeb(nodeStream), fs.createWriteStream('contacts.csv'));
 */
export async function downloadBulkResults(
  client: BulkClient,
  options: DownloadBulkResultsOptions,
): Promise<ReadableStream<Uint8Array>> {
  checkClient('downloadBulkResults', client);
  return (await openResults(client, options)).stream;
}

/** The download of {@link downloadBulkResults}, with what its parsers' errors say of it. */
async function openResults(
  client: BulkClient,
  options: DownloadBulkResultsOptions,
): Promise<{
  stream: ReadableStream<Uint8Array>;
  call: ResultsCall & { path: string };
  contentType: string;
}> {
  checkRef(options);
  checkText('objectName', options.objectName);
  const format = options.format ?? 'json';
  checkFormat(format);
  const { convertToNativeType } = options;
  if (convertToNativeType !== undefined && typeof convertToNativeType !== 'boolean') {
    fail('convertToNativeType must be true or false.');
  }
  const call = jobCall(options, { objectName: options.objectName });
  const answer = await client.GET('/hubs/{hub}/bulk/{id}/{objectName}', {
    ...call,
    params: {
      ...call.params,
      ...(convertToNativeType === undefined
        ? {}
        : { query: { json: JSON.stringify({ convertToNativeType: String(convertToNativeType) }) } }),
    },
    headers: { Accept: format === 'csv' ? 'text/csv' : 'application/json' },
    parseAs: 'stream',
    idleTimeoutMs: options.idleTimeoutMs ?? 60_000,
  });
  const stream = (await unwrap(answer)) as ReadableStream<Uint8Array> | null | undefined;
  const { response } = answer;
  return {
    // No body (204): an empty stream.
    stream: stream ?? new Blob().stream(),
    call: {
      ...answerFacts(response, {
        method: 'GET',
        path: `/hubs/${options.hub}/bulk/${options.jobId}/${options.objectName}`,
      }),
      redact: redactorOf(response),
    },
    contentType: response.headers.get('content-type') ?? '',
  };
}

/**
 * Downloads a finished job's records and parses them as they arrive: NDJSON lines as JSON objects, or CSV rows as
 * objects keyed by the header row (values are strings). One record is held at a time.
 *
 * @throws {CloudElementsError} when the download is refused.
 * @throws {InvalidResponseError} when the download is an HTML page (a proxy's or a login page, answered 200), a
 *   line or row is malformed, an NDJSON line is not a JSON object (`null`, `42`, an array), or the download is one
 *   JSON array instead of NDJSON; the message names the line.
 * @example
 * for await (const contact of readBulkRecords(crm, { hub: 'crm', jobId, objectName: 'contacts' })) save(contact);
 */
export async function* readBulkRecords(
  client: BulkClient,
  options: DownloadBulkResultsOptions,
): AsyncGenerator<Record<string, unknown>, void, undefined> {
  checkClient('readBulkRecords', client);
  const { stream, call, contentType } = await openResults(client, options);
  // A page is not records in either format; parsing it would quote its markup as a malformed line.
  if (/\bhtml\b/i.test(contentType)) {
    await stream.cancel().catch(() => undefined);
    const { redact: _, ...facts } = call;
    throw new InvalidResponseError(
      `GET ${call.path} answered ${call.status} with an HTML page instead of the job's records; a proxy or a ` +
        'login page may stand in front of the API. Check baseUrl.',
      facts,
    );
  }
  if (options.format === 'csv') yield* parseCsvResults(stream, call);
  else yield* parseNdjsonRecords(stream, call);
}

/** Options of {@link listBulkJobErrors}. */
export type ListBulkJobErrorsOptions = BulkJobRef & {
  /**
   * Failed records per page.
   *
   * @default the element's page size
   */
  pageSize?: number | undefined;
  /** Most failed records to read. */
  limit?: number | undefined;
};

/**
 * Iterates over the records a job could not process (`GET /hubs/{hub}/bulk/{id}/errors`), across pages.
 *
 * @throws {CloudElementsError} (the subclass for the status) when a page fails.
 */
export function listBulkJobErrors(
  client: BulkClient,
  options: ListBulkJobErrorsOptions,
): AsyncGenerator<BulkJobErrorRecord, void, undefined> {
  checkClient('listBulkJobErrors', client);
  return paginate(client, '/hubs/{hub}/bulk/{id}/errors', {
    ...jobCall(options),
    // Left out or undefined is the same to paginate.
    pageSize: options.pageSize,
    limit: options.limit,
  });
}
