import { EmulatorHttpError } from '../errors.js';
import { findElement, HUB_RESOURCES, type HubResource } from './catalog.js';
import { stripHtml, toConfigValue } from './config.js';
import { DEFAULT_ACCOUNT_ID, PlatformStore } from './platform.js';
import { createSecret } from './random.js';
import type {
  BulkJob,
  DocumentsDrive,
  EmulatorInstance,
  EmulatorOrganization,
  EmulatorUser,
  EventDelivery,
  HubRecord,
  OAuthClient,
  OAuthCode,
} from './types.js';

/** Input of {@link EmulatorState.createInstance}. */
export interface CreateInstanceInput {
  elementKey: string;
  name?: string | undefined;
  tags?: string[] | undefined;
  /** Configuration; booleans and numbers are stored as strings, objects as JSON text. */
  configuration?: Record<string, unknown> | undefined;
  /** Owner of the instance. @default the first user */
  userId?: number | undefined;
}

/** Settings the state needs from the emulator options. */
export interface StateSettings {
  now: () => number;
  oauthCodeTtlMs: number;
  /** Most entries the usage log keeps. */
  usageLogSize: number;
  /** Most entries `deliveries` keeps. @default 10_000 */
  deliveryLogSize?: number | undefined;
  /** Delays before each redelivery of an event notification the receiver did not take, in ms. @default none */
  eventRetryDelaysMs?: readonly number[] | undefined;
  /** Time one delivery may take, its retries included, in ms. @default 10_000 */
  deliveryTimeoutMs?: number | undefined;
  /** Largest request body read, in bytes; a larger one is answered 413. @default 256 MiB */
  maxBodyBytes?: number | undefined;
}

/**
 * Everything the emulator holds in memory: the organization and users, instances, OAuth apps and codes, hub
 * records, documents, bulk jobs and event deliveries. Tests may read it and seed it.
 */
export class EmulatorState {
  /** The emulated organization (`Organization <secret>`). */
  readonly organization: EmulatorOrganization;
  /** Users of the organization; the first is `emulator.credentials`. */
  readonly users: EmulatorUser[];
  /** Instances by id. */
  readonly instances = new Map<number, EmulatorInstance>();
  /** Provider apps seen by `GET /elements/{key}/oauth/url`, by API key. */
  readonly oauthClients = new Map<string, OAuthClient>();
  /** Authorization codes the consent page issued, by code. */
  readonly oauthCodes = new Map<string, OAuthCode>();
  /** Login tokens of `POST /authentication`, with the id of their user. */
  readonly loginTokens = new Map<string, number>();
  /** Bulk jobs by id. */
  readonly bulkJobs = new Map<string, BulkJob>();
  /**
   * The most recent event notifications, asynchronous request results and bulk callbacks sent (or tried),
   * `deliveryLogSize` of them, oldest first. An entry still in flight goes on changing (status, attempts).
   */
  readonly deliveries: EventDelivery[] = [];
  /** Deliveries still in flight, dropped from `deliveries` or not; `Emulator.settle()` waits for them. */
  readonly pending = new Set<Promise<void>>();
  /** The clock and the OAuth code lifetime the emulator was started with. */
  readonly settings: StateSettings;
  /**
   * The record resources of each hub that the record handlers store: the catalog's, plus every resource the spec
   * documents for the hub (added when the emulator starts).
   */
  readonly hubResources: Record<string, Record<string, HubResource>> = Object.fromEntries(
    Object.entries(HUB_RESOURCES).map(([hub, resources]) => [hub, { ...resources }]),
  );
  /** Formulas, transformations, object definitions, notifications, usage, accounts and user profiles. */
  readonly platform = new PlatformStore();
  readonly #records = new Map<number, Map<string, Map<string, HubRecord>>>();
  readonly #drives = new Map<number, DocumentsDrive>();
  readonly #counters = new Map<string, number>();

  constructor(organization: EmulatorOrganization, users: EmulatorUser[], settings: StateSettings) {
    this.organization = organization;
    this.users = users;
    this.settings = settings;
    const now = this.nowIso();
    this.platform.accounts.set(DEFAULT_ACCOUNT_ID, {
      id: DEFAULT_ACCOUNT_ID,
      name: `${organization.name} (default account)`,
      externalId: 'default',
      active: true,
      companyId: organization.id,
      defaultAccount: true,
      type: 'Default',
      createdDate: now,
      updatedDate: now,
    });
    for (const user of users) {
      const roles = new Set(['org-admin']);
      this.platform.profiles.set(user.id, {
        accountId: DEFAULT_ACCOUNT_ID,
        active: true,
        createdDate: now,
        roles,
        details: {},
      });
    }
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

  /** The user whose secret this is, if any. */
  findUserBySecret(secret: string): EmulatorUser | undefined {
    return this.users.find((user) => user.secret === secret);
  }

  /** The instance whose element token this is, if any. */
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
