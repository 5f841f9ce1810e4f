import type { BulkJob } from './bulk.js';
import { findElement } from './catalog.js';
import type { DocumentsDrive } from './documents.js';
import { EmulatorHttpError } from './http.js';
import { createSecret } from './random.js';

/** A user of the emulated organization; its `secret` goes in the `User` part of the `Authorization` header. */
export interface EmulatorUser {
  id: number;
  secret: string;
  emailAddress: string;
  firstName: string;
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
  id: number;
  name: string;
  elementKey: string;
  /** The element token, for the `Element` part of the `Authorization` header of hub calls. */
  token: string;
  tags: string[];
  /** Configuration values as Cloud Elements keeps them: strings, or `null`. */
  configuration: Map<string, string | null>;
  /** Identifier of each configuration entry (`GET /instances/{id}/configuration`). */
  configurationIds: Map<string, number>;
  disabled: boolean;
  userId: number;
  createdDate: string;
  updatedDate: string;
}

/** A hub record (contact, account, incident, ...): any JSON object with a string `id`. */
export type HubRecord = Record<string, unknown> & { id: string };

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
}

/** One event notification (or bulk callback) the emulator POSTed, or tried to. */
export interface EventDelivery {
  /** The `Elements-Webhook-Id` header value. */
  id: string;
  url: string;
  /** The raw JSON body that was signed and sent. */
  body: string;
  headers: Record<string, string>;
  /** Status the receiver answered; absent while in flight or when the POST failed. */
  status?: number;
  /** Why the POST failed (connection refused, timeout, ...). */
  error?: string;
}

/** Input of {@link EmulatorState.createInstance}. */
export interface CreateInstanceInput {
  elementKey: string;
  name?: string;
  tags?: string[];
  /** Configuration; booleans and numbers are stored as strings, objects as JSON text. */
  configuration?: Record<string, unknown>;
  /** Owner of the instance. @default the first user */
  userId?: number;
}

/** Settings the state needs from the emulator options. */
export interface StateSettings {
  now: () => number;
  oauthCodeTtlMs: number;
}

/** Configuration keys whose values are masked as `********` whenever the API returns them. */
const MASKED_KEY = /secret|password|token|(^|\.)api\.key$|signature\.key$/i;

/** The value Cloud Elements shows instead of a secret configuration value. */
export const MASK = '********';

/** Returns the configuration value as the API shows it (secrets masked). */
export function maskConfigValue(key: string, value: string | null): string | null {
  return value !== null && value !== '' && MASKED_KEY.test(key) ? MASK : value;
}

/** Converts a configuration value given in a request to the string Cloud Elements stores. */
export function toConfigValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Removes HTML tags, as Cloud Elements sanitizes instance names and tags. */
export function stripHtml(text: string): string {
  return text.replace(/<[^>]*>/g, '').trim();
}

/**
 * Everything the emulator holds in memory: the organization and users, instances, OAuth apps and codes, hub
 * records, documents, bulk jobs and event deliveries. Tests may read it and seed it.
 */
export class EmulatorState {
  readonly organization: EmulatorOrganization;
  readonly users: EmulatorUser[];
  readonly instances = new Map<number, EmulatorInstance>();
  readonly oauthClients = new Map<string, OAuthClient>();
  readonly oauthCodes = new Map<string, OAuthCode>();
  readonly bulkJobs = new Map<string, BulkJob>();
  readonly deliveries: EventDelivery[] = [];
  /** Deliveries still in flight; `Emulator.settle()` waits for them. */
  readonly pending = new Set<Promise<void>>();
  readonly settings: StateSettings;
  readonly #records = new Map<number, Map<string, Map<string, HubRecord>>>();
  readonly #drives = new Map<number, DocumentsDrive>();
  readonly #counters = new Map<string, number>();

  constructor(organization: EmulatorOrganization, users: EmulatorUser[], settings: StateSettings) {
    this.organization = organization;
    this.users = users;
    this.settings = settings;
  }

  /** A summary without secrets, for `JSON.stringify` and `util.inspect`. */
  toJSON(): Record<string, number> {
    return { users: this.users.length, instances: this.instances.size, bulkJobs: this.bulkJobs.size };
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `EmulatorState ${JSON.stringify(this.toJSON())}`;
  }

  /** Current time of the emulator clock, in ms since the epoch. */
  now(): number {
    return this.settings.now();
  }

  /** Current time as an ISO 8601 string without milliseconds (`2017-11-30T21:53:35Z`), as Cloud Elements writes it. */
  nowIso(): string {
    return new Date(this.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  /** Next value of a named counter, starting at `start`. */
  nextId(kind: string, start = 1): number {
    const next = (this.#counters.get(kind) ?? start - 1) + 1;
    this.#counters.set(kind, next);
    return next;
  }

  findUserBySecret(secret: string): EmulatorUser | undefined {
    return this.users.find((user) => user.secret === secret);
  }

  findInstanceByToken(token: string): EmulatorInstance | undefined {
    for (const instance of this.instances.values()) if (instance.token === token) return instance;
    return undefined;
  }

  /** Creates an instance directly (no OAuth exchange), as `POST /instances` does after its checks. */
  createInstance(input: CreateInstanceInput): EmulatorInstance {
    const element = findElement(input.elementKey);
    if (!element) throw new EmulatorHttpError(404, `No element found with key ${input.elementKey}`);
    const owner = input.userId ?? this.users[0]?.id ?? 0;
    const now = this.nowIso();
    const instance: EmulatorInstance = {
      id: this.nextId('instance', 1001),
      name: stripHtml(input.name ?? `${element.name} instance`),
      elementKey: element.key,
      token: createSecret(30),
      tags: (input.tags ?? []).map(stripHtml),
      configuration: new Map(),
      configurationIds: new Map(),
      disabled: false,
      userId: owner,
      createdDate: now,
      updatedDate: now,
    };
    const defaults = { 'event.notification.enabled': 'false', 'filter.response.nulls': 'true' };
    this.setConfiguration(instance, { ...defaults, ...input.configuration });
    this.instances.set(instance.id, instance);
    return instance;
  }

  /** Sets configuration entries (merging), giving new keys an identifier. */
  setConfiguration(instance: EmulatorInstance, values: Record<string, unknown>): void {
    for (const [key, value] of Object.entries(values)) {
      instance.configuration.set(key, toConfigValue(value));
      if (!instance.configurationIds.has(key))
        instance.configurationIds.set(key, this.nextId('config', 5001));
    }
    instance.updatedDate = this.nowIso();
  }

  /** Deletes an instance and everything stored for it; its token stops working at once. */
  deleteInstance(id: number): void {
    this.instances.delete(id);
    this.#records.delete(id);
    this.#drives.delete(id);
    for (const [jobId, job] of this.bulkJobs) if (job.instanceId === id) this.bulkJobs.delete(jobId);
  }

  /** The records of one resource (`contacts`, `incidents`, ...) of one instance, in creation order. */
  records(instanceId: number, resource: string): Map<string, HubRecord> {
    let byResource = this.#records.get(instanceId);
    if (!byResource) this.#records.set(instanceId, (byResource = new Map()));
    let records = byResource.get(resource);
    if (!records) byResource.set(resource, (records = new Map()));
    return records;
  }

  /** The documents drive of an instance, created by `create` on first use. */
  drive(instanceId: number, create: () => DocumentsDrive): DocumentsDrive {
    let drive = this.#drives.get(instanceId);
    if (!drive) this.#drives.set(instanceId, (drive = create()));
    return drive;
  }

  /** Creates a new hub record identifier: the prefix, then a counter, 18 characters in all (Salesforce style). */
  newRecordId(prefix: string): string {
    return `${prefix}${String(this.nextId(`record:${prefix}`)).padStart(18 - prefix.length, '0')}`;
  }
}
