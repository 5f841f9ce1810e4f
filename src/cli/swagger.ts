/**
 * Swagger 2.0 → OpenAPI 3.0, for the docs Cloud Elements serves (`GET /elements/{keyOrId}/docs`,
 * `GET /instances/{id}/docs`). Written here rather than taken from a converter package: the documents have one
 * shape (JSON, local `#/definitions` refs, one base path), so a few hundred lines do it with no dependency, and
 * the quirks of Cloud Elements' documents are repaired on the way with a warning instead of failing:
 *
 * - a schema without `type` gets the type its keywords imply (`properties` → object, `format: int64` → integer…);
 * - a `$ref` to a definition that does not exist becomes `unknown`;
 * - a second operation with an operationId already used is renamed `<id>_2`;
 * - non-body parameters without `type` become strings, path parameters the template names but the operation does
 *   not declare are added, and misspelt types (`int`, `double`, `date`…) are mapped to JSON types.
 *
 * The mapping: `definitions` → `components.schemas`; `body` and `formData` parameters → `requestBody`; a response's
 * `schema` → `content` for each media type the operation produces; `collectionFormat` → `style`/`explode`;
 * `x-nullable` → `nullable`; `type: file` → a binary string. The part of `basePath` below the API base
 * (`/elements/api-v2`) prefixes every path, so `basePath: /elements/api-v2/hubs/crm` with `/contacts` gives
 * `/hubs/crm/contacts`, the path a client with the API base URL calls. The `Authorization` header parameter is
 * dropped: the SDK sends it.
 */

type Obj = Record<string, unknown>;

/** What was repaired in a document. */
export type SwaggerRepairKind =
  | 'missing-type'
  | 'invalid-type'
  | 'undefined-ref'
  | 'duplicate-operation-id'
  | 'parameter'
  | 'path'
  | 'response'
  | 'definition-name'
  | 'document';

/** One repair, with a sentence that says where and what. */
export interface SwaggerWarning {
  kind: SwaggerRepairKind;
  message: string;
}

/** Options of {@link convertSwagger}. */
export interface ConvertSwaggerOptions {
  /**
   * Path of the API base on the host; the part of `basePath` below it prefixes every path.
   * @default '/elements/api-v2'
   */
  apiBasePath?: string;
}

/** Result of {@link convertSwagger}. */
export interface SwaggerConversion {
  /** The OpenAPI 3.0.3 document. */
  document: Obj & { paths: Record<string, Obj>; components: { schemas: Record<string, Obj> } };
  /** What was repaired, in document order, each once. */
  warnings: SwaggerWarning[];
  /** Counts of the result. */
  stats: { paths: number; operations: number; schemas: number };
}

/** The input is not a Swagger 2.0 document at all (as opposed to one with quirks, which is repaired). */
export class SwaggerDocumentError extends Error {
  override name = 'SwaggerDocumentError';
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'] as const;
const JSON_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'array', 'object']);
const FORM_TYPES = new Set(['multipart/form-data', 'application/x-www-form-urlencoded']);
/** Misspelt or non-JSON types seen in element definitions, and what they mean. */
const TYPE_ALIASES: Record<string, { type: string; format?: string }> = {
  int: { type: 'integer', format: 'int32' },
  long: { type: 'integer', format: 'int64' },
  float: { type: 'number', format: 'float' },
  double: { type: 'number', format: 'double' },
  decimal: { type: 'number' },
  bool: { type: 'boolean' },
  date: { type: 'string', format: 'date' },
  datetime: { type: 'string', format: 'date-time' },
  'date-time': { type: 'string', format: 'date-time' },
  text: { type: 'string' },
  map: { type: 'object' },
  list: { type: 'array' },
};
/** Schema keywords OpenAPI 3.0 shares with Swagger 2.0 and that are copied as they are. */
const COPIED = [
  'title',
  'description',
  'format',
  'default',
  'example',
  'pattern',
  'multipleOf',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'readOnly',
  'externalDocs',
] as const;
const PARAMETER_SCHEMA_KEYS = [
  'format',
  'default',
  'enum',
  'pattern',
  'multipleOf',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'uniqueItems',
] as const;

/** A schema name OpenAPI 3 allows (`components.schemas` keys). */
const VALID_SCHEMA_NAME = /^[A-Za-z0-9._-]+$/;

const isObject = (value: unknown): value is Obj =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The names a `$ref` may mean: `#/definitions/Custom%20Object__c` → `Custom Object__c` first (a JSON pointer in a
 * URI fragment is percent-encoded, RFC 6901 §6), then the text as written (a name with a `%` of its own); `~1` and
 * `~0` unescaped in each.
 */
function pointerNames(ref: string, prefix: string): string[] {
  if (!ref.startsWith(prefix)) return [];
  const raw = ref.slice(prefix.length);
  const unescape = (text: string) => text.replace(/~1/g, '/').replace(/~0/g, '~');
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // A `%` that starts no percent-encoding: the name as written.
  }
  return [...new Set([unescape(decoded), unescape(raw)])];
}

/** The value of an own key of a document's object: `constructor` or `__proto__` there are names, not Object's. */
const own = (object: Obj, key: string): unknown => (Object.hasOwn(object, key) ? object[key] : undefined);

/**
 * An object for keys taken from a document: without a prototype, so that `__proto__` is a key like any other
 * (assigned to `{}`, it would set the prototype and vanish).
 */
const dict = (): Obj => Object.create(null) as Obj;

/**
 * Names of functions on Object.prototype that openapi-typescript's bundler (@redocly/openapi-core) looks up on
 * its own type tables and calls when an object of the document has a key of that name; it throws "Cannot convert
 * undefined or null to object". `constructor` and `toString` are called harmlessly.
 */
const UNTYPEABLE_KEYS = new Set([
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  'valueOf',
]);

const escapePointer = (name: string) => name.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Whether a name survives the JSON pointers openapi-typescript's bundler builds from it: a `%` that starts no
 * percent-encoding (`Discount %`) makes it fail.
 */
function pointerSafe(name: string): boolean {
  try {
    decodeURIComponent(name);
    return true;
  } catch {
    return false;
  }
}

/** Whether a converted schema declares a named property anywhere inside it. */
function namesProperties(schema: unknown): boolean {
  if (Array.isArray(schema)) return schema.some(namesProperties);
  if (!isObject(schema)) return false;
  if (isObject(schema.properties) && Object.keys(schema.properties).length > 0) return true;
  return Object.values(schema).some(namesProperties);
}

/** Any JSON value as a short text for a warning (documents can hold anything where a string belongs). */
function show(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? value : (JSON.stringify(value) ?? typeof value);
  } catch {
    text = typeof value;
  }
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

class Converter {
  readonly warnings: SwaggerWarning[] = [];
  readonly #seen = new Set<string>();
  readonly #source: Obj;
  readonly #definitions: Obj;
  /** Definition name → component name (names OpenAPI 3 does not allow are rewritten). */
  readonly #schemaNames = new Map<string, string>();
  readonly #operationIds = new Map<string, string>();

  constructor(source: Obj) {
    this.#source = source;
    this.#definitions = isObject(source.definitions) ? source.definitions : {};
    // Every name OpenAPI 3 allows keeps itself, reserved before any other is rewritten: a rewritten name takes the
    // first free suffix, so `Item 1` next to `Item_1` and `Item_2` becomes Item_1_2 and the others stay.
    const names = Object.keys(this.#definitions);
    const keeps = (name: string) => VALID_SCHEMA_NAME.test(name) && !UNTYPEABLE_KEYS.has(name);
    const taken = new Set(names.filter(keeps));
    for (const name of names) {
      if (keeps(name)) {
        this.#schemaNames.set(name, name);
        continue;
      }
      const rewritten = name.replace(/[^A-Za-z0-9._-]/g, '_') || '_';
      let safe = rewritten;
      for (let n = 2; taken.has(safe) || UNTYPEABLE_KEYS.has(safe); n++) safe = `${rewritten}_${n}`;
      const why = UNTYPEABLE_KEYS.has(name)
        ? 'openapi-typescript cannot take it as a schema name'
        : 'OpenAPI 3 allows letters, digits, ., - and _ in schema names';
      this.warn('definition-name', `definition "${name}" is renamed ${safe} (${why})`);
      taken.add(safe);
      this.#schemaNames.set(name, safe);
    }
  }

  warn(kind: SwaggerRepairKind, message: string): void {
    if (this.#seen.has(message)) return;
    this.#seen.add(message);
    this.warnings.push({ kind, message });
  }

  /** A Swagger schema as an OpenAPI 3.0 schema; `where` names it in warnings. */
  schema(input: unknown, where: string): Obj {
    if (!isObject(input)) {
      this.warn('invalid-type', `${where} is not a schema object; typed as unknown`);
      return {};
    }
    if (typeof input.$ref === 'string') return this.#ref(input.$ref, where);
    const out: Obj = {};
    for (const key of COPIED) if (input[key] !== undefined) out[key] = input[key];
    for (const [key, value] of Object.entries(input)) if (key.startsWith('x-')) out[key] = value;
    if (input['x-nullable'] === true) out.nullable = true;
    if (out.readOnly === undefined && (input['x-readonly'] === true || input['x-readOnly'] === true))
      out.readOnly = true;

    if (Array.isArray(input.enum)) {
      const values = input.enum.filter(
        (v) => v === null || ['string', 'number', 'boolean'].includes(typeof v),
      );
      if (values.length < input.enum.length)
        this.warn('invalid-type', `${where}.enum has values that are not text, numbers or booleans; dropped`);
      if (values.length > 0) out.enum = values;
    }
    if (isObject(input.properties)) {
      const properties = dict();
      for (const [name, property] of Object.entries(input.properties)) {
        if (!pointerSafe(name) || UNTYPEABLE_KEYS.has(name)) {
          this.warn(
            'invalid-type',
            `${where} has a property named "${show(name)}", which ${UNTYPEABLE_KEYS.has(name) ? 'openapi-typescript cannot take' : 'no type can name'}; left out`,
          );
          continue;
        }
        properties[name] = this.schema(property, `${where}.${name}`);
      }
      out.properties = properties;
    } else if (input.properties !== undefined) {
      this.warn('invalid-type', `${where}.properties is not an object; dropped`);
    }
    if (Array.isArray(input.required)) {
      const required = input.required.filter((name): name is string => typeof name === 'string');
      if (required.length > 0) out.required = [...new Set(required)];
    } else if (input.required !== undefined && typeof input.required !== 'boolean') {
      this.warn('invalid-type', `${where}.required is not a list of property names; dropped`);
    }
    if (input.additionalProperties !== undefined) {
      out.additionalProperties =
        typeof input.additionalProperties === 'boolean'
          ? input.additionalProperties
          : this.schema(input.additionalProperties, `${where}.additionalProperties`);
    }
    if (input.items !== undefined) {
      if (Array.isArray(input.items)) {
        this.warn('invalid-type', `${where}.items is a list (tuple); its first schema is used`);
        out.items = this.schema(input.items[0] ?? {}, `${where}.items`);
      } else out.items = this.schema(input.items, `${where}.items`);
    }
    for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
      const list = input[key];
      if (Array.isArray(list)) out[key] = list.map((part, i) => this.schema(part, `${where}.${key}[${i}]`));
    }
    if (typeof input.discriminator === 'string') out.discriminator = { propertyName: input.discriminator };

    const type = this.#type(input, out, where);
    if (type !== undefined) out.type = type;
    if (out.type === 'array' && out.items === undefined) out.items = {};
    if (Array.isArray(out.enum) && type !== undefined) {
      // Enum values of another type than the schema's (strings listed for an object, say) are dropped.
      const fits = (v: unknown) =>
        v === null ||
        (type === 'integer' ? Number.isInteger(v) : typeof v === (type === 'number' ? 'number' : type));
      const values = (out.enum as unknown[]).filter(fits);
      if (values.length < (out.enum as unknown[]).length)
        this.warn('invalid-type', `${where}.enum has values that are not of type ${type}; dropped`);
      if (values.length > 0) out.enum = values;
      else delete out.enum;
    }
    return out;
  }

  #ref(ref: string, where: string): Obj {
    const names = pointerNames(ref, '#/definitions/');
    const name = names.find((candidate) => this.#schemaNames.has(candidate));
    if (name !== undefined)
      return { $ref: `#/components/schemas/${escapePointer(this.#schemaNames.get(name)!)}` };
    this.warn(
      'undefined-ref',
      names.length === 0
        ? `${where}: $ref ${ref} is not a local definition; typed as unknown`
        : `${where}: $ref ${ref} points to no definition; typed as unknown`,
    );
    return {};
  }

  /** The JSON type of a schema: its own, a repaired one, or the one its keywords imply. */
  #type(input: Obj, out: Obj, where: string): string | undefined {
    let type = input.type;
    if (Array.isArray(type)) {
      const kinds = type.filter((t): t is string => typeof t === 'string');
      if (kinds.includes('null')) out.nullable = true;
      type = kinds.find((t) => t !== 'null');
      this.warn('invalid-type', `${where} has a list of types; ${String(type ?? 'unknown')} is used`);
    }
    if (type === 'file') {
      out.format = 'binary';
      return 'string';
    }
    if (typeof type === 'string' && JSON_TYPES.has(type)) return type;
    if (typeof type === 'string') {
      const alias =
        (own(TYPE_ALIASES, type.toLowerCase()) as { type: string; format?: string } | undefined) ??
        (JSON_TYPES.has(type.toLowerCase()) ? { type: type.toLowerCase() } : undefined);
      if (alias) {
        if (alias.format && out.format === undefined) out.format = alias.format;
        this.warn('invalid-type', `${where} has type "${type}"; repaired as ${alias.type}`);
        return alias.type;
      }
      this.warn('invalid-type', `${where} has type "${type}", which is no JSON type; typed as unknown`);
      return undefined;
    }
    if (type !== undefined) {
      this.warn('invalid-type', `${where} has a type that is not text; typed as unknown`);
      return undefined;
    }
    if (out.allOf || out.anyOf || out.oneOf) return undefined;
    const implied = impliedType(out);
    if (implied !== undefined) {
      this.warn('missing-type', `${where} has no type; repaired as ${implied}`);
      return implied;
    }
    this.warn('missing-type', `${where} has no type and nothing implies one; typed as unknown`);
    return undefined;
  }

  /** A definition that is only a `$ref` back to itself (directly or round a loop of such) names no type: unknown. */
  #breakRefCycles(schemas: Record<string, Obj>): void {
    const target = (schema: Obj | undefined) =>
      schema && typeof schema.$ref === 'string' && Object.keys(schema).length === 1
        ? pointerNames(schema.$ref, '#/components/schemas/')[0]
        : undefined;
    for (const name of Object.keys(schemas)) {
      const seen = [name];
      for (let next = target(schemas[name]); next !== undefined; next = target(own(schemas, next) as Obj)) {
        if (seen.includes(next)) {
          this.warn(
            'undefined-ref',
            `definitions.${name} is only a $ref round a loop (${[...seen, next].join(' → ')}); typed as unknown`,
          );
          schemas[name] = {};
          break;
        }
        seen.push(next);
      }
    }
  }

  /** An operation's parameters (path-level ones first, overridden by the operation's), resolved. */
  #parameters(pathLevel: unknown, own: unknown, where: string): Obj[] {
    const byKey = new Map<string, Obj>();
    for (const list of [pathLevel, own]) {
      if (list === undefined) continue;
      if (!Array.isArray(list)) {
        this.warn('parameter', `${where}: parameters is not a list; dropped`);
        continue;
      }
      for (const item of list) {
        const parameter = this.#resolveParameter(item, where);
        if (!parameter) continue;
        byKey.set(`${String(parameter.in)}:${String(parameter.name)}`, parameter);
      }
    }
    return [...byKey.values()];
  }

  #resolveParameter(item: unknown, where: string): Obj | undefined {
    let parameter = item;
    if (isObject(parameter) && typeof parameter.$ref === 'string') {
      const shared = isObject(this.#source.parameters) ? this.#source.parameters : {};
      const name = pointerNames(parameter.$ref, '#/parameters/').find((n) => Object.hasOwn(shared, n));
      parameter = name === undefined ? undefined : shared[name];
      if (!isObject(parameter)) {
        this.warn(
          'undefined-ref',
          `${where}: parameter $ref ${String((item as Obj).$ref)} points to nothing; dropped`,
        );
        return undefined;
      }
    }
    if (!isObject(parameter) || typeof parameter.name !== 'string' || typeof parameter.in !== 'string') {
      this.warn('parameter', `${where}: a parameter has no name or no "in"; dropped`);
      return undefined;
    }
    if (!['query', 'header', 'path', 'formData', 'body'].includes(parameter.in)) {
      this.warn('parameter', `${where}: parameter ${parameter.name} is in "${parameter.in}"; dropped`);
      return undefined;
    }
    return parameter;
  }

  /** A query, header or path parameter as OpenAPI 3. */
  #parameter(p: Obj, where: string): Obj {
    const at = `${where} parameter ${String(p.name)}`;
    const out: Obj = { name: p.name, in: p.in };
    if (typeof p.description === 'string') out.description = p.description;
    out.required = p.in === 'path' ? true : p.required === true;
    if (p.in === 'path' && p.required !== true)
      this.warn('parameter', `${at} is a path parameter not marked required; made required`);
    if (p.in === 'query' && p.allowEmptyValue === true) out.allowEmptyValue = true;
    out.schema = this.#parameterSchema(p, at);
    if (out.schema && (out.schema as Obj).type === 'array') {
      const format = p.collectionFormat ?? 'csv';
      const style: Record<string, Obj> = {
        csv: p.in === 'query' ? { style: 'form', explode: false } : { style: 'simple' },
        ssv: { style: 'spaceDelimited', explode: false },
        pipes: { style: 'pipeDelimited', explode: false },
        multi: { style: 'form', explode: true },
      };
      const chosen = typeof format === 'string' ? (own(style, format) as Obj | undefined) : undefined;
      if (chosen) Object.assign(out, chosen);
      else this.warn('parameter', `${at} has collectionFormat ${show(format)}; sent as one text value`);
    }
    return out;
  }

  /** The schema of a non-body parameter, from its inline type keywords. */
  #parameterSchema(p: Obj, at: string): Obj {
    const raw: Obj = {};
    for (const key of PARAMETER_SCHEMA_KEYS) if (p[key] !== undefined) raw[key] = p[key];
    if (p.items !== undefined) raw.items = p.items;
    if (p['x-nullable'] === true) raw['x-nullable'] = true;
    if (p.type === 'file' && p.in !== 'formData')
      this.warn('parameter', `${at} has type file outside a form; typed as a string`);
    if (p.type === undefined) {
      const implied = impliedType(raw) ?? 'string';
      this.warn('missing-type', `${at} has no type; repaired as ${implied}`);
      raw.type = implied;
    } else raw.type = p.type;
    const typed = this.schema(raw, at);
    if (typed.type === undefined) typed.type = 'string';
    // openapi-typescript names nested object properties by a JSON pointer through the parameter's name; a stray
    // `%` in that name breaks the pointer, so such a parameter keeps its name but not its nested shape.
    if (!pointerSafe(String(p.name)) && namesProperties(typed)) {
      this.warn('invalid-type', `${at} nests object properties under a name with a stray "%"; typed as text`);
      return { type: 'string' };
    }
    return typed;
  }

  #operationId(id: unknown, method: string, path: string): string | undefined {
    if (id === undefined) return undefined;
    const at = `${method.toUpperCase()} ${path}`;
    if (typeof id !== 'string' || id.trim() === '') {
      this.warn('duplicate-operation-id', `${at} has an operationId that is not a name; dropped`);
      return undefined;
    }
    const first = this.#operationIds.get(id);
    if (first === undefined) {
      this.#operationIds.set(id, at);
      return id;
    }
    let n = 2;
    while (this.#operationIds.has(`${id}_${n}`)) n++;
    const renamed = `${id}_${n}`;
    this.#operationIds.set(renamed, at);
    this.warn(
      'duplicate-operation-id',
      `operationId ${id} is used by ${first} and ${at}; the one of ${at} is renamed ${renamed}`,
    );
    return renamed;
  }

  operation(input: Obj, pathLevel: unknown, method: string, path: string, templateParams: string[]): Obj {
    const where = `${method.toUpperCase()} ${path}`;
    const out: Obj = {};
    const id = this.#operationId(input.operationId, method, path);
    if (id !== undefined) out.operationId = id;
    for (const key of ['summary', 'description', 'deprecated', 'externalDocs'] as const)
      if (input[key] !== undefined) out[key] = input[key];
    if (Array.isArray(input.tags)) out.tags = input.tags.filter((tag) => typeof tag === 'string');

    const parameters = this.#parameters(pathLevel, input.parameters, where);
    const consumes = mediaTypes(input.consumes ?? this.#source.consumes);
    const produces = mediaTypes(input.produces ?? this.#source.produces);
    const converted: Obj[] = [];
    const body = parameters.filter((p) => p.in === 'body');
    const form = parameters.filter((p) => p.in === 'formData');
    for (const p of parameters) {
      if (p.in === 'body' || p.in === 'formData') continue;
      // The SDK sends Authorization itself; a required header parameter would make every typed call name it.
      if (p.in === 'header' && String(p.name).toLowerCase() === 'authorization') continue;
      if (p.in === 'path' && !templateParams.includes(String(p.name))) {
        this.warn('parameter', `${where}: path parameter ${String(p.name)} is not in the path; dropped`);
        continue;
      }
      converted.push(this.#parameter(p, where));
    }
    for (const name of templateParams) {
      if (!converted.some((p) => p.in === 'path' && p.name === name)) {
        this.warn('parameter', `${where}: path parameter ${name} is not declared; added as a string`);
        converted.push({ name, in: 'path', required: true, schema: { type: 'string' } });
      }
    }
    if (converted.length > 0) out.parameters = converted;

    if (body.length > 0) {
      if (body.length > 1)
        this.warn('parameter', `${where} has ${body.length} body parameters; the first is used`);
      if (form.length > 0)
        this.warn('parameter', `${where} has body and form parameters; the form ones are dropped`);
      const p = body[0]!;
      const schema = p.schema === undefined ? {} : this.schema(p.schema, `${where} body`);
      if (p.schema === undefined) this.warn('missing-type', `${where} body has no schema; typed as unknown`);
      const types = consumes.filter((t) => !FORM_TYPES.has(t));
      out.requestBody = {
        ...(typeof p.description === 'string' ? { description: p.description } : {}),
        required: p.required === true,
        content: Object.fromEntries(
          (types.length > 0 ? types : ['application/json']).map((t) => [t, { schema }]),
        ),
      };
    } else if (form.length > 0) {
      const properties = dict();
      const required: string[] = [];
      for (const p of form) {
        const name = String(p.name);
        if (UNTYPEABLE_KEYS.has(name)) {
          this.warn(
            'parameter',
            `${where}: form field ${name} is a name openapi-typescript cannot take; dropped`,
          );
          continue;
        }
        const schema = this.#parameterSchema(p, `${where} form field ${name}`);
        if (typeof p.description === 'string') schema.description = p.description;
        properties[name] = schema;
        if (p.required === true) required.push(name);
      }
      const hasFile = form.some((p) => p.type === 'file');
      let types = consumes.filter((t) => FORM_TYPES.has(t));
      if (types.length === 0) types = [hasFile ? 'multipart/form-data' : 'application/x-www-form-urlencoded'];
      const schema: Obj = { type: 'object', properties, ...(required.length > 0 ? { required } : {}) };
      out.requestBody = {
        required: required.length > 0,
        content: Object.fromEntries(types.map((t) => [t, { schema }])),
      };
    }

    out.responses = this.#responses(input.responses, produces, where);
    return out;
  }

  #responses(input: unknown, produces: string[], where: string): Obj {
    const out = dict();
    if (isObject(input)) {
      for (const [status, value] of Object.entries(input)) {
        if (status.startsWith('x-')) continue;
        if (status !== 'default' && !/^[1-5](\d\d|XX)$/.test(status)) {
          this.warn('response', `${where}: response "${status}" is no status code; dropped`);
          continue;
        }
        let response = value;
        if (isObject(response) && typeof response.$ref === 'string') {
          const shared = isObject(this.#source.responses) ? this.#source.responses : {};
          const name = pointerNames(response.$ref, '#/responses/').find((n) => Object.hasOwn(shared, n));
          response = name === undefined ? undefined : shared[name];
          if (!isObject(response)) {
            this.warn(
              'undefined-ref',
              `${where}: response $ref ${String((value as Obj).$ref)} points to nothing`,
            );
            response = {};
          }
        }
        out[status] = this.#response(isObject(response) ? response : {}, produces, `${where} ${status}`);
      }
    }
    if (Object.keys(out).length === 0) {
      this.warn('response', `${where} declares no response; a default one is added`);
      out.default = { description: 'Default response' };
    }
    return out;
  }

  #response(input: Obj, produces: string[], where: string): Obj {
    const out: Obj = { description: typeof input.description === 'string' ? input.description : '' };
    if (isObject(input.headers)) {
      const headers = dict();
      for (const [name, header] of Object.entries(input.headers)) {
        if (!isObject(header)) continue;
        if (UNTYPEABLE_KEYS.has(name)) {
          this.warn('response', `${where}: header ${name} is a name openapi-typescript cannot take; dropped`);
          continue;
        }
        headers[name] = {
          ...(typeof header.description === 'string' ? { description: header.description } : {}),
          schema: this.#parameterSchema({ ...header, name, in: 'header' }, `${where} header ${name}`),
        };
      }
      out.headers = headers;
    }
    if (input.schema !== undefined) {
      const schema = this.schema(input.schema, `${where} response`);
      const isFile = isObject(input.schema) && input.schema.type === 'file';
      const types =
        produces.length > 0 ? produces : [isFile ? 'application/octet-stream' : 'application/json'];
      const examples = isObject(input.examples) ? input.examples : {};
      out.content = Object.fromEntries(
        types.map((t) => [t, own(examples, t) === undefined ? { schema } : { schema, example: examples[t] }]),
      );
    }
    return out;
  }

  convert(options: ConvertSwaggerOptions): SwaggerConversion['document'] {
    const source = this.#source;
    const apiBase = (options.apiBasePath ?? '/elements/api-v2').replace(/\/+$/, '');
    let basePath = typeof source.basePath === 'string' ? source.basePath.replace(/\/+$/, '') : '';
    if (basePath !== '' && !basePath.startsWith('/')) basePath = `/${basePath}`;
    let prefix = '';
    let serverPath = basePath;
    if (basePath === apiBase || basePath.startsWith(`${apiBase}/`)) {
      prefix = basePath.slice(apiBase.length);
      serverPath = apiBase;
    } else if (source.basePath !== undefined) {
      this.warn(
        'document',
        `basePath ${show(source.basePath)} is not under ${apiBase}; the paths are kept as they are`,
      );
    }

    const info: Obj = isObject(source.info) ? { ...source.info } : {};
    if (typeof info.title !== 'string') info.title = 'Cloud Elements API';
    if (typeof info.version !== 'string')
      info.version = typeof info.version === 'number' ? String(info.version) : '1.0';
    const document: SwaggerConversion['document'] = {
      openapi: '3.0.3',
      info,
      paths: dict() as SwaggerConversion['document']['paths'],
      components: { schemas: dict() as SwaggerConversion['document']['components']['schemas'] },
    };
    if (typeof source.host === 'string' && source.host !== '') {
      const schemes = Array.isArray(source.schemes) ? source.schemes : [];
      const scheme = schemes.includes('https')
        ? 'https'
        : typeof schemes[0] === 'string'
          ? schemes[0]
          : 'https';
      document.servers = [{ url: `${scheme}://${source.host}${serverPath}` }];
    }
    if (Array.isArray(source.tags)) document.tags = source.tags.filter(isObject);

    for (const [name, definition] of Object.entries(this.#definitions)) {
      document.components.schemas[this.#schemaNames.get(name)!] = this.schema(
        definition,
        `definitions.${name}`,
      );
    }
    this.#breakRefCycles(document.components.schemas);

    const paths = isObject(source.paths) ? source.paths : {};
    if (!isObject(source.paths)) this.warn('document', 'the document has no paths');
    for (const [rawPath, rawItem] of Object.entries(paths)) {
      if (rawPath.startsWith('x-')) continue;
      if (!isObject(rawItem)) {
        this.warn('path', `path ${rawPath} is not an object; dropped`);
        continue;
      }
      if (typeof rawItem.$ref === 'string') {
        this.warn('path', `path ${rawPath} is a $ref, which is not supported; dropped`);
        continue;
      }
      if (!pointerSafe(rawPath)) {
        this.warn('path', `path ${show(rawPath)} has a % that is not percent-encoding; dropped`);
        continue;
      }
      let path = rawPath.startsWith('/') ? rawPath : `/${rawPath}`;
      if (path !== rawPath) this.warn('path', `path ${rawPath} does not start with /; read as ${path}`);
      path = `${prefix}${path}`.replace(/(.)\/+$/, '$1');
      const templateParams = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
      const item = (document.paths[path] ??= dict());
      for (const method of METHODS) {
        const operation = rawItem[method];
        if (operation === undefined) continue;
        if (!isObject(operation)) {
          this.warn('path', `${method.toUpperCase()} ${path} is not an object; dropped`);
          continue;
        }
        if (item[method] !== undefined) {
          this.warn('path', `${method.toUpperCase()} ${path} is declared twice; the first is kept`);
          continue;
        }
        item[method] = this.operation(operation, rawItem.parameters, method, path, templateParams);
      }
      if (Object.keys(item).length === 0) delete document.paths[path];
    }
    return document;
  }
}

/** The JSON type a schema's keywords imply, if any. */
function impliedType(schema: Obj): string | undefined {
  if (schema.properties !== undefined || schema.additionalProperties !== undefined) return 'object';
  if (schema.items !== undefined) return 'array';
  const format = typeof schema.format === 'string' ? schema.format : '';
  if (format === 'int32' || format === 'int64') return 'integer';
  if (format === 'float' || format === 'double') return 'number';
  if (format !== '') return 'string';
  if (Array.isArray(schema.enum)) {
    const kinds = new Set(schema.enum.filter((v) => v !== null).map((v) => typeof v));
    if (kinds.size === 1) {
      const kind = [...kinds][0];
      if (kind === 'string' || kind === 'boolean') return kind;
      if (kind === 'number') return schema.enum.every((v) => Number.isInteger(v)) ? 'integer' : 'number';
    }
  }
  for (const key of ['minLength', 'maxLength', 'pattern'] as const)
    if (schema[key] !== undefined) return 'string';
  for (const key of ['minimum', 'maximum', 'multipleOf'] as const)
    if (schema[key] !== undefined) return 'number';
  return undefined;
}

function mediaTypes(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((t): t is string => typeof t === 'string' && t.includes('/'))
    : [];
}

/**
 * Converts a Swagger 2.0 document (as Cloud Elements serves it) to OpenAPI 3.0.3, repairing its quirks with a
 * warning each. Throws {@link SwaggerDocumentError} only for input that is no Swagger 2.0 document at all.
 */
export function convertSwagger(input: unknown, options: ConvertSwaggerOptions = {}): SwaggerConversion {
  if (!isObject(input)) {
    throw new SwaggerDocumentError(
      `expected a Swagger 2.0 document (a JSON object), got ${input === null ? 'null' : Array.isArray(input) ? 'an array' : typeof input}`,
    );
  }
  if (typeof input.openapi === 'string') {
    throw new SwaggerDocumentError(`expected Swagger 2.0, got an OpenAPI ${input.openapi} document`);
  }
  if (input.swagger !== '2.0' && input.swagger !== 2 && !isObject(input.paths)) {
    throw new SwaggerDocumentError(
      `expected a Swagger 2.0 document, got an object without "swagger": "2.0" or paths (keys: ${Object.keys(input).slice(0, 5).join(', ') || 'none'})`,
    );
  }
  const converter = new Converter(input);
  if (input.swagger !== '2.0')
    converter.warn('document', `"swagger" is ${JSON.stringify(input.swagger)}; read as 2.0`);
  const document = converter.convert(options);
  const operations = Object.values(document.paths).reduce((n, item) => n + Object.keys(item).length, 0);
  return {
    document,
    warnings: converter.warnings,
    stats: {
      paths: Object.keys(document.paths).length,
      operations,
      schemas: Object.keys(document.components.schemas).length,
    },
  };
}
