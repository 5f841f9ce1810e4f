// Types shared by the bulk modules (jobs, upload, download, checks); imports no module of its own folder.
import type { Client } from 'openapi-fetch';
import type { ClientPaths } from '../client/index.js';
import type { components, paths } from '../../generated/schema.js';

/** A bulk job as created (`{ id, status }`). */
export type BulkJob = components['schemas']['BulkJob'];
/** Status of a bulk job as `GET /hubs/{hub}/bulk/{id}/status` reports it. */
export type BulkJobStatusReport = components['schemas']['BulkJobStatusReport'];

/** A client that can call the bulk paths: the Cloud Elements client, usually `client.forInstance(token)`. */
export type BulkClient = Client<paths> & ClientPaths<paths>;

/** Which job: the hub in the path (`crm`, `marketing`, …; Cloud Elements ignores it but it is required) and its id. */
export type BulkJobRef = {
  /** Hub segment of the path, e.g. `crm`. */
  hub: string;
  /** The job's `id`. */
  jobId: string | number;
  /** Aborts the call. */
  signal?: AbortSignal | undefined;
};
