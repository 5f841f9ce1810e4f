/**
 * Following `Elements-Next-Page-Token` across pages: a record iterator ({@link paginate}) and a page iterator
 * ({@link paginatePages}) that can stop and resume from a saved token. The next page is requested as soon as the
 * current one's headers say there is one, while its body still arrives and the loop works through it (`readAhead`),
 * so at most two pages are held at a time.
 */
import type { FetchResponse, MaybeOptionalInit } from 'openapi-fetch';
import type { ListPaths } from '../../generated/list-paths.js';
import type { paths } from '../../generated/schema.js';
import { isCeqlFragment } from './ceql.js';
import { sentTokens } from './sent-tokens.js';
import {
  CALL_OPTIONS,
  ON_HEADERS,
  calledPath,
  checkClient,
  unexpectedAnswer,
  unwrap,
  type CallOptions,
  type ClientPaths,
} from '../client/index.js';
import {
  CloudElementsError,
  SNIPPET_LENGTH,
  fail,
  follow,
  looksLike,
  snippet,
  unfollow,
} from '../core/index.js';

// The types below take a client's `Paths` (read from ClientPaths), never the client's type: relating or inferring
// openapi-fetch's `Client<…>` costs a type-check about 150,000 instantiations (its variance), four typed GETs' worth.

// A type of API paths (the spec's `paths`, or an instance's own), which the list types take, and not a client's
// type: a client has `GET`, so `ListRecord<typeof client, …>` is refused rather than giving `never`. `valueOf`, which
// every object has, keeps TypeScript from taking the type for a weak one (all optional), which would refuse paths
// that share no key with it.
type PathsType = { readonly GET?: never; valueOf(): unknown };

/**
 * Paths of `Paths` whose GET answers a JSON array: the paths {@link paginate} accepts. For the Cloud Elements spec
 * this is a union precomputed by `npm run generate`, so that each call does not map over every GET path; other
 * paths (an instance's own types) get the mapping.
 */
export type ListPath<Paths extends PathsType> = [Paths] extends [paths] ? ListPaths : MappedListPath<Paths>;

type MappedListPath<Paths extends PathsType> = {
  [P in keyof Paths]-?: [ListRecord<Paths, P>] extends [never] ? never : P;
}[keyof Paths];

// openapi-fetch's media type (`MediaType` of openapi-typescript-helpers), as CloudElementsClient uses it.
type Media = `${string}/${string}`;

/** Type of one record of the list at `P`, from the spec (`never` when its GET does not answer an array). */
export type ListRecord<Paths extends PathsType, P> = P extends keyof Paths ? ItemRecord<Paths[P]> : never;

// The record type of a path item's GET, when it answers an array; `never` for a path without GET.
type ItemRecord<Item> = Item extends { get: infer Operation extends Record<string | number, any> }
  ? NonNullable<FetchResponse<Operation, {}, Media>['data']> extends readonly (infer R)[]
    ? R
    : never
  : never;

// Not distributive over `P` (`[P]`): while TypeScript infers a call's type arguments, `P` can stand for every list
// path at once, and a distributive type then computed the options of each (30,000 instantiations per call).
// `P` is `never` when the client is not one of createClient's: no options are then required, so that TypeScript
// reports the client, not a missing argument.
/** openapi-fetch's options for a GET of `P` (`params` with path and query parameters, headers, …). */
export type ListInit<Paths extends PathsType, P> = [P] extends [never]
  ? {}
  : [P] extends [keyof Paths]
    ? Paths[P] extends { get: any }
      ? NonNullable<MaybeOptionalInit<Paths[P], 'get'>>
      : never
    : never;

/** Paging options shared by {@link paginate} and {@link paginatePages}. */
export type PaginateOptions = {
  /**
   * Records per page, sent as `pageSize` on every request (the next-page token is only valid with the same size).
   *
   * @default the element's maximum page size (no `pageSize` sent)
   */
  pageSize?: number | undefined;
  /**
   * Most records to read. {@link paginate} stops exactly there; {@link paginatePages} stops before fetching a
   * page once this many records were delivered, and never cuts a page (so a saved token resumes cleanly).
   *
   * @default Infinity
   */
  limit?: number | undefined;
  /**
   * Most pages to fetch: the iteration ends quietly after this many (the last page's `nextPageToken` resumes
   * from there). A bound on the requests one iteration makes, whatever the server answers.
   *
   * @default Infinity
   */
  maxPages?: number | undefined;
  /** Stops paging; the pending request is aborted and the iteration rejects with the signal's reason. */
  signal?: AbortSignal | undefined;
  /**
   * Resume from a token saved from {@link Page.nextPageToken}: the first request sends it as `nextPage`. Refused
   * for `GET /accounts`, which pages by offset: resume it with `params.query.offset`.
   */
  nextPageToken?: string | undefined;
  /**
   * Requests the next page before the loop asks for it, so that the server's time overlaps the loop's work: as
   * soon as the headers of the page the loop waits for carry a next-page token, while that page's body still
   * arrives; with a `limit`, or for `GET /accounts` (paged by offset), once the page is read, since its records
   * decide whether there is a next one. At most one page is read ahead (two are held in memory), never past `limit`
   * or `maxPages`, and a loop that stops early, or a page that fails, aborts it (the client's logger records that
   * request as `aborted`). Pass `false` to send each request only when the loop asks for its page: a loop that
   * usually stops after a page or two then makes no request it does not use. Pass it too, or call `return()`, when
   * taking records with `next()` and dropping the iterator (`(await paginate(…).next()).value`): only a loop's end
   * aborts the page read ahead, so a dropped iterator's request runs on, and keeps a script from exiting until it
   * is answered or its `timeoutMs` passes.
   *
   * @default true
   */
  readAhead?: boolean | undefined;
};

/** Options of {@link paginate} for the path `P`: openapi-fetch's (`params`, …), the SDK's call options, and paging. */
export type PaginateInit<Paths extends PathsType, P> = ListInit<Paths, P> & CallOptions & PaginateOptions;

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
  signal?: AbortSignal | undefined;
  [key: PropertyKey]: unknown;
};
type LooseClient = {
  GET(path: string, init: LooseInit): Promise<{ data?: unknown; error?: unknown; response: Response }>;
};

const isObject = (value: unknown) => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Refuses `value` unless it is undefined or a whole number >= `min` (or Infinity, when `infinity`). */
function checkWhole(name: string, value: unknown, min: number, infinity = true): void {
  if (
    value !== undefined &&
    !(infinity && value === Infinity) &&
    !(Number.isSafeInteger(value) && (value as number) >= min)
  ) {
    fail(
      `${name} must be a whole number >= ${min}${infinity ? ' (or Infinity)' : ''}, got ${snippet(value)}.`,
    );
  }
}

function readCount(headers: Headers, name: string): number | undefined {
  const value = Number(headers.get(name)?.trim() || NaN);
  return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

/**
 * Reads a list page by page, following `Elements-Next-Page-Token` (sent back as `nextPage` with the same
 * `pageSize`) until a page comes without it, `limit` records were delivered or `maxPages` pages were read. Each
 * page exposes its records, token and counts, so a job can save `nextPageToken` and resume later with
 * `{ nextPageToken }`. The next page is fetched while the loop works through the current one (see
 * {@link PaginateOptions.readAhead}), so at most two pages are held in memory.
 *
 * `GET /accounts`, which pages by record offset instead, is read from `params.query.offset` (0 by default) until a
 * page comes empty; its pages have no `nextPageToken`: resume from an offset (a `nextPageToken` is refused).
 *
 * Options other than paginate's own, openapi-fetch's, fetch's and the SDK's call options are refused with a
 * `TypeError`: a list's query parameters go in `params.query`, and beside it they would be dropped.
 *
 * A 404 whose message is Cloud Elements' `No <thing> found` ends the list: the API answers so for a list with no
 * record (a filter that matches nothing), and its own tooling reads it as an empty list.
 *
 * @throws {CloudElementsError} (the subclass for the status) when a page fails, also mid-way, and when the server
 *   answers with a next-page token already sent in this iteration (the pages go round in a cycle).
 * @example
 * for await (const page of paginatePages(crm, '/hubs/crm/contacts', { pageSize: 200 })) {
 *   await save(page.records);
 *   await checkpoint(page.nextPageToken);
 * }
 */
export async function* paginatePages<Paths extends PathsType, P extends ListPath<Paths>>(
  client: ClientPaths<Paths>,
  path: P,
  ...args: InitArgs<PaginateInit<Paths, P>>
): AsyncGenerator<Page<ListRecord<Paths, P>>, void, undefined> {
  const [options = {} as PaginateInit<Paths, P>] = args;
  if (options === null || typeof options !== 'object') {
    fail('paginate options must be an object such as { pageSize: 200, params: { query: { where } } }.');
  }
  const {
    pageSize,
    limit = Infinity,
    maxPages = Infinity,
    signal,
    nextPageToken,
    readAhead = true,
    ...init
  } = options as PaginateOptions & LooseInit;
  for (const key of Object.keys(init)) {
    if (REQUEST_KEYS.includes(key) || CALL_OPTIONS.includes(key)) continue;
    const own = LIST_PARAMETERS.includes(key)
      ? undefined
      : PAGINATE_OPTIONS.find((name) => looksLike(key, name));
    if (own !== undefined) fail(`paginate has no option ${snippet(key, 40)}; did you mean ${own}?`);
    // Any other key is taken for one of the list's query parameters (`offset`, `searchText`, …), which belong in
    // params.query: at the top they would be dropped, and the whole list read where a filtered one was meant.
    fail(
      `paginate has no option ${snippet(key, 40)}: query parameters go in params.query, e.g. ` +
        '{ params: { query: { where } } }.',
    );
  }
  checkWhole('pageSize', pageSize, 1, false);
  checkWhole('limit', limit, 0);
  checkWhole('maxPages', maxPages, 1);
  if (nextPageToken !== undefined && (typeof nextPageToken !== 'string' || nextPageToken === '')) {
    fail('nextPageToken must be a non-empty string saved from Page.nextPageToken.');
  }
  if (typeof readAhead !== 'boolean') fail(`readAhead must be true or false, got ${snippet(readAhead)}.`);
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    fail('signal must be an AbortSignal (e.g. AbortSignal.timeout(60_000)).');
  }
  if (typeof path !== 'string' || !path.startsWith('/')) {
    fail(`paginate needs an API path such as '/hubs/crm/contacts', got ${snippet(path)}.`);
  }
  const shownPath = shorten(path);
  checkClient('paginate', client);
  if (init.params !== undefined && !isObject(init.params)) {
    fail('paginate params must be an object such as { path: { hub: "crm" }, query: { where } }.');
  }
  if (init.params?.query !== undefined && !isObject(init.params.query)) {
    fail('paginate params.query must be an object of query parameters such as { where, orderBy }.');
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
  // The tokens sent, with the page each asked for: a token seen again means the server is going round in a cycle.
  const sent = sentTokens(token);
  let delivered = 0;
  // `GET /accounts` pages by record offset and sends no next-page token (reference §5, §10): paging goes on from
  // the offset reached until a page comes empty, since a page shorter than asked may only be the server's limit.
  const byOffset = OFFSET_PAGED.includes(path);
  // A token would be dropped there, and the list read again from offset 0.
  if (byOffset && token !== undefined) {
    const given = nextPageToken !== undefined ? 'nextPageToken' : 'params.query.nextPage';
    fail(
      `paginate: GET ${shownPath} pages by offset, not by token, so ${given} cannot resume it; resume with ` +
        'params.query.offset, the number of records already read, e.g. { params: { query: { offset: 400 } } }.',
    );
  }
  let offset = Number(baseQuery['offset'] ?? 0);
  if (limit === 0) return;

  // Every request carries the iteration's own signal, which aborts a page read ahead when the loop stops before
  // asking for it. It follows the caller's signal only while a request is out: an iteration that is dropped without
  // `return()` (`await paginate(…).next()`) must not stay on a long-lived signal, nor keep its client alive there.
  signal?.throwIfAborted();
  const stop = new AbortController();
  // Held for the whole iteration, so that each request's follow of `stop` finds its one listener in place instead of
  // adding and removing a listener on the signal.
  follow(stop.signal, keepListening);
  const follower = { handleEvent: () => stop.abort(signal!.reason) };
  // Requests not settled yet: two while a page's body arrives and the next page's request is already out.
  let out = 0;
  const settle = (outcome: Settled): Settled => {
    if (signal && --out === 0) unfollow(signal, follower);
    return outcome;
  };

  // Reading ahead, the next page is requested as soon as the headers of the page the loop waits for arrive, while
  // its body still does, when nothing but the next-page token decides whether there is a next page: not with a
  // `limit` (the page's record count decides), nor for lists paged by offset. Otherwise, once the page is read; so
  // too when a middleware sits between the transport and the loop (it could change the headers): the client then
  // does not tell them.
  const early = readAhead && !byOffset && limit === Infinity;
  /** The page whose answer the loop awaits; -1 while it hands a page out. */
  let waitingFor = -1;
  /** The next page's request, sent from the headers of the page the loop waits for. */
  let ahead: Promise<Settled> | undefined;
  /** Headers that came while the loop did not wait for their page yet (it handed out the one before). */
  let arrived: { pageIndex: number; response: Response } | undefined;
  const requestAfter = (pageIndex: number, response: Response): void => {
    if (ahead !== undefined || !response.ok || pageIndex + 1 >= maxPages) return;
    const nextToken = response.headers.get('elements-next-page-token') || undefined;
    // A token sent before is a cycle, which the loop reports once it has the page.
    if (nextToken === undefined || sent.pageOf(nextToken) !== undefined) return;
    sent.add((token = nextToken), pageIndex + 1);
    ahead = request(pageIndex + 1);
  };

  /** Sends the request of a page; the promise never rejects, so a page read ahead fails only when read. */
  const request = (pageIndex: number): Promise<Settled> => {
    if (signal?.aborted) return Promise.resolve(failed(signal.reason));
    const query = byOffset
      ? { ...baseQuery, offset }
      : token === undefined
        ? baseQuery
        : { ...baseQuery, nextPage: token };
    if (signal && out++ === 0) follow(signal, follower);
    try {
      // What the call throws goes out as it is, as from the client's own GET: the client gives every failure of
      // the API or the network as a typed error already, and anything else comes from the caller's own
      // middleware, whose message the SDK can neither redact (it may quote the Authorization header) nor improve.
      // Promise.resolve: a test double's GET may answer without a promise.
      const options: LooseInit = { ...init, params: { ...init.params, query }, signal: stop.signal };
      if (early) {
        options[ON_HEADERS] = (response: Response) => {
          if (pageIndex === waitingFor) requestAfter(pageIndex, response);
          else arrived = { pageIndex, response };
        };
      }
      return Promise.resolve((client as unknown as LooseClient).GET(path, options)).then(
        (result) => settle({ failed: false, result }),
        (error: unknown) => settle(failed(error)),
      );
    } catch (error) {
      return Promise.resolve(settle(failed(error)));
    }
  };
  let pending: Promise<Settled> | undefined = request(0);
  /** Whether the last page read leaves more to read. */
  let more = true;
  /**
   * Reads the page the loop waited for: the page to hand out, or undefined at a quiet end. A function of its own
   * rather than the loop's body: a suspended generator keeps what its body's variables held, and the page handed
   * out before would then stay in memory beside the next two.
   */
  const readPage = async (
    outcome: Settled,
    pageIndex: number,
  ): Promise<Page<ListRecord<Paths, P>> | undefined> => {
    waitingFor = -1;
    pending = ahead;
    ahead = undefined;
    if (outcome.failed) throw outcome.error;
    // A page read ahead may have come in after the caller aborted.
    signal?.throwIfAborted();
    const result = outcome.result;
    const { data, response } = result;
    // Cloud Elements answers some lists that have no record (a filter that matches nothing) with 404 "No
    // <thing> found", which its own tooling reads as an empty list: so does paginate, as its last page.
    if (response.status === 404 && isNothingFound(result.error)) return undefined;
    if (!response.ok) await unwrap(result);
    const { headers, status } = response;
    // No body at all (a 204, or a length of 0) is a page without records; anything else must be a JSON array. A
    // `null` is not an empty page: taking it for one would end the listing early without a word.
    const records = data === undefined ? [] : data;
    // The path as called (`/hubs/crm/contacts`), not its template, for the errors below.
    const called = (): string => shorten(calledPath(response, path));
    if (!Array.isArray(records)) {
      throw unexpectedAnswer(
        response,
        { method: 'GET', path },
        `GET ${called()} answered ${status} with ${data === null ? 'null' : `a JSON ${typeof data}`} instead of a JSON array (page ${pageIndex + 1}); paginate() reads list paths only.`,
      );
    }
    // By offset, the empty page that ends the list is not handed out, unless the list is empty.
    if (byOffset && records.length === 0 && pageIndex > 0) return undefined;
    offset += records.length;
    const nextToken = byOffset ? undefined : headers.get('elements-next-page-token') || undefined;
    // A token sent for a page up to this one; the next page's own entry, made when it was requested from this
    // page's headers, is no cycle.
    const earlier = nextToken ? sent.pageOf(nextToken) : undefined;
    if (earlier !== undefined && earlier <= pageIndex) {
      throw unexpectedAnswer(
        response,
        { method: 'GET', path },
        `GET ${called()} answered page ${pageIndex + 1} with an Elements-Next-Page-Token already used to fetch page ` +
          `${earlier + 1}: the pages go round in a cycle, so paging stops instead of looping forever.`,
        CloudElementsError,
      );
    }
    delivered += records.length;
    more =
      (byOffset ? records.length > 0 : nextToken !== undefined) &&
      delivered < limit &&
      pageIndex + 1 < maxPages;
    if (more && pending === undefined) {
      if (nextToken) sent.add((token = nextToken), pageIndex + 1);
      if (readAhead) pending = request(pageIndex + 1);
    }
    return {
      records,
      nextPageToken: nextToken,
      returnedCount: readCount(headers, 'elements-returned-count'),
      totalCount: readCount(headers, 'elements-total-count'),
      requestId: headers.get('elements-request-id') ?? undefined,
      pageIndex,
    };
  };
  let page: Page<ListRecord<Paths, P>> | undefined;
  try {
    for (let pageIndex = 0; more; pageIndex++) {
      waitingFor = pageIndex;
      if (arrived?.pageIndex === pageIndex) requestAfter(pageIndex, arrived.response);
      arrived = undefined;
      page = await readPage(await (pending ?? request(pageIndex)), pageIndex);
      if (page === undefined) return;
      yield page;
      page = undefined;
    }
  } finally {
    // The loop stopped with a page still coming: nobody will read it (its settling stops following the signal).
    if (pending !== undefined)
      stop.abort(new DOMException('The loop stopped before this page', 'AbortError'));
    else unfollow(stop.signal, keepListening);
  }
}

// The iteration's own follower of its `stop` signal: it only keeps the signal's listener in place.
const keepListening = { handleEvent() {} };

/** A page's request, settled: what the client answered, or what it threw. */
type Settled =
  { failed: false; result: Awaited<ReturnType<LooseClient['GET']>> } | { failed: true; error: unknown };
const failed = (error: unknown): Settled => ({ failed: true, error });

/** List paths that page by `offset` instead of a next-page token. */
const OFFSET_PAGED = ['/accounts'];

/** paginate's own options, for the check of misspelt ones (`page_size`). */
const PAGINATE_OPTIONS = ['pageSize', 'limit', 'maxPages', 'nextPageToken', 'readAhead'];
/**
 * The options a page's GET takes besides paginate's own and the SDK's call options (`CALL_OPTIONS`): openapi-fetch's
 * (`RequestOptions` of openapi-fetch 0.17, and `Request`, which its calls take too), then fetch's `RequestInit`
 * (with Node's `duplex` and undici's `dispatcher`). Any other key of paginate's options is refused: it is most
 * likely a query parameter put beside `params`. An array, not a Set: a module-level `new Set()` would stay in the
 * bundle of an app that never pages.
 */
const REQUEST_KEYS = [
  'params',
  'body',
  'headers',
  'baseUrl',
  'fetch',
  'querySerializer',
  'bodySerializer',
  'pathSerializer',
  'parseAs',
  'middleware',
  'Request',
  'cache',
  'credentials',
  'integrity',
  'keepalive',
  'method',
  'mode',
  'priority',
  'redirect',
  'referrer',
  'referrerPolicy',
  'window',
  'duplex',
  'dispatcher',
];
/** Common query parameters of lists, never taken for a misspelt option of paginate (`page` for `pageSize`). */
const LIST_PARAMETERS = ['where', 'query', 'orderBy', 'fields', 'nextPage', 'page', 'returnTotalCount'];

/** Whether an error body is Cloud Elements' "No <thing> found" (`{ message: 'No contacts found' }`). */
function isNothingFound(body: unknown): boolean {
  const message = (body as { message?: unknown } | null | undefined)?.message;
  return typeof message === 'string' && /^No [\w .-]{1,80} found\.?$/i.test(message.trim());
}

/** A path as an error shows it: cut after SNIPPET_LENGTH characters. */
function shorten(path: string): string {
  return path.length > SNIPPET_LENGTH ? `${path.slice(0, SNIPPET_LENGTH)}…` : path;
}

const done = (): IteratorReturnResult<void> => ({ value: undefined, done: true });
const noop = () => undefined;

/**
 * The record iterator of {@link paginate}, written by hand rather than as a generator over the pages: a record of
 * the page in hand costs one resolved promise (the floor of `for await`), not a generator's round of microtasks,
 * and its state lives in fields rather than in closures. Like a generator, it serves calls in the order they came:
 * a call made while a page is being fetched waits its turn, so no record is skipped or handed out twice.
 */
class Records<R> {
  private records: readonly R[] = [];
  private index = 0;
  private finished: boolean;
  /**
   * Records still allowed by `limit`, counted from `counted`: the fast path does not count the records it hands
   * out one by one, the next step does (see {@link Records.count}).
   */
  private remaining: number;
  private counted = 0;
  /**
   * The fast path hands out `records[index]` while `index` is below this: the end of the page in hand, short of
   * the last record `limit` allows (whose step ends the pages). 0 while a step is queued or the records finished.
   */
  private fastEnd = 0;
  /** Steps started or waiting their turn. */
  private queued = 0;
  /** Settles when the last step queued has (it never rejects). */
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly pages: AsyncGenerator<Page<R>, void, undefined>,
    remaining: number,
    private readonly signal: AbortSignal | undefined,
  ) {
    this.remaining = remaining;
    this.finished = remaining === 0;
  }

  next(): Promise<IteratorResult<R, void>> {
    const index = this.index;
    // The fast path: a record of the page in hand, and no abort to report.
    if (index < this.fastEnd && !this.signal?.aborted) {
      this.index = index + 1;
      return Promise.resolve({ value: this.records[index]!, done: false });
    }
    return this.inTurn(() => this.slow());
  }

  return(): Promise<IteratorResult<R, void>> {
    return this.inTurn(() => this.end());
  }

  throw(error: unknown): Promise<IteratorResult<R, void>> {
    return this.inTurn(async () => {
      await this.end();
      throw error;
    });
  }

  /** Counts the records the fast path handed out since the last count into `remaining`. */
  private count(): void {
    this.remaining -= this.index - this.counted;
    this.counted = this.index;
  }

  /** Runs `step` now, or after the steps queued before it; the fast path is off meanwhile. */
  private inTurn<T>(step: () => Promise<T>): Promise<T> {
    if (this.queued++ === 0) {
      this.count();
      this.fastEnd = 0;
    }
    const run = async (): Promise<T> => {
      try {
        return await step();
      } finally {
        // Before the caller resumes, so that its next call can take the fast path again.
        if (--this.queued === 0) {
          this.count();
          this.fastEnd = this.finished ? 0 : Math.min(this.records.length, this.index + this.remaining - 1);
        }
      }
    };
    const result = this.queued === 1 ? run() : this.tail.then(run);
    this.tail = result.then(noop, noop);
    return result;
  }

  /** Fetches the next page (or finishes), checks the signal, and ends the pages after the last record allowed. */
  private async slow(): Promise<IteratorResult<R, void>> {
    while (!this.finished && this.index >= this.records.length) {
      // The page in hand is done with: let it go before the next arrives and the one after is read ahead.
      this.records = [];
      this.index = this.counted = 0;
      const page = await this.pages.next();
      if (page.done) return this.end();
      // Nothing moved `index` meanwhile: other calls wait their turn, and the fast path is off.
      this.records = page.value.records;
    }
    if (this.finished) return done();
    this.signal?.throwIfAborted();
    const value = this.records[this.index++]!;
    this.counted = this.index;
    if (--this.remaining <= 0) await this.end();
    return { value, done: false };
  }

  private async end(): Promise<IteratorResult<R, void>> {
    if (!this.finished) {
      this.finished = true;
      await this.pages.return(undefined);
    }
    return done();
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}

/**
 * Iterates over every record of a list, across pages: sends `pageSize`, then each page's
 * `Elements-Next-Page-Token` as `nextPage`, and stops when a page comes without it, after `limit` records or
 * after `maxPages` pages.
 * The next page is fetched while the loop works through the current one ({@link PaginateOptions.readAhead}), so at
 * most two pages are held at a time (and at most two thousand of the tokens sent, to stop on a cycle). Records
 * are typed from the spec.
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
export function paginate<Paths extends PathsType, P extends ListPath<Paths>>(
  client: ClientPaths<Paths>,
  path: P,
  ...args: InitArgs<PaginateInit<Paths, P>>
): AsyncGenerator<ListRecord<Paths, P>, void, undefined> {
  // Wrong options are refused by paginatePages; here they only must not break the reading.
  const { limit = Infinity, signal } = Object(args[0]) as PaginateOptions;
  return new Records(paginatePages(client, path, ...args), limit, signal) as unknown as AsyncGenerator<
    ListRecord<Paths, P>,
    void,
    undefined
  >;
}
