import { EmulatorHttpError } from '../errors.js';
import { DEFAULT_ACCOUNT_ID } from '../model/platform.js';
import type { EmulatorState } from '../model/state.js';
import { readJsonObject } from '../server/http.js';
import type { RequestContext } from '../server/types.js';
import { pageReply } from './paging.js';
import type { Handlers, Schema } from './types.js';

type Formula = Schema<'Formula'>;
type FormulaInstance = Schema<'FormulaInstance'>;
type Execution = Schema<'FormulaExecution'>;

/**
 * Handlers of formulas (workflow templates), their instances and executions. A manual trigger runs an execution at
 * once: every step of the formula succeeds in order, and the trigger's message is kept as the first step's input.
 */
export function formulaHandlers(state: EmulatorState): Handlers {
  const store = state.platform;
  const id = (ctx: RequestContext, name: string) => Number(ctx.params[name]);

  const requireFormula = (formulaId: number): Formula => {
    const formula = store.formulas.get(formulaId);
    if (!formula) throw new EmulatorHttpError(404, `No formula found with ID ${formulaId}`);
    return formula;
  };
  const requireInstance = (instanceId: number, formulaId?: number): FormulaInstance => {
    const instance = store.formulaInstances.get(instanceId);
    if (!instance || (formulaId !== undefined && instance.formula.id !== formulaId))
      throw new EmulatorHttpError(404, `No formula instance found with ID ${instanceId}`);
    return instance;
  };
  const requireExecution = (executionId: number): Execution => {
    const execution = store.executions.get(executionId);
    if (!execution) throw new EmulatorHttpError(404, `No formula execution found with ID ${executionId}`);
    return execution;
  };
  const instancesOf = (formulaId: number) =>
    [...store.formulaInstances.values()].filter((instance) => instance.formula.id === formulaId);
  const executionsOf = (instanceId: number) =>
    [...store.executions.values()].filter((execution) => execution.formulaInstanceId === instanceId);

  /** A formula from its written form; sub-formulas get ids of their own. */
  const toFormula = (
    body: Schema<'FormulaWrite'>,
    base: Pick<Formula, 'id' | 'createdDate'>,
    userId: number,
  ) => {
    const now = state.nowIso();
    const formula: Formula = {
      configuration: [],
      triggers: [],
      steps: [],
      active: true,
      singleThreaded: false,
      engine: 'v3',
      ...body,
      subFormulas: (body.subFormulas ?? []).map((sub) =>
        toFormula(sub, { id: state.nextId('formula', 2001), createdDate: now }, userId),
      ),
      id: base.id,
      userId,
      accountId: DEFAULT_ACCOUNT_ID,
      createdDate: base.createdDate ?? now,
      updatedDate: now,
    };
    return formula;
  };
  const writeFormula = async (ctx: RequestContext, existing?: Formula): Promise<Formula> => {
    const body = (await readJsonObject(ctx)) as Schema<'FormulaWrite'>;
    const base = existing ?? { id: state.nextId('formula', 2001), createdDate: state.nowIso() };
    const formula = toFormula(body, base, existing?.userId ?? ctx.caller?.user.id ?? 0);
    store.formulas.set(formula.id, formula);
    return formula;
  };

  /** The formula as its instances show it. */
  const formulaRef = (formula: Formula): FormulaInstance['formula'] => ({
    id: formula.id,
    name: formula.name,
    active: formula.active ?? true,
    ...(formula.configuration ? { configuration: formula.configuration } : {}),
  });

  const writeInstance = async (ctx: RequestContext, formula: Formula, existing?: FormulaInstance) => {
    const body = (await readJsonObject(ctx)) as Schema<'FormulaInstanceWrite'>;
    const configuration = body.configuration ?? {};
    const missing = (formula.configuration ?? [])
      .filter((entry) => entry.required !== false && configuration[entry.key] === undefined)
      .map((entry) => entry.key);
    if (missing.length > 0)
      throw new EmulatorHttpError(400, `Missing required formula configuration: ${missing.join(', ')}`);
    for (const entry of formula.configuration ?? []) {
      const value = configuration[entry.key];
      if (entry.type === 'elementInstance' && value !== undefined && !state.instances.has(Number(value)))
        throw new EmulatorHttpError(
          400,
          `Configuration ${entry.key}: no element instance with ID ${String(value)}`,
        );
    }
    const now = state.nowIso();
    const instance: FormulaInstance = {
      ...body,
      id: existing?.id ?? state.nextId('formulaInstance', 3001),
      name: body.name,
      active: body.active ?? existing?.active ?? true,
      configuration,
      formula: formulaRef(formula),
      createdDate: existing?.createdDate ?? now,
      updatedDate: now,
    };
    store.formulaInstances.set(instance.id, instance);
    return instance;
  };

  const trigger = async (ctx: RequestContext, instance: FormulaInstance): Promise<Execution[]> => {
    if (instance.active === false)
      throw new EmulatorHttpError(400, `Formula instance ${instance.id} is inactive; activate it first.`);
    const body = (await readJsonObject(ctx)) as Schema<'FormulaManualTrigger'>;
    const formula = requireFormula(instance.formula.id);
    const now = state.nowIso();
    const executionId = state.nextId('formulaExecution', 4001);
    const stepNames = ['trigger', ...(formula.steps ?? []).map((step) => step.name)];
    const stepExecutions = stepNames.map((stepName, index) => {
      const step: Schema<'FormulaStepExecution'> = {
        id: state.nextId('formulaStepExecution', 5001),
        stepName,
        status: 'success',
        createdDate: now,
        updatedDate: now,
        stepExecutionValues:
          index === 0 ? [{ key: 'trigger.event', value: JSON.stringify(body.message ?? {}) }] : [],
      };
      store.stepExecutions.set(step.id, { executionId, step });
      return step;
    });
    const execution: Execution = {
      id: executionId,
      formulaInstanceId: instance.id,
      status: 'success',
      createdDate: now,
      updatedDate: now,
      stepExecutions,
    };
    store.executions.set(execution.id, execution);
    return [execution];
  };
  const failed = (executions: Execution[]) => executions.filter((execution) => execution.status === 'failed');
  const setActive = (active: boolean) => (ctx: RequestContext) => {
    const instance = requireInstance(id(ctx, 'instanceId'), id(ctx, 'id'));
    store.formulaInstances.set(instance.id, { ...instance, active, updatedDate: state.nowIso() });
    return {};
  };
  const deleteInstance = (instance: FormulaInstance) => {
    store.formulaInstances.delete(instance.id);
    return {};
  };

  return {
    listFormulas: (ctx) => pageReply([...store.formulas.values()], ctx.query),
    createFormula: async (ctx) => ({ json: await writeFormula(ctx) }),
    getFormula: (ctx) => ({ json: requireFormula(id(ctx, 'id')) }),
    replaceFormula: async (ctx) => ({ json: await writeFormula(ctx, requireFormula(id(ctx, 'id'))) }),
    updateFormula: async (ctx) => {
      const formula = requireFormula(id(ctx, 'id'));
      const patch = (await readJsonObject(ctx)) as Schema<'FormulaPatch'>;
      const updated: Record<string, unknown> = { ...formula, ...patch, updatedDate: state.nowIso() };
      // `null` withdraws a formula exposed as a resource: the field goes.
      for (const [key, value] of Object.entries(patch)) if (value === null) delete updated[key];
      store.formulas.set(formula.id, updated as Formula);
      return { json: updated as Formula };
    },
    deleteFormula: (ctx) => {
      const formula = requireFormula(id(ctx, 'id'));
      if (instancesOf(formula.id).length > 0)
        throw new EmulatorHttpError(409, `Formula ${formula.id} has instances; delete them first.`);
      store.formulas.delete(formula.id);
      store.monitoredFormulas.delete(formula.id);
      return {};
    },
    monitorFormula: (ctx) => {
      store.monitoredFormulas.add(requireFormula(id(ctx, 'id')).id);
      return {};
    },
    unmonitorFormula: (ctx) => {
      store.monitoredFormulas.delete(requireFormula(id(ctx, 'id')).id);
      return {};
    },
    listFormulaInstances: (ctx) => pageReply(instancesOf(requireFormula(id(ctx, 'id')).id), ctx.query),
    createFormulaInstance: async (ctx) => ({ json: await writeInstance(ctx, requireFormula(id(ctx, 'id'))) }),
    getFormulaInstance: (ctx) => ({ json: requireInstance(id(ctx, 'instanceId'), id(ctx, 'id')) }),
    replaceFormulaInstance: async (ctx) => {
      const existing = requireInstance(id(ctx, 'instanceId'), id(ctx, 'id'));
      return { json: await writeInstance(ctx, requireFormula(id(ctx, 'id')), existing) };
    },
    deleteFormulaInstance: (ctx) => deleteInstance(requireInstance(id(ctx, 'instanceId'), id(ctx, 'id'))),
    activateFormulaInstance: setActive(true),
    deactivateFormulaInstance: setActive(false),
    listAllFormulaInstances: (ctx) => {
      const elementInstanceId = ctx.query.get('elementInstanceId');
      const search = ctx.query.get('searchText')?.toLowerCase();
      const found = [...store.formulaInstances.values()].filter(
        (instance) =>
          (elementInstanceId === null ||
            Object.values(instance.configuration ?? {}).some(
              (value) => String(value) === elementInstanceId,
            )) &&
          (!search || instance.name.toLowerCase().includes(search)),
      );
      return pageReply(found, ctx.query);
    },
    listAccountFormulaInstances: (ctx) => {
      if (!store.accounts.has(id(ctx, 'id')))
        throw new EmulatorHttpError(404, `No account found with ID ${ctx.params.id}`);
      return { json: instancesOf(requireFormula(id(ctx, 'formulaId')).id) };
    },
    getFormulaInstanceById: (ctx) => ({ json: requireInstance(id(ctx, 'instanceId')) }),
    deleteFormulaInstanceById: (ctx) => deleteInstance(requireInstance(id(ctx, 'instanceId'))),
    createFormulaInstanceExecution: async (ctx) => ({
      json: await trigger(ctx, requireInstance(id(ctx, 'instanceId'))),
    }),
    createFormulaInstanceExecutionByFormula: async (ctx) => ({
      json: await trigger(ctx, requireInstance(id(ctx, 'instanceId'), id(ctx, 'id'))),
    }),
    listFormulaInstanceExecutions: (ctx) =>
      pageReply(executionsOf(requireInstance(id(ctx, 'instanceId')).id), ctx.query),
    listFormulaInstanceExecutionsByFormula: (ctx) =>
      pageReply(executionsOf(requireInstance(id(ctx, 'instanceId'), id(ctx, 'id')).id), ctx.query),
    listFormulaInstanceExecutionErrors: (ctx) =>
      pageReply(failed(executionsOf(requireInstance(id(ctx, 'instanceId')).id)), ctx.query),
    listFormulaExecutionErrorsByFormula: (ctx) => {
      const formula = requireFormula(id(ctx, 'id'));
      const withErrors = instancesOf(formula.id)
        .map((instance) => ({
          id: instance.id,
          formula: formulaRef(formula),
          executions: failed(executionsOf(instance.id)),
        }))
        .filter((entry) => entry.executions.length > 0);
      return pageReply(withErrors, ctx.query);
    },
    getFormulaExecution: (ctx) => ({ json: requireExecution(id(ctx, 'executionId')) }),
    cancelFormulaExecution: (ctx) => {
      const execution = requireExecution(id(ctx, 'executionId'));
      if (!['pending', 'queued', 'retry'].includes(execution.status ?? ''))
        throw new EmulatorHttpError(
          400,
          `Formula execution ${execution.id} is ${execution.status}: it cannot be cancelled.`,
        );
      const cancelled: Execution = { ...execution, status: 'cancelled', updatedDate: state.nowIso() };
      store.executions.set(execution.id, cancelled);
      return { json: cancelled };
    },
    cancelFormulaExecutionRetries: (ctx) => {
      requireExecution(id(ctx, 'executionId'));
      return {};
    },
    listFormulaExecutionSteps: (ctx) =>
      pageReply(requireExecution(id(ctx, 'executionId')).stepExecutions ?? [], ctx.query),
    listFormulaExecutionErrors: (ctx) => ({
      json: (requireExecution(id(ctx, 'executionId')).stepExecutions ?? []).filter(
        (step) => step.status === 'failed',
      ),
    }),
    getFormulaStepExecution: (ctx) => {
      const found = store.stepExecutions.get(id(ctx, 'stepExecutionId'));
      if (!found)
        throw new EmulatorHttpError(404, `No step execution found with ID ${ctx.params.stepExecutionId}`);
      return { json: found.step };
    },
    listFormulaStepExecutionValues: (ctx) => {
      const found = store.stepExecutions.get(id(ctx, 'stepExecutionId'));
      if (!found)
        throw new EmulatorHttpError(404, `No step execution found with ID ${ctx.params.stepExecutionId}`);
      return { json: found.step.stepExecutionValues ?? [] };
    },
  };
}
