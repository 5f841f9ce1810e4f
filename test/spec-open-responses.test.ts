import { beforeAll, describe, expect, test } from 'vitest';
import { loadSpecValidator, type SpecValidator } from './helpers/spec-validator.js';

// spec/README.md, "Open and closed objects": response objects keep `additionalProperties: true`, because Cloud
// Elements adds fields over time and per element. openapi-typescript gives an object schema that declares
// `properties` but leaves `additionalProperties` unset a closed type (no index signature), so a field the API sends
// and the spec does not list cannot be read without a cast. This walks every schema reachable from a 2xx JSON answer.

type Schema = Record<string, unknown>;

/** The name of a component from its `$ref`. */
const componentName = (ref: string) => ref.split('/').pop()!.replaceAll('~1', '/').replaceAll('~0', '~');

const isJson = (mediaType: string) => /^application\/(?:[\w.+-]*\+)?json\b/i.test(mediaType);

/** Every object schema reachable from a 2xx JSON response that declares properties without `additionalProperties`. */
function closedResponseObjects(spec: Pick<SpecValidator, 'operations' | 'resolve'>): string[] {
  // A schema's place is written as its component name, then `.property`, `[]` for items and `{}` for map values.
  const found = new Map<string, string>(); // place -> first operation reaching it
  const visited = new Set<string>(); // component $refs already walked
  const walk = (node: unknown, at: string, from: string): void => {
    if (!node || typeof node !== 'object' || Array.isArray(node)) return;
    const schema = node as Schema;
    if (typeof schema.$ref === 'string') {
      if (visited.has(schema.$ref)) return;
      visited.add(schema.$ref);
      walk(spec.resolve(schema.$ref), componentName(schema.$ref), from);
      return;
    }
    const properties = schema.properties as Record<string, unknown> | undefined;
    if (properties && Object.keys(properties).length > 0 && !('additionalProperties' in schema))
      if (!found.has(at)) found.set(at, from);
    for (const key of ['allOf', 'anyOf', 'oneOf', 'prefixItems'])
      for (const part of (schema[key] as unknown[] | undefined) ?? []) walk(part, at, from);
    for (const key of ['then', 'else', 'contains']) walk(schema[key], at, from);
    walk(schema.items, `${at}[]`, from);
    walk(schema.additionalProperties, `${at}{}`, from);
    for (const [name, value] of Object.entries(properties ?? {})) walk(value, `${at}.${name}`, from);
    for (const value of Object.values((schema.patternProperties as Schema | undefined) ?? {}))
      walk(value, `${at}{}`, from);
  };

  for (const op of spec.operations) {
    const responses = (spec.resolve(op.pointer) as { responses?: Record<string, unknown> }).responses ?? {};
    for (const [status, raw] of Object.entries(responses)) {
      if (!status.startsWith('2')) continue;
      let response = raw as Schema;
      for (let hops = 0; typeof response.$ref === 'string' && hops < 10; hops++)
        response = spec.resolve(response.$ref) as Schema;
      const content = (response.content ?? {}) as Record<string, { schema?: unknown }>;
      for (const [mediaType, media] of Object.entries(content)) {
        if (!isJson(mediaType)) continue;
        walk(media.schema, `${op.operationId} ${status} body`, `${op.method} ${op.template} ${status}`);
      }
    }
  }
  return [...found].map(([at, from]) => `${at} (reached from ${from})`).sort();
}

describe('response objects stay open (spec/README.md, "Open and closed objects")', () => {
  let spec: SpecValidator;
  beforeAll(async () => {
    spec = await loadSpecValidator();
  });

  test('the walk reaches objects through $ref, items, maps, unions and nested properties', () => {
    // A small document with one closed object at each kind of place, and open ones that must not be listed.
    const closed = { type: 'object', properties: { a: { type: 'string' } } };
    const open = { ...closed, additionalProperties: true };
    const doc: Schema = {
      components: {
        schemas: {
          Record: {
            type: 'object',
            properties: {
              nested: closed,
              list: { type: 'array', items: { $ref: '#/components/schemas/Item' } },
              map: { type: 'object', additionalProperties: closed },
              union: { anyOf: [{ $ref: '#/components/schemas/Open' }, closed] },
            },
            additionalProperties: true,
          },
          Item: closed,
          Open: open,
          RequestOnly: closed,
        },
      },
      paths: {
        '/records': {
          get: {
            operationId: 'getRecords',
            responses: {
              '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Record' } } } },
              '201': { content: { 'application/vnd.ce+json': { schema: { type: 'array', items: closed } } } },
              '400': { content: { 'application/json': { schema: closed } } },
            },
          },
          post: {
            operationId: 'postRecords',
            requestBody: {
              content: { 'application/json': { schema: { $ref: '#/components/schemas/RequestOnly' } } },
            },
            responses: { '204': { description: 'No body.' } },
          },
        },
      },
    };
    const resolve = (pointer: string): unknown =>
      pointer
        .replace(/^#?\//, '')
        .split('/')
        .map((key) => key.replaceAll('~1', '/').replaceAll('~0', '~'))
        .reduce<unknown>((node, key) => (node as Schema | undefined)?.[key], doc);
    const operations = [
      { method: 'GET', template: '/records', operationId: 'getRecords', pointer: '/paths/~1records/get' },
      { method: 'POST', template: '/records', operationId: 'postRecords', pointer: '/paths/~1records/post' },
    ];
    expect(closedResponseObjects({ operations, resolve }).map((line) => line.split(' (')[0])).toEqual([
      'Item',
      'Record.map{}',
      'Record.nested',
      'Record.union',
      'getRecords 201 body[]',
    ]);
  });

  test('every object schema reachable from a 2xx JSON answer sets additionalProperties', () => {
    const closed = closedResponseObjects(spec);
    expect(
      closed,
      closed.length === 0
        ? ''
        : `These response object schemas declare properties but leave additionalProperties unset, so ` +
            `openapi-typescript types them closed. Add \`additionalProperties: true\` to each (or a typed value ` +
            `schema if the object is a map):\n  ${closed.join('\n  ')}\n`,
    ).toEqual([]);
  });
});
