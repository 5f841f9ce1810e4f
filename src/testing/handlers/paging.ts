import { EmulatorHttpError } from '../errors.js';
import type { EmulatorInstance } from '../model/types.js';
import type { Reply } from '../server/types.js';

/** Page size of lists when the call sends no `pageSize` and the instance sets no `pagination.max`. */
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
 * When a list sends `Elements-Total-Count`: `always`, or only when the call asks with `returnTotalCount=true`
 * (`asked`).
 *
 * Hub lists count only when asked: the header comes "only where the element supports it" (reference §3),
 * `returnTotalCount` is the switch on element list endpoints (reference §5; the spec: "Ask for the
 * `Elements-Total-Count` response header"), and CE's own tests ask before they expect it (churros
 * `src/test/elements/quickbooks/employees.js` sends `returnCount: true`, which the emulator takes too). Platform
 * lists count unasked: a CE script pages `GET /instances?hydrate=false` by the `elements-total-count` of its first
 * answer, and nothing says a platform list takes `returnTotalCount`.
 */
export type TotalCount = 'always' | 'asked';

/** The paging of hub lists: `Elements-Total-Count` only when asked. */
export const ASKED: PageOptions = { totalCount: 'asked' };

/**
 * The paging of an instance's hub lists: {@link ASKED}, and a page of the instance's `pagination.max` records when
 * the call sends no `pageSize` (reference §5: a hub list's default page size is the element's `pagination.max`).
 * Only a whole number >= 1 counts; any other value (a per-resource JSON object, `0`, text) is ignored, leaving
 * {@link DEFAULT_PAGE_SIZE}. A `pageSize` the call sends wins, even above `pagination.max`: the reference gives
 * `pagination.max` as the default only and documents no cap (pages are still cut to {@link MAX_PAGE_SIZE}).
 */
export function hubPaging(instance: EmulatorInstance): PageOptions {
  const max = instance.configuration.get('pagination.max')?.trim();
  return max && /^[1-9]\d*$/.test(max) ? { ...ASKED, defaultPageSize: Number(max) } : ASKED;
}

/**
 * Whether the call asks for the first page of a list: no `nextPage` token and no `page` past 1. A list whose first
 * page is empty has nothing at all; later pages may be empty while paging.
 */
export function isFirstPage(query: URLSearchParams): boolean {
  const token = query.get('nextPage');
  return (token === null || token === '') && (readPositiveInteger(query, 'page') ?? 1) === 1;
}

function countAsked(query: URLSearchParams): boolean {
  return query.get('returnTotalCount') === 'true' || query.get('returnCount') === 'true';
}

/** How a list pages. */
export interface PageOptions {
  /** When the list sends `Elements-Total-Count`. @default 'always' */
  totalCount?: TotalCount | undefined;
  /** Page size when the call sends no `pageSize`. @default DEFAULT_PAGE_SIZE */
  defaultPageSize?: number | undefined;
}

/**
 * Cuts one page out of `items` from `pageSize`, `page` and `nextPage`, with `Elements-Returned-Count`,
 * `Elements-Total-Count` (see {@link TotalCount}) and, unless this is the last page, `Elements-Next-Page-Token`.
 */
export function paginate<T>(items: readonly T[], query: URLSearchParams, options: PageOptions = {}): Page<T> {
  const requested = readPositiveInteger(query, 'pageSize') ?? options.defaultPageSize ?? DEFAULT_PAGE_SIZE;
  const pageSize = Math.min(requested, MAX_PAGE_SIZE);
  const token = query.get('nextPage');
  const offset =
    token !== null && token !== ''
      ? decodeToken(token)
      : ((readPositiveInteger(query, 'page') ?? 1) - 1) * pageSize;
  const pageItems = items.slice(offset, offset + pageSize);
  const headers: Record<string, string> = { 'Elements-Returned-Count': String(pageItems.length) };
  if ((options.totalCount ?? 'always') === 'always' || countAsked(query))
    headers['Elements-Total-Count'] = String(items.length);
  if (offset + pageSize < items.length) headers['Elements-Next-Page-Token'] = encodeToken(offset + pageSize);
  return { items: pageItems, headers };
}

/** A JSON reply of one page of `items`, each passed through `map`; hub lists pass `totalCount: 'asked'`. */
export function pageReply<T, U = T>(
  items: readonly T[],
  query: URLSearchParams,
  map: (item: T) => U = (item) => item as unknown as U,
  options: PageOptions = {},
): Reply & { json: U[] } {
  const page = paginate(items, query, options);
  return { json: page.items.map(map), headers: page.headers };
}
