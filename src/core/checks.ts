// Misuse errors: a wrong argument throws a TypeError that names the argument and says how to fix it, never its value.

/** Throws the SDK's misuse `TypeError` (`[cloud-elements] …`), with the error that led to it as `cause`. */
export function fail(message: string, cause?: unknown): never {
  throw new TypeError(`[cloud-elements] ${message}`, cause === undefined ? undefined : { cause });
}

/**
 * What an error message says about a bad option: a number, `undefined` and `null` as themselves, anything else
 * only as its kind ("an object", "an array", "a string"), so that a message never quotes user text (no huge or
 * forged log lines).
 */
export function describeValue(value: unknown): string {
  if (value == null || typeof value === 'number') return String(value);
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * Whether `a` looks like a misspelling of `b`: the same but for case (`baseURL`), one the start or end of the other
 * (`timeout`, `env`, `attempts`), sharing a stem of four letters (`retries`), or at most two letters apart
 * (`maxAttemps`).
 */
export function looksLike(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  if (short.length >= 3 && (long.startsWith(short) || long.endsWith(short))) return true;
  // A shared stem (`retries`, `retry`).
  let stem = 0;
  while (stem < short.length && x[stem] === y[stem]) stem++;
  if (stem >= 4) return true;
  // Edit distance, one row at a time, given up once the row's best is over 2.
  let row = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const next = [i];
    for (let j = 1; j <= y.length; j++) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    if (Math.min(...next) > 2) return false;
    row = next;
  }
  return row[y.length]! <= 2;
}

/**
 * Refuses an option that `known` does not list, naming the one it looks like: a misspelt option (`baseURL`,
 * `timeout`) would otherwise be dropped without a word, and the call made with the default (another host, no time
 * limit).
 */
export function checkKnownKeys(where: string, options: object, known: readonly string[]): void {
  for (const key of Object.keys(options)) {
    if (known.includes(key)) continue;
    const near = known.find((name) => looksLike(key, name));
    fail(
      `${where} has no option ${quoteKey(key)}${near ? `; did you mean ${near}?` : '.'} Its options: ` +
        `${known.join(', ')}.`,
    );
  }
}

/** An option's name as a message shows it: quoted and escaped, at most 40 characters (a key is user text too). */
export function quoteKey(key: string): string {
  return JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key);
}

/** Checks a required string option; the message names the option and says how to fix it, never its value. */
export function checkText(name: string, value: unknown, hint: string): asserts value is string {
  if (typeof value !== 'string' || value.trim() === '') fail(`${name} must be a non-empty string; ${hint}`);
  if (/[\r\n]/.test(value)) fail(`${name} contains a line break; ${hint}`);
}

/** Most characters of user input or server text an error message quotes; see {@link snippet}. */
export const SNIPPET_LENGTH = 200;

/** Escapes `text` as inside a JSON string, stopping once `max` escaped characters are written. */
function escapeBounded(text: string, max: number): { text: string; cut: boolean } {
  let out = '';
  for (const char of text) {
    // JSON escapes quotes, backslashes, control characters and lone surrogates; the rest stays as is.
    const escaped = JSON.stringify(char).slice(1, -1);
    if (out.length + escaped.length > max) return { text: out, cut: true };
    out += escaped;
  }
  return { text: out, cut: false };
}

/** A short description of a value that has no text form (symbols, functions, cycles, throwing `toJSON`). */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return `a ${typeof value}`;
  try {
    return Array.isArray(value) ? 'an array' : 'an object';
  } catch {
    return 'an object'; // a revoked Proxy
  }
}

/**
 * How an error message quotes user input or server text: at most `max` characters (200 by default), cut with
 * `…`, strings in double quotes with control characters and quotes escaped (so a CR/LF cannot forge a log
 * line), other values as their JSON text. Never throws, whatever `value` is (cycles, symbols, a throwing
 * `toJSON` or getter). Use it for every value an error message shows; secrets must not be shown at all.
 * @example snippet('a'.repeat(1_000)) // the first 200 a's in double quotes, then … inside the quotes
 */
export function snippet(value: unknown, max: number = SNIPPET_LENGTH): string {
  if (typeof value === 'string') {
    const { text, cut } = escapeBounded(value, max);
    return `"${text}${cut ? '…' : ''}"`;
  }
  if (value === undefined || typeof value === 'number' || typeof value === 'boolean') return String(value);
  // A bigint's digits need no escaping.
  if (typeof value === 'bigint') return `${value.toString().slice(0, max)}n`;
  if (typeof value === 'symbol' || typeof value === 'function') return kindOf(value);
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    // A cycle or a throwing `toJSON`: described by its kind below, as values JSON cannot show.
  }
  if (json === undefined) return kindOf(value);
  return json.length > max ? `${json.slice(0, max)}…` : json;
}
