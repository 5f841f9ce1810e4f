import type { IncomingHttpHeaders } from 'node:http';
import { EmulatorHttpError } from '../errors.js';
import { mediaFor, type EmulatorSpec, type SpecOperation, type SpecParameter } from './document.js';
import { describeIssues } from './schema.js';

/** What of a request the spec constrains. */
export interface RequestParts {
  /** Decoded path parameters. */
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The body parsed as JSON, or `undefined` when there is none; called only for JSON bodies. */
  json(): Promise<unknown>;
  /** Whether the request has a body. */
  hasBody(): Promise<boolean>;
}

type Schema = Record<string, unknown>;

function typesOf(schema: unknown): string[] {
  const type = (schema as Schema | undefined)?.type;
  if (Array.isArray(type)) return type as string[];
  return typeof type === 'string' ? [type] : [];
}

/** Turns the text of a parameter into the JSON value its schema describes, when it looks like one. */
function coerce(text: string, schema: unknown): unknown {
  for (const type of typesOf(schema)) {
    if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text))
      return Number(text);
    if (type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
    if (type === 'null' && text === 'null') return null;
    if (type === 'string') return text;
  }
  return text;
}

/** The values of a parameter in the request, as JSON, or `undefined` when it is absent. */
function readParameter(parameter: SpecParameter, parts: RequestParts): unknown {
  if (parameter.in === 'path') {
    const value = parts.params[parameter.name];
    return value === undefined ? undefined : coerce(value, parameter.schema);
  }
  if (parameter.in === 'header') {
    const value = parts.headers[parameter.name.toLowerCase()];
    const text = Array.isArray(value) ? value[0] : value;
    return text === undefined ? undefined : coerce(text, parameter.schema);
  }
  if (parameter.in !== 'query' || !parts.query.has(parameter.name)) return undefined;
  if (typesOf(parameter.schema).includes('array')) {
    const items = (parameter.schema as Schema).items;
    const values =
      parameter.explode === false
        ? parts.query.getAll(parameter.name).flatMap((value) => value.split(','))
        : parts.query.getAll(parameter.name);
    return values.map((value) => coerce(value, items));
  }
  return coerce(parts.query.get(parameter.name) ?? '', parameter.schema);
}

function isJson(contentType: string | undefined): boolean {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || type.endsWith('+json');
}

/**
 * Checks a request against its operation: path, query and header parameters (required ones present, every value
 * valid against its schema) and a JSON body against the request body schema. Throws the 400 Cloud Elements
 * answers, before any handler runs, so an invalid request changes nothing.
 */
export async function checkRequest(
  spec: EmulatorSpec,
  op: SpecOperation,
  parts: RequestParts,
): Promise<void> {
  const missing = op.parameters.filter(
    (parameter) => parameter.required && readParameter(parameter, parts) === undefined,
  );
  if (missing.length > 0) {
    const where = [...new Set(missing.map((parameter) => parameter.in))].join(' and ');
    const names = missing.map((parameter) => parameter.name).join(', ');
    throw new EmulatorHttpError(400, `Missing required ${where} parameter(s): ${names}`);
  }
  for (const parameter of op.parameters) {
    if (parameter.in === 'cookie') continue;
    const value = readParameter(parameter, parts);
    if (value === undefined) continue;
    const issues = spec.validator.validate(parameter.schema, value);
    if (issues.length === 0) continue;
    const shown = typeof value === 'string' ? value : JSON.stringify(value);
    // An identifier of the wrong shape names nothing: operations that declare no 400 answer it with their 404.
    if (parameter.in === 'path' && !('400' in op.responses) && '404' in op.responses)
      throw new EmulatorHttpError(404, `No resource found with ${parameter.name} ${shown}`);
    throw new EmulatorHttpError(
      400,
      `Invalid value '${shown}' for ${parameter.in} parameter '${parameter.name}': ${describeIssues(issues)}`,
    );
  }
  const body = op.requestBody;
  if (!body) return;
  const contentType = parts.headers['content-type'];
  const jsonMedia = mediaFor(body.content, 'application/json');
  const hasBody = await parts.hasBody();
  if (!hasBody) {
    if (body.required)
      throw new EmulatorHttpError(400, 'The request body is empty; this call needs one (see the spec).');
    return;
  }
  // Only JSON bodies are checked here; multipart and binary bodies are the handlers' business.
  if (!jsonMedia?.schema || (contentType !== undefined && !isJson(contentType))) return;
  const value = await parts.json();
  const issues = spec.validator.validate(jsonMedia.schema, value);
  if (issues.length > 0) throw new EmulatorHttpError(400, `Invalid request body: ${describeIssues(issues)}`);
}
