/**
 * Following `Elements-Next-Page-Token` across pages: a record iterator ({@link paginate}) and a page iterator
 * ({@link paginatePages}) that can stop and resume from a saved token. One page is held at a time.
 */
import type { Client, ClientPathsWithMethod, MaybeOptionalInit, MethodResponse } from 'openapi-fetch';
import { isCeqlFragment } from './ceql.js';
import { unwrap, type CallOptions } from '../client/index.js';
import { CloudElementsError } from '../core/index.js';

// Any openapi-fetch client; the Cloud Elements client is one.
type AnyClient = Client<any, any>;

/** Paths of `C` whose GET answers a JSON array: the paths {@link paginate} accepts. */
export type ListPath<C extends AnyClient> = {
  [P in ClientPathsWithMethod<C, 'get'>]: MethodResponse<C, 'get', P> extends readonly unknown[] ? P : never;
}[ClientPathsWithMethod<C, 'get'>];

/** Type of one record of the list at `P`, from the spec. */
export type ListRecord<C extends AnyClient, P extends ClientPathsWithMethod<C, 'get'>> =
  MethodResponse<C, 'get', P> extends readonly (infer R)[] ? R : never;

/** openapi-fetch's options for a GET of `P` (`params` with path and query parameters, headers, …). */
export type ListInit<C extends AnyClient, P> =
  C extends Client<infer Paths, any>
    ? P extends keyof Paths
      ? Paths[P] extends { get: any }
        ? NonNullable<MaybeOptionalInit<Paths[P], 'get'>>
        : never
      : never
    : never;

/** Paging options shared by {@link paginate} and {@link paginatePages}. */
export type PaginateOptions = {
  /**
   * Records per page, sent as `pageSize` on every request (the next-page token is only valid with the same size).
   *
   * @default the element's maximum page size (no `pageSize` sent)
   */
  pageSize?: number;
  /**
   * Most records to read. {@link paginate} stops exactly there; {@link paginatePages} stops before fetching a
   * page once this many records were delivered, and never cuts a page (so a saved token resumes cleanly).
   *
   * @default Infinity
   */
  limit?: number;
  /** Stops paging; the pending request is aborted and the iteration rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Resume from a token saved from {@link Page.nextPageToken}: the first request sends it as `nextPage`. */
  nextPageToken?: string;
};

/** Options of {@link paginate} for the path `P`: openapi-fetch's (`params`, …), the SDK's call options, and paging. */
export type PaginateInit<C extends AnyClient, P> = ListInit<C, P> & CallOptions & PaginateOptions;

/** One page of a list. */
export type Page<R> = {
  /** The records of this page. */
  records: R[];
  /** `Elements-Next-Page-Token`: save it to resume after this page; `undefined` on the last page. */
  nextPageToken: string | undefined;
  /** `Elements-Returned-Count`, when sent. */
  returnedCount: number | undefined;
  /** `Elements-Total-Count`, when the element can count (some need `returnTotalCount=true`). */
  totalCount: number | undefined;
  /** `Elements-Request-Id` of the page's response. */
  requestId: string | undefined;
  /** 0 for the first page read by this iteration. */
  pageIndex: number;
};

// `[...]` so that a path with required params makes the options required, like openapi-fetch's own methods.
type InitArgs<T> = {} extends T ? [options?: T] : [options: T];

type LooseInit = {
  params?: { query?: Record<string, unknown>; [key: string]: unknown };
  signal?: AbortSignal;
  [key: string]: unknown;
};
type LooseClient = {
  GET(path: string, init: LooseInit): Promise<{ data?: unknown; error?: unknown; response: Response }>;
};

function checkOptions(options: PaginateOptions): void {
  const { pageSize, limit, nextPageToken, signal } = options;
  if (pageSize !== undefined && (!Number.isSafeInteger(pageSize) || pageSize < 1)) {
    throw new TypeError(`[cloud-elements] pageSize must be a whole number >= 1, got ${String(pageSize)}.`);
  }
  if (limit !== undefined && !(limit === Infinity || (Number.isSafeInteger(limit) && limit >= 0))) {
    throw new TypeError(
      `[cloud-elements] limit must be a whole number >= 0 (or Infinity), got ${String(limit)}.`,
    );
  }
  if (nextPageToken !== undefined && (typeof nextPageToken !== 'string' || nextPageToken === '')) {
    throw new TypeError(
      '[cloud-elements] nextPageToken must be a non-empty string saved from Page.nextPageToken.',
    );
  }
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw new TypeError('[cloud-elements] signal must be an AbortSignal (e.g. AbortSignal.timeout(60_000)).');
  }
}

function readCount(headers: Headers, name: string): number | undefined {
  const raw = headers.get(name);
  if (raw === null || raw.trim() === '') return undefined;
  const value = Number(raw);
  return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

/**
 * Reads a list page by page, following `Elements-Next-Page-Token` (sent back as `nextPage` with the same
 * `pageSize`) until a page comes without it. Each page exposes its records, token and counts, so a job can save
 * `nextPageToken` and resume later with `{ nextPageToken }`. Only the current page is held in memory.
 *
 * @throws {CloudElementsError} (the subclass for the status) when a page fails, also mid-way.
 * @example
 * for await (const page of paginatePages(crm, '/hubs/crm/contacts', { pageSize: 200 })) {
 *   await save(page.records);
 *   await checkpoint(page.nextPageToken);
 * }
 */
export async function* paginatePages<C extends AnyClient, P extends ListPath<C>>(
  client: C,
  path: P,
  ...args: InitArgs<PaginateInit<C, P>>
): AsyncGenerator<Page<ListRecord<C, P>>, void, undefined> {
  const [options = {} as PaginateInit<C, P>] = args;
  const {
    pageSize,
    limit = Infinity,
    signal,
    nextPageToken,
    ...init
  } = options as PaginateOptions & LooseInit;
  checkOptions({ pageSize, limit, signal, nextPageToken } as PaginateOptions);
  if (typeof path !== 'string' || !path.startsWith('/')) {
    throw new TypeError(
      `[cloud-elements] paginate needs an API path such as '/hubs/crm/contacts', got ${String(path)}.`,
    );
  }
  const baseQuery: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(init.params?.query ?? {})) {
    // A ceql fragment is an object; openapi-fetch would serialize it as deepObject, so send its text.
    const text = isCeqlFragment(value) ? value.text : value;
    if (text !== undefined && !(name === 'where' && text === '')) baseQuery[name] = text;
  }
  if (pageSize !== undefined) baseQuery['pageSize'] = pageSize;
  let token = nextPageToken ?? (baseQuery['nextPage'] as string | undefined);
  delete baseQuery['nextPage'];
  let delivered = 0;
  for (let pageIndex = 0; delivered < limit; pageIndex++) {
    signal?.throwIfAborted();
    const query = token === undefined ? baseQuery : { ...baseQuery, nextPage: token };
    const call: LooseInit = { ...init, params: { ...init.params, query } };
    if (signal !== undefined) call.signal = signal;
    let result: Awaited<ReturnType<LooseClient['GET']>>;
    try {
      result = await (client as unknown as LooseClient).GET(path, call);
    } catch (error) {
      if (error instanceof CloudElementsError || signal?.aborted) throw error;
      // openapi-fetch throws a SyntaxError when a 2xx body is not JSON.
      throw new CloudElementsError(
        `GET ${path} (page ${pageIndex + 1}) failed: ${(error as Error)?.message ?? String(error)}`,
        {
          method: 'GET',
          path,
          cause: error,
        },
      );
    }
    if (!result.response.ok) await unwrap(result);
    const { data, response } = result;
    const records: unknown = data ?? [];
    if (!Array.isArray(records)) {
      throw new CloudElementsError(
        `GET ${path} answered ${data === null ? 'null' : typeof data} instead of a JSON array; paginate() reads list paths only.`,
        { method: 'GET', path, status: response.status },
      );
    }
    const next = response.headers.get('elements-next-page-token') ?? undefined;
    const nextToken = next === '' ? undefined : next;
    if (nextToken !== undefined && nextToken === token) {
      throw new CloudElementsError(
        `GET ${path} returned the same Elements-Next-Page-Token twice (page ${pageIndex + 1}); stopping instead of looping forever.`,
        { method: 'GET', path, status: response.status },
      );
    }
    delivered += records.length;
    yield {
      records: records as ListRecord<C, P>[],
      nextPageToken: nextToken,
      returnedCount: readCount(response.headers, 'elements-returned-count'),
      totalCount: readCount(response.headers, 'elements-total-count'),
      requestId: response.headers.get('elements-request-id') ?? undefined,
      pageIndex,
    };
    if (nextToken === undefined) return;
    token = nextToken;
  }
}

/**
 * Iterates over every record of a list, across pages: sends `pageSize`, then each page's
 * `Elements-Next-Page-Token` as `nextPage`, and stops when a page comes without it or after `limit` records.
 * Memory stays flat however many pages there are: one page is held at a time. Records are typed from the spec.
 *
 * @throws {CloudElementsError} (the subclass for the status) when a page fails, also mid-way.
 * @example
 * const crm = client.forInstance(elementToken);
 * for await (const contact of paginate(crm, '/hubs/crm/contacts', {
 *   params: { query: { where: ceql`lastName = ${name}`.text } },
 *   pageSize: 200,
 *   limit: 10_000,
 *   signal: AbortSignal.timeout(300_000),
 * })) {
 *   console.log(contact.id);
 * }
 */
export async function* paginate<C extends AnyClient, P extends ListPath<C>>(
  client: C,
  path: P,
  ...args: InitArgs<PaginateInit<C, P>>
): AsyncGenerator<ListRecord<C, P>, void, undefined> {
  const [options = {} as PaginateInit<C, P>] = args;
  const { limit = Infinity, signal } = options as PaginateOptions;
  let remaining = limit;
  if (remaining === 0) return;
  for await (const page of paginatePages(client, path, ...args)) {
    for (const record of page.records) {
      signal?.throwIfAborted();
      yield record;
      if (--remaining <= 0) return;
    }
  }
}
