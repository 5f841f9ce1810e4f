// The one place where secrets are taken out of what the SDK writes: URLs, headers, free text, error bodies, and
// the printed views of objects that hold secrets.

/** Text put in place of a secret wherever the SDK writes something out. */
export const REDACTED = '[REDACTED]';

// Parameter and configuration names (lower-cased, without `_`/`-`/`.`) whose values are secret in Cloud Elements
// and OAuth: `code`, `signature`, and every name ending in `secret`, `token`, `password`, `apikey` or the key of a
// signature, a private key, a secret key or an access key (`apiSecret`, `accessToken`, `clientSecret`,
// `elementToken`, `oauth.api.key`, `event.notification.signature.key`, `privateKey`, `aws.secret.key`, …).
const SECRET_NAME =
  /(^code|^signature|secret|token|password|apikey|signaturekey|privatekey|secretkey|accesskey)$/;
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
 * Says whether a query parameter, field or configuration key called `name` carries a secret (`apiKey`,
 * `apiSecret`, `code`, `token`, `secret`, `password`, and names ending in `Secret`, `Token`, `Password`, `ApiKey`,
 * `SignatureKey`, `PrivateKey`, `SecretKey`, `AccessKey`). `state` is not secret.
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
 * The spellings in which a secret can come back inside a server's text: as it is; percent-encoded by
 * `encodeURIComponent`, by a form or `URLSearchParams` (`+` for a space, `!'()~` encoded too), or twice; escaped in
 * HTML. (Escaped in JSON, it is found in the text with its escapes read: see {@link unescaped}.) Letter case does
 * not count when they are looked for (lower-case hex as .NET writes it, a header a gateway lower-cased), so one
 * spelling stands for all its cases.
 */
function spellings(secret: string): string[] {
  const uri = encodeURIComponent(secret);
  const html = secret.replace(
    /[&<>"']/g,
    (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`,
  );
  return [
    secret,
    uri,
    new URLSearchParams([['', secret]]).toString().slice(1),
    encodeURIComponent(uri),
    html,
  ];
}

/**
 * The base64 of a secret (its UTF-8 bytes), standard and url-safe, as it reads inside any longer base64 text: a
 * secret that starts 0, 1 or 2 bytes into a 3-byte group gives 3 different texts, of which only the characters made
 * of the secret's bits alone are kept (`btoa('User ' + secret + …)`, an echoed `Authorization` value, holds the
 * second one). The secret base64-encoded alone holds the first.
 */
function base64Spellings(secret: string): string[] {
  const bytes = encodeURIComponent(secret).replace(/%(..)/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
  const out: string[] = [];
  for (let shift = 0; shift < 3; shift++) {
    const own = btoa('\0'.repeat(shift) + bytes).slice(
      Math.ceil((8 * shift) / 6),
      Math.floor((8 * (shift + bytes.length)) / 6),
    );
    out.push(own);
    if (/[+/]/.test(own)) out.push(own.replace(/[+/]/g, (c) => (c === '+' ? '-' : '_')));
  }
  return out;
}

/**
 * A spelling of a secret as it is looked for: ASCII letters in lower case, everything else as it is. `base64` for
 * the base64 ones; `inRuns` for those that can only be met in a run of {@link PIECE} token characters.
 */
type Needle = { text: string; base64: boolean; inRuns: boolean };

/**
 * Length of the shortest piece of a spelling that is redacted on its own: the start or the end of a secret cut
 * short (`uS3cReT7Qx9Lm2Vb8N…`, a server that quotes 30 of 40 characters). 16 characters of a secret are too many
 * to be met by chance in ordinary text, and too many to leave in it.
 */
const PIECE = 16;

/** A character of base64 text, standard or url-safe. */
const BASE64_CHAR = /[\w+/-]/;

// Token characters: base64's, `=`, `.`, `~` and the `%` of percent-encoding. A spelling made of them alone, at
// least PIECE long, can only be met (whole or a piece of it) in a run of PIECE of them, which most text lacks.
const TOKEN_SPELLING = /^[\w+/=.~%-]{16,}$/;
const TOKEN_RUN = /[\w+/=.~%-]{16}/;

function lowerAscii(text: string): string {
  // `toLowerCase` keeps the length of ASCII text only (`İ` becomes two characters): positions must stay put.
  return /^[\0-\x7f]*$/.test(text) ? text.toLowerCase() : text.replace(/[A-Z]+/g, (s) => s.toLowerCase());
}

/** Every spelling of every secret of at least 4 characters, once. */
function needlesOf(secrets: readonly (string | undefined)[]): Needle[] {
  const needles: Needle[] = [];
  const seen = new Set<string>();
  const add = (text: string, base64: boolean) => {
    if (seen.has(text)) return;
    seen.add(text);
    needles.push({ text, base64, inRuns: base64 || TOKEN_SPELLING.test(text) });
  };
  for (const secret of secrets) {
    if (typeof secret !== 'string' || secret.length < 4) continue;
    for (const text of spellings(secret)) add(lowerAscii(text), false);
    for (const text of base64Spellings(secret)) if (text.length >= PIECE) add(text.toLowerCase(), true);
  }
  return needles;
}

/**
 * Where the spellings of `needles` are in `text`, whatever the case of its letters: whole, or a piece of at least
 * {@link PIECE} characters that starts or ends one (a secret cut short, at the front or at the back). A base64
 * spelling takes the whole run of base64 text around it: an echoed `Authorization` value goes at once, `User `
 * and the other secrets with it.
 */
function secretRanges(text: string, needles: readonly Needle[]): [number, number][] {
  const ranges: [number, number][] = [];
  // The last range of the current search: hits of one search come in order, and one that overlaps the last only
  // lengthens it, so a secret of one repeated letter in a long run of it makes one range, and a run of base64 is
  // widened once, not once for each hit in it.
  let last: [number, number] | undefined;
  const add = (start: number, end: number, base64: boolean) => {
    if (last && start <= last[1]) {
      last[1] = Math.max(last[1], end);
      return;
    }
    if (base64) {
      while (start > 0 && BASE64_CHAR.test(text[start - 1]!)) start--;
      while (end < text.length && BASE64_CHAR.test(text[end]!)) end++;
      while (text[end] === '=') end++;
    }
    ranges.push((last = [start, end]));
  };
  const longRun = TOKEN_RUN.test(text);
  let folded: string | undefined;
  for (const { text: needle, base64, inRuns } of needles) {
    if (inRuns && !longRun) continue;
    const hay = (folded ??= lowerAscii(text));
    const length = needle.length;
    last = undefined;
    if (length <= PIECE) {
      for (let at = hay.indexOf(needle); at !== -1; at = hay.indexOf(needle, at + 1))
        add(at, at + length, base64);
      continue;
    }
    // A start of the needle, as long as it goes on matching.
    const head = needle.slice(0, PIECE);
    for (let at = hay.indexOf(head); at !== -1;) {
      let end = at + PIECE;
      while (end - at < length && hay.charCodeAt(end) === needle.charCodeAt(end - at)) end++;
      add(at, end, base64);
      at = hay.indexOf(head, Math.max(at + 1, end - PIECE + 1));
    }
    // An end of the needle, as far back as it matches (not into what the last one found). Base64 cut short at its
    // front is not looked for: nothing seen so far does that.
    if (base64) continue;
    last = undefined;
    const tail = needle.slice(-PIECE);
    for (let at = hay.indexOf(tail), done = 0; at !== -1; at = hay.indexOf(tail, at + 1)) {
      const end = at + PIECE;
      let start = at;
      while (
        start > done &&
        end - start < length &&
        hay.charCodeAt(start - 1) === needle.charCodeAt(length - (end - start) - 1)
      )
        start--;
      add(start, end, base64);
      done = end;
    }
  }
  return ranges;
}

/** `text` with each of `ranges` (overlapping ones as one) replaced by `[REDACTED]`. */
function cutOut(text: string, ranges: [number, number][]): string {
  let out = '';
  let kept = 0;
  for (const [start, end] of ranges.sort((a, b) => a[0] - b[0])) {
    if (start > kept || out === '') out += `${text.slice(kept, start)}${REDACTED}`;
    kept = Math.max(kept, end);
  }
  return out + text.slice(kept);
}

// `User`, `Organization` or `Element` and a credential after it: a server or gateway quoting an `Authorization`
// value, also when its secrets cannot be found as they are (cut short, altered, another client's). A run of 12 or
// more token characters counts as a credential when it has one of `+/=_~`, two digits, or lower case and three
// capitals after its first letter, as random text has; words, names and keys do not ("User not found", "User
// authentication failed.", "Element netsuiteerpv2", "User NotFoundException").
const SCHEME_ECHO = /\b(User|Organization|Element)\s+([\w+/=.~-]{12,})/gi;
const CREDENTIAL_LIKE = /[+/=_~]|\d.*\d|^.(?=.*[a-z])(?=(?:[^A-Z]*[A-Z]){3})/;

function redactSchemeEchoes(text: string): string {
  return text.replace(SCHEME_ECHO, (whole, scheme: string, run: string) =>
    CREDENTIAL_LIKE.test(run) ? `${scheme} ${REDACTED}` : whole,
  );
}

/**
 * Returns `text` with every occurrence of the given secrets (in each spelling of {@link spellings} or as base64, in
 * any letter case, or cut short to a start or an end of at least 16 characters), any `User`, `Organization` or
 * `Element` followed by a credential-like token (as an `Authorization` value is quoted), the values of
 * secret-looking `name=value` pairs (as in a URL's query or fragment) and the `user:password@` of URLs anywhere in
 * it replaced by `[REDACTED]`. Secrets shorter than 4 characters are ignored so that redaction cannot shred
 * ordinary text; real Cloud Elements secrets and tokens are 40 characters or more.
 */
export function redactText(text: string, secrets: readonly (string | undefined)[] = []): string {
  return scrub(text, needlesOf(secrets));
}

// A string escape of JSON: `\/` (PHP writes every `/` so), `\u002B` (.NET writes `+` so), `\"`, `\\`, `\n`, …
// Case counts outside the hex digits: `C:\Temp` or `\U0041` is no JSON escape (and JSON.parse would refuse it).
const JSON_ESCAPE = /\\(?:u[\dA-Fa-f]{4}|["\\/bfnrt])/g;

/**
 * `text` with its JSON string escapes read, and where each character of that starts in `text` (one more entry for
 * the end). An encoder may escape what it need not, and mix escaped and plain characters as it likes: reading the
 * escapes finds a secret in all of those spellings at once.
 */
function unescaped(text: string): [string, number[]] {
  const at: number[] = [];
  let out = '';
  let kept = 0;
  for (const { 0: escape, index } of text.matchAll(JSON_ESCAPE)) {
    out += text.slice(kept, index) + (JSON.parse(`"${escape}"`) as string);
    while (kept <= index) at.push(kept++);
    kept = index + escape.length;
  }
  out += text.slice(kept);
  while (kept <= text.length) at.push(kept++);
  return [out, at];
}

function scrub(text: string, needles: readonly Needle[]): string {
  let out = text;
  if (needles.length > 0) {
    const ranges = secretRanges(text, needles);
    if (text.includes('\\')) {
      const [plain, at] = unescaped(text);
      for (const [start, end] of secretRanges(plain, needles)) ranges.push([at[start]!, at[end]!]);
    }
    out = cutOut(text, ranges);
  }
  const echoes = redactSchemeEchoes(out);
  // Each pattern needs a character most text lacks: not looking for it saves most of the time on plain text.
  const pairs = echoes.includes('=') ? redactPairs(echoes, QUERY_PAIR, '=') : echoes;
  return redactEncodedPairs(pairs.includes('@') ? redactUserInfo(pairs) : pairs);
}

/** A function that redacts a fixed set of secrets from text (see {@link redactText}); keeps them in a closure. */
export type Redactor = (text: string) => string;

/**
 * Creates a {@link Redactor} for `secrets`; the secrets stay in the closure, unreachable from outside. Their
 * spellings are worked out at the first use, once: most clients (one per instance) never redact anything.
 */
export function createRedactor(secrets: readonly (string | undefined)[]): Redactor {
  const kept = [...secrets];
  let needles: Needle[] | undefined;
  return (text) => scrub(text, (needles ??= needlesOf(kept)));
}

/**
 * Returns a copy of `value` with every string in it, keys too, passed through `redact` (a server that refuses a
 * credential may name it as a key: `{ "User …": "unknown" }`). A structural walk, not a JSON round-trip: a secret
 * that JSON would escape (`"`, `\\`) is still found, and values JSON cannot carry survive. Cycles and depth beyond
 * 64 levels end in `[REDACTED]` rather than a stack overflow.
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
      Object.entries(value).map(([key, item]) => [redact(key), walk(item, redact, seen, depth + 1)]),
    );
  } finally {
    seen.delete(value);
  }
}

/**
 * `error` as the SDK may keep it, as the `cause` of its own error: the error itself when `redact` finds nothing in
 * it, else a copy with the same prototype (`instanceof` and `name` still hold) whose message, stack, fields and
 * causes are redacted. A fetch of the user's, a proxy library or a parser may quote the request (its URL, its
 * `Authorization` header) or a body in its error, and `util.inspect` prints a cause in full.
 */
/**
 * A JSON parser's message without the text it parsed. V8 quotes the text around the error in double quotes,
 * unescaped (so a quote in the text shifts any pairing): everything from the first one goes. A character in single
 * quotes is the text's too, unless it is JSON's own punctuation (`Expected ',' or '}' … at position 9`):
 * `Unexpected token 'u', "User uS3c"... is not valid JSON` gives `Unexpected token '…'`. A message that names a
 * position quotes no text, so the position stays.
 */
export function parserWords(message: string): string {
  return message
    .split(/["`]/, 1)[0]!
    .replace(/[\s,:]+$/, '')
    .replace(/'[^'{}[\],:]'/g, "'…'");
}

export function redactError(error: unknown, redact: Redactor): unknown {
  return scrubError(error, redact, 0);
}

function scrubError(error: unknown, redact: Redactor, depth: number): unknown {
  if (error === null || typeof error !== 'object') return scrubField(error, redact, depth);
  // A chain of causes this deep is not read through: it is cut, not kept unread.
  if (depth >= 4) return REDACTED;
  try {
    const source = error as Record<string, unknown>;
    const copy = Object.create(Object.getPrototypeOf(error) as object | null) as object;
    let changed = false;
    const copyField = (key: string, enumerable: boolean) => {
      const value = scrubField(source[key], redact, depth);
      changed ||= value !== source[key];
      Object.defineProperty(copy, redact(key), { value, enumerable, writable: true, configurable: true });
    };
    // `code` too: a DOMException's is an accessor of its prototype, which throws when read on a copy.
    for (const key of ['name', 'message', 'stack', 'cause', 'errors', 'code'])
      if (key in error && !Object.prototype.propertyIsEnumerable.call(error, key)) copyField(key, false);
    for (const key of Object.keys(error)) copyField(key, true);
    return changed ? copy : error;
  } catch {
    // An error whose fields cannot even be read (a throwing getter) is not kept.
    return REDACTED;
  }
}

/**
 * A field of an error: text redacted; `code`, `errno` and the like as they are; errors (a cause, the `errors` of an
 * AggregateError) scrubbed in turn; plain data (a library's `config` with the request's headers) redacted. Any other
 * object (a socket, a request) would print whatever it holds, so only its kind is kept.
 */
function scrubField(value: unknown, redact: Redactor, depth: number): unknown {
  if (typeof value === 'string') return redact(value);
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return scrubError(value, redact, depth + 1);
  if (Array.isArray(value)) {
    const items = value.map((item) => scrubField(item, redact, depth));
    return items.some((item, i) => item !== value[i]) ? items : value;
  }
  const prototype = Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null;
  if (prototype === Object.prototype || prototype === null) return redactValue(value, redact);
  const kind = prototype.constructor?.name;
  return `[${typeof kind === 'string' && kind !== '' ? kind : 'object'}]`;
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
