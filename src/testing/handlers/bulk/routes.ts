import { compareForOrderBy } from '../../ceql/evaluate.js';
import { parseBulkSelect } from '../../ceql/parse.js';
import { EmulatorHttpError } from '../../errors.js';
import type { EmulatorState } from '../../model/state.js';
import type { BulkJob, EmulatorInstance } from '../../model/types.js';
import { callerInstance } from '../../server/auth.js';
import { parseMultipart } from '../../server/multipart.js';
import type { RequestContext } from '../../server/types.js';
import { ASKED, pageReply } from '../paging.js';
import { resourcesOf } from '../records.js';
import type { Handlers, OperationReply } from '../types.js';
import { formatCsv } from './csv.js';
import { statusJson, type BulkEngine } from './jobs.js';
import { parseUpload } from './upload.js';

/** Handlers of the bulk API (`/hubs/{hub}/bulk/...`): query and upload jobs, their status, errors and results. */
export function bulkHandlers(state: EmulatorState, engine: BulkEngine): Handlers {
  const createJob = (
    ctx: RequestContext,
    instance: EmulatorInstance,
    job: Pick<BulkJob, 'kind' | 'objectName'> & Partial<BulkJob>,
  ): OperationReply<'createBulkQueryJob'> => {
    const callbackUrl = ctx.headers['elements-async-callback-url'];
    const created = engine.create(
      instance,
      job,
      typeof callbackUrl === 'string' && callbackUrl !== '' ? callbackUrl : undefined,
    );
    return { json: { id: created.id, status: created.status, instanceId: instance.id } };
  };

  const requireResourceName = (instance: EmulatorInstance, name: string): string => {
    const key = Object.keys(resourcesOf(state, instance)).find(
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

  return {
    createBulkQueryJob: (ctx) => {
      const instance = callerInstance(ctx);
      const q = ctx.query.get('q');
      const continueFrom = ctx.query.get('continueFromJobId');
      // Continuing a limited job leaves q out (spec, reference §13): the new job runs the earlier job's query.
      const earlier = continueFrom === null ? undefined : state.bulkJobs.get(continueFrom);
      if (continueFrom !== null && (earlier?.instanceId !== instance.id || !earlier.select)) {
        throw new EmulatorHttpError(404, `No bulk query job found with ID ${continueFrom}`);
      }
      if (!q && !earlier)
        throw new EmulatorHttpError(400, 'The query parameter q is required, e.g. q=select * from contacts.');
      const select = q ? parseBulkSelect(q) : { ...earlier!.select! };
      if (select.orderBy) compareForOrderBy(select.orderBy);
      const objectName = requireResourceName(instance, select.objectName);
      return createJob(ctx, instance, { kind: 'query', objectName, select: { ...select, objectName } });
    },
    createBulkUploadJob: async (ctx) => {
      const instance = callerInstance(ctx);
      const objectName = requireResourceName(instance, ctx.params.objectName ?? '');
      const upload = parseUpload(parseMultipart(await ctx.body(), ctx.headers['content-type']));
      return createJob(ctx, instance, { kind: 'upload', objectName, upload });
    },
    getBulkJobStatus: (ctx) => {
      const job = requireJob(ctx);
      const report = statusJson(job);
      engine.statusRead(job);
      return { json: report };
    },
    listBulkJobErrors: (ctx) => pageReply(requireJob(ctx).errors, ctx.query, undefined, ASKED),
    cancelBulkJob: (ctx) => {
      engine.cancel(requireJob(ctx));
      return {};
    },
    getBulkJobResults: (ctx) => {
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
    },
  };
}
