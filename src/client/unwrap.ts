// Turning a call's `{ data, error, response }` into data or a typed error, with secrets scrubbed from the error.
import {
  callFactsOf,
  createRedactor,
  createResponseError,
  redactText,
  redactValue,
  relativePath,
  type CloudElementsError,
  type Redactor,
} from '../core/index.js';

// The path is worked out only when `unwrap` throws, so successful calls pay for two fields, not a URL parse.
type CallInfo = { method: string; url: string; basePath: string; redact: Redactor };
// Filled by the client's middleware so that `unwrap` can name the call without keeping the Request (and its headers).
const calls = new WeakMap<Response, CallInfo>();

/** Remembers which call produced `response`, for the error `unwrap` may throw. */
export function rememberCall(response: Response, info: CallInfo): void {
  calls.set(response, info);
}

type FetchResult = { data?: unknown; error?: unknown; response: Response };

function scrubBody(body: unknown, redact: Redactor): unknown {
  return typeof body === 'string' || (body !== null && typeof body === 'object')
    ? redactValue(body, redact)
    : body;
}

function responseError(result: FetchResult, extraSecrets: readonly string[] = []): CloudElementsError {
  const { error, response } = result;
  const info = calls.get(response);
  const own: Redactor = info?.redact ?? ((text) => redactText(text));
  const extra = extraSecrets.length > 0 ? createRedactor(extraSecrets) : undefined;
  const redact: Redactor = extra ? (text) => extra(own(text)) : own;
  let path = info ? relativePath(info.url, info.basePath) : undefined;
  if (path === undefined && response.url) path = new URL(response.url).pathname;
  const facts = callFactsOf(response);
  return createResponseError({
    response,
    body: scrubBody(error, redact),
    ...(facts ? { attempts: facts.attempts, mayHaveReachedServer: facts.mayHaveReachedServer } : {}),
    ...(info ? { method: info.method } : {}),
    ...(path !== undefined ? { path } : {}),
  });
}

/**
 * Data-or-throw form of a call: resolves to `data` for a 2xx response, throws the matching
 * {@link CloudElementsError} subclass (`NotFoundError`, `RateLimitError`, …) otherwise, also for empty and
 * non-JSON error bodies. Connection failures and timeouts reject the call itself, with or without `unwrap`.
 * @example const instance = await unwrap(ce.GET('/instances/{id}', { params: { path: { id: 12 } } }));
 */
export async function unwrap<R extends FetchResult>(
  result: R | PromiseLike<R>,
): Promise<Exclude<R, { error: unknown }>['data']> {
  const settled = await result;
  if (settled.response.ok) return settled.data as Exclude<R, { error: unknown }>['data'];
  throw responseError(settled);
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
  if (settled.response.ok) return settled.data as Exclude<R, { error: unknown }>['data'];
  throw responseError(
    settled,
    secrets.filter((s): s is string => typeof s === 'string'),
  );
}
