import type { IncomingHttpHeaders } from 'node:http';
import { EmulatorHttpError } from '../errors.js';
import { mediaFor, type SpecOperation } from './document.js';

/** One range of an `Accept` header: `type/subtype` (lower case) and its weight. */
interface AcceptRange {
  type: string;
  q: number;
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

function mediaType(value: string): string {
  return value.split(';')[0]!.trim().toLowerCase();
}

/** Whether a media type is JSON the way Spring's Jackson converter reads it: `application/json` or `*+json`. */
function isJsonType(type: string): boolean {
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

function parseAccept(accept: string): AcceptRange[] {
  const ranges: AcceptRange[] = [];
  for (const part of accept.split(',')) {
    const [range = '', ...parameters] = part.split(';');
    let type = range.trim().toLowerCase();
    // Java's HttpURLConnection sends a bare `*` (`*; q=.2`): a wildcard, as servers read it.
    if (type === '*') type = '*/*';
    if (!/^[^/\s]+\/[^/\s]+$/.test(type)) continue;
    const weight = parameters
      .map((parameter) => /^\s*q\s*=\s*([\d.]+)\s*$/i.exec(parameter)?.[1])
      .find(Boolean);
    const q = weight === undefined ? 1 : Number(weight);
    ranges.push({ type, q: Number.isFinite(q) ? q : 1 });
  }
  return ranges;
}

/** The weight `Accept` gives a media type: that of its most specific range (exact, `type/*`, `*\/*`), else 0. */
function weightOf(ranges: AcceptRange[], type: string): number {
  if (type === '*/*' || type.endsWith('/*')) {
    // A file of any type: acceptable to any range of a matching type with a weight.
    const family = type.split('/')[0];
    return Math.max(
      0,
      ...ranges
        .filter((r) => type === '*/*' || r.type.startsWith(`${family}/`) || r.type === '*/*')
        .map((r) => r.q),
    );
  }
  for (const candidate of [type, `${type.split('/')[0]}/*`, '*/*']) {
    const range = ranges.find((r) => r.type === candidate);
    if (range) return range.q;
  }
  return 0;
}

/** What of a request content negotiation looks at. */
export interface NegotiatedParts {
  headers: IncomingHttpHeaders;
  /** Whether the request has a body. */
  hasBody(): Promise<boolean>;
}

/**
 * Content negotiation, as Cloud Elements' Spring controllers do it before a call reaches the operation (after
 * authentication, before any check of the parameters or the body): a body of a media type the operation does not
 * take is a `415` (`Content type 'text/plain' not supported`), and an `Accept` header that excludes every media type
 * of the operation's success answer is a `406` (reference §4). A body without `Content-Type` is
 * `application/octet-stream` (RFC 9110 §8.3), as Spring reads it; an empty body is not checked, and neither is an
 * absent or empty `Accept`. JSON operations also take `application/*+json`, as Jackson does.
 *
 * The spec declares `415` on the hub operations only and `406` on bulk downloads, but Cloud Elements refuses media
 * types the same way on every operation: the server answers these refusals everywhere and strict mode leaves them
 * unchecked, as it does routing's `404` and `405`.
 */
export async function negotiate(op: SpecOperation, parts: NegotiatedParts): Promise<void> {
  const body = op.requestBody;
  if (body && (await parts.hasBody())) {
    const sent = headerText(parts.headers['content-type'])?.trim();
    const type = mediaType(sent || 'application/octet-stream');
    const takes = Object.keys(body.content);
    const taken =
      mediaFor(body.content, type) !== undefined || (isJsonType(type) && takes.some((t) => isJsonType(t)));
    if (!taken) {
      const shown = sent ? sent : 'application/octet-stream';
      const missing = sent ? '' : ' (the request has no Content-Type)';
      throw new EmulatorHttpError(
        415,
        `Content type '${shown}' not supported${missing}; send ${takes.join(' or ')}.`,
      );
    }
  }
  const accept = headerText(parts.headers.accept)?.trim();
  if (!accept) return;
  const produced = Object.entries(op.responses)
    .filter(([status]) => status.startsWith('2'))
    .flatMap(([, response]) => Object.keys(response.content ?? {}));
  if (produced.length === 0) return;
  const ranges = parseAccept(accept);
  // An Accept header with no valid range says nothing: servers answer as if it were absent.
  if (ranges.length === 0) return;
  if (produced.some((type) => weightOf(ranges, mediaType(type)) > 0)) return;
  throw new EmulatorHttpError(
    406,
    `Could not find acceptable representation; this call answers ${[...new Set(produced)].join(' or ')}.`,
  );
}
