// The emulator's own JSON Schema validator (src/testing/spec/schema.ts) must judge like ajv, the validator of the
// test suite: on every example of the spec, on thousands of broken variants of them, and on the real Cloud Elements
// payloads of test/fixtures/real-payloads (those against the full bundled spec, which also checks what
// scripts/emulator-spec.mjs keeps of it).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { beforeAll, describe, expect, test } from 'vitest';
import spec from '../../../generated/emulator-spec.js';
import { mediaFor } from '../../../src/testing/spec/document.js';
import { SchemaValidator } from '../../../src/testing/spec/schema.js';
import { loadSpecValidator, type SpecValidator } from '../../helpers/spec-validator.js';

const base = 'https://spec.invalid/emulator-spec.json';
const mine = new SchemaValidator(spec.components.schemas);
// ownProperties: without it ajv reads `toString` of `{}` from Object.prototype and calls it a wrong type.
const ajv = new Ajv2020({ strict: false, allErrors: true, logger: false, ownProperties: true });
(addFormatsModule as unknown as (a: Ajv2020) => void)(ajv);
ajv.addFormat('int32', {
  type: 'number',
  validate: (n: number) => Number.isInteger(n) && Math.abs(n) < 2 ** 31,
});
ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
for (const name of ['binary', 'password']) ajv.addFormat(name, true);
ajv.addSchema({ components: spec.components }, base);

function compileWithAjv(schema: unknown): ValidateFunction {
  return ajv.compile(
    JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', `"${base}#/components/`)),
  );
}

/** Broken (and a few still valid) variants of a value: other types, fields changed, dropped or added. */
function variants(value: unknown, depth = 0): unknown[] {
  const out: unknown[] = [123, 1.5, 'text', '', true, null, [], {}];
  if (Array.isArray(value) && value.length > 0) {
    for (const variant of variants(value[0], depth).slice(0, 30)) out.push([variant, ...value.slice(1)]);
    out.push([...value, value[0]]);
  } else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    out.push({ ...record, addedByTheTest: 'x' });
    for (const key of Object.keys(record).slice(0, 8)) {
      for (const replacement of [12.5, -1, 'zz', 'not an email', '2020-13-45', null, true, [1], {}])
        out.push({ ...record, [key]: replacement });
      const { [key]: _dropped, ...rest } = record;
      out.push(rest);
      if (depth < 1)
        for (const nested of variants(record[key], depth + 1).slice(8, 20))
          out.push({ ...record, [key]: nested });
    }
  }
  return out;
}

describe('the emulator validator judges like ajv', () => {
  const cases = spec.operations.flatMap((op) =>
    Object.entries(op.responses).flatMap(([status, response]) =>
      Object.entries(response.content)
        .filter(([, media]) => media.schema !== undefined && media.example !== undefined)
        .map(([type, media]) => ({ name: `${op.operationId} ${status} ${type}`, media })),
    ),
  );

  test('there are examples to judge', () => {
    expect(cases.length).toBeGreaterThan(450);
  });

  test('on every example of a success answer, and on broken variants of each', () => {
    let judged = 0;
    const disagreements: string[] = [];
    for (const { name, media } of cases) {
      const validate = compileWithAjv(media.schema);
      for (const value of [media.example, ...variants(media.example)]) {
        judged += 1;
        const theirs = validate(value);
        if (theirs !== mine.accepts(media.schema!, value))
          disagreements.push(`${name}: ajv says ${theirs} of ${JSON.stringify(value).slice(0, 160)}`);
      }
      expect(mine.validate(media.schema!, media.example), name).toEqual([]);
    }
    expect(disagreements.slice(0, 10)).toEqual([]);
    expect(judged).toBeGreaterThan(10_000);
  });

  test('on keywords the examples rarely reach', () => {
    const schemas: Array<[unknown, unknown[]]> = [
      [{ type: 'string', minLength: 2, maxLength: 3, pattern: '^a' }, ['ab', 'abcd', 'a', 'ba', 'äbc', 5]],
      [{ type: 'integer', minimum: 1, maximum: 3 }, [0, 1, 3, 4, 1.5, '2']],
      [{ exclusiveMinimum: 0, exclusiveMaximum: 2, multipleOf: 0.5 }, [0, 0.5, 1.5, 2, 1.2, 'x']],
      [
        { type: 'array', minItems: 1, maxItems: 2, uniqueItems: true, items: { type: 'string' } },
        [[], ['a'], ['a', 'a'], ['a', 'b', 'c'], [1]],
      ],
      [
        { prefixItems: [{ const: 1 }], items: { type: 'string' }, contains: { const: 'x' } },
        [
          [1, 'x'],
          [2, 'x'],
          [1, 'y'],
          [1, 2],
        ],
      ],
      [
        {
          type: 'object',
          required: ['a'],
          minProperties: 1,
          maxProperties: 2,
          additionalProperties: false,
          properties: { a: {}, b: {} },
        },
        [{}, { a: 1 }, { a: 1, b: 2 }, { a: 1, c: 3 }, []],
      ],
      [
        { patternProperties: { '^x-': { type: 'number' } }, additionalProperties: { type: 'string' } },
        [{ 'x-a': 1 }, { 'x-a': 'a' }, { b: 'c' }, { b: 2 }],
      ],
      [{ not: { type: 'null' } }, [null, 0, '']],
      [{ anyOf: [{ type: 'string' }, { minimum: 3 }] }, ['a', 3, 2, null]],
      [{ oneOf: [{ type: 'number' }, { type: 'integer' }] }, [1, 1.5, 'a']],
      [{ enum: [{ a: [1] }, 'b'] }, [{ a: [1] }, { a: [2] }, 'b', 'c']],
      [
        { type: ['string', 'null'], format: 'date-time' },
        ['2018-06-12T15:04:11Z', '2018-06-12T15:04:11.000+0000', '2018-02-30T00:00:00Z', '2018-06-12', null],
      ],
      [{ format: 'date' }, ['2020-02-29', '2019-02-29', '2020-1-1']],
      [{ format: 'email' }, ['a@b.co', 'a@b', 'a b@c.de']],
      [{ format: 'uri' }, ['https://example.com/a?b=c', 'mailto:a@b.co', '/relative', 'not a uri']],
      [{ type: 'integer', format: 'int32' }, [2 ** 31 - 1, 2 ** 31, -(2 ** 31) + 1]],
      [false, [1, null]],
    ];
    for (const [schema, values] of schemas) {
      const validate = compileWithAjv(schema);
      for (const value of values)
        expect(
          mine.accepts(schema as never, value),
          `${JSON.stringify(schema)} of ${JSON.stringify(value)}`,
        ).toBe(validate(value));
    }
  });
});

type Fixture = {
  file: string;
  method: string;
  path: string;
  direction: string;
  status?: number;
  mediaType?: string;
};

/** Every folder of test/fixtures/real-payloads with an index.json. */
function fixtureFolders(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const found = existsSync(join(dir, 'index.json')) ? [dir] : [];
  for (const entry of readdirSync(dir, { withFileTypes: true }))
    if (entry.isDirectory()) found.push(...fixtureFolders(join(dir, entry.name)));
  return found;
}

describe('on real Cloud Elements payloads, the emulator spec and its validator judge like the full spec and ajv', () => {
  let full: SpecValidator;
  beforeAll(async () => {
    full = await loadSpecValidator();
  });

  test('every request and response payload of test/fixtures/real-payloads', () => {
    const root = fileURLToPath(new URL('../../fixtures/real-payloads/', import.meta.url));
    let judged = 0;
    for (const dir of fixtureFolders(root)) {
      const fixtures = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as Fixture[];
      for (const fixture of fixtures) {
        if (fixture.direction !== 'request' && fixture.direction !== 'response') continue;
        const template = full.findOperation(fixture.method, fixture.path)?.template;
        const op = spec.operations.find((o) => o.method === fixture.method && o.path === template);
        if (!op) continue;
        const body = JSON.parse(readFileSync(join(dir, fixture.file), 'utf8')) as unknown;
        const type = fixture.mediaType ?? 'application/json';
        const media =
          fixture.direction === 'request'
            ? mediaFor(op.requestBody?.content ?? {}, type)
            : mediaFor(op.responses[String(fixture.status ?? 200)]?.content ?? {}, type);
        if (!media?.schema) continue;
        const check = { ...fixture, contentType: type, body };
        const theirs =
          fixture.direction === 'request'
            ? full.validateRequest(check)
            : full.validateResponse({ ...check, status: fixture.status ?? 200 });
        expect(mine.accepts(media.schema, body), `${fixture.file}: ${theirs.join('; ')}`).toBe(
          theirs.length === 0,
        );
        judged += 1;
      }
    }
    expect(judged).toBeGreaterThan(100);
  });
});
