import { EmulatorHttpError } from '../errors.js';
import type { CeqlExpression, CeqlValue } from './types.js';

/**
 * Reads a field of a record: the exact key first (so `metaData.lastUpdateTime` may be one key), then a dotted path,
 * each step matched case-insensitively when there is no exact key (provider field names are not case-sensitive).
 */
export function readField(record: Record<string, unknown>, field: string): unknown {
  if (field in record) return record[field];
  let current: unknown = record;
  for (const step of field.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined;
    const object = current as Record<string, unknown>;
    if (step in object) {
      current = object[step];
      continue;
    }
    const key = Object.keys(object).find((candidate) => candidate.toLowerCase() === step.toLowerCase());
    current = key === undefined ? undefined : object[key];
  }
  return current;
}

function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return undefined;
}

function asText(value: unknown): string {
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Compares a field value with a literal: negative, zero or positive; `undefined` when either side is null. */
function compareValues(actual: unknown, literal: CeqlValue): number | undefined {
  if (actual === null || actual === undefined || literal === null) return undefined;
  if (typeof literal === 'boolean' || typeof actual === 'boolean') {
    return asText(actual).toLowerCase() === String(literal).toLowerCase() ? 0 : 1;
  }
  const left = asNumber(actual);
  const right = asNumber(literal);
  if (
    (typeof literal === 'number' || typeof actual === 'number') &&
    left !== undefined &&
    right !== undefined
  ) {
    return left - right;
  }
  const a = asText(actual);
  const b = String(literal);
  // Two timestamps compare as instants, as Cloud Elements compares dates: the same moment is written
  // `…10:00:00Z`, `…10:00:00.000+0000` or `…12:00:00+02:00`, and those do not order as text.
  const at = asInstant(a);
  const bt = at === undefined ? undefined : asInstant(b);
  if (at !== undefined && bt !== undefined) return at - bt;
  return a < b ? -1 : a > b ? 1 : 0;
}

// An ISO 8601 date-time with a zone (`Z`, `+02:00` or `+0000`), optionally with fractions of a second.
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** The instant of an ISO timestamp with a zone, in milliseconds; `undefined` for any other text. */
function asInstant(text: string): number | undefined {
  const zone = TIMESTAMP.exec(text)?.[1];
  if (zone === undefined) return undefined;
  // Date.parse wants `+02:00`; Salesforce writes `+0000`.
  const iso = zone.length === 5 ? `${text.slice(0, -5)}${zone.slice(0, 3)}:${zone.slice(3)}` : text;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}

function likeRegex(pattern: string): RegExp {
  const source = [...pattern]
    .map((char) => (char === '%' ? '.*' : char === '_' ? '.' : char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, 'is');
}

/**
 * Whether a record matches a CEQL expression. `=` and the orderings compare numbers as numbers, timestamps with a
 * zone as instants, and everything else as text; `LIKE` is case-insensitive with `%` and `_`; a missing or null
 * field matches only `!=`, `NOT IN`, `NOT LIKE` and `IS NULL`, as in SOQL.
 */
export function matchesCeql(record: Record<string, unknown>, expression: CeqlExpression): boolean {
  switch (expression.type) {
    case 'and':
      return matchesCeql(record, expression.left) && matchesCeql(record, expression.right);
    case 'or':
      return matchesCeql(record, expression.left) || matchesCeql(record, expression.right);
    case 'null': {
      const value = readField(record, expression.field);
      return (value === null || value === undefined) !== expression.negate;
    }
    case 'like': {
      const value = readField(record, expression.field);
      if (value === null || value === undefined) return expression.negate;
      return likeRegex(expression.pattern).test(asText(value)) !== expression.negate;
    }
    case 'in': {
      const value = readField(record, expression.field);
      const found = expression.values.some((literal) =>
        literal === null ? value === null || value === undefined : compareValues(value, literal) === 0,
      );
      return found !== expression.negate;
    }
    case 'compare': {
      const value = readField(record, expression.field);
      if (expression.value === null) {
        const isNull = value === null || value === undefined;
        return expression.operator === '=' ? isNull : expression.operator === '!=' ? !isNull : false;
      }
      const order = compareValues(value, expression.value);
      if (order === undefined) return expression.operator === '!=';
      switch (expression.operator) {
        case '=':
          return order === 0;
        case '!=':
          return order !== 0;
        case '<':
          return order < 0;
        case '>':
          return order > 0;
        case '<=':
          return order <= 0;
        case '>=':
          return order >= 0;
      }
    }
  }
}

/**
 * Builds a comparator from an `orderBy` value (`name desc,createdDate asc`). Missing values sort last; numbers
 * compare as numbers. A 400 when a part is not `field [asc|desc]`.
 */
export function compareForOrderBy(
  orderBy: string,
): (a: Record<string, unknown>, b: Record<string, unknown>) => number {
  const keys = orderBy.split(',').map((part) => {
    const match = /^\s*`?([^`\s]+)`?(?:\s+(asc|desc))?\s*$/i.exec(part);
    if (!match) {
      throw new EmulatorHttpError(
        400,
        `Error parsing query: orderBy part '${part.trim()}' is not 'field', 'field asc' or 'field desc'`,
      );
    }
    return { field: match[1]!, direction: match[2]?.toLowerCase() === 'desc' ? -1 : 1 };
  });
  return (a, b) => {
    for (const { field, direction } of keys) {
      const left = readField(a, field);
      const right = readField(b, field);
      const leftMissing = left === null || left === undefined;
      const rightMissing = right === null || right === undefined;
      if (leftMissing || rightMissing) {
        if (leftMissing !== rightMissing) return leftMissing ? 1 : -1;
        continue;
      }
      const order = compareValues(left, right as CeqlValue);
      if (order) return order * direction;
    }
    return 0;
  };
}

/** Filters and sorts records by the `where` and `orderBy` query parameters of a hub list call. */
export function queryRecords<T extends Record<string, unknown>>(
  records: Iterable<T>,
  where: CeqlExpression | undefined,
  orderBy: string | undefined,
): T[] {
  const matched = [...records].filter((record) => !where || matchesCeql(record, where));
  return orderBy ? matched.sort(compareForOrderBy(orderBy)) : matched;
}
