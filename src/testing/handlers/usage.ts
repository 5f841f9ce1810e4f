import { EmulatorHttpError } from '../errors.js';
import { findElement } from '../model/catalog.js';
import type { UsageEntry } from '../model/platform.js';
import type { EmulatorState } from '../model/state.js';
import type { AnsweredCall } from '../server/server.js';
import type { RequestContext } from '../server/types.js';
import { pageReply } from './paging.js';
import type { Handlers, Schema } from './types.js';

const INTERVAL_MS: Record<string, number> = {
  second: 1_000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
  month: 30 * 86_400_000,
  quarter: 91 * 86_400_000,
  year: 365 * 86_400_000,
};

/** Logs a hub call (one made with an element token) in the usage log, as Cloud Elements logs element traffic. */
export function logUsage(state: EmulatorState, call: AnsweredCall): void {
  const instance = call.caller?.instance;
  if (!instance) return;
  state.platform.usage.push({
    id: call.requestId,
    date: state.nowIso(),
    method: call.method,
    path: call.path,
    status: call.status,
    processTime: call.processTime,
    ...(call.caller?.user ? { userId: call.caller.user.id } : {}),
    instanceId: instance.id,
    elementKey: instance.elementKey,
    instanceName: instance.name,
  });
  // The oldest goes: about 0.2 µs at the default size (V8 moves the array's start instead of its entries), up to
  // 0.1 ms for a log of 100,000, where the array no longer fits V8's ordinary pages.
  if (state.platform.usage.length > state.settings.usageLogSize) state.platform.usage.shift();
}

/**
 * Handlers of the usage log (`GET /usage`, `/usage/{id}` by the `Elements-Request-Id` of a call) and its analytics:
 * counts, statuses and times of the hub calls the emulator answered, in buckets of the asked interval.
 */
export function usageHandlers(state: EmulatorState): Handlers {
  const store = state.platform;
  const entryJson = (entry: UsageEntry): Schema<'UsageLogEntry'> => {
    const element = entry.elementKey === undefined ? undefined : findElement(entry.elementKey);
    const instance = entry.instanceId === undefined ? undefined : state.instances.get(entry.instanceId);
    return {
      id: entry.id,
      requestStatus: entry.status < 400 ? 'SUCCESS' : 'FAILED',
      usageDate: entry.date,
      processTime: entry.processTime,
      requestURI: `/elements/api-v2${entry.path}`,
      requestIP: '127.0.0.1',
      accountId: store.profiles.get(entry.userId ?? -1)?.accountId ?? 1,
      companyId: state.organization.id,
      ...(entry.userId === undefined ? {} : { userId: entry.userId }),
      ...(element ? { elementKey: element.key, elementName: element.name } : {}),
      ...(entry.instanceName === undefined ? {} : { instanceName: entry.instanceName }),
      ...(instance ? { elementTags: instance.tags.join(',') } : {}),
    };
  };
  /** The log entries the query's filters keep. */
  const filtered = (ctx: RequestContext): UsageEntry[] => {
    const q = ctx.query;
    const keys = q.getAll('keys[]');
    const tags = q.getAll('tags[]');
    const instanceIds = q.getAll('instanceIds[]').map(Number);
    const hub = q.get('hub');
    const status = q.get('status');
    const from = q.get('from');
    const to = q.get('to');
    const search = q.get('searchText')?.toLowerCase();
    return store.usage.filter((entry) => {
      const instance = entry.instanceId === undefined ? undefined : state.instances.get(entry.instanceId);
      return (
        (keys.length === 0 || keys.includes(entry.elementKey ?? '')) &&
        (tags.length === 0 || tags.some((tag) => instance?.tags.includes(tag))) &&
        (instanceIds.length === 0 || instanceIds.includes(entry.instanceId ?? -1)) &&
        (hub === null || findElement(entry.elementKey ?? '')?.hub === hub) &&
        (status === null || (status === 'SUCCESS') === entry.status < 400) &&
        (from === null || Date.parse(entry.date) >= Date.parse(from)) &&
        (to === null || Date.parse(entry.date) <= Date.parse(to)) &&
        (!search || entry.path.toLowerCase().includes(search))
      );
    });
  };
  /** Entries grouped in buckets of `interval` (default `day`), oldest first. */
  const buckets = (ctx: RequestContext): Array<{ timestamp: string; entries: UsageEntry[] }> => {
    const size = INTERVAL_MS[ctx.query.get('interval') ?? 'day'] ?? INTERVAL_MS.day!;
    const groups = new Map<number, UsageEntry[]>();
    for (const entry of filtered(ctx)) {
      const start = Math.floor(Date.parse(entry.date) / size) * size;
      groups.set(start, [...(groups.get(start) ?? []), entry]);
    }
    return [...groups]
      .sort(([a], [b]) => a - b)
      .map(([start, entries]) => ({ timestamp: new Date(start).toISOString(), entries }));
  };

  return {
    listUsage: (ctx) => {
      // pageOffset numbers pages from 0 (reference §5, "page offset"), newest entries first: page pageOffset + 1.
      const query = new URLSearchParams(ctx.query);
      const pageOffset = query.get('pageOffset');
      if (pageOffset !== null && pageOffset !== '' && !query.get('nextPage'))
        query.set('page', String(Number(pageOffset) + 1));
      return pageReply(filtered(ctx).reverse(), query, entryJson);
    },
    getUsage: (ctx) => {
      const entry = store.usage.find((candidate) => candidate.id === ctx.params.id);
      if (!entry) throw new EmulatorHttpError(404, `No usage log entry found with ID ${ctx.params.id}`);
      return { json: entryJson(entry) };
    },
    getUsageActivity: (ctx) => ({
      json: buckets(ctx).map(({ timestamp, entries }) => ({ timestamp, count: entries.length })),
    }),
    getUsageElementActivity: (ctx) => ({
      json: buckets(ctx).map(({ timestamp, entries }) => {
        const perElement: Record<string, number> = {};
        for (const entry of entries) {
          const key = entry.elementKey ?? 'unknown';
          perElement[key] = (perElement[key] ?? 0) + 1;
        }
        return { ...perElement, timestamp, count: entries.length };
      }),
    }),
    getUsageStatuses: (ctx) => ({
      json: buckets(ctx).map(({ timestamp, entries }) => {
        const success = entries.filter((entry) => entry.status < 400).length;
        return { timestamp, count: entries.length, success, failed: entries.length - success };
      }),
    }),
    getUsageTimes: (ctx) => ({
      json: buckets(ctx).map(({ timestamp, entries }) => {
        const times = entries.map((entry) => entry.processTime);
        const sum = times.reduce((a, b) => a + b, 0);
        return {
          timestamp,
          count: times.length,
          min: Math.min(...times),
          max: Math.max(...times),
          avg: sum / times.length,
        };
      }),
    }),
  };
}
