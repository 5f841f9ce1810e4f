// The TypeScript samples of the operations tagged "Formulas", as the docs site shows them, one function
// each with the imports hoisted. Written by `npm run generate` (scripts/site/samples.mjs) from the spec;
// do not edit. `tsc -p .` type-checks them against the SDK and generated/schema.d.ts.
import { createClient, paginate, unwrap } from '../../src/index.js';

/** GET /formulas: List formula templates */
export async function listFormulas(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const formula of paginate(ce, '/formulas', { pageSize: 100 })) {
    console.log(formula.id);
  }
}

/** POST /formulas: Create a formula template */
export async function createFormula(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const formula = await unwrap(
    ce.POST('/formulas', {
      body: {
        name: 'simple-successful',
        configuration: [
          {
            key: 'trigger_instance',
            name: 'trigger_instance',
            type: 'elementInstance',
          },
        ],
        triggers: [
          {
            type: 'event',
            onSuccess: ['simple-script'],
            properties: { elementInstanceId: '${config.trigger_instance}' },
          },
        ],
        steps: [
          {
            name: 'simple-script',
            type: 'script',
            properties: {
              scriptEngine: 'v2',
              body: "done({ 'id': trigger.event.objectId });",
            },
          },
        ],
      },
    }),
  );
  console.log(formula.id);
}

/** GET /formulas/instances: List all formula instances */
export async function listAllFormulaInstances(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const instance of paginate(ce, '/formulas/instances', {
    pageSize: 100,
  })) {
    console.log(instance.id);
  }
}

/** GET /formulas/instances/executions/steps/{stepExecutionId}: Get a step execution */
export async function getFormulaStepExecution(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const step = await unwrap(
    ce.GET('/formulas/instances/executions/steps/{stepExecutionId}', {
      params: { path: { stepExecutionId: 37160455 } },
    }),
  );
  console.log(step.id);
}

/** GET /formulas/instances/executions/steps/{stepExecutionId}/values: List the values of a step execution */
export async function listFormulaStepExecutionValues(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const values = await unwrap(
    ce.GET('/formulas/instances/executions/steps/{stepExecutionId}/values', {
      params: { path: { stepExecutionId: 37160455 } },
    }),
  );
  console.log(values.length);
}

/** GET /formulas/instances/executions/{executionId}: Get a formula execution */
export async function getFormulaExecution(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const execution = await unwrap(
    ce.GET('/formulas/instances/executions/{executionId}', {
      params: { path: { executionId: 4903358 } },
    }),
  );
  console.log(execution.id);
}

/** PATCH /formulas/instances/executions/{executionId}: Cancel a formula execution */
export async function cancelFormulaExecution(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const execution = await unwrap(
    ce.PATCH('/formulas/instances/executions/{executionId}', {
      params: { path: { executionId: 4903358 } },
      body: { status: 'cancelled' },
    }),
  );
  console.log(execution.id);
}

/** GET /formulas/instances/executions/{executionId}/errors: List the failed steps of an execution */
export async function listFormulaExecutionErrors(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const errors = await unwrap(
    ce.GET('/formulas/instances/executions/{executionId}/errors', {
      params: { path: { executionId: 4903358 } },
    }),
  );
  console.log(errors.length);
}

/** DELETE /formulas/instances/executions/{executionId}/retries: Stop retrying a formula execution */
export async function cancelFormulaExecutionRetries(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  await unwrap(
    ce.DELETE('/formulas/instances/executions/{executionId}/retries', {
      params: { path: { executionId: 4903358 } },
    }),
  );
}

/** GET /formulas/instances/executions/{executionId}/steps: List the step executions of an execution */
export async function listFormulaExecutionSteps(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const step of paginate(
    ce,
    '/formulas/instances/executions/{executionId}/steps',
    { params: { path: { executionId: 4903358 } }, pageSize: 100 },
  )) {
    console.log(step.id);
  }
}

/** GET /formulas/instances/{instanceId}: Get a formula instance */
export async function getFormulaInstanceById(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const instance = await unwrap(
    ce.GET('/formulas/instances/{instanceId}', {
      params: { path: { instanceId: 28771 } },
    }),
  );
  console.log(instance.id);
}

/** DELETE /formulas/instances/{instanceId}: Delete a formula instance by id */
export async function deleteFormulaInstanceById(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  await unwrap(
    ce.DELETE('/formulas/instances/{instanceId}', {
      params: { path: { instanceId: 28771 } },
    }),
  );
}

/** GET /formulas/instances/{instanceId}/executions: List the executions of a formula instance */
export async function listFormulaInstanceExecutions(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const execution of paginate(
    ce,
    '/formulas/instances/{instanceId}/executions',
    { params: { path: { instanceId: 28771 } }, pageSize: 100 },
  )) {
    console.log(execution.id);
  }
}

/** POST /formulas/instances/{instanceId}/executions: Start a formula instance manually */
export async function createFormulaInstanceExecution(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const executions = await unwrap(
    ce.POST('/formulas/instances/{instanceId}/executions', {
      params: { path: { instanceId: 28771 } },
      body: { foo: 'bar' },
    }),
  );
  console.log(executions.length);
}

/** GET /formulas/instances/{instanceId}/executions/errors: List the failed executions of a formula instance */
export async function listFormulaInstanceExecutionErrors(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const error of paginate(
    ce,
    '/formulas/instances/{instanceId}/executions/errors',
    { params: { path: { instanceId: 28771 } }, pageSize: 100 },
  )) {
    console.log(error.id);
  }
}

/** GET /formulas/{id}: Get a formula template */
export async function getFormula(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const formula = await unwrap(
    ce.GET('/formulas/{id}', { params: { path: { id: 1621 } } }),
  );
  console.log(formula.id);
}

/** PUT /formulas/{id}: Replace a formula template */
export async function replaceFormula(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const formula = await unwrap(
    ce.PUT('/formulas/{id}', {
      params: { path: { id: 1621 } },
      body: {
        name: 'simple-successful',
        configuration: [
          {
            key: 'trigger_instance',
            name: 'trigger_instance',
            type: 'elementInstance',
          },
        ],
        triggers: [
          {
            type: 'event',
            onSuccess: ['simple-script'],
            properties: { elementInstanceId: '${config.trigger_instance}' },
          },
        ],
        steps: [
          {
            name: 'simple-script',
            type: 'script',
            properties: {
              scriptEngine: 'v2',
              body: "done({ 'id': trigger.event.objectId });",
            },
          },
        ],
      },
    }),
  );
  console.log(formula.id);
}

/** PATCH /formulas/{id}: Update a formula template */
export async function updateFormula(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const formula = await unwrap(
    ce.PATCH('/formulas/{id}', {
      params: { path: { id: 1621 } },
      body: { active: false },
    }),
  );
  console.log(formula.id);
}

/** DELETE /formulas/{id}: Delete a formula template */
export async function deleteFormula(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  await unwrap(ce.DELETE('/formulas/{id}', { params: { path: { id: 1621 } } }));
}

/** GET /formulas/{id}/docs: Get the API docs of a formula exposed as a resource */
export async function getFormulaDocs(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const doc = await unwrap(
    ce.GET('/formulas/{id}/docs', { params: { path: { id: 1621 } } }),
  );
  console.log(doc);
}

/** GET /formulas/{id}/instances: List the instances of a formula template */
export async function listFormulaInstances(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const instance of paginate(ce, '/formulas/{id}/instances', {
    params: { path: { id: 1621 } },
    pageSize: 100,
  })) {
    console.log(instance.id);
  }
}

/** POST /formulas/{id}/instances: Create a formula instance */
export async function createFormulaInstance(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const instance = await unwrap(
    ce.POST('/formulas/{id}/instances', {
      params: { path: { id: 1621 } },
      body: {
        name: 'formula-instance',
        active: true,
        configuration: { trigger_instance: '12345' },
        settings: { 'notification.email': 'ops@example.com' },
      },
    }),
  );
  console.log(instance.id);
}

/** PUT /formulas/{id}/monitored: Monitor a formula template */
export async function monitorFormula(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  await unwrap(
    ce.PUT('/formulas/{id}/monitored', { params: { path: { id: 1621 } } }),
  );
}

/** DELETE /formulas/{id}/monitored: Stop monitoring a formula template */
export async function unmonitorFormula(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  await unwrap(
    ce.DELETE('/formulas/{id}/monitored', { params: { path: { id: 1621 } } }),
  );
}

/** GET /formulas/{id}/instances/executions/errors: List the failed executions of a formula template */
export async function listFormulaExecutionErrorsByFormula(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const error of paginate(
    ce,
    '/formulas/{id}/instances/executions/errors',
    { params: { path: { id: 1621 } }, pageSize: 100 },
  )) {
    console.log(error.id);
  }
}

/** GET /formulas/{id}/instances/{instanceId}: Get an instance of a formula template */
export async function getFormulaInstance(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const instance = await unwrap(
    ce.GET('/formulas/{id}/instances/{instanceId}', {
      params: { path: { id: 1621, instanceId: 28771 } },
    }),
  );
  console.log(instance.id);
}

/** PUT /formulas/{id}/instances/{instanceId}: Replace a formula instance */
export async function replaceFormulaInstance(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const instance = await unwrap(
    ce.PUT('/formulas/{id}/instances/{instanceId}', {
      params: { path: { id: 1621, instanceId: 28771 } },
      body: {
        name: 'formula-instance',
        active: true,
        configuration: { trigger_instance: '12345' },
        settings: { 'notification.email': 'ops@example.com' },
      },
    }),
  );
  console.log(instance.id);
}

/** DELETE /formulas/{id}/instances/{instanceId}: Delete a formula instance */
export async function deleteFormulaInstance(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  await unwrap(
    ce.DELETE('/formulas/{id}/instances/{instanceId}', {
      params: { path: { id: 1621, instanceId: 28771 } },
    }),
  );
}

/** PUT /formulas/{id}/instances/{instanceId}/active: Activate a formula instance */
export async function activateFormulaInstance(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  await unwrap(
    ce.PUT('/formulas/{id}/instances/{instanceId}/active', {
      params: { path: { id: 1621, instanceId: 28771 } },
    }),
  );
}

/** DELETE /formulas/{id}/instances/{instanceId}/active: Deactivate a formula instance */
export async function deactivateFormulaInstance(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  await unwrap(
    ce.DELETE('/formulas/{id}/instances/{instanceId}/active', {
      params: { path: { id: 1621, instanceId: 28771 } },
    }),
  );
}

/** GET /formulas/{id}/instances/{instanceId}/executions: List the executions of an instance of a formula template */
export async function listFormulaInstanceExecutionsByFormula(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const execution of paginate(
    ce,
    '/formulas/{id}/instances/{instanceId}/executions',
    { params: { path: { id: 1621, instanceId: 28771 } }, pageSize: 100 },
  )) {
    console.log(execution.id);
  }
}

/** POST /formulas/{id}/instances/{instanceId}/executions: Start an instance of a formula template manually */
export async function createFormulaInstanceExecutionByFormula(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const executions = await unwrap(
    ce.POST('/formulas/{id}/instances/{instanceId}/executions', {
      params: { path: { id: 1621, instanceId: 28771 } },
      body: { foo: 'bar' },
    }),
  );
  console.log(executions.length);
}
