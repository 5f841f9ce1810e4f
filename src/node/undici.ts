/**
 * A fetch for the client built on `undici.request`, which skips most of the work Node's own `fetch` does per call.
 * Opt in with `createClient({ fetch: await createUndiciFetch() })`; timeouts, retries, errors and redaction stay
 * the SDK's, since they live in the transport above any fetch. undici is an optional peer dependency.
 */
import { pipeline, Readable, type Transform } from 'node:stream';
import { constants, createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { checkKnownKeys, describeValue, fail } from '../core/checks.js';
import { concatBytes } from '../core/streams.js';

/** Options of {@link createUndiciFetch}. */
export type UndiciFetchOptions = {
  /**
   * Most connections per origin.
   * @default 128
   */
  connections?: number | undefined;
  /**
   * How long an idle keep-alive connection stays open, in milliseconds.
   * @default 4000
   */
  keepAliveTimeoutMs?: number | undefined;
};

type UndiciModule = typeof import('undici');
/** undici's response body: a Node stream that can also read itself whole. */
type BodySource = Awaited<ReturnType<UndiciModule['request']>>['body'];

/**
 * Loads undici and returns a `fetch(request)` for `createClient({ fetch })` that sends each `Request` with
 * `undici.request` over its own connection pool and answers a standard `Response`. A client given it sends a call
 * without a body that no middleware sees without making a `Request` at all.
 *
 * It answers as Node's own fetch does: a status outside 200–599 (600, 999) and the reason phrase come through as
 * sent; `Accept-Encoding` is sent as Node's fetch sends it (`gzip, deflate`, with `br` over https) unless the
 * request has one, and a gzip, deflate or br body is decoded (the `Content-Encoding` header stays). Unlike Node's
 * fetch, it follows no redirect: a 3xx answer is returned as it came (the client reports it as an error of its
 * status), since an attempt that failed on a later hop would read as one that never reached the server, and a
 * POST be sent again; Cloud Elements' API answers its calls without redirects. A raw deflate body (without its
 * zlib header) is not decoded. undici's own 300 s limits on headers and body are off: the client's `timeoutMs`
 * and `idleTimeoutMs` apply, whatever their length.
 *
 * @throws {TypeError} when undici is not installed (`npm install undici@7`) or cannot be loaded on this Node.
 * @example
 * const ce = createClient({ userSecret, organizationSecret, fetch: await createUndiciFetch() });
 */
export async function createUndiciFetch(
  options: UndiciFetchOptions = {},
): Promise<(request: Request) => Promise<Response>> {
  let undici: UndiciModule;
  try {
    undici = await import('undici');
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    fail(
      code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND'
        ? 'createUndiciFetch needs the undici package, an optional peer dependency: npm install undici@7.'
        : // Installed but not loadable: most often a version for a newer Node (undici 8 needs Node 22.19).
          `undici is installed but could not be loaded on Node ${globalThis.process?.version}: is it a version ` +
            'for a newer Node? undici 7 runs on Node 20 (npm install undici@7).',
      error,
    );
  }
  // Checked before undici sees them: undici refuses a bad value only when it first connects, and every call would
  // then fail as a ConnectionError that blames the network.
  if (options === null || typeof options !== 'object') {
    fail(`createUndiciFetch takes an object such as { connections: 16 }, got ${describeValue(options)}.`);
  }
  checkKnownKeys('createUndiciFetch', options, ['connections', 'keepAliveTimeoutMs']);
  const connections = options.connections ?? 128;
  const keepAliveTimeout = options.keepAliveTimeoutMs ?? 4000;
  if (!Number.isSafeInteger(connections) || connections < 1 || connections > 65_536) {
    fail(`connections must be a whole number from 1 to 65536, got ${describeValue(connections)}.`);
  }
  if (!Number.isSafeInteger(keepAliveTimeout) || keepAliveTimeout < 1 || keepAliveTimeout > 2_147_483_647) {
    fail(
      `keepAliveTimeoutMs must be a whole number of milliseconds from 1 to 2147483647, got ${describeValue(keepAliveTimeout)}.`,
    );
  }
  // undici's own limits (300 s for the headers, 300 s between body chunks) are off: the transport enforces the
  // call's timeoutMs and idleTimeoutMs, which may be longer.
  const dispatcher = new undici.Agent({ connections, keepAliveTimeout, headersTimeout: 0, bodyTimeout: 0 });

  const undiciFetch = async (
    request: Request,
    init?: { signal?: AbortSignal; streamed?: boolean },
  ): Promise<Response> => {
    // Flat `[name, value, …]`: undici takes it as it is, with no object of dynamic keys built in between.
    const headers: string[] = [];
    request.headers.forEach((value, name) => {
      headers.push(name, value);
    });
    // As Node's fetch asks for an encoded body; a request that names its own encodings is sent as it is.
    if (!request.headers.has('accept-encoding')) {
      headers.push(
        'accept-encoding',
        request.url.startsWith('https:') ? 'br, gzip, deflate' : 'gzip, deflate',
      );
    }
    const method = request.method;
    // The client hands the call's signal over here rather than on the Request (see `SDK_FETCH` below).
    const signal = init?.signal ?? request.signal;
    // A body the client says is in memory (JSON, a form, bytes) goes out whole, with its length, up to a size: a
    // form's stream comes in several chunks, and would otherwise be sent chunked.
    const body =
      request.body === null
        ? null
        : await requestBody(request.body, signal, init?.streamed === false ? WHOLE_UP_TO : 0);
    const options = {
      method: method as 'GET',
      headers,
      // undici sends an async iterable of bytes as it reads it (its types name Readable only).
      body: body as Uint8Array | Readable | null,
      signal,
    };
    const url = request.url;
    const target = splitUrl(url);
    // With origin and path given, the dispatcher goes straight to the origin's pool (no URL parsed again).
    let answer: Awaited<ReturnType<UndiciModule['request']>>;
    try {
      answer = await (target
        ? dispatcher.request({ ...options, origin: target.origin, path: target.path })
        : undici.request(url, { ...options, dispatcher }));
    } catch (error) {
      // Failed before undici read the upload (a refused connection): its source is told here, or stays locked.
      if (body !== null && 'abandon' in body) body.abandon(error);
      throw error;
    }
    const responseHeaders = new Headers();
    const received = answer.headers;
    for (const name in received) {
      const value = received[name];
      if (value === undefined) continue;
      if (typeof value === 'string') responseHeaders.append(name, value);
      else for (const item of value) responseHeaders.append(name, item);
    }
    const status = answer.statusCode;
    const answered = {
      status,
      statusText: isReasonPhrase(answer.statusText) ? answer.statusText : '',
      headers: responseHeaders,
    };
    try {
      // The statuses a Response refuses a body for, and HEAD, whose answer has none.
      if (status === 204 || status === 205 || status === 304 || method === 'HEAD') {
        answer.body.resume();
        return makeResponse(Response, null, answered);
      }
      const encoding = responseHeaders.get('content-encoding');
      const decoders = encoding === null ? [] : decodersFor(encoding);
      if (decoders.length > 0) {
        // The errors of the body (cut off, destroyed) and of the decoders end the decoded stream, and its end or
        // a cancel ends the body.
        const decoded = pipeline([answer.body, ...decoders], () => undefined) as Transform;
        return makeResponse(Response, webStream(decoded), answered);
      }
      UndiciResponse ??= defineUndiciResponse();
      return makeResponse(UndiciResponse, answer.body, answered);
    } catch (error) {
      // No Response owns undici's body: it is let go here, or its connection stays open until undici's own limits.
      // (undici's body reports its destroy as an error: one with no listener would be an uncaught exception.)
      answer.body.on('error', () => undefined).destroy();
      throw error;
    }
  };
  // Tells createClient this fetch takes the signal in its init and leaves the Request as it is, and which
  // request class it reads as well as a Request (see `SdkFetchMark` in src/client/client.ts).
  Object.defineProperty(undiciFetch, SDK_FETCH, { value: { Request: PlainRequest } });
  return undiciFetch;
}

/**
 * What this fetch reads of a request without a body, without the work a `Request` does when it is made (about
 * 9 µs on Node 20, a tenth of a local GET): URL, method and headers. The client has openapi-fetch build one in place
 * of a `Request` for a call without a body that no middleware and no fetch of the caller's sees. It checks what a
 * `Request` would: the URL is parsed and written out as a `Request` writes it (quotes, spaces and non-ASCII text
 * percent-encoded, `..` resolved), and a method that fetch refuses is refused; openapi-fetch has already checked
 * the headers (`Headers` did).
 */
class PlainRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body = null;
  readonly signal: AbortSignal | null;

  constructor(
    url: string,
    init: { method?: string; headers?: Headers; body?: unknown; signal?: AbortSignal | null },
  ) {
    if (typeof url !== 'string' || init.body != null) {
      // The client sends anything else as a Request; a body dropped here would go out as an empty call.
      throw new TypeError('[cloud-elements] A plain request takes a URL and no body.');
    }
    const method = init.method ?? 'GET';
    if (/^(connect|trace|track)$/i.test(method))
      throw new TypeError(`'${method}' HTTP method is unsupported.`);
    this.url = new URL(url).href;
    this.method = method;
    this.headers = init.headers ?? new Headers();
    this.signal = init.signal ?? null;
  }
}

/** The most of a body in memory (a form, JSON) that goes out whole, with its length; more goes out as it is read. */
const WHOLE_UP_TO = 8 * 1024 * 1024;

/**
 * A request body as undici should send it. A body that ends within its first chunk (JSON, text, bytes: what a
 * `Request` made from them holds), or within `wholeUpTo` bytes (a form the client says is in memory, which comes in
 * several chunks), goes out whole, with a `Content-Length` as Node's fetch sends; some gateways refuse a request
 * without one (411). A longer body, an upload, goes out as it is read, chunked, never gathered in memory.
 */
async function requestBody(
  stream: ReadableStream<Uint8Array>,
  signal: AbortSignal | null,
  wholeUpTo: number,
): Promise<Uint8Array | (AsyncIterable<Uint8Array> & { abandon(reason: unknown): void })> {
  const reader = stream.getReader();
  // The first chunks are read before undici has the signal: an abort meanwhile (a source that stalls) ends the
  // fetch and cancels the source here, as undici would.
  let stop = (): void => undefined;
  const aborted = new Promise<never>((_, reject) => {
    stop = () => {
      reader.cancel(signal?.reason).catch(() => undefined);
      reject(signal?.reason);
    };
  });
  aborted.catch(() => undefined);
  if (signal?.aborted) stop();
  else signal?.addEventListener('abort', stop, { once: true });
  const head: Uint8Array[] = [];
  let size = 0;
  let ended = false;
  try {
    // Two chunks at least: a body that ends with its first goes out whole whatever its size.
    while (head.length < 2 || size <= wholeUpTo) {
      const next = await Promise.race([reader.read(), aborted]);
      if (next.done) {
        ended = true;
        break;
      }
      head.push(next.value);
      size += next.value.byteLength;
    }
  } finally {
    signal?.removeEventListener('abort', stop);
  }
  if (ended) return head.length === 1 ? head[0]! : concatBytes(head, size);
  let started = false;
  const chunks = (async function* () {
    started = true;
    let finished = false;
    try {
      yield* head.splice(0);
      for (let next = await reader.read(); !next.done; next = await reader.read()) yield next.value;
      finished = true;
    } finally {
      // undici stopped reading (an abort, a failed connection): the source is told, as fetch tells it.
      if (!finished) reader.cancel().catch(() => undefined);
    }
  })();
  // A generator that never started runs no `finally`: what cancels the source when undici never read it.
  const abandon = (reason: unknown) => {
    if (!started) reader.cancel(reason).catch(() => undefined);
  };
  return Object.assign(chunks, { abandon });
}

/** Whether `text` is a reason phrase a `Response` takes (tab, space, visible ASCII, obs-text). */
function isReasonPhrase(text: unknown): text is string {
  return typeof text === 'string' && /^[\t\x20-\x7e\x80-\xff]*$/.test(text);
}

/**
 * A Response of `status`, which may be outside the 200–599 a Response is made with: Node's fetch answers such a
 * status (600, 999) as it came, and the transport then reports it as an error of that status.
 */
function makeResponse<B>(
  Class: new (body: B, init: ResponseInit) => Response,
  body: B,
  init: ResponseInit & { status: number },
): Response {
  const status = init.status;
  if (status >= 200 && status <= 599) return new Class(body, init);
  return withStatus(new Class(body, { ...init, status: 200 }), status);
}

/** `response` (made with another status) answering `status`, not ok, and so do its clones. */
function withStatus(response: Response, status: number): Response {
  const clone = response.clone;
  Object.defineProperties(response, {
    status: { value: status, configurable: true },
    ok: { value: false, configurable: true },
    clone: { value: () => withStatus(clone.call(response), status), configurable: true },
  });
  return response;
}

/**
 * The streams that decode a body of `Content-Encoding: encoding`, in the order they read it, as Node's fetch
 * decodes (leniently about a truncated end, as curl is). None when a coding is not one of gzip, deflate and br:
 * the body is then handed on as it came.
 */
function decodersFor(encoding: string): Transform[] {
  const codings = encoding.toLowerCase().split(',');
  if (codings.length > 5) throw new TypeError(`too many content-encodings in response: ${codings.length}`);
  const names = codings.map((coding) => coding.trim()).reverse();
  if (!names.every((name) => ['gzip', 'x-gzip', 'deflate', 'br'].includes(name))) return [];
  const zlib = { flush: constants.Z_SYNC_FLUSH, finishFlush: constants.Z_SYNC_FLUSH };
  const brotli = { flush: constants.BROTLI_OPERATION_FLUSH, finishFlush: constants.BROTLI_OPERATION_FLUSH };
  return names.map((name) =>
    name === 'br'
      ? createBrotliDecompress(brotli)
      : name === 'deflate'
        ? createInflate(zlib)
        : createGunzip(zlib),
  );
}

// The mark createClient looks for on a fetch of the SDK's own; a registered symbol, shared without an import.
const SDK_FETCH = Symbol.for('cloud-elements-sdk.fetch');

/** Origin and path (with the query, without the fragment) of a serialized http(s) URL; undefined for others. */
function splitUrl(url: string): { origin: string; path: string } | undefined {
  const hostAt = url.startsWith('https://') ? 8 : url.startsWith('http://') ? 7 : -1;
  if (hostAt === -1) return undefined;
  const slash = url.indexOf('/', hostAt);
  if (slash === -1) return undefined;
  const hash = url.indexOf('#', slash);
  return { origin: url.slice(0, slash), path: hash === -1 ? url.slice(slash) : url.slice(slash, hash) };
}

type DirectRead = 'json' | 'text' | 'arrayBuffer' | 'bytes';

let UndiciResponse: (new (source: BodySource, init: ResponseInit) => Response) | undefined;

// Defined on first use: on Node 20, touching `Response` at import time loads the whole fetch implementation.
function defineUndiciResponse(): new (source: BodySource, init: ResponseInit) => Response {
  /**
   * A standard Response whose body stays in undici's stream until it is read. On Node 20 making the web
   * ReadableStream costs more than the rest of the Response, and most calls read JSON: `json()`, `text()`,
   * `arrayBuffer()` and `bytes()` read undici's stream directly, and `body` (hence `blob()`, `formData()` and
   * `clone()`) makes the web stream on first use. `bodyUsed` and the "read once" rule hold as for any Response.
   */
  class Lazy extends Response {
    #source: BodySource;
    #stream: ReadableStream<Uint8Array> | undefined = undefined;
    #used = false;

    constructor(source: BodySource, init: ResponseInit) {
      super(null, init);
      this.#source = source;
    }

    #webStream(): ReadableStream<Uint8Array> {
      return (this.#stream ??= this.#used ? new Blob().stream() : webStream(this.#source));
    }

    #read(kind: DirectRead): Promise<unknown> {
      if (this.#used) return Promise.reject(new TypeError('Body is unusable: Body has already been read'));
      if (this.#stream !== undefined) {
        // The web stream was handed out: read through it, which also marks it disturbed.
        try {
          return new Response(this.#stream)[kind]();
        } catch (error) {
          return Promise.reject(error);
        }
      }
      this.#used = true;
      return this.#source[kind]();
    }

    #viaStream(kind: 'blob' | 'formData'): Promise<unknown> {
      if (this.#used) return Promise.reject(new TypeError('Body is unusable: Body has already been read'));
      try {
        // A Response over the same stream and headers, so that the blob's type and the form's boundary are right.
        return new Response(this.#webStream(), { headers: this.headers })[kind]();
      } catch (error) {
        return Promise.reject(error);
      }
    }

    override json(): Promise<any> {
      return this.#read('json');
    }

    override text(): Promise<string> {
      return this.#read('text') as Promise<string>;
    }

    override arrayBuffer(): Promise<ArrayBuffer> {
      return this.#read('arrayBuffer') as Promise<ArrayBuffer>;
    }

    override bytes(): Promise<Uint8Array<ArrayBuffer>> {
      return this.#read('bytes') as Promise<Uint8Array<ArrayBuffer>>;
    }

    override blob(): Promise<Blob> {
      return this.#viaStream('blob') as Promise<Blob>;
    }

    override formData(): Promise<FormData> {
      return this.#viaStream('formData') as Promise<FormData>;
    }

    override clone(): Response {
      if (this.bodyUsed) throw new TypeError('Response.clone: Body has already been consumed.');
      const [mine, theirs] = this.#webStream().tee();
      this.#stream = mine;
      return makeResponse(Response, theirs, {
        status: this.status,
        statusText: this.statusText,
        headers: this.headers,
      });
    }

    static {
      // Accessors in place of Response's own, which would see the `null` given to the constructor.
      Object.defineProperties(Lazy.prototype, {
        body: {
          configurable: true,
          get(this: Lazy) {
            return this.#webStream();
          },
        },
        bodyUsed: {
          configurable: true,
          get(this: Lazy) {
            return this.#used || (this.#stream !== undefined && Readable.isDisturbed(this.#stream as never));
          },
        },
      });
    }
  }
  return Lazy;
}

/**
 * The response body as the web stream a `Response` wants. Fed by the Node stream's events, paused while the
 * reader is behind: much cheaper per call than handing `Response` the Node stream as an async iterable. The
 * chunks are fresh buffers from the socket, so they are handed on without a copy.
 */
function webStream(body: Readable): ReadableStream<Uint8Array> {
  let open = true;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        body.on('data', (chunk: Buffer) => {
          if (!open) return;
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) body.pause();
        });
        body.on('end', () => {
          if (!open) return;
          open = false;
          controller.close();
        });
        // undici's body also ends with an error when it is destroyed before its end, so 'close' needs no listener.
        body.on('error', (error: Error) => {
          if (!open) return;
          open = false;
          controller.error(error);
        });
      },
      pull() {
        body.resume();
      },
      cancel() {
        open = false;
        body.destroy();
      },
    },
    { highWaterMark: 0 },
  );
}
