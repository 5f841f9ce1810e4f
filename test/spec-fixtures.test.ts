import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadSpecValidator, type SpecValidator } from './helpers/spec-validator.js';

// Real Cloud Elements payloads (seeds, devportal, CE's own test assets), kept beside the project in shared/.
const fixturesDir = fileURLToPath(new URL('../../shared/reference/fixtures/', import.meta.url));

type Fixture = {
  file: string;
  method: string;
  path: string;
  direction: 'request' | 'response' | 'schema';
  status?: number;
  mediaType?: string;
  note?: string;
  expect?: 'invalid';
};

const fixtures = JSON.parse(readFileSync(`${fixturesDir}index.json`, 'utf8')) as Fixture[];
const readFixture = (fixture: Fixture): unknown =>
  JSON.parse(readFileSync(`${fixturesDir}${fixture.file}`, 'utf8'));

type Schema = Record<string, unknown>;

/** Every property a spec schema declares, following `$ref` and `allOf`, with the schema that declares it. */
function declaredProperties(spec: SpecValidator, schema: Schema | undefined, seen = 0): Map<string, Schema> {
  const out = new Map<string, Schema>();
  if (!schema || seen > 20) return out;
  if (typeof schema.$ref === 'string') {
    return declaredProperties(spec, spec.resolve(schema.$ref) as Schema, seen + 1);
  }
  for (const part of (schema.allOf as Schema[] | undefined) ?? []) {
    for (const [name, value] of declaredProperties(spec, part, seen + 1)) out.set(name, value);
  }
  for (const [name, value] of Object.entries((schema.properties as Record<string, Schema>) ?? {})) {
    out.set(name, value);
  }
  return out;
}

/** The JSON types a spec schema admits (`undefined` when it does not restrict the type). */
function admittedTypes(spec: SpecValidator, schema: Schema, seen = 0): Set<string> | undefined {
  if (typeof schema.$ref === 'string' && seen < 20) {
    return admittedTypes(spec, spec.resolve(schema.$ref) as Schema, seen + 1);
  }
  const alternatives = (schema.oneOf ?? schema.anyOf) as Schema[] | undefined;
  if (alternatives) {
    const union = new Set<string>();
    for (const alternative of alternatives) {
      const types = admittedTypes(spec, alternative, seen + 1);
      if (!types) return undefined;
      for (const t of types) union.add(t);
    }
    return union;
  }
  if (schema.type === undefined) return schema.properties ? new Set(['object']) : undefined;
  const types = new Set(Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string]);
  if (types.has('integer')) types.add('number');
  return types;
}

describe('real Cloud Elements payloads validate against the spec', () => {
  let spec: SpecValidator;
  beforeAll(async () => {
    spec = await loadSpecValidator();
  });

  for (const fixture of fixtures) {
    const where = fixture.path === '(webhook)' ? 'webhook' : `${fixture.method} ${fixture.path}`;
    const what = fixture.direction === 'response' ? `response ${fixture.status}` : fixture.direction;
    test(`${fixture.file}: ${where} ${what}`, () => {
      const payload = readFixture(fixture);
      let errors: string[];
      if (fixture.path === '(webhook)') {
        errors = spec.validateWebhook(payload);
      } else if (fixture.direction === 'request') {
        errors = spec.validateRequest({ ...fixture, contentType: fixture.mediaType, body: payload });
      } else if (fixture.direction === 'response') {
        errors = spec.validateResponse({
          ...fixture,
          status: fixture.status ?? 200,
          contentType: fixture.mediaType,
          body: payload,
        });
      } else {
        // CE's own JSON Schema of a response: the spec must declare each property it requires, with a
        // compatible type.
        const op = spec.findOperation(fixture.method, fixture.path);
        expect(op, `${where} is in the spec`).toBeDefined();
        const response = spec.resolve(`${op!.pointer}/responses/${fixture.status ?? 200}`) as Schema;
        const target = (typeof response.$ref === 'string' ? spec.resolve(response.$ref) : response) as Schema;
        const content = (target.content as Record<string, Schema>)['application/json'];
        const declared = declaredProperties(spec, content?.schema as Schema);
        const ceSchema = payload as { required?: string[]; properties?: Record<string, Schema> };
        errors = [];
        for (const name of ceSchema.required ?? []) {
          const ours = declared.get(name);
          if (!ours) {
            errors.push(`does not declare required property ${name}`);
            continue;
          }
          const theirs = ceSchema.properties?.[name];
          const theirType = theirs?.type ?? (theirs?.enum ? 'string' : undefined);
          const ourTypes = admittedTypes(spec, ours);
          if (typeof theirType === 'string' && ourTypes && !ourTypes.has(theirType)) {
            errors.push(`${name} is ${[...ourTypes].join('|')} in the spec, ${theirType} in CE's schema`);
          }
        }
      }
      if (fixture.expect === 'invalid') expect(errors).not.toEqual([]);
      else expect(errors).toEqual([]);
    });
  }
});
