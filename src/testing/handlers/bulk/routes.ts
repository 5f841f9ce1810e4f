import { parseUpload, type BulkRecordError, type ParsedUpload } from './bulk-files.js';
import { runBulkQuery, runBulkUpload } from './bulk-run.js';
import { parseBulkSelect, type BulkSelect } from './ceql.js';
import { compareForOrderBy } from './ceql-eval.js';
import { formatCsv } from './csv.js';
import { deliver } from './events.js';
import { EmulatorHttpError, type Reply, type RequestContext } from './http.js';
import { callerInstance, resourcesOf } from './hubs.js';
import { parseMultipart } from './multipart.js';
import { pageReply } from './paging.js';
import type { Route } from './server.js';
import type { EmulatorInstance, EmulatorState } from './state.js';

/** States of an emulated bulk job, in the order a job goes through them. */
export type BulkJobState = 'CREATED' | 'QUEUED' | 'RUNNING' | 'COMPLETED' | 'CANCELLED';

const NEXT_STATE: Partial<Record<BulkJobState, BulkJobState>> = {
  CREATED: 'QUEUED',
  QUEUED: 'RUNNING',
  RUNNING: 'COMPLETED',
};

/** A bulk job as the emulator keeps it. */
export interface BulkJob {
  id: string;
  instanceId: number;
  kind: 'query' | 'upload';
  objectName: string;
  status: BulkJobState;
  createdDate: string;
  updatedDate: string;
  select?: BulkSelect;
  upload?: ParsedUpload;
  /** Records of the finished job: the query's results, or the records an upload wrote. */
  results: Record<string, unknown>[];
  errors: BulkRecordError[];
  callbackUrl?: string;
}

/** How bulk jobs move from `CREATED` to `COMPLETED`. */
export interface BulkOptions {
  /**
   * `time`: one step every `stepMs`; `poll`: one step per status read; `manual`: only `emulator.tickBulkJobs()`.
   * @default 'time'
   */
  progress?: 'time' | 'poll' | 'manual';
  /** Time between steps in `time` mode. @default 100 */
  stepMs?: number;
}

/** The bulk job engine: routes, manual ticks, and timers to stop on close. */
export interface BulkEngine {
  routes: Route[];
  /** Moves every unfinished job `steps` states forward. */
  tick(steps?: number): void;
  close(): void;
}

/** Creates the bulk engine of an emulator. */
export function createBulkEngine(state: EmulatorState, options: BulkOptions = {}): BulkEngine {
  const progress = options.progress ?? 'time';
  const stepMs = options.stepMs ?? 100;
  if (!['time', 'poll', 'manual'].includes(progress)) {
    throw new TypeError(
      `[cloud-elements] emulator bulk.progress must be 'time', 'poll' or 'manual'; got '${progress}'.`,
    );
  }
  if (!(stepMs >= 0))
    throw new TypeError(`[cloud-elements] emulator bulk.stepMs must be >= 0; got ${stepMs}.`);
  const timers = new Map<string, NodeJS.Timeout>();

  const statusJson = (job: BulkJob) => ({
    id: job.id,
    status: job.status,
    instanceId: job.instanceId,
    objectName: job.objectName,
    recordsCount: job.results.length,
    recordsFailedCount: job.errors.length,
    createdDate: job.createdDate,
    updatedDate: job.updatedDate,
  });

  const finish = (job: BulkJob): void => {
    const instance = state.instances.get(job.instanceId);
    if (job.status === 'COMPLETED' && instance) {
      if (job.kind === 'query') runBulkQuery(state, job, instance);
      else runBulkUpload(state, job, instance);
    }
    if (job.callbackUrl) {
      deliver(
        state,
        job.callbackUrl,
        statusJson(job),
        instance?.configuration.get('event.notification.signature.key'),
      );
    }
  };

  const step = (job: BulkJob): void => {
    const next = NEXT_STATE[job.status];
    if (!next) return;
    job.status = next;
    job.updatedDate = state.nowIso();
    if (next === 'COMPLETED') finish(job);
  };

  const schedule = (job: BulkJob): void => {
    if (progress !== 'time' || !NEXT_STATE[job.status]) return;
    const timer = setTimeout(() => {
      timers.delete(job.id);
      step(job);
      schedule(job);
    }, stepMs);
    timer.unref();
    timers.set(job.id, timer);
  };

  const createJob = (
    ctx: RequestContext,
    instance: EmulatorInstance,
    job: Pick<BulkJob, 'kind' | 'objectName'> & Partial<BulkJob>,
  ): Reply => {
    const now = state.nowIso();
    const callbackUrl = ctx.headers['elements-async-callback-url'];
    const created: BulkJob = {
      ...job,
      id: String(state.nextId('bulk', 1001)),
      instanceId: instance.id,
      status: 'CREATED',
      createdDate: now,
      updatedDate: now,
      results: [],
      errors: [],
      ...(typeof callbackUrl === 'string' && callbackUrl !== '' ? { callbackUrl } : {}),
    };
    state.bulkJobs.set(created.id, created);
    schedule(created);
    return { json: { id: created.id, status: created.status, instanceId: instance.id } };
  };

  const requireResourceName = (instance: EmulatorInstance, name: string): string => {
    const key = Object.keys(resourcesOf(instance)).find(
      (candidate) => candidate.toLowerCase() === name.toLowerCase(),
    );
    if (key === undefined)
      throw new EmulatorHttpError(404, `No resource ${name} found for element ${instance.elementKey}.`);
    return key;
  };

  const requireJob = (ctx: RequestContext): BulkJob => {
    const instance = callerInstance(ctx);
    const job = state.bulkJobs.get(ctx.params.id ?? '');
    if (!job || job.instanceId !== instance.id)
      throw new EmulatorHttpError(404, `No bulk job found with ID ${ctx.params.id}`);
    return job;
  };

  const route = (
    method: string,
    path: string,
    handle: (ctx: RequestContext) => Reply | Promise<Reply>,
  ): Route => ({
    method,
    path: `/hubs/{hub}/bulk${path}`,
    auth: 'instance',
    handle,
  });

  const routes: Route[] = [
    route('POST', '/query', (ctx) => {
      const instance = callerInstance(ctx);
      const q = ctx.query.get('q');
      if (!q)
        throw new EmulatorHttpError(400, 'The query parameter q is required, e.g. q=select * from contacts.');
      const select = parseBulkSelect(q);
      if (select.orderBy) compareForOrderBy(select.orderBy);
      const objectName = requireResourceName(instance, select.objectName);
      return createJob(ctx, instance, { kind: 'query', objectName, select: { ...select, objectName } });
    }),
    route('POST', '/{objectName}', async (ctx) => {
      const instance = callerInstance(ctx);
      const objectName = requireResourceName(instance, ctx.params.objectName ?? '');
      const upload = parseUpload(parseMultipart(await ctx.body(), ctx.headers['content-type']));
      return createJob(ctx, instance, { kind: 'upload', objectName, upload });
    }),
    route('GET', '/{id}/status', (ctx) => {
      const job = requireJob(ctx);
      const report = statusJson(job);
      if (progress === 'poll') step(job);
      return { json: report };
    }),
    route('GET', '/{id}/errors', (ctx) => pageReply(requireJob(ctx).errors, ctx.query)),
    route('PUT', '/{id}/cancel', (ctx) => {
      const job = requireJob(ctx);
      if (NEXT_STATE[job.status]) {
        clearTimeout(timers.get(job.id));
        timers.delete(job.id);
        job.status = 'CANCELLED';
        job.updatedDate = state.nowIso();
        finish(job);
      }
      return {};
    }),
    route('GET', '/{id}/{objectName}', (ctx) => {
      const job = requireJob(ctx);
      if (job.objectName.toLowerCase() !== (ctx.params.objectName ?? '').toLowerCase()) {
        throw new EmulatorHttpError(
          404,
          `No ${ctx.params.objectName} found in bulk job ${job.id} (it holds ${job.objectName}).`,
        );
      }
      if (job.status !== 'COMPLETED') {
        throw new EmulatorHttpError(
          404,
          `No results found for bulk job ${job.id}: it is ${job.status}, not COMPLETED.`,
        );
      }
      const accept = String(ctx.headers.accept ?? '*/*').toLowerCase();
      if (accept.includes('text/csv')) {
        const fields = job.select && job.select.fields !== '*' ? job.select.fields : undefined;
        return { bytes: formatCsv(job.results, fields), contentType: 'text/csv; charset=utf-8' };
      }
      if (accept.includes('application/json') || accept.includes('*/*')) {
        const lines = job.results.map((record) => `${JSON.stringify(record)}\n`).join('');
        return { bytes: lines, contentType: 'application/json' };
      }
      throw new EmulatorHttpError(
        406,
        `Could not find acceptable representation; Accept text/csv or application/json.`,
      );
    }),
  ];

  return {
    routes,
    tick(steps = 1) {
      for (let count = 0; count < steps; count++) for (const job of state.bulkJobs.values()) step(job);
    },
    close() {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}
