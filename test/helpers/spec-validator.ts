import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { inject } from 'vitest';
import { bundleSpec } from './bundle-spec.js';

const specUri = 'https://spec.invalid/cloud-elements.json'; // a name for ajv; never fetched
const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

type Json = Record<string, unknown>;

export type SpecOperation = {
  method: string;
  /** Path template as written in the spec, e.g. `/instances/{id}`. */
  template: string;
  operationId: string;
  /** JSON pointer of the operation object inside the bundled document. */
  pointer: string;
};

export type MessageCheck = {
  method: string;
  /** A concrete path (`/instances/12`) or a template (`/instances/{id}`), without the `/elements/api-v2` base. */
  path: string;
  status?: number;
  contentType?: string;
  body: unknown;
};

export type SpecValidator = {
  /** The bundled OpenAPI document (every external `$ref` pulled into `components`). */
  doc: Json;
  operations: SpecOperation[];
  /** The operation a request would reach: literal segments win over parameters, as Cloud Elements routes. */
  findOperation(method: string, path: string): SpecOperation | undefined;
  /** Errors of a response body against the operation's schema; empty when it is valid. */
  validateResponse(check: MessageCheck & { status: number }): string[];
  /** Errors of a request body against the operation's request body schema; empty when it is valid. */
  validateRequest(check: MessageCheck): string[];
  /**
   * Errors of a payload against the POST body of every webhook, or of the webhook `name` (e.g.
   * `eventNotification`) when given; empty when (at least one of) them accepts it.
   */
  validateWebhook(body: unknown, name?: string): string[];
  /** Resolves a JSON pointer (`#/components/...`) of the bundled document. */
  resolve(pointer: string): unknown;
};

let cached: Promise<SpecValidator> | undefined;

/**
 * Bundles the spec with the Redocly CLI (the same bundler the type generator uses) and compiles schemas on demand
 * with ajv (JSON Schema 2020-12, the dialect of OpenAPI 3.1). Cached per test process.
 */
export function loadSpecValidator(): Promise<SpecValidator> {
  cached ??= Promise.resolve().then(buildValidator);
  return cached;
}

/** The spec bundled by the run's global setup, or bundled here when a file runs outside it. */
function readBundledSpec(): Json {
  const provided = inject('bundledSpecPath');
  if (provided) return JSON.parse(readFileSync(provided, 'utf8')) as Json;
  const dir = mkdtempSync(join(tmpdir(), 'ce-spec-'));
  try {
    bundleSpec(join(dir, 'bundle.json'));
    return JSON.parse(readFileSync(join(dir, 'bundle.json'), 'utf8')) as Json;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function escapePointer(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

function templateRegex(template: string): RegExp {
  const source = template
    .split('/')
    .map((segment) =>
      /^\{[^}]+\}$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^${source}$`);
}

function literalCount(template: string): number {
  return template.split('/').filter((segment) => segment && !segment.startsWith('{')).length;
}

function buildValidator(): SpecValidator {
  const doc = readBundledSpec();
  const ajv = new Ajv2020({ strict: false, allErrors: true, logger: false });
  const addFormats = addFormatsModule as unknown as (a: Ajv2020) => void;
  addFormats(ajv);
  ajv.addFormat('int32', {
    type: 'number',
    validate: (n: number) => Number.isInteger(n) && Math.abs(n) < 2 ** 31,
  });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  for (const name of ['float', 'double', 'binary', 'byte', 'password', 'base64url'])
    ajv.addFormat(name, true);
  ajv.addSchema(doc, specUri);

  const resolve = (pointer: string): unknown => {
    let node: unknown = doc;
    for (const raw of pointer.replace(/^#?\//, '').split('/')) {
      const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
      node = (node as Json | undefined)?.[key];
    }
    return node;
  };
  /** Follows `$ref`s of response, request body and path item objects, returning the target's pointer. */
  const follow = (pointer: string): string => {
    let current = pointer;
    for (let hops = 0; hops < 10; hops++) {
      const ref = (resolve(current) as Json | undefined)?.$ref;
      if (typeof ref !== 'string' || !ref.startsWith('#/')) return current;
      current = ref.slice(1);
    }
    return current;
  };

  const operations: SpecOperation[] = [];
  for (const [template, item] of Object.entries((doc.paths ?? {}) as Record<string, Json>)) {
    const itemPointer = follow(`/paths/${escapePointer(template)}`);
    const pathItem = (resolve(itemPointer) ?? item) as Json;
    for (const method of methods) {
      const op = pathItem[method] as Json | undefined;
      if (!op) continue;
      operations.push({
        method: method.toUpperCase(),
        template,
        operationId: String(op.operationId),
        pointer: `${itemPointer}/${method}`,
      });
    }
  }
  const byTemplate = new Map(operations.map((op) => [`${op.method} ${op.template}`, op]));
  const matchers = operations
    .map((op) => ({ op, regex: templateRegex(op.template), literals: literalCount(op.template) }))
    .sort((a, b) => b.literals - a.literals);

  const findOperation = (method: string, path: string): SpecOperation | undefined => {
    const upper = method.toUpperCase();
    const bare = path.replace(/^\/elements\/api-v2/, '').split('?')[0] ?? '';
    return (
      byTemplate.get(`${upper} ${bare}`) ??
      matchers.find((m) => m.op.method === upper && m.regex.test(bare))?.op
    );
  };

  const validators = new Map<string, ValidateFunction>();
  const validateAt = (pointer: string, body: unknown): string[] => {
    let validate = validators.get(pointer);
    if (!validate) {
      validate = ajv.compile({ $ref: `${specUri}#${pointer.split('/').map(encodeURIComponent).join('/')}` });
      validators.set(pointer, validate);
    }
    if (validate(body)) return [];
    return (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''}`.trim());
  };

  /** Picks the media type the way servers match `Content-Type`: exact, then `type/*`, then `*\/*`. */
  const pickContent = (contentPointer: string, contentType: string | undefined): string | undefined => {
    const content = resolve(contentPointer) as Json | undefined;
    if (!content) return undefined;
    const wanted = (contentType ?? 'application/json').split(';')[0]!.trim().toLowerCase();
    const candidates = [wanted, `${wanted.split('/')[0]}/*`, '*/*'];
    const found = candidates.find((c) => c in content);
    return found === undefined ? undefined : `${contentPointer}/${escapePointer(found)}/schema`;
  };

  const validateResponse = (check: MessageCheck & { status: number }): string[] => {
    const op = findOperation(check.method, check.path);
    if (!op) return [`no operation ${check.method} ${check.path} in the spec`];
    const responses = `${op.pointer}/responses`;
    const keys = [String(check.status), `${String(check.status)[0]}XX`, 'default'];
    const key = keys.find((k) => resolve(`${responses}/${k}`) !== undefined);
    if (!key) return [`${op.operationId} declares no response ${check.status}`];
    const responsePointer = follow(`${responses}/${key}`);
    const schema = pickContent(`${responsePointer}/content`, check.contentType);
    if (!schema) {
      const empty = check.body === undefined || check.body === '' || check.body === null;
      return empty ? [] : [`${op.operationId} ${key} declares no content for ${check.contentType ?? 'JSON'}`];
    }
    return validateAt(schema, check.body);
  };

  const validateRequest = (check: MessageCheck): string[] => {
    const op = findOperation(check.method, check.path);
    if (!op) return [`no operation ${check.method} ${check.path} in the spec`];
    const bodyPointer = follow(`${op.pointer}/requestBody`);
    if (resolve(bodyPointer) === undefined) return [`${op.operationId} takes no request body`];
    const schema = pickContent(`${bodyPointer}/content`, check.contentType);
    if (!schema) return [`${op.operationId} takes no ${check.contentType ?? 'JSON'} body`];
    return validateAt(schema, check.body);
  };

  const validateWebhook = (body: unknown, only?: string): string[] => {
    const problems: string[] = [];
    const names = Object.keys((doc.webhooks ?? {}) as Json);
    if (only !== undefined && !names.includes(only)) return [`the spec has no webhook ${only}`];
    for (const name of only === undefined ? names : [only]) {
      const item = follow(`/webhooks/${escapePointer(name)}`);
      const bodyPointer = follow(`${item}/post/requestBody`);
      const schema = pickContent(`${bodyPointer}/content`, 'application/json');
      if (!schema) continue;
      const errors = validateAt(schema, body);
      if (errors.length === 0) return [];
      problems.push(`${name}: ${errors.slice(0, 3).join('; ')}`);
    }
    return problems.length > 0 ? problems : ['the spec has no webhook with a JSON POST body'];
  };

  return { doc, operations, findOperation, validateResponse, validateRequest, validateWebhook, resolve };
}
