// Every operation of the spec, called once the way the spec shows it (its example body, its parameters' examples,
// ids of things that exist), answers with a status the operation declares and a body the spec allows (checked by
// ajv through `call`, and by the emulator's strict mode): its handler where it has one, else its example, never a
// 501 or a route-not-found 404. `npm run emulator:coverage` counts the operations the emulator's tests reach.
import { beforeAll, describe, expect, test } from 'vitest';
import { loadSpecValidator, type SpecOperation, type SpecValidator } from '../helpers/spec-validator.js';
import { fileForm } from './helpers.js';
import { HUB_ELEMENTS, makeWorld, type World } from './world.js';

type Json = Record<string, any>;

let spec: SpecValidator;
beforeAll(async () => {
  spec = await loadSpecValidator();
});

const deref = (node: any): any => {
  for (let hops = 0; node?.$ref && hops < 10; hops++) node = spec.resolve(node.$ref);
  return node;
};

/** A value for a parameter without an example, from its schema. */
function sample(schema: Json): unknown {
  schema = deref(schema) ?? {};
  if (schema.example !== undefined) return schema.example;
  if (schema.examples?.[0] !== undefined) return schema.examples[0];
  if (schema.enum) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'integer' || type === 'number') return schema.minimum ?? 1;
  if (type === 'boolean') return true;
  if (type === 'array') return [sample(schema.items ?? {})];
  if (schema.format === 'date-time') return '2024-01-01T00:00:00Z';
  if (schema.format === 'uri') return 'https://example.com/callback';
  if (schema.pattern === '^/') return '/x';
  return 'x';
}

/** The hub whose instance answers an operation: its own, and `crm` for the operations of every hub. */
function hubOf(op: SpecOperation): string {
  const segment = op.template.split('/')[2] ?? '';
  return op.template.startsWith('/hubs/') && segment in HUB_ELEMENTS ? segment : 'crm';
}

function pathValue(world: World, op: SpecOperation, name: string): string {
  const [, first, second] = op.template.split('/');
  const { ids, instanceIds } = world;
  switch (name) {
    case 'hub':
      return hubOf(op);
    case 'keyOrId':
      return 'sfdc';
    case 'key':
      return 'crm';
    case 'roleKey':
      return 'admin';
    case 'configId':
      return ids.config!;
    case 'objectName':
      if (op.template.startsWith('/hubs/{hub}/{objectName}')) return 'widgets';
      return first === 'hubs' ? 'contacts' : 'myContact';
    case 'objectId':
      return 'r1';
    case 'childObjectName':
      return 'notes';
    case 'formulaId':
      return ids.formula!;
    case 'instanceId':
      return ids.formulaInstance!;
    case 'executionId':
      return ids.execution!;
    case 'stepExecutionId':
      return ids.step!;
    case 'subscriptionId':
      return ids.subscription!;
    case 'emailOrId':
      return first === 'accounts' ? ids.accountUser! : ids.userEmail!;
    case 'id':
      if (first === 'instances' || first === 'elements') return String(instanceIds.crm);
      if (first === 'accounts') return ids.account!;
      if (first === 'users') return ids.user!;
      if (first === 'formulas') return ids.formula!;
      if (first === 'notifications')
        return second === 'subscriptions' ? ids.subscription! : ids.notification!;
      if (first === 'usage') return ids.usage!;
      if (op.template.includes('/bulk/')) return ids.job!;
      if (second === 'documents') return op.template.includes('/folders/') ? ids.folder! : ids.file!;
      return first === 'hubs' ? 'r1' : '1';
    default: {
      // Other ids: of a child record, or of an example-answered resource (an integer where the schema says so).
      const operation = deref(spec.resolve(op.pointer)) as Json;
      const item = deref(spec.resolve(op.pointer.replace(/\/[a-z]+$/, ''))) as Json;
      const parameter = [...(item.parameters ?? []), ...(operation.parameters ?? [])]
        .map(deref)
        .find((p: Json) => p.name === name);
      return deref(parameter?.schema)?.type === 'integer' ? '1' : 'c1';
    }
  }
}

/** The call the spec shows for an operation: path, query, body and credentials. */
function requestOf(world: World, op: SpecOperation) {
  const operation = deref(spec.resolve(op.pointer)) as Json;
  const item = deref(spec.resolve(op.pointer.replace(/\/[a-z]+$/, ''))) as Json;
  const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map(deref) as Json[];
  const path = op.template.replace(/\{([^}]+)\}/g, (_m, name: string) =>
    encodeURIComponent(pathValue(world, op, name)),
  );
  const query = new URLSearchParams();
  for (const parameter of parameters.filter((p) => p.in === 'query' && p.required)) {
    let value = parameter.example ?? sample(parameter.schema);
    if (parameter.name === 'path') value = op.template.includes('/folders') ? '/sweep' : '/sweep/file.txt';
    if (parameter.name === 'topics[]') value = ['sweep'];
    if (parameter.name === 'q') value = 'select * from contacts';
    for (const item of Array.isArray(value) ? value : [value]) query.append(parameter.name, String(item));
  }
  const body = deref(operation.requestBody);
  let payload: unknown;
  if (body) {
    const [type, media] = Object.entries(body.content as Record<string, Json>)[0]!;
    const example = media.example ?? Object.values(media.examples ?? {}).map((e: any) => deref(e).value)[0];
    payload =
      type === 'multipart/form-data'
        ? fileForm('email,lastName\nada@example.com,Lovelace\n', 'upload.csv', 'text/csv', example?.metaData)
        : example;
  }
  const hub =
    op.template.startsWith('/hubs/') || (operation.security ?? []).some((s: Json) => 'instanceAuth' in s);
  let auth: string | null | undefined;
  if (hub && (operation.security ?? []).some((s: Json) => 'instanceAuth' in s))
    auth = world.tokens[hubOf(op)];
  if ((operation.security ?? []).some((s: Json) => 'loginBearerAuth' in s))
    auth = `Bearer ${world.ids.login}`;
  const search = query.toString();
  return { path: search ? `${path}?${search}` : path, body: payload, auth };
}

describe('every operation of the spec answers', () => {
  const ORDER = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
  test('as its handler or its example says, with a status and body the spec allows', async () => {
    const operations = [...spec.operations].sort((a, b) => ORDER.indexOf(a.method) - ORDER.indexOf(b.method));
    const problems: string[] = [];
    const statuses = new Map<number, number>();
    const shared = await makeWorld();
    try {
      for (const op of operations) {
        // Deletes get a world of their own: what they remove, later calls still need.
        const world = op.method === 'DELETE' ? await makeWorld() : shared;
        try {
          const request = requestOf(world, op);
          const response = await world.emulator.call(op.method, request.path, {
            ...(request.auth === undefined ? {} : { auth: request.auth }),
            ...(request.body === undefined ? {} : { body: request.body }),
            ...(op.operationId === 'getBulkJobResults' ? { as: 'text' as const } : {}),
          });
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          // The spec's login example names no user of the emulator: its 401 is the right answer.
          const refused = response.status === 401 && op.operationId !== 'createAuthenticationToken';
          if (response.status >= 500 || refused)
            problems.push(
              `${op.operationId} ${op.method} ${request.path} → ${response.status} ${response.text.slice(0, 200)}`,
            );
        } finally {
          if (world !== shared) await world.emulator.close();
        }
      }
    } finally {
      await shared.emulator.close();
    }
    expect(problems).toEqual([]);
    // Most operations succeed; the rest answer a declared 4xx (an example id that names nothing, a refused write).
    const ok = statuses.get(200) ?? 0;
    expect(ok / operations.length, JSON.stringify([...statuses])).toBeGreaterThan(0.8);
  }, 300_000);
});
