import type { BulkSelect } from '../ceql/types.js';

/** A user of the emulated organization; its `secret` goes in the `User` part of the `Authorization` header. */
export interface EmulatorUser {
  /** The user's id (`GET /users/{id}`). */
  id: number;
  /** The user secret (`User <secret>`). */
  secret: string;
  /** The user's email address, also their login. */
  emailAddress: string;
  /** First name. */
  firstName: string;
  /** Last name. */
  lastName: string;
}

/** The emulated organization; its `secret` goes in the `Organization` part of the `Authorization` header. */
export interface EmulatorOrganization {
  id: number;
  name: string;
  secret: string;
}

/** An element instance as the emulator stores it (configuration unmasked). */
export interface EmulatorInstance {
  /** The instance's id (`GET /instances/{id}`). */
  id: number;
  /** The instance's name. */
  name: string;
  /** Key of the instance's element, e.g. `sfdc`. */
  elementKey: string;
  /** The element token, for the `Element` part of the `Authorization` header of hub calls. */
  token: string;
  /** The instance's tags. */
  tags: string[];
  /** Configuration values as Cloud Elements keeps them: strings, or `null`. */
  configuration: Map<string, string | null>;
  /** Identifier of each configuration entry (`GET /instances/{id}/configuration`). */
  configurationIds: Map<string, number>;
  /** Whether the instance is disabled (`PUT /instances/{id}/enabled`). */
  disabled: boolean;
  /** Id of the user who created the instance. */
  userId: number;
  /** When the instance was created (ISO 8601). */
  createdDate: string;
  /** When the instance was last changed (ISO 8601). */
  updatedDate: string;
}

/** A hub record (contact, account, incident, ...): any JSON object with a string `id`. */
export type HubRecord = Record<string, unknown> & {
  /** The record's id, unique within its object. */
  id: string;
};

/** An app registered with the emulated provider by a `GET /elements/{key}/oauth/url` call. */
export interface OAuthClient {
  elementKey: string;
  apiKey: string;
  apiSecret: string;
  callbackUrls: Set<string>;
}

/** An authorization code the consent page issued. */
export interface OAuthCode {
  code: string;
  elementKey: string;
  apiKey: string;
  redirectUri: string;
  issuedAtMs: number;
  used: boolean;
  /** QuickBooks' company id, sent with the code on the callback and required with it in `providerData`. */
  realmId?: string | undefined;
}

/** One POST of a delivery: what the receiver answered, or why the POST failed. */
export interface DeliveryAttempt {
  /** When the POST was answered or failed: ISO 8601 with milliseconds, by the emulator's clock (`now`). */
  date: string;
  /** Status the receiver answered; absent when the POST failed. */
  status?: number | undefined;
  /** Why the POST failed (connection refused, timeout, ...). */
  error?: string | undefined;
}

/**
 * One event notification (or bulk callback) the emulator POSTed, or tried to. `status` and `error` are those of the
 * last attempt; a notification the receiver did not take is POSTed again (see `EmulatorOptions.eventRetryDelaysMs`),
 * each try listed in `attempts`.
 */
export interface EventDelivery {
  /** The `Elements-Webhook-Id` header value. */
  id: string;
  /** The callback URL the notification was POSTed to. */
  url: string;
  /** The raw JSON body that was signed and sent. */
  body: string;
  /** The request headers sent, `Elements-Webhook-Signature` included. */
  headers: Record<string, string>;
  /** Status the receiver answered (last attempt); absent while in flight or when the POST failed. */
  status?: number | undefined;
  /** Why the POST failed (last attempt: connection refused, timeout, ...). */
  error?: string | undefined;
  /** Every POST of this delivery, the first one and each retry, oldest first; empty while the first is in flight. */
  attempts: DeliveryAttempt[];
}

/** A file or folder of an emulated documents instance. */
export interface DocumentItem {
  id: string;
  path: string;
  directory: boolean;
  createdDate: string;
  modifiedDate: string;
  tags: string[];
  description?: string | undefined;
  /** File content (files only). */
  content?: Buffer | undefined;
  /** Media type the file was uploaded with, sent back on download (files only). */
  contentType?: string | undefined;
}

/** The files and folders of one documents instance, by path and by id. */
export interface DocumentsDrive {
  byPath: Map<string, DocumentItem>;
  byId: Map<string, DocumentItem>;
}

/** States of an emulated bulk job, in the order a job goes through them. */
export type BulkJobState = 'CREATED' | 'QUEUED' | 'RUNNING' | 'COMPLETED' | 'CANCELLED';

/** A record of an uploaded file that could not be read or written. */
export interface BulkRecordError {
  /** 1-based number of the record in the file (the header row of a CSV does not count). */
  recordNumber: number;
  message: string;
  record?: Record<string, unknown> | undefined;
}

/** Options of a bulk upload (the `metaData` part). */
export interface BulkUploadMetaData {
  action?: 'create' | 'update' | 'upsert' | undefined;
  identifierFieldName?: string | undefined;
  primaryKeyName?: string | undefined;
  format?: string | undefined;
  [key: string]: unknown;
}

/** The records read from an upload, with the ones that could not be read. */
export interface ParsedUpload {
  records: Array<{ recordNumber: number; record: Record<string, unknown> }>;
  errors: BulkRecordError[];
  metaData: BulkUploadMetaData;
}

/** A bulk job as the emulator keeps it. */
export interface BulkJob {
  /** The job's id (`GET /hubs/{hub}/bulk/{id}/status`). */
  id: string;
  /** Id of the instance the job runs for. */
  instanceId: number;
  /** A query (download) job or an upload job. */
  kind: 'query' | 'upload';
  /** The object the job reads or writes, e.g. `contacts`. */
  objectName: string;
  /** Where the job is: CREATED → QUEUED → RUNNING → COMPLETED (or CANCELLED). */
  status: BulkJobState;
  /** When the job was created (ISO 8601). */
  createdDate: string;
  /** When the job last changed status (ISO 8601). */
  updatedDate: string;
  /** The parsed query of a query job. */
  select?: BulkSelect | undefined;
  /** The parsed file of an upload job. */
  upload?: ParsedUpload | undefined;
  /** Records of the finished job: the query's results, or the records an upload wrote. */
  results: Record<string, unknown>[];
  /** Records the job could not process (`GET /hubs/{hub}/bulk/{id}/errors`). */
  errors: BulkRecordError[];
  /** `Elements-Async-Callback-Url` of the job's creation, POSTed to when it ends. */
  callbackUrl?: string | undefined;
}
