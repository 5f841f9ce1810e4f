/**
 * Following `Elements-Next-Page-Token` across pages: a record iterator ({@link paginate}) and a page iterator
 * ({@link paginatePages}) that can stop and resume from a saved token. One page is held at a time.
 */
import type { Client, ClientPathsWithMethod, MaybeOptionalInit, MethodResponse } from 'openapi-fetch';
import type { ListPaths } from '../../generated/list-paths.js';
import type { paths } from '../../generated/schema.js';
import { isCeqlFragment } from './ceql.js';
import { unwrap, type CallOptions } from '../client/index.js';
import { CloudElementsError, SNIPPET_LENGTH, snippet } from '../core/index.js';

// Any openapi-fetch client; the Cloud Elements client is one.
type AnyClient = Client<any, any>;

/**
 * Paths of `C` whose GET answers a JSON array: the paths {@link paginate} accepts. For a client of the Cloud
 * Elements spec this is a union precomputed by `npm run generate`, so that each call does not map over every GET
 * path; clients of other paths (an instance's own types) get the mapping.
 */
export type ListPath<C extends AnyClient> =
  C extends Client<infer Paths, any> ? ([Paths] extends [paths] ? ListPaths : MappedListPath<C>) : never;

type MappedListPath<C extends AnyClient> = {
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
  /**
   * Most pages to fetch: the iteration ends quietly after this many (the last page's `nextPageToken` resumes
   * from there). A bound on the requests one iteration makes, whatever the server answers.
   *
   * @default Infinity
   */
  maxPages?: number;
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
  const { pageSize, limit, maxPages, nextPageToken, signal } = options;
  if (pageSize !== undefined && (!Number.isSafeInteger(pageSize) || pageSize < 1)) {
    throw new TypeError(`[cloud-elements] pageSize must be a whole number >= 1, got ${snippet(pageSize)}.`);
  }
  if (limit !== undefined && !(limit === Infinity || (Number.isSafeInteger(limit) && limit >= 0))) {
    throw new TypeError(
      `[cloud-elements] limit must be a whole number >= 0 (or Infinity), got ${snippet(limit)}.`,
    );
  }
  if (
    maxPages !== undefined &&
    !(maxPages === Infinity || (Number.isSafeInteger(maxPages) && maxPages >= 1))
  ) {
    throw new TypeError(
      `[cloud-elements] maxPages must be a whole number >= 1 (or Infinity), got ${snippet(maxPages)}.`,
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
 * `pageSize`) until a page comes without it, `limit` records were delivered or `maxPages` pages were read. Each
 * page exposes its records, token and counts, so a job can save `nextPageToken` and resume later with
 * `{ nextPageToken }`. Only the current page is held in memory.
 *
 * @throws {CloudElementsError} (the subclass for the status) when a page fails, also mid-way, and when the server
 *   answers with a next-page token already sent in this iteration (the pages go round in a cycle).
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
  if (options === null || typeof options !== 'object') {
    throw new TypeError(
      '[cloud-elements] paginate options must be an object such as { pageSize: 200, params: { query: { where } } }.',
    );
  }
  const {
    pageSize,
    limit = Infinity,
    maxPages = Infinity,
    signal,
    nextPageToken,
    ...init
  } = options as PaginateOptions & LooseInit;
  checkOptions({ pageSize, limit, maxPages, signal, nextPageToken } as PaginateOptions);
  if (typeof path !== 'string' || !path.startsWith('/')) {
    throw new TypeError(
      `[cloud-elements] paginate needs an API path such as '/hubs/crm/contacts', got ${snippet(path)}.`,
    );
  }
  const shownPath = path.length > SNIPPET_LENGTH ? `${path.slice(0, SNIPPET_LENGTH)}…` : path;
  if (
    client === null ||
    typeof client !== 'object' ||
    typeof (client as { GET?: unknown }).GET !== 'function'
  ) {
    throw new TypeError(
      '[cloud-elements] paginate needs a client from createClient() (or client.forInstance(token)) as its first argument.',
    );
  }
  const isObject = (value: unknown) => value !== null && typeof value === 'object' && !Array.isArray(value);
  if (init.params !== undefined && !isObject(init.params)) {
    throw new TypeError(
      '[cloud-elements] paginate params must be an object such as { path: { hub: "crm" }, query: { where } }.',
    );
  }
  if (init.params?.query !== undefined && !isObject(init.params.query)) {
    throw new TypeError(
      '[cloud-elements] paginate params.query must be an object of query parameters such as { where, orderBy }.',
    );
  }
  const baseQuery: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(init.params?.query ?? {})) {
    // A ceql fragment is an object; openapi-fetch would serialize it as deepObject, so send its text.
    const text = isCeqlFragment(value) ? value.text : value;
    if (text !== undefined && !(name === 'where' && text === '')) {
      // A parameter named `__proto__` stays a plain own field instead of changing the object's prototype.
      Object.defineProperty(baseQuery, name, {
        value: text,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  if (pageSize !== undefined) baseQuery['pageSize'] = pageSize;
  let token = nextPageToken ?? (baseQuery['nextPage'] as string | undefined);
  delete baseQuery['nextPage'];
  // Every token sent so far, with the page it asked for: a token seen again means the server is going round
  // in a cycle (A → B → A …), which would otherwise never end.
  const sent = new Map<string, number>();
  if (token !== undefined) sent.set(token, 0);
  let delivered = 0;
  for (let pageIndex = 0; delivered < limit && pageIndex < maxPages; pageIndex++) {
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
        `GET ${shownPath} (page ${pageIndex + 1}) failed: ${snippet((error as Error)?.message ?? String(error))}`,
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
        `GET ${shownPath} answered ${data === null ? 'null' : typeof data} instead of a JSON array; paginate() reads list paths only.`,
        { method: 'GET', path, status: response.status },
      );
    }
    const next = response.headers.get('elements-next-page-token') ?? undefined;
    const nextToken = next === '' ? undefined : next;
    const earlier = nextToken === undefined ? undefined : sent.get(nextToken);
    if (earlier !== undefined) {
      throw new CloudElementsError(
        `GET ${shownPath} answered page ${pageIndex + 1} with an Elements-Next-Page-Token already used to fetch page ` +
          `${earlier + 1}: the pages go round in a cycle, so paging stops instead of looping forever.`,
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
    sent.set(token, pageIndex + 1);
  }
}

/**
 * Iterates over every record of a list, across pages: sends `pageSize`, then each page's
 * `Elements-Next-Page-Token` as `nextPage`, and stops when a page comes without it, after `limit` records or
 * after `maxPages` pages.
 * One page is held at a time (plus the tokens sent, to stop on a cycle). Records are typed from the spec.
 *
 * @throws {CloudElementsError} (the subclass for the status) when a page fails, also mid-way, or the pages cycle.
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
export function paginate<C extends AnyClient, P extends ListPath<C>>(
  client: C,
  path: P,
  ...args: InitArgs<PaginateInit<C, P>>
): AsyncGenerator<ListRecord<C, P>, void, undefined> {
  const [options] = args;
  // Wrong options are refused by paginatePages; here they only must not break the destructuring.
  const { limit = Infinity, signal } = (
    options !== null && typeof options === 'object' ? options : {}
  ) as PaginateOptions;
  const pages = paginatePages(client, path, ...args);
  // Written by hand rather than as a generator over the pages: a record from the page in hand costs one resolved
  // promise, not a generator's round of microtasks (188 ns a record before, on 100,000 records).
  let records: readonly ListRecord<C, P>[] = [];
  let index = 0;
  let remaining = limit;
  let finished = remaining === 0;
  const end = async (): Promise<IteratorResult<ListRecord<C, P>, void>> => {
    if (!finished) {
      finished = true;
      await pages.return(undefined);
    }
    return { value: undefined, done: true };
  };
  // The slow path: fetch the next page (or finish), then hand out its first record.
  const nextPage = async (): Promise<IteratorResult<ListRecord<C, P>, void>> => {
    while (!finished && index >= records.length) {
      const page = await pages.next();
      if (page.done) return end();
      records = page.value.records;
      index = 0;
    }
    return finished ? { value: undefined, done: true } : take();
  };
  const take = ():
    IteratorResult<ListRecord<C, P>, void> | Promise<IteratorResult<ListRecord<C, P>, void>> => {
    signal?.throwIfAborted();
    const value = records[index++]!;
    if (--remaining > 0) return { value, done: false };
    return end().then(() => ({ value, done: false }));
  };
  const iterator: AsyncGenerator<ListRecord<C, P>, void, undefined> = {
    next() {
      if (finished || index >= records.length) return nextPage();
      try {
        return Promise.resolve(take());
      } catch (error) {
        return Promise.reject(error);
      }
    },
    return: () => end(),
    async throw(error: unknown) {
      await end();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
