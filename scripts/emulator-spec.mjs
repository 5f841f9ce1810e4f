// Writes generated/emulator-spec.js (and its .d.ts): what the emulator (src/testing) needs of the spec at run time,
// and nothing else. Every operation (method, path template, operationId, who may call it, parameters, request body and response
// schemas, the example of each answer) and the component schemas, without descriptions, titles or schema examples.
//
//   node scripts/emulator-spec.mjs           writes the files
//   node scripts/emulator-spec.mjs --check   fails when they are stale
//
// The spec is bundled in-process with @redocly/openapi-core, the bundler of openapi-typescript (no CLI start-up).
// A module rather than a .json file: the emulator imports it like any module, so a bundler of the package keeps it,
// and it is parsed with JSON.parse (V8 parses a big JSON string faster than the same object literal).
import { fileURLToPath } from 'node:url';
import { checkOrWrite } from './generated-files.mjs';
import { bundleSpec } from './site/site.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
export const EMULATOR_SPEC_FILES = {
  js: `${root}generated/emulator-spec.js`,
  dts: `${root}generated/emulator-spec.d.ts`,
};
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** Schema keywords the emulator's validator reads; every other keyword (descriptions, examples...) is dropped. */
const KEPT = new Set([
  '$ref',
  'type',
  'enum',
  'const',
  'format',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'required',
  'minProperties',
  'maxProperties',
  'minItems',
  'maxItems',
  'uniqueItems',
  'readOnly',
  'default',
]);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties']);
const SCHEMA_LISTS = new Set(['oneOf', 'anyOf', 'allOf', 'prefixItems']);
const SCHEMA_ONE = new Set(['items', 'additionalProperties', 'not', 'contains']);

/** A schema with only the keywords the validator reads, walked by position (a property named `title` stays). */
function stripSchema(schema) {
  if (typeof schema !== 'object' || schema === null) return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (KEPT.has(key)) out[key] = value;
    else if (SCHEMA_ONE.has(key)) out[key] = stripSchema(value);
    else if (SCHEMA_LISTS.has(key)) out[key] = value.map(stripSchema);
    else if (SCHEMA_MAPS.has(key))
      out[key] = Object.fromEntries(Object.entries(value).map(([name, s]) => [name, stripSchema(s)]));
  }
  return out;
}

/** How an operation authenticates, from its `security` (the document's default when it has none). */
function authOf(security) {
  if (security === undefined) return 'platform';
  if (security.length === 0) return 'none';
  const names = security.flatMap((requirement) => Object.keys(requirement));
  if (names.includes('loginBearerAuth')) return 'bearer';
  if (names.includes('instanceAuth')) return 'instance';
  // `[{platformAuth: []}, {}]`: credentials are optional, but checked when sent.
  return security.some((requirement) => Object.keys(requirement).length === 0) ? 'optional' : 'platform';
}

function firstExample(media) {
  if (media.example !== undefined) return { example: media.example };
  const first = Object.values(media.examples ?? {})[0];
  return first?.value === undefined ? {} : { example: first.value };
}

/** Builds the emulator's spec document from the bundled OpenAPI document. */
export function emulatorSpecOf(doc) {
  const resolve = (node) => {
    for (let hops = 0; node?.$ref?.startsWith('#/') && hops < 10; hops++) {
      node = node.$ref
        .slice(2)
        .split('/')
        .reduce((at, key) => at?.[key.replaceAll('~1', '/').replaceAll('~0', '~')], doc);
    }
    return node;
  };
  const contentOf = (content, withExamples) =>
    Object.fromEntries(
      Object.entries(content ?? {}).map(([type, media]) => [
        type,
        {
          ...(media.schema === undefined ? {} : { schema: stripSchema(media.schema) }),
          ...(withExamples ? firstExample(media) : {}),
        },
      ]),
    );
  const operations = [];
  for (const [path, rawItem] of Object.entries(doc.paths)) {
    const item = resolve(rawItem);
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const parameters = [...(item.parameters ?? []), ...(op.parameters ?? [])].map(resolve).map((p) => ({
        name: p.name,
        in: p.in,
        required: p.required === true,
        schema: stripSchema(p.schema ?? {}),
        ...(p.style === undefined ? {} : { style: p.style }),
        ...(p.explode === undefined ? {} : { explode: p.explode }),
      }));
      const body = op.requestBody && resolve(op.requestBody);
      const responses = Object.fromEntries(
        Object.entries(op.responses).map(([status, response]) => {
          const resolved = resolve(response);
          return [status, { content: contentOf(resolved.content, status.startsWith('2')) }];
        }),
      );
      operations.push({
        operationId: op.operationId,
        method: method.toUpperCase(),
        path,
        auth: authOf(op.security ?? doc.security),
        parameters,
        ...(body
          ? { requestBody: { required: body.required === true, content: contentOf(body.content) } }
          : {}),
        responses,
      });
    }
  }
  const schemas = Object.fromEntries(
    Object.entries(doc.components.schemas).map(([name, schema]) => [name, stripSchema(schema)]),
  );
  return { operations, components: { schemas } };
}

/** The declarations of generated/emulator-spec.js: the shape of the document, for the emulator's code. */
const DECLARATIONS = `// Generated by scripts/emulator-spec.mjs from spec/cloud-elements.yaml. Do not edit.
/** A JSON Schema (2020-12) with only the keywords the emulator validates, \`$ref\`s to \`#/components/schemas/<name>\`. */
export type SpecSchema = boolean | { [keyword: string]: unknown };
/** Who may call an operation: platform credentials (\`optional\`: checked when sent), an element token, none, or the login token. */
export type SpecAuth = 'platform' | 'optional' | 'instance' | 'none' | 'bearer';
export interface SpecParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: SpecSchema;
  style?: string;
  explode?: boolean;
}
export interface SpecMedia {
  schema?: SpecSchema;
  /** The spec's example of a success answer. */
  example?: unknown;
}
export interface SpecOperation {
  operationId: string;
  method: 'GET' | 'PUT' | 'POST' | 'DELETE' | 'PATCH';
  /** Path template, e.g. \`/instances/{id}\`, relative to \`/elements/api-v2\`. */
  path: string;
  auth: SpecAuth;
  parameters: SpecParameter[];
  requestBody?: { required: boolean; content: Record<string, SpecMedia> };
  /** By status code (\`200\`, \`404\`, \`default\`), then media type. */
  responses: Record<string, { content: Record<string, SpecMedia> }>;
}
export interface EmulatorSpecDocument {
  operations: SpecOperation[];
  components: { schemas: Record<string, SpecSchema> };
}
declare const spec: EmulatorSpecDocument;
export default spec;
`;

/** The texts of generated/emulator-spec.js and .d.ts from the bundled spec (not changed). */
export function emulatorSpecTexts(doc) {
  const json = JSON.stringify(emulatorSpecOf(doc));
  const js =
    '// Generated by scripts/emulator-spec.mjs from spec/cloud-elements.yaml. Do not edit.\n' +
    `export default JSON.parse(${JSON.stringify(json)});\n`;
  return { js, dts: DECLARATIONS };
}

/** Bundles spec/cloud-elements.yaml and returns the texts of generated/emulator-spec.js and .d.ts. */
export async function buildEmulatorSpec() {
  return emulatorSpecTexts(await bundleSpec(root));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const texts = await buildEmulatorSpec();
  checkOrWrite({
    files: EMULATOR_SPEC_FILES,
    texts,
    name: 'generated/emulator-spec.js',
    summary: `${Math.round(texts.js.length / 1024)} KiB`,
  });
}
