// Turning a call's `{ data, error, response }` into data or a typed error, with secrets scrubbed from the error.
import {
  CloudElementsError,
  InvalidResponseError,
  callFactsOf,
  createRedactor,
  createResponseError,
  describeValue,
  fail,
  redactText,
  redactValue,
  relativePath,
  serverSnippet,
  type CloudElementsErrorOptions,
  type Redactor,
} from '../core/index.js';

type FetchResult = { data?: unknown; error?: unknown; response: Response };

/**
 * What scrubs the secrets of the client that made the call behind `response` from the server's text (its element
 * token included); for a response of another fetch, the generic patterns only.
 */
export function redactorOf(response: Response): Redactor {
  return callFactsOf(response)?.redact ?? redactText;
}

/**
 * The path `response` answered (`/hubs/crm/contacts`, not the template the call named), relative to the client's
 * `baseUrl` and redacted; `template` for a response of another fetch.
 */
export function calledPath(response: Response, template: string): string {
  const facts = callFactsOf(response);
  return facts ? facts.redact(relativePath(facts.url, facts.basePath)) : template;
}

/**
 * The error for a 2xx answer that is not what the operation gives (`null` where a list or a report is due): an
 * {@link InvalidResponseError} by default, with the status and what the call did, as every call error has them.
 */
export function unexpectedAnswer(
  response: Response,
  call: { method: string; path: string },
  message: string,
  ErrorClass: typeof CloudElementsError = InvalidResponseError,
): CloudElementsError {
  return new ErrorClass(message, answerFacts(response, call));
}

/**
 * What an error about a 2xx answer says of it, as every call error does: the call's method and path, the status,
 * the request id (redacted: a header is the server's text) and the attempts made.
 */
export function answerFacts(
  response: Response,
  call: { method: string; path: string },
): CloudElementsErrorOptions & { status: number; method: string; path: string } {
  const requestId = response.headers.get('elements-request-id');
  return {
    method: call.method,
    path: calledPath(response, call.path),
    status: response.status,
    requestId: requestId === null ? undefined : serverSnippet(redactorOf(response)(requestId)),
    attempts: callFactsOf(response)?.attempts ?? 1,
    mayHaveReachedServer: true,
  };
}

function responseError(result: FetchResult, extraSecrets: readonly string[]): CloudElementsError {
  const { error, response } = result;
  // The path is worked out only here, when a call failed, so successful calls never pay for it.
  const facts = callFactsOf(response);
  const own = redactorOf(response);
  const extra = extraSecrets.length > 0 ? createRedactor(extraSecrets) : undefined;
  const redact: Redactor = extra ? (text) => extra(own(text)) : own;
  let path = facts ? calledPath(response, '') : undefined;
  if (path === undefined && response.url) path = new URL(response.url).pathname;
  // Facts the transport does not have (a response of another fetch) stay undefined.
  return createResponseError({
    response,
    body: redactValue(error, redact),
    redact,
    attempts: facts?.attempts,
    mayHaveReachedServer: facts?.mayHaveReachedServer,
    method: facts?.method,
    path,
    hint: facts?.hint,
  });
}

// `Promise<R>` first, then `PromiseLike<R>`: TypeScript reads `R` out of a Promise by its type argument, but out of
// a PromiseLike by comparing the two `then` methods, which cost a user's type-check about 20,000 more type
// instantiations for every call (36,500 against 56,400 for `unwrap(ce.GET(…))`, measured on the published
// declarations). The second signature keeps other thenables typed.
/**
 * Data-or-throw form of a call: resolves to `data` for a 2xx response, throws the matching
 * {@link CloudElementsError} subclass (`NotFoundError`, `RateLimitError`, …) otherwise, also for empty and
 * non-JSON error bodies. Connection failures and timeouts reject the call itself, with or without `unwrap`.
 * @example const instance = await unwrap(ce.GET('/instances/{id}', { params: { path: { id: 12 } } }));
 */
export function unwrap<R extends FetchResult>(
  result: R | Promise<R>,
): Promise<Exclude<R, { error: unknown }>['data']>;
export function unwrap<R extends FetchResult>(
  result: PromiseLike<R>,
): Promise<Exclude<R, { error: unknown }>['data']>;
export function unwrap<R extends FetchResult>(
  result: R | PromiseLike<R>,
): Promise<Exclude<R, { error: unknown }>['data']> {
  return unwrapWithout(result, []);
}

/**
 * {@link unwrap} whose error is also scrubbed of `secrets`: Cloud Elements or the provider may echo an OAuth code,
 * an app secret or a configuration value in an error body, and the client only knows its own credentials.
 */
export async function unwrapWithout<R extends FetchResult>(
  result: R | PromiseLike<R>,
  secrets: readonly unknown[],
): Promise<Exclude<R, { error: unknown }>['data']> {
  const settled = await result;
  // Any fetch's Response will do (undici's is not the global class), so it is told by its `ok`.
  if (typeof (settled as Partial<FetchResult> | null)?.response?.ok !== 'boolean') {
    const got =
      typeof settled === 'function'
        ? 'a function (was the call made?)'
        : typeof (settled as { ok?: unknown } | null)?.ok === 'boolean'
          ? 'a Response (pass the whole result: { data, error, response })'
          : settled !== null && typeof settled === 'object'
            ? 'an object without a response'
            : describeValue(settled);
    fail(`unwrap takes what a call of the client returns, e.g. unwrap(ce.GET('/instances')); got ${got}.`);
  }
  if (settled.response.ok) {
    const { data, response } = settled;
    // Typed as the record or list the spec promises: `undefined` would fail later, far from the call.
    if (data == null && callFactsOf(response)?.noJson) {
      const path = calledPath(response, '');
      throw unexpectedAnswer(
        response,
        { method: 'GET', path },
        `GET ${path} answered ${response.status} with ${data === null ? 'null' : 'no body'} where the JSON ` +
          'the operation gives was due; a proxy or a gateway may be answering instead of Cloud Elements.',
      );
    }
    return data as Exclude<R, { error: unknown }>['data'];
  }
  throw responseError(
    settled,
    secrets.filter((s): s is string => typeof s === 'string'),
  );
}
