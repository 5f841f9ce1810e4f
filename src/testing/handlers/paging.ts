import { EmulatorHttpError } from '../errors.js';
import type { Reply } from '../server/types.js';

/** Page size of lists when the call sends no `pageSize` (an element's `pagination.max`). */
export const DEFAULT_PAGE_SIZE = 100;
/** Largest page the emulator returns; bigger `pageSize` values are cut to it, as providers do. */
export const MAX_PAGE_SIZE = 500;

/** A whole-number query parameter >= 1, or undefined when absent; a 400 naming it otherwise. */
export function readPositiveInteger(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new EmulatorHttpError(400, `Query parameter ${name} must be a whole number >= 1, not '${raw}'.`);
  }
  return value;
}

function encodeToken(offset: number): string {
  return Buffer.from(JSON.stringify({ offset }), 'utf8').toString('base64url');
}

function decodeToken(token: string): number {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { offset?: unknown };
    if (typeof parsed.offset === 'number' && Number.isInteger(parsed.offset) && parsed.offset >= 0) {
      return parsed.offset;
    }
  } catch {
    // handled below
  }
  throw new EmulatorHttpError(
    400,
    `Invalid nextPage token '${token}'; send the Elements-Next-Page-Token of the previous page unchanged.`,
  );
}

/** One page of a list and the paging headers that go with it. */
export interface Page<T> {
  items: T[];
  headers: Record<string, string>;
}

/**
 * Cuts one page out of `items` from `pageSize`, `page` and `nextPage`, with `Elements-Returned-Count`,
 * `Elements-Total-Count` and, unless this is the last page, `Elements-Next-Page-Token`.
 */
export function paginate<T>(items: readonly T[], query: URLSearchParams): Page<T> {
  const pageSize = Math.min(readPositiveInteger(query, 'pageSize') ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  const token = query.get('nextPage');
  const offset =
    token !== null && token !== ''
      ? decodeToken(token)
      : ((readPositiveInteger(query, 'page') ?? 1) - 1) * pageSize;
  const pageItems = items.slice(offset, offset + pageSize);
  const headers: Record<string, string> = {
    'Elements-Returned-Count': String(pageItems.length),
    'Elements-Total-Count': String(items.length),
  };
  if (offset + pageSize < items.length) headers['Elements-Next-Page-Token'] = encodeToken(offset + pageSize);
  return { items: pageItems, headers };
}

/** A JSON reply of one page of `items`, each passed through `map`. */
export function pageReply<T, U = T>(
  items: readonly T[],
  query: URLSearchParams,
  map: (item: T) => U = (item) => item as unknown as U,
): Reply & { json: U[] } {
  const page = paginate(items, query);
  return { json: page.items.map(map), headers: page.headers };
}
