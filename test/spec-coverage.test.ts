import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadSpecValidator, type SpecValidator } from './helpers/spec-validator.js';

// Every known real operation (shared/reference/endpoints.json), with its area and scope.
type Endpoint = { method: string; path: string; area: string; scope: 'core' | 'admin' };
const endpoints = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../shared/reference/endpoints.json', import.meta.url)), 'utf8'),
) as Endpoint[];
const readme = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8');

/** Path templates compared by shape: parameter names are ignored, a literal never equals a parameter. */
const shape = (path: string) => path.replace(/^\/elements\/api-v2/, '').replace(/\{[^}]+\}/g, '{}');

describe('coverage of the real API', () => {
  let spec: SpecValidator;
  let missing: Endpoint[];
  beforeAll(async () => {
    spec = await loadSpecValidator();
    const present = new Set(spec.operations.map((op) => `${op.method} ${shape(op.template)}`));
    missing = endpoints.filter((e) => e.scope === 'core' && !present.has(`${e.method} ${shape(e.path)}`));
  });

  test('describes at least 95% of the core operations', () => {
    const core = endpoints.filter((e) => e.scope === 'core').length;
    expect((core - missing.length) / core).toBeGreaterThanOrEqual(0.95);
  });

  test('lists every core operation it leaves out in the README', () => {
    const unlisted = missing.filter((e) => !readme.includes(`${e.method} ${e.path}`));
    expect(unlisted.map((e) => `${e.method} ${e.path}`)).toEqual([]);
  });

  test('gives every operation a unique operationId, a tag, a summary and a description', () => {
    const ids = spec.operations.map((op) => op.operationId);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    for (const op of spec.operations) {
      const body = spec.resolve(op.pointer) as { tags?: string[]; summary?: string; description?: string };
      expect(body.tags?.length, `${op.operationId} has a tag`).toBe(1);
      expect(body.summary, `${op.operationId} has a summary`).toBeTruthy();
      expect(body.description, `${op.operationId} has a description`).toBeTruthy();
    }
  });
});

describe('what every answer carries (reference §3, §4)', () => {
  let spec: SpecValidator;
  beforeAll(async () => {
    spec = await loadSpecValidator();
  });
  /** A `$ref`'s target, or the object itself. */
  const deref = (value: unknown): Record<string, unknown> => {
    const ref = (value as { $ref?: unknown }).$ref;
    return (typeof ref === 'string' ? spec.resolve(ref.slice(1)) : value) as Record<string, unknown>;
  };

  test('every 2xx answer of a hub call names its request id and the instance that served it', () => {
    const missing: string[] = [];
    for (const op of spec.operations) {
      const body = spec.resolve(op.pointer) as {
        security?: Record<string, unknown>[];
        responses: Record<string, unknown>;
      };
      if (!op.template.startsWith('/hubs/') || !body.security?.some((s) => 'instanceAuth' in s)) continue;
      for (const [status, response] of Object.entries(body.responses)) {
        if (!status.startsWith('2')) continue;
        const headers = deref(deref(response).headers ?? {});
        for (const name of ['Elements-Request-Id', 'Elements-Element-Instance-Id'])
          if (!(name in headers)) missing.push(`${op.operationId} ${status} ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  test('an error body always has its requestId and message', () => {
    const error = spec.resolve('/components/schemas/Error') as { required?: string[] };
    expect(error.required).toEqual(expect.arrayContaining(['requestId', 'message']));
  });
});
