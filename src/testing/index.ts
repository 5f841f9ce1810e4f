import { appendFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createBulkEngine, type BulkOptions } from './handlers/bulk/jobs.js';
import { logUsage } from './handlers/usage.js';
import { DEFAULT_RETRY_DELAYS_MS, settleDeliveries, stopDeliveries } from './handlers/events.js';
import { decideConsent } from './handlers/oauth.js';
import { emulatorRoutes } from './handlers/routes.js';
import { ELEMENTS } from './model/catalog.js';
import { EmulatorCredentials } from './model/credentials.js';
import { createHexId, createSecret } from './model/random.js';
import { EmulatorState } from './model/state.js';
import type { EmulatorInstance, EmulatorUser } from './model/types.js';
import { FaultController, type FaultOptions } from './server/faults.js';
import { API_BASE } from './server/http.js';
import { createEmulatorServer } from './server/server.js';
import { loadEmulatorSpec, type SpecOperation } from './spec/document.js';

/** Environment variable that turns strict mode on for emulators started without `strict` (`1` or `true`). */
const STRICT_ENV = 'CLOUD_ELEMENTS_EMULATOR_STRICT';
/** Environment variable naming a file where emulators append the id of each operation a request reaches. */
const COVERAGE_ENV = 'CLOUD_ELEMENTS_EMULATOR_COVERAGE';

/** A user to seed; anything left out is generated. */
export interface EmulatorUserSeed {
  /** The user secret (`Authorization: User <secret>`). @default a random base64 secret */
  secret?: string | undefined;
  /** @default 'user<n>@example.com' */
  emailAddress?: string | undefined;
  /** @default 'Emulator' */
  firstName?: string | undefined;
  /** @default 'User <n>' */
  lastName?: string | undefined;
  /** Password for `POST /authentication` (username = `emailAddress`). @default none: the user cannot log in */
  password?: string | undefined;
}

/** Options of {@link startEmulator}. */
export interface EmulatorOptions {
  /** Interface to listen on. @default '127.0.0.1' */
  host?: string | undefined;
  /** Port to listen on; 0 picks a free one. @default 0 */
  port?: number | undefined;
  /** The organization secret (`Authorization: ..., Organization <secret>`). @default 32 random hex characters */
  organizationSecret?: string | undefined;
  /** Users of the organization; the first one is `emulator.credentials`. @default one generated user */
  users?: EmulatorUserSeed[] | undefined;
  /**
   * Fault knobs (latency, 429s, 5xx, dropped, hung and lost requests, stalled, slow, truncated and HTML answers);
   * change them later with `emulator.faults.set()`.
   */
  faults?: FaultOptions | undefined;
  /** How bulk jobs progress. @default { progress: 'time', stepMs: 100 } */
  bulk?: BulkOptions | undefined;
  /** Clock of the emulator (record dates, OAuth code expiry), in ms since the epoch. @default Date.now */
  now?: (() => number) | undefined;
  /** Lifetime of authorization codes issued by the consent page. @default 600_000 (10 minutes) */
  oauthCodeTtlMs?: number | undefined;
  /**
   * Hub calls the usage log (`GET /usage`) keeps, the most recent: older ones are dropped, so that an emulator that
   * runs for days (a soak, `cloud-elements emulator`) does not grow with every call. @default 10_000
   */
  usageLogSize?: number | undefined;
  /**
   * Event notifications, asynchronous request results and bulk callbacks `emulator.state.deliveries` keeps, the most
   * recent: older ones are dropped (each holds its body, about 1 KB), so that an emulator that runs for days does
   * not grow with every record change. A dropped delivery still in flight is still sent, retried and awaited by
   * `settle()`; 0 keeps none. @default 10_000
   */
  deliveryLogSize?: number | undefined;
  /**
   * Delays in ms before each redelivery of an event notification (or asynchronous request result) that the receiver
   * did not take: an answer outside 2xx, or none (connection refused, timeout). Cloud Elements retries 9 times,
   * `2^(2x)` seconds after failure x (4 s, 16 s, ... about 73 hours; reference §14.6). The default keeps that schedule
   * in microseconds (4 µs, 16 µs, ... 262 ms, about 350 ms in all), so that `settle()`, which waits for every retry,
   * ends soon even for a receiver that never takes one. A delivery, its retries included, takes at most
   * `deliveryTimeoutMs`: a receiver that never answers is tried once. `[]` turns retries off. Each try is listed in the delivery's
   * `attempts` (`emulator.state.deliveries`). Bulk job callbacks are not retried.
   * @default [0.004, 0.016, 0.064, 0.256, 1.024, 4.096, 16.384, 65.536, 262.144]
   */
  eventRetryDelaysMs?: readonly number[] | undefined;
  /**
   * Time one event notification (or asynchronous request result) may take, its retries included: `settle()` waits
   * this long at most for a receiver that never answers. @default 10_000
   */
  deliveryTimeoutMs?: number | undefined;
  /**
   * Largest request body the emulator reads (bulk files and document uploads included), in bytes. A larger one is
   * answered `413` with Cloud Elements' error body; the rest of it is read and dropped (16 MiB more at most, then the
   * connection is cut), so that a client still sending gets to read the answer. @default 268_435_456 (256 MiB)
   */
  maxBodyBytes?: number | undefined;
  /**
   * Check every answer against the spec. An answer that breaks it is replaced by a 500 that says why, recorded in
   * `emulator.violations`, and makes `close()` reject. Requests are checked against the spec either way.
   * @default true when the environment variable `CLOUD_ELEMENTS_EMULATOR_STRICT` is `1` or `true`, else false
   */
  strict?: boolean | undefined;
}

/** Input of {@link Emulator.createInstance}. */
export interface EmulatorInstanceInput {
  /**
   * Element key: `sfdc`, `sfdcdocuments`, `sfdcservicecloud`, `sfdcmarketingcloud`, `marketo`, `concur` or
   * `quickbooks`.
   */
  element: string;
  /** @default '<element name> instance' */
  name?: string | undefined;
  /** The instance's tags. @default [] */
  tags?: string[] | undefined;
  /** Configuration, e.g. `{ 'event.notification.enabled': true, 'event.notification.callback.url': url }`. */
  configuration?: Record<string, unknown> | undefined;
}

/** A running emulator. */
export interface Emulator {
  /** Base URL of the API, `http://127.0.0.1:<port>/elements/api-v2`: pass it as the SDK client's `baseUrl`. */
  readonly url: string;
  /** `http://127.0.0.1:<port>` (the consent pages live under `/oauth/...`). */
  readonly origin: string;
  /** Secrets of the first user and of the organization. */
  readonly credentials: EmulatorCredentials;
  /** Everything the emulator holds: users, instances, records, documents, bulk jobs, deliveries. */
  readonly state: EmulatorState;
  /** Fault knobs, settable at run time. */
  readonly faults: FaultController;
  /** Whether answers are checked against the spec (see {@link EmulatorOptions.strict}). */
  readonly strict: boolean;
  /** What strict mode found wrong with the emulator's answers, in order; empty when all were right. */
  readonly violations: readonly string[];
  /** Creates an instance directly, skipping the OAuth flow; its `token` works for hub calls at once. */
  createInstance(input: EmulatorInstanceInput): EmulatorInstance;
  /**
   * Acts as the user on the consent page of an `oauthUrl` (from `GET /elements/{key}/oauth/url`): returns the URL
   * the provider redirects to, with `code` and `state`, or `error=access_denied` when `approve` is false.
   */
  authorize(oauthUrl: string, options?: { approve?: boolean }): string;
  /** Moves every unfinished bulk job `steps` states forward (CREATED → QUEUED → RUNNING → COMPLETED). */
  tickBulkJobs(steps?: number): void;
  /**
   * Waits until every event notification, asynchronous request and bulk callback in flight has been delivered or
   * has failed, retries included (see {@link EmulatorOptions.eventRetryDelaysMs}). Bulk jobs still running are not
   * waited for: use `bulk: { progress: 'manual' }` and {@link tickBulkJobs} to finish them first.
   */
  settle(): Promise<void>;
  /**
   * Stops the server, drops open connections (hung requests included), stops bulk timers, aborts deliveries in
   * flight and cancels waiting redeliveries: nothing is POSTed afterwards. In strict mode it then
   * rejects when an answer broke the spec, listing what was wrong.
   */
  close(): Promise<void>;
}

/** Records reached operations in the file named by `CLOUD_ELEMENTS_EMULATOR_COVERAGE` (once each per process). */
const recorded = new Set<string>();
function coverageRecorder(): ((op: SpecOperation) => void) | undefined {
  const file = process.env[COVERAGE_ENV];
  if (!file) return undefined;
  return (op) => {
    if (recorded.has(op.operationId)) return;
    recorded.add(op.operationId);
    appendFileSync(file, `${op.operationId}\n`);
  };
}

function seedUsers(seeds: EmulatorUserSeed[] | undefined): EmulatorUser[] {
  const list = seeds && seeds.length > 0 ? seeds : [{}];
  return list.map((seed, index) => ({
    id: 100_001 + index,
    secret: seed.secret ?? createSecret(32),
    emailAddress: seed.emailAddress ?? `user${index + 1}@example.com`,
    firstName: seed.firstName ?? 'Emulator',
    lastName: seed.lastName ?? `User ${index + 1}`,
  }));
}

/**
 * Starts a stateful in-memory Cloud Elements emulator on a real HTTP server (127.0.0.1, a free port by default).
 *
 * @example
 * const emulator = await startEmulator();
 * const instance = emulator.createInstance({ element: 'sfdc' });
 * const response = await fetch(`${emulator.url}/hubs/crm/contacts`, {
 *   headers: { Authorization: emulator.credentials.authorization(instance.token) },
 * });
 * await emulator.close();
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const users = seedUsers(options.users);
  for (const user of users) {
    if (user.secret === '' || /[\s,]/.test(user.secret)) {
      throw new TypeError(
        '[cloud-elements] emulator users[].secret must be non-empty, without spaces or commas.',
      );
    }
  }
  const usageLogSize = options.usageLogSize ?? 10_000;
  if (!Number.isSafeInteger(usageLogSize) || usageLogSize < 0) {
    throw new TypeError('[cloud-elements] emulator usageLogSize must be a whole number of calls, 0 or more.');
  }
  const deliveryLogSize = options.deliveryLogSize ?? 10_000;
  if (!Number.isSafeInteger(deliveryLogSize) || deliveryLogSize < 0) {
    throw new TypeError(
      '[cloud-elements] emulator deliveryLogSize must be a whole number of deliveries, 0 or more.',
    );
  }
  const eventRetryDelaysMs = options.eventRetryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  if (
    !Array.isArray(eventRetryDelaysMs) ||
    // A timer holds at most 2147483647 ms: a longer delay would fire at once (with a TimeoutOverflowWarning).
    !eventRetryDelaysMs.every((ms) => Number.isFinite(ms) && ms >= 0 && ms <= 2_147_483_647)
  ) {
    throw new TypeError(
      '[cloud-elements] emulator eventRetryDelaysMs must be an array of delays in ms, from 0 to 2147483647.',
    );
  }
  const deliveryTimeoutMs = options.deliveryTimeoutMs ?? 10_000;
  if (
    !Number.isSafeInteger(deliveryTimeoutMs) ||
    deliveryTimeoutMs < 1 ||
    deliveryTimeoutMs > 2_147_483_647
  ) {
    throw new TypeError(
      '[cloud-elements] emulator deliveryTimeoutMs must be a whole number of ms from 1 to 2147483647.',
    );
  }
  const maxBodyBytes = options.maxBodyBytes ?? 256 * 1024 * 1024;
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes < 0) {
    throw new TypeError('[cloud-elements] emulator maxBodyBytes must be a whole number of bytes, 0 or more.');
  }
  const organizationSecret = options.organizationSecret ?? createHexId(16);
  if (organizationSecret === '' || /[\s,]/.test(organizationSecret)) {
    throw new TypeError(
      '[cloud-elements] emulator organizationSecret must be non-empty, without spaces or commas.',
    );
  }
  const state = new EmulatorState(
    { id: 1, name: 'Emulated organization', secret: organizationSecret },
    users,
    {
      now: options.now ?? Date.now,
      oauthCodeTtlMs: options.oauthCodeTtlMs ?? 600_000,
      usageLogSize,
      deliveryLogSize,
      eventRetryDelaysMs: [...eventRetryDelaysMs],
      deliveryTimeoutMs,
      maxBodyBytes,
    },
  );
  options.users?.forEach((seed, index) => {
    const profile = state.platform.profiles.get(users[index]!.id);
    if (profile && seed.password !== undefined) profile.password = seed.password;
  });
  const faults = new FaultController(options.faults);
  const bulk = createBulkEngine(state, options.bulk);
  const spec = await loadEmulatorSpec();
  let origin = '';
  const routes = emulatorRoutes(state, spec, bulk);
  const strict = options.strict ?? /^(1|true)$/i.test(process.env[STRICT_ENV] ?? '');
  const violations: string[] = [];
  const server = createEmulatorServer({
    state,
    faults,
    routes,
    spec,
    strict,
    onViolation: (message) => violations.push(message),
    onOperation: coverageRecorder(),
    onAnswered: (call) => logUsage(state, call),
    origin: () => origin,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  origin = `http://${host}:${address.port}`;
  const credentials = new EmulatorCredentials(users[0]!.secret, organizationSecret);
  let closing: Promise<void> | undefined;

  const url = `${origin}${API_BASE}`;
  const emulator: Emulator = {
    url,
    origin,
    credentials,
    state,
    faults,
    strict,
    violations,
    createInstance: (input) => {
      if (!ELEMENTS.some((element) => element.key === input?.element)) {
        const keys = ELEMENTS.map((element) => element.key).join(', ');
        throw new TypeError(`[cloud-elements] emulator.createInstance needs element set to one of: ${keys}.`);
      }
      return state.createInstance({
        elementKey: input.element,
        ...(input.name === undefined ? {} : { name: input.name }),
        ...(input.tags === undefined ? {} : { tags: input.tags }),
        ...(input.configuration === undefined ? {} : { configuration: input.configuration }),
      });
    },
    authorize: (oauthUrl, authorizeOptions = {}) =>
      decideConsent(state, oauthUrl, authorizeOptions.approve ?? true),
    tickBulkJobs: (steps) => bulk.tick(steps),
    settle: () => settleDeliveries(state),
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        bulk.close();
        stopDeliveries(state);
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing.then(() => {
        if (violations.length > 0) {
          throw new Error(
            `[cloud-elements] the emulator's answers broke the spec ${violations.length} time(s):\n` +
              violations.join('\n'),
          );
        }
      });
    },
  };
  // The state holds user and organization secrets: keep them out of logs and snapshots.
  const shown = () => ({ url, instances: state.instances.size });
  Object.defineProperties(emulator, {
    toJSON: { value: shown },
    [Symbol.for('nodejs.util.inspect.custom')]: { value: () => `Emulator ${JSON.stringify(shown())}` },
  });
  return emulator;
}

// state
export { EmulatorCredentials } from './model/credentials.js';
export { EmulatorState } from './model/state.js';
export type {
  DeliveryAttempt,
  EmulatorInstance,
  EmulatorUser,
  EventDelivery,
  HubRecord,
} from './model/types.js';
// faults
export { FaultController } from './server/faults.js';
export type { FaultCounts, FaultOptions, FaultShare } from './server/faults.js';
// bulk
export type { BulkJob, BulkJobState } from './model/types.js';
export type { BulkOptions } from './handlers/bulk/jobs.js';
// events
export { signWebhookBody } from './handlers/events.js';
// catalog
export { ELEMENTS } from './model/catalog.js';
export type { CatalogElement } from './model/catalog.js';
