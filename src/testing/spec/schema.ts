import type { SpecSchema } from '../../../generated/emulator-spec.js';
import { fitsFormat } from './formats.js';

/** One way a value breaks a schema: where (a JSON pointer into the value, `''` for the root) and what. */
export interface SchemaIssue {
  at: string;
  message: string;
}

type Keywords = { [keyword: string]: unknown };

const REF_PREFIX = '#/components/schemas/';

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    default:
      return typeOf(value) === type;
  }
}

/** JSON equality, as `enum`, `const` and `uniqueItems` compare. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, index) => jsonEqual(item, b[index]));
  const aKeys = Object.keys(a);
  const bRecord = b as Record<string, unknown>;
  return (
    aKeys.length === Object.keys(b).length &&
    aKeys.every((key) => key in bRecord && jsonEqual((a as Record<string, unknown>)[key], bRecord[key]))
  );
}

function pointer(at: string, key: string | number): string {
  return `${at}/${String(key).replaceAll('~', '~0').replaceAll('/', '~1')}`;
}

/**
 * A JSON Schema 2020-12 validator for the keywords the spec uses: `type` (lists included), `enum`, `const`,
 * `$ref` to `#/components/schemas/...`, `allOf`/`anyOf`/`oneOf`/`not`, `properties`, `patternProperties`,
 * `additionalProperties`, `required`, `min`/`maxProperties`, `items`, `prefixItems`, `contains`, `min`/`maxItems`,
 * `uniqueItems`, `min`/`maxLength`, `pattern`, `minimum`/`maximum` (exclusive too), `multipleOf` and `format`
 * (see `formats.ts`). Annotations (`readOnly`, `default`) are ignored. Its verdicts are checked against ajv's in
 * `test/testing/spec/schema.test.ts`.
 */
export class SchemaValidator {
  readonly #schemas: Record<string, SpecSchema>;
  readonly #patterns = new Map<string, RegExp>();

  constructor(schemas: Record<string, SpecSchema>) {
    this.#schemas = schemas;
  }

  /** The issues of `value` against `schema`; empty when it is valid. */
  validate(schema: SpecSchema, value: unknown): SchemaIssue[] {
    const issues: SchemaIssue[] = [];
    this.#check(schema, value, '', issues);
    return issues;
  }

  /** Whether `value` is valid against `schema`. */
  accepts(schema: SpecSchema, value: unknown): boolean {
    return this.validate(schema, value).length === 0;
  }

  /** The schema a `$ref` names. */
  resolve(ref: string): SpecSchema {
    const schema = ref.startsWith(REF_PREFIX) ? this.#schemas[ref.slice(REF_PREFIX.length)] : undefined;
    if (schema === undefined) throw new Error(`The emulator's spec has no schema ${ref}.`);
    return schema;
  }

  #pattern(source: string): RegExp {
    let regex = this.#patterns.get(source);
    if (!regex) this.#patterns.set(source, (regex = new RegExp(source, 'u')));
    return regex;
  }

  #check(schema: SpecSchema, value: unknown, at: string, issues: SchemaIssue[]): void {
    if (schema === true) return;
    if (schema === false) {
      issues.push({ at, message: 'must not be present' });
      return;
    }
    const s = schema as Keywords;
    if (typeof s.$ref === 'string') this.#check(this.resolve(s.$ref), value, at, issues);
    if (s.type !== undefined) {
      const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
      if (!types.some((type) => hasType(value, type))) {
        issues.push({ at, message: `must be ${types.join(',')}` });
        return;
      }
    }
    if (Array.isArray(s.enum) && !s.enum.some((option) => jsonEqual(option, value)))
      issues.push({ at, message: 'must be equal to one of the allowed values' });
    if ('const' in s && !jsonEqual(s.const, value)) issues.push({ at, message: 'must be equal to constant' });
    this.#checkCombinators(s, value, at, issues);
    if (typeof value === 'string') this.#checkString(s, value, at, issues);
    else if (typeof value === 'number') this.#checkNumber(s, value, at, issues);
    else if (Array.isArray(value)) this.#checkArray(s, value, at, issues);
    else if (typeof value === 'object' && value !== null)
      this.#checkObject(s, value as Record<string, unknown>, at, issues);
  }

  #checkCombinators(s: Keywords, value: unknown, at: string, issues: SchemaIssue[]): void {
    if (Array.isArray(s.allOf))
      for (const part of s.allOf as SpecSchema[]) this.#check(part, value, at, issues);
    if (Array.isArray(s.anyOf) && !(s.anyOf as SpecSchema[]).some((part) => this.accepts(part, value)))
      issues.push({ at, message: 'must match a schema in anyOf' });
    if (Array.isArray(s.oneOf)) {
      const matches = (s.oneOf as SpecSchema[]).filter((part) => this.accepts(part, value)).length;
      if (matches !== 1)
        issues.push({ at, message: `must match exactly one schema in oneOf (matches ${matches})` });
    }
    if (s.not !== undefined && this.accepts(s.not as SpecSchema, value))
      issues.push({ at, message: 'must NOT be valid against the schema in not' });
  }

  #checkString(s: Keywords, value: string, at: string, issues: SchemaIssue[]): void {
    const length = [...value].length;
    if (typeof s.minLength === 'number' && length < s.minLength)
      issues.push({ at, message: `must NOT have fewer than ${s.minLength} characters` });
    if (typeof s.maxLength === 'number' && length > s.maxLength)
      issues.push({ at, message: `must NOT have more than ${s.maxLength} characters` });
    if (typeof s.pattern === 'string' && !this.#pattern(s.pattern).test(value))
      issues.push({ at, message: `must match pattern "${s.pattern}"` });
    if (typeof s.format === 'string' && !fitsFormat(s.format, value))
      issues.push({ at, message: `must match format "${s.format}"` });
  }

  #checkNumber(s: Keywords, value: number, at: string, issues: SchemaIssue[]): void {
    const bound = (keyword: string, ok: (limit: number) => boolean, words: string) => {
      const limit = s[keyword];
      if (typeof limit === 'number' && !ok(limit)) issues.push({ at, message: `must be ${words} ${limit}` });
    };
    bound('minimum', (limit) => value >= limit, '>=');
    bound('maximum', (limit) => value <= limit, '<=');
    bound('exclusiveMinimum', (limit) => value > limit, '>');
    bound('exclusiveMaximum', (limit) => value < limit, '<');
    bound('multipleOf', (limit) => Number.isInteger(value / limit), 'multiple of');
    if (typeof s.format === 'string' && !fitsFormat(s.format, value))
      issues.push({ at, message: `must match format "${s.format}"` });
  }

  #checkArray(s: Keywords, value: unknown[], at: string, issues: SchemaIssue[]): void {
    if (typeof s.minItems === 'number' && value.length < s.minItems)
      issues.push({ at, message: `must NOT have fewer than ${s.minItems} items` });
    if (typeof s.maxItems === 'number' && value.length > s.maxItems)
      issues.push({ at, message: `must NOT have more than ${s.maxItems} items` });
    const prefix = Array.isArray(s.prefixItems) ? (s.prefixItems as SpecSchema[]) : [];
    value.forEach((item, index) => {
      const itemSchema = index < prefix.length ? prefix[index] : (s.items as SpecSchema | undefined);
      if (itemSchema !== undefined) this.#check(itemSchema, item, pointer(at, index), issues);
    });
    if (s.contains !== undefined && !value.some((item) => this.accepts(s.contains as SpecSchema, item)))
      issues.push({ at, message: 'must contain at least 1 valid item' });
    if (s.uniqueItems === true && value.some((item, i) => value.findIndex((o) => jsonEqual(o, item)) !== i))
      issues.push({ at, message: 'must NOT have duplicate items' });
  }

  #checkObject(s: Keywords, value: Record<string, unknown>, at: string, issues: SchemaIssue[]): void {
    const keys = Object.keys(value);
    for (const name of Array.isArray(s.required) ? (s.required as string[]) : []) {
      if (!(name in value)) issues.push({ at, message: `must have required property '${name}'` });
    }
    if (typeof s.minProperties === 'number' && keys.length < s.minProperties)
      issues.push({ at, message: `must NOT have fewer than ${s.minProperties} properties` });
    if (typeof s.maxProperties === 'number' && keys.length > s.maxProperties)
      issues.push({ at, message: `must NOT have more than ${s.maxProperties} properties` });
    const properties = (s.properties ?? {}) as Record<string, SpecSchema>;
    const patterns = Object.entries((s.patternProperties ?? {}) as Record<string, SpecSchema>);
    for (const key of keys) {
      let evaluated = false;
      if (Object.hasOwn(properties, key)) {
        evaluated = true;
        this.#check(properties[key]!, value[key], pointer(at, key), issues);
      }
      for (const [source, patternSchema] of patterns) {
        if (!this.#pattern(source).test(key)) continue;
        evaluated = true;
        this.#check(patternSchema, value[key], pointer(at, key), issues);
      }
      if (evaluated || s.additionalProperties === undefined) continue;
      if (s.additionalProperties === false)
        issues.push({ at: pointer(at, key), message: 'must NOT be an additional property' });
      else this.#check(s.additionalProperties as SpecSchema, value[key], pointer(at, key), issues);
    }
  }
}

/** Issues in words, one per line at most `limit` of them: `/lastName must be string,null`. */
export function describeIssues(issues: readonly SchemaIssue[], limit = 5): string {
  const shown = issues.slice(0, limit).map((issue) => `${issue.at || '(root)'} ${issue.message}`);
  if (issues.length > limit) shown.push(`and ${issues.length - limit} more`);
  return shown.join('; ');
}
