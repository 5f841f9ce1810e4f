import type { EmulatorState } from '../../model/state.js';
import type { BulkJob, BulkJobState, EmulatorInstance } from '../../model/types.js';
import { deliver } from '../events.js';
import { runBulkQuery, runBulkUpload } from './run.js';

const NEXT_STATE: Partial<Record<BulkJobState, BulkJobState>> = {
  CREATED: 'QUEUED',
  QUEUED: 'RUNNING',
  RUNNING: 'COMPLETED',
};

/** How bulk jobs move from `CREATED` to `COMPLETED`. */
export interface BulkOptions {
  /**
   * `time`: one step every `stepMs`; `poll`: one step per status read; `manual`: only `emulator.tickBulkJobs()`.
   * @default 'time'
   */
  progress?: 'time' | 'poll' | 'manual' | undefined;
  /** Time between steps in `time` mode, in ms, at most 2147483647 (the global `setTimeout`: it follows fake timers). @default 100 */
  stepMs?: number | undefined;
}

/** The bulk job engine: the life of each job, manual ticks, and timers to stop on close. */
export interface BulkEngine {
  /** Stores a new job as `CREATED` (and starts its timer in `time` mode). */
  create(
    instance: EmulatorInstance,
    job: Pick<BulkJob, 'kind' | 'objectName'> & Partial<BulkJob>,
    callbackUrl: string | undefined,
  ): BulkJob;
  /** Tells the engine a client has read the job's status: one step forward in `poll` mode. */
  statusRead(job: BulkJob): void;
  /** Cancels an unfinished job; a finished one stays as it is. */
  cancel(job: BulkJob): void;
  /** Moves every unfinished job `steps` states forward. */
  tick(steps?: number): void;
  close(): void;
}

/** A job's status, as `GET /hubs/{hub}/bulk/{id}/status` and the job's callback report it. */
export function statusJson(job: BulkJob) {
  return {
    id: job.id,
    status: job.status,
    instanceId: job.instanceId,
    objectName: job.objectName,
    recordsCount: job.results.length,
    recordsFailedCount: job.errors.length,
    createdDate: job.createdDate,
    updatedDate: job.updatedDate,
  };
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
  // A timer holds at most 2147483647 ms: a longer step (Infinity included) would fire at once, so it is refused.
  if (!(stepMs >= 0 && stepMs <= 2_147_483_647)) {
    throw new TypeError(
      `[cloud-elements] emulator bulk.stepMs must be a number of ms from 0 to 2147483647; got ${stepMs}.`,
    );
  }
  const timers = new Map<string, NodeJS.Timeout>();

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

  return {
    create(instance, job, callbackUrl) {
      const now = state.nowIso();
      const created: BulkJob = {
        ...job,
        id: String(state.nextId('bulk', 1001)),
        instanceId: instance.id,
        status: 'CREATED',
        createdDate: now,
        updatedDate: now,
        results: [],
        errors: [],
        ...(callbackUrl !== undefined ? { callbackUrl } : {}),
      };
      state.bulkJobs.set(created.id, created);
      schedule(created);
      return created;
    },
    statusRead(job) {
      if (progress === 'poll') step(job);
    },
    cancel(job) {
      if (NEXT_STATE[job.status]) {
        clearTimeout(timers.get(job.id));
        timers.delete(job.id);
        job.status = 'CANCELLED';
        job.updatedDate = state.nowIso();
        finish(job);
      }
    },
    tick(steps = 1) {
      for (let count = 0; count < steps; count++) for (const job of state.bulkJobs.values()) step(job);
    },
    close() {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}
