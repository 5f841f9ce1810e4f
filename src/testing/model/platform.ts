import type { components } from '../../../generated/schema.js';

type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

/** What the emulator keeps of a user beyond `EmulatorUser`: the account, a password, when and whether active. */
export interface UserProfile {
  accountId: number;
  password?: string | undefined;
  active: boolean;
  createdDate: string;
  roles: Set<string>;
  /** Fields of the last create or update that the emulator keeps as they were sent (address, phone...). */
  details: Record<string, unknown>;
}

/** One API call of the usage log (`GET /usage`), as the server saw it. */
export interface UsageEntry {
  id: string;
  date: string;
  method: string;
  path: string;
  status: number;
  processTime: number;
  userId?: number | undefined;
  instanceId?: number | undefined;
  elementKey?: string | undefined;
  instanceName?: string | undefined;
}

/**
 * The platform resources users script against, as the emulator stores them: formulas with their instances and
 * executions, transformations and object definitions by scope, notifications with their subscriptions and
 * deliveries, the usage log, accounts with their settings and roles, and user profiles. Answers are built from
 * these by the handlers (`handlers/formulas.ts`, `platform-objects.ts`, `notifications.ts`, `usage.ts`,
 * `users.ts`, `accounts.ts`).
 */
export class PlatformStore {
  readonly formulas = new Map<number, Schema<'Formula'>>();
  readonly monitoredFormulas = new Set<number>();
  readonly formulaInstances = new Map<number, Schema<'FormulaInstance'>>();
  readonly executions = new Map<number, Schema<'FormulaExecution'>>();
  /** Step executions by id, with the execution they belong to. */
  readonly stepExecutions = new Map<number, { executionId: number; step: Schema<'FormulaStepExecution'> }>();
  /** Transformations by scope (`organization:sfdc`, `account:5:sfdc`, `instance:12`), then object name. */
  readonly transformations = new Map<string, Map<string, Schema<'Transformation'>>>();
  /** Object definitions by scope (`organization`, `account:5`, `instance:12`), then object name. */
  readonly objectDefinitions = new Map<string, Map<string, Schema<'ObjectDefinition'>>>();
  readonly notifications = new Map<number, Schema<'Notification'>>();
  readonly subscriptions = new Map<number, Schema<'NotificationSubscription'>>();
  readonly notificationDeliveries: Schema<'NotificationDelivery'>[] = [];
  /** The most recent hub calls answered (`usageLogSize` of them), oldest first. */
  readonly usage: UsageEntry[] = [];
  readonly accounts = new Map<number, Schema<'Account'>>();
  readonly accountSettings = new Map<number, Record<string, unknown>>();
  readonly accountRoles = new Map<number, Set<string>>();
  readonly profiles = new Map<number, UserProfile>();
  /** The organization's fields that `PUT /organizations/me` changed. */
  organization: Record<string, unknown> = {};

  /** The map of a scope, created on first use. */
  scoped<T>(maps: Map<string, Map<string, T>>, scope: string): Map<string, T> {
    let map = maps.get(scope);
    if (!map) maps.set(scope, (map = new Map()));
    return map;
  }
}

/** The account every organization has, to which seeded users belong. */
export const DEFAULT_ACCOUNT_ID = 1;
