// The one place where secrets are taken out of what the SDK writes: URLs, headers, free text, error bodies, and
// the printed views of objects that hold secrets.

/** Text put in place of a secret wherever the SDK writes something out. */
export const REDACTED = '[REDACTED]';

// Parameter names (lower-cased, without `_`/`-`) whose values are secret in Cloud Elements and OAuth URLs: `code`,
// `signature`, and every name ending in `secret`, `token`, `password` or `apikey` (`apiSecret`, `accessToken`,
// `refreshToken`, `clientSecret`, `userSecret`, `organizationSecret`, `elementToken`, …).
const SECRET_NAME = /(^code|^signature|secret|token|password|apikey)$/;
const SECRET_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'x-auth-token',
  'x-access-token',
  'x-refresh-token',
  'elements-user-password',
]);

/**
 * Says whether a query parameter or field called `name` carries a secret (`apiKey`, `apiSecret`, `code`,
 * `token`, `secret`, `password`, and names ending in `Secret`, `Token`, `Password`, `ApiKey`). `state` is not secret.
 */
export function isSecretName(name: string): boolean {
  const key = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  return SECRET_NAME.test(key);
}

function decodeName(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/**
 * Redacts the value of each pair `pattern` finds whose name is secret. The pattern's groups are the text before the
 * name and the name; the value is the rest of its match, and `equals` is what is written between name and value.
 */
function redactPairs(text: string, pattern: RegExp, equals: string): string {
  return text.replace(pattern, (whole, lead: string, name: string) =>
    isSecretName(name) ? `${lead}${name}${equals}${REDACTED}` : whole,
  );
}

// `name%3Dvalue` pairs inside a percent-encoded value, such as a callback URL carrying `?code=…`.
const ENCODED_PAIR = /(%3F|%26)([A-Za-z_][A-Za-z0-9_.-]*)%3D(?:(?!%26|%23)[^&\s#"'<>])*/gi;

function redactEncodedPairs(text: string): string {
  return redactPairs(text, ENCODED_PAIR, '%3D');
}

function redactQuery(query: string): string {
  return query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq === -1) return pair;
      const name = pair.slice(0, eq);
      return isSecretName(decodeName(name))
        ? `${name}=${REDACTED}`
        : `${name}=${redactEncodedPairs(pair.slice(eq + 1))}`;
    })
    .join('&');
}

// `scheme://user:password@` anywhere in a text. The scheme is bounded and must start a word, so a long run of
// letters costs linear time; the user part stops at whitespace, a path, a query, a fragment or a quote.
const USER_INFO = /(?<![A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]{0,31}:\/\/)[^\s/?#@"'<>]*@/g;

function redactUserInfo(text: string): string {
  return text.replace(USER_INFO, `$1${REDACTED}@`);
}

/**
 * Returns `url` with the values of secret parameters (see {@link isSecretName}) in its query and in its fragment
 * (`#access_token=…` of an OAuth implicit redirect), and any `user:password@` part, replaced by `[REDACTED]`;
 * everything else is kept as written.
 */
export function redactUrl(url: string | URL): string {
  const text = redactUserInfo(String(url));
  const hash = text.indexOf('#');
  const fragment = hash === -1 ? '' : `#${redactQuery(text.slice(hash + 1))}`;
  const beforeFragment = hash === -1 ? text : text.slice(0, hash);
  const question = beforeFragment.indexOf('?');
  if (question === -1) return `${beforeFragment}${fragment}`;
  return `${beforeFragment.slice(0, question + 1)}${redactQuery(beforeFragment.slice(question + 1))}${fragment}`;
}

/** Returns an `Authorization` value with each part's secret replaced: `User [REDACTED], Element [REDACTED]`. */
export function redactAuthorization(value: string): string {
  return value
    .split(',')
    .map((part) => {
      const match = /^\s*(User|Organization|Element|Bearer|Basic)\s/i.exec(part);
      return match ? `${match[1]} ${REDACTED}` : REDACTED;
    })
    .join(', ');
}

/** Returns a plain copy of `headers` with credential headers (`Authorization`, cookies, API keys) redacted. */
export function redactHeaders(
  headers: Headers | Record<string, string | string[] | undefined>,
): Record<string, string> {
  const entries: [string, string][] =
    headers instanceof Headers
      ? [...headers.entries()]
      : Object.entries(headers).flatMap(([k, v]) =>
          v === undefined ? [] : [[k, Array.isArray(v) ? v.join(', ') : v] as [string, string]],
        );
  const out: Record<string, string> = {};
  for (const [name, value] of entries) {
    const lower = name.toLowerCase();
    if (lower === 'authorization') out[name] = redactAuthorization(value);
    else if (SECRET_HEADERS.has(lower)) out[name] = REDACTED;
    else out[name] = value;
  }
  return out;
}

// Matches `name=value` pairs inside free text (URLs in messages, their query and fragment) whose name is
// secret-looking.
const QUERY_PAIR = /([?&;#\s]|^)([A-Za-z_][A-Za-z0-9_.-]*)=[^&\s#"'<>]*/g;

/**
 * Returns `text` with every occurrence of the given secrets, the values of secret-looking `name=value` pairs (as
 * in a URL's query or fragment) and the `user:password@` of URLs anywhere in it replaced by `[REDACTED]`.
 * Secrets shorter than 4 characters are ignored so that redaction cannot shred ordinary text.
 */
export function redactText(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text;
  const sorted = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 4);
  sorted.sort((a, b) => b.length - a.length);
  for (const secret of sorted) {
    // A secret can also appear percent-encoded in a URL.
    out = out.replaceAll(secret, REDACTED).replaceAll(encodeURIComponent(secret), REDACTED);
  }
  return redactEncodedPairs(redactUserInfo(redactPairs(out, QUERY_PAIR, '=')));
}

/** A function that redacts a fixed set of secrets from text (see {@link redactText}); keeps them in a closure. */
export type Redactor = (text: string) => string;

/** Creates a {@link Redactor} for `secrets`; the secrets stay in the closure, unreachable from outside. */
export function createRedactor(secrets: readonly (string | undefined)[]): Redactor {
  const kept = [...secrets];
  return (text) => redactText(text, kept);
}

/**
 * Returns a copy of `value` with every string in it (deeply, keys kept) passed through `redact`. A structural
 * walk, not a JSON round-trip: a secret that JSON would escape (`"`, `\\`) is still found, and values JSON
 * cannot carry survive. Cycles and depth beyond 64 levels end in `[REDACTED]` rather than a stack overflow.
 */
export function redactValue(value: unknown, redact: Redactor): unknown {
  return walk(value, redact, new Set(), 0);
}

function walk(value: unknown, redact: Redactor, seen: Set<object>, depth: number): unknown {
  if (typeof value === 'string') return redact(value);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value) || depth > 64) return REDACTED;
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => walk(item, redact, seen, depth + 1));
    // Own enumerable keys only. Object.fromEntries defines each key, so `__proto__` stays a plain key of the
    // copy instead of changing its prototype.
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, walk(item, redact, seen, depth + 1)]),
    );
  } finally {
    seen.delete(value);
  }
}

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/**
 * Gives `target` a `toJSON`, a `toString` and a `util.inspect` view that show `shown` instead of its fields,
 * then freezes it: an object that holds secrets prints only what is safe.
 */
export function hideSecrets<T extends object>(target: T, shown: Record<string, unknown>, label: string): T {
  Object.defineProperties(target, {
    toJSON: { value: () => ({ ...shown }) },
    toString: { value: () => `${label} ${JSON.stringify(shown)}` },
    [inspectSymbol]: { value: () => ({ ...shown }) },
  });
  return Object.freeze(target);
}
