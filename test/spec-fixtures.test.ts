import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadSpecValidator, type SpecValidator } from './helpers/spec-validator.js';

type Fixture = {
  file: string;
  method: string;
  path: string;
  direction: 'request' | 'response' | 'schema';
  status?: number;
  mediaType?: string;
  source?: string;
  note?: string;
  expect?: 'invalid';
};

/** One folder of payloads described by its `index.json`. */
type FixtureSet = { name: string; dir: string; fixtures: Fixture[] };

const readIndex = (name: string, dir: string): FixtureSet => ({
  name,
  dir,
  fixtures: JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as Fixture[],
});

/** Every folder under `root` (the root included) that has an `index.json`. */
function indexedFolders(root: string): string[] {
  if (!existsSync(root)) return [];
  const found: string[] = existsSync(join(root, 'index.json')) ? [root] : [];
  for (const entry of readdirSync(root, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    if (entry.isDirectory()) found.push(...indexedFolders(join(root, entry.name)));
  }
  return found;
}

// Real Cloud Elements payloads (seeds, devportal, CE's own test assets), kept beside the project in shared/, and
// the project's own collections under test/fixtures/real-payloads/<area>/ (each with an index.json in the same
// format; entries marked `"expect": "invalid"` are refusals the spec must reject).
const sharedDir = fileURLToPath(new URL('../../shared/reference/fixtures/', import.meta.url));
const ownRoot = fileURLToPath(new URL('./fixtures/real-payloads/', import.meta.url));
const fixtureSets: FixtureSet[] = [
  readIndex('shared', sharedDir),
  ...indexedFolders(ownRoot).map((dir) => readIndex(relative(ownRoot, dir) || '.', dir)),
];

const readFixture = (set: FixtureSet, fixture: Fixture): unknown =>
  JSON.parse(readFileSync(join(set.dir, fixture.file), 'utf8'));

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

  test('finds the shared fixtures and at least one collection under test/fixtures/real-payloads', () => {
    expect(fixtureSets[0]!.fixtures.length).toBeGreaterThan(0);
    expect(fixtureSets.length).toBeGreaterThan(1);
  });

  for (const set of fixtureSets) {
    describe(set.name, () => {
      for (const fixture of set.fixtures) {
        const where = fixture.path === '(webhook)' ? 'webhook' : `${fixture.method} ${fixture.path}`;
        const what = fixture.direction === 'response' ? `response ${fixture.status}` : fixture.direction;
        const outcome = fixture.expect === 'invalid' ? ' is refused' : '';
        test(`${fixture.file}: ${where} ${what}${outcome}`, () => {
          const payload = readFixture(set, fixture);
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
            errors = checkDeclaredFields(spec, fixture, payload as CeSchema);
          }
          if (fixture.expect === 'invalid') expect(errors).not.toEqual([]);
          else expect(errors).toEqual([]);
        });
      }
    });
  }
});

type CeSchema = {
  type?: unknown;
  items?: CeSchema;
  required?: string[];
  properties?: Record<string, Schema>;
};

/**
 * CE's own JSON Schema of a response: the spec must declare each property it requires, with a compatible type.
 * An array schema is compared item by item with the items of the spec's array.
 */
function checkDeclaredFields(spec: SpecValidator, fixture: Fixture, ceSchema: CeSchema): string[] {
  const where = `${fixture.method} ${fixture.path}`;
  const op = spec.findOperation(fixture.method, fixture.path);
  expect(op, `${where} is in the spec`).toBeDefined();
  const response = spec.resolve(`${op!.pointer}/responses/${fixture.status ?? 200}`) as Schema;
  const target = (typeof response.$ref === 'string' ? spec.resolve(response.$ref) : response) as Schema;
  const content = (target.content as Record<string, Schema>)['application/json'];
  let ours = content?.schema as Schema | undefined;
  let theirs = ceSchema;
  if (ceSchema.type === 'array') {
    theirs = ceSchema.items ?? {};
    ours = itemsOf(spec, ours);
  }
  const declared = declaredProperties(spec, ours);
  const errors: string[] = [];
  for (const name of theirs.required ?? []) {
    const property = declared.get(name);
    if (!property) {
      errors.push(`does not declare required property ${name}`);
      continue;
    }
    const theirProperty = theirs.properties?.[name];
    const theirType = theirProperty?.type ?? (theirProperty?.enum ? 'string' : undefined);
    const ourTypes = admittedTypes(spec, property);
    if (typeof theirType === 'string' && ourTypes && !ourTypes.has(theirType)) {
      errors.push(`${name} is ${[...ourTypes].join('|')} in the spec, ${theirType} in CE's schema`);
    }
  }
  return errors;
}

/** The `items` schema of a spec array schema, following `$ref`. */
function itemsOf(spec: SpecValidator, schema: Schema | undefined, seen = 0): Schema | undefined {
  if (!schema || seen > 20) return undefined;
  if (typeof schema.$ref === 'string') return itemsOf(spec, spec.resolve(schema.$ref) as Schema, seen + 1);
  return schema.items as Schema | undefined;
}
