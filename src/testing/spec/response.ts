import { mediaFor, type EmulatorSpec, type SpecOperation } from './document.js';
import { describeIssues } from './schema.js';

/** An answer about to go on the wire. */
export interface AnswerParts {
  status: number;
  /** The `Content-Type` header, if any. */
  contentType: string | undefined;
  payload: Buffer;
}

/**
 * What is wrong with an answer according to its operation: a status the operation does not declare, a body of a
 * media type it does not declare, or a JSON body that breaks the schema. Empty when the answer is right. Bodies that
 * are not JSON (files, CSV) are only checked against the declared media types.
 */
export function answerProblems(spec: EmulatorSpec, op: SpecOperation, answer: AnswerParts): string[] {
  const key = [String(answer.status), `${String(answer.status)[0]}XX`, 'default'].find(
    (candidate) => candidate in op.responses,
  );
  if (key === undefined) return [`${op.operationId} declares no response ${answer.status}`];
  const content = op.responses[key]!.content;
  if (answer.payload.length === 0) return [];
  const contentType = answer.contentType ?? 'application/octet-stream';
  const media = mediaFor(content, contentType);
  if (!media) return [`${op.operationId} ${key} declares no body of type ${contentType.split(';')[0]}`];
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (media.schema === undefined || !(type === 'application/json' || type.endsWith('+json'))) return [];
  const text = answer.payload.toString('utf8');
  // NDJSON (bulk results) goes as application/json, and the spec types it as text: judged as text when it is that.
  if (spec.validator.accepts(media.schema, text)) return [];
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not one JSON value: judged as text
  }
  const issues = spec.validator.validate(media.schema, body);
  return issues.length === 0 ? [] : [`${op.operationId} ${answer.status}: ${describeIssues(issues)}`];
}

/**
 * What is wrong with a JSON answer according to a component schema of the spec (for answers the spec describes
 * apart from the operation, such as `HubAsyncRequestAccepted`). Empty when the answer is right.
 */
export function schemaProblems(spec: EmulatorSpec, schema: string, answer: AnswerParts): string[] {
  const type = (answer.contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') return [`${schema} is JSON, not ${type || 'an empty body'}`];
  let body: unknown;
  try {
    body = JSON.parse(answer.payload.toString('utf8'));
  } catch {
    return [`${schema}: the body is not JSON`];
  }
  const issues = spec.validator.validate({ $ref: `#/components/schemas/${schema}` }, body);
  return issues.length === 0 ? [] : [`${schema}: ${describeIssues(issues)}`];
}
