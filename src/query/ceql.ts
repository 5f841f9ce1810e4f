/**
 * Safe CEQL: a tagged template that turns interpolated values into CEQL literals, so user input can never
 * change the shape of a `where` clause or a bulk query.
 */
import { snippet } from '../core/index.js';

const prefix = '[cloud-elements] ceql:';

// Words that would be read as operators or keywords when written bare, so `ceql.field()` backticks them.
const reservedWords = new Set([
  'AND',
  'OR',
  'NOT',
  'IN',
  'LIKE',
  'IS',
  'NULL',
  'TRUE',
  'FALSE',
  'SELECT',
  'FROM',
  'WHERE',
  'ORDER',
  'BY',
  'LIMIT',
  'ASC',
  'DESC',
  // `value` was rejected as a field name before release 2.145; backticks keep older elements happy.
  'VALUE',
]);
const plainWord = /^[A-Za-z_][A-Za-z0-9_]*$/;
const controlCharacter = /[\u0000-\u001f\u007f]/;

/**
 * A piece of CEQL built by {@link ceql}, {@link formatBulkQuery} or the `ceql.*` helpers. Its text is safe to
 * send as `where` or `q`: every value in it was rendered as a literal. Interpolating a fragment into another
 * `ceql` template inserts it in parentheses (a field name from `ceql.field` bare), so its `OR` cannot bind to the
 * conditions around it. `String(fragment)` and `JSON.stringify(fragment)` give the CEQL text.
 *
 * Fragments can only be made by this module, so a plain string can never pass for one.
 */
class CeqlFragment {
  /** The CEQL text. */
  readonly text: string;

  /** @internal */
  constructor(key: typeof fragmentKey, text: string) {
    if (key !== fragmentKey) throw new TypeError(`${prefix} build fragments with the ceql\`…\` tag.`);
    this.text = text;
    Object.freeze(this);
  }

  /** The CEQL text. */
  toString(): string {
    return this.text;
  }

  /** The CEQL text. */
  toJSON(): string {
    return this.text;
  }
}

const fragmentKey: unique symbol = Symbol('CeqlFragment');

// Fragments made by `ceql.field`: a name, inserted bare; every other fragment is a condition, inserted in
// parentheses.
const fieldFragments = new WeakSet<CeqlFragment>();

export type { CeqlFragment };

/** A value that becomes one CEQL literal (or, for `null` after `=`/`!=`, an `IS [NOT] NULL` test). */
export type CeqlScalar = string | number | bigint | boolean | Date;

/**
 * What a `ceql` template accepts in `${…}`:
 * - `string` → `'text'` with every `'` doubled;
 * - finite `number` (plain decimal form) and `bigint` → bare digits;
 * - `boolean` → `true` / `false`;
 * - `Date` → its ISO string, quoted (`'2018-01-15T00:00:00.000Z'`);
 * - array → `(a, b, c)` after `IN`, and `= ${array}` becomes `IN (a, b, c)`;
 * - `null` → `= ${null}` becomes `IS NULL`, `!= ${null}` becomes `IS NOT NULL`, and `IS ${null}` is `NULL`;
 * - a {@link CeqlFragment} from `ceql` or `ceql.join` → inserted in parentheses, `(b = 2 AND c = 3)`, so it
 *   stays one condition whatever surrounds it; from `ceql.field` → the field name, bare or in backticks.
 */
export type CeqlValue = CeqlScalar | readonly CeqlScalar[] | null | CeqlFragment;

/** Whether `value` is a fragment built by this module. */
export function isCeqlFragment(value: unknown): value is CeqlFragment {
  return value instanceof CeqlFragment;
}

function makeFragment(text: string): CeqlFragment {
  return new CeqlFragment(fragmentKey, text);
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'object') {
    let name: unknown;
    try {
      name = (value as object).constructor?.name;
    } catch {
      name = undefined; // a throwing getter or a revoked Proxy
    }
    // Only a short identifier is shown: a hostile `constructor.name` must not fill the message.
    return typeof name === 'string' && /^[A-Za-z_$][\w$]{0,39}$/.test(name) && name !== 'Object'
      ? `a ${name} object`
      : 'an object';
  }
  if (typeof value === 'undefined') return 'undefined';
  return `a ${typeof value}`;
}

/** Where a value sits in the template, for error messages: `value 2 (after "createdDate >")`. */
function describePlace(index: number, before: string): string {
  const context = before.slice(-30).trim();
  return context === '' ? `value ${index + 1}` : `value ${index + 1} (after "${context}")`;
}

function renderString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

function renderNumber(value: number, place: string): string {
  if (!Number.isFinite(value)) {
    throw new TypeError(
      `${prefix} ${place} is ${describeType(value)}; only finite numbers have a CEQL literal. Check the computation that produced it.`,
    );
  }
  if (Object.is(value, -0)) return '0';
  const text = String(value);
  if (/e/i.test(text)) {
    throw new TypeError(
      `${prefix} ${place} is ${text}, which has no plain decimal form CEQL can read. Pass it as a bigint or a string instead.`,
    );
  }
  return text;
}

function renderScalar(value: unknown, place: string): string {
  if (typeof value === 'string') return renderString(value);
  if (typeof value === 'number') return renderNumber(value, place);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) {
      throw new TypeError(`${prefix} ${place} is an invalid Date; check how it was parsed.`);
    }
    return renderString(value.toISOString());
  }
  if (value === undefined) {
    throw new TypeError(
      `${prefix} ${place} is undefined (a variable that was never set?). Use null to test for IS NULL, or leave the condition out.`,
    );
  }
  const hint = typeof value === 'object' ? ' Pass one of its fields, or build nested CEQL with ceql`…`.' : '';
  throw new TypeError(
    `${prefix} ${place} is ${describeType(value)}, which has no CEQL literal.${hint} ` +
      'Values may be strings, finite numbers, bigints, booleans, Dates, arrays of those, null or ceql fragments.',
  );
}

function renderList(values: readonly unknown[], place: string): string {
  if (values.length === 0) {
    throw new TypeError(
      `${prefix} ${place} is an empty array; CEQL has no empty IN list. Skip the condition when there is nothing to match.`,
    );
  }
  return `(${values
    .map((item, i) => {
      if (item === null || Array.isArray(item) || item instanceof CeqlFragment) {
        throw new TypeError(
          `${prefix} item ${i + 1} of ${place} is ${describeType(item)}; IN lists hold only strings, numbers, bigints, booleans and Dates.`,
        );
      }
      return renderScalar(item, `item ${i + 1} of ${place}`);
    })
    .join(', ')})`;
}

const trailingOperator = /(<=|>=|!=|<>|=|<|>)\s*$/;
const trailingIs = /\bIS(\s+NOT)?\s*$/i;
const trailingIn = /\bIN\s*$/i;

/**
 * Renders `value` after the text `before`. Returns the new text: for `null` and arrays the operator in front is
 * rewritten (`= ${null}` → `IS NULL`), so the whole prefix is returned, not just the value.
 */
function appendValue(before: string, value: unknown, index: number): string {
  const place = describePlace(index, before);
  if (value instanceof CeqlFragment) {
    if (fieldFragments.has(value)) return before + value.text;
    if (value.text.trim() === '') {
      throw new TypeError(
        `${prefix} ${place} is an empty ceql fragment (ceql.join of nothing?), which would leave a dangling ` +
          'operator. Combine optional conditions with ceql.join([...]), which skips empty ones.',
      );
    }
    return `${before}(${value.text})`;
  }
  if (value === null) {
    if (trailingIs.test(before)) return `${before}NULL`;
    const operator = trailingOperator.exec(before);
    if (operator?.[1] === '=') return `${before.slice(0, operator.index).trimEnd()} IS NULL`;
    if (operator?.[1] === '!=' || operator?.[1] === '<>') {
      return `${before.slice(0, operator.index).trimEnd()} IS NOT NULL`;
    }
    throw new TypeError(
      `${prefix} ${place} is null, which CEQL can only test with = (IS NULL), != (IS NOT NULL) or IS [NOT]. ` +
        'Skip the condition or pass a value.',
    );
  }
  if (Array.isArray(value)) {
    if (trailingIn.test(before)) return before + renderList(value, place);
    const operator = trailingOperator.exec(before);
    if (operator?.[1] === '=') {
      return `${before.slice(0, operator.index).trimEnd()} IN ${renderList(value, place)}`;
    }
    throw new TypeError(
      `${prefix} ${place} is an array, which CEQL can only match with IN (write \`field IN \${list}\` or \`field = \${list}\`).`,
    );
  }
  return before + renderScalar(value, place);
}

/**
 * Tracks whether the developer's own template text has left a quote or backtick open, so a placeholder
 * written inside quotes (`name = '${x}'`) is caught instead of producing broken CEQL.
 */
function scanQuotes(text: string, state: { quote: "'" | '`' | undefined }): void {
  for (const char of text) {
    if (state.quote === undefined) {
      if (char === "'" || char === '`') state.quote = char;
    } else if (char === state.quote) {
      state.quote = undefined;
    }
  }
}

/**
 * Whether `strings` is the strings array JavaScript passes to a tag: a frozen array with a frozen, non-enumerable
 * `raw` of the same length, one more than the values. A plain string, an array or an array given a `raw` by hand
 * is refused, since its text would go into the query unchecked.
 */
function isTemplateStrings(strings: unknown, valueCount: number): strings is TemplateStringsArray {
  if (!Array.isArray(strings) || !Object.isFrozen(strings) || strings.length !== valueCount + 1) return false;
  const raw = Object.getOwnPropertyDescriptor(strings, 'raw');
  if (raw === undefined || !('value' in raw) || raw.enumerable || raw.writable || raw.configurable)
    return false;
  const rawStrings: unknown = raw.value;
  return (
    Array.isArray(rawStrings) &&
    Object.isFrozen(rawStrings) &&
    rawStrings.length === strings.length &&
    rawStrings.every((text) => typeof text === 'string')
  );
}

function tag(strings: TemplateStringsArray, ...values: CeqlValue[]): CeqlFragment {
  if (!isTemplateStrings(strings, values.length)) {
    throw new TypeError(
      `${prefix} call ceql as a tagged template, ceql\`lastName = \${name}\`, not as a function: the text of ` +
        `ceql(${typeof strings === 'string' ? 'text' : '[…]'}) would go into the query unchecked. For a field ` +
        'name from a variable use ceql.field(name); to combine conditions use ceql.join([...]).',
    );
  }
  const cooked = strings.findIndex((text) => typeof text !== 'string');
  if (cooked !== -1) {
    throw new TypeError(
      `${prefix} template part ${cooked + 1} has an invalid escape sequence (such as \\x or \\u without hex digits); ` +
        'write a backslash as \\\\.',
    );
  }
  const state: { quote: "'" | '`' | undefined } = { quote: undefined };
  let text = strings[0] ?? '';
  scanQuotes(text, state);
  values.forEach((value, index) => {
    if (state.quote !== undefined) {
      const what = state.quote === "'" ? 'quotes' : 'backticks';
      throw new TypeError(
        `${prefix} ${describePlace(index, text)} is written inside ${what}. Remove them: ceql quotes strings ` +
          'itself (write name = ${value}), and field names go through ceql.field(name).',
      );
    }
    text = appendValue(text, value, index);
    const next = strings[index + 1] ?? '';
    scanQuotes(next, state);
    text += next;
  });
  if (state.quote !== undefined) {
    throw new TypeError(`${prefix} the template leaves a ${state.quote} open; close it or remove it.`);
  }
  return makeFragment(text);
}

/**
 * A field name for a `ceql` template, from a variable. Plain words (`lastName`) stay bare; anything else
 * (`metaData.lastUpdateTime`, names with spaces or dashes, keywords such as `value`) is put in backticks,
 * which keep odd names whole. Write a dotted path that should be followed (`communicationItems.value`) directly
 * in the template text instead.
 *
 * @throws {TypeError} when the name is empty, contains a backtick (CEQL cannot escape one) or a control character.
 * @example
 * ceql`${ceql.field('metaData.lastUpdateTime')} > ${since}` // `metaData.lastUpdateTime` > '2015-01-06T16:31:38.000Z'
 */
function field(name: string): CeqlFragment {
  if (typeof name !== 'string' || name.trim() === '') {
    throw new TypeError(`${prefix} ceql.field() needs a non-empty field name, got ${describeType(name)}.`);
  }
  if (name.includes('`') || controlCharacter.test(name)) {
    throw new TypeError(
      `${prefix} the field name ${snippet(name)} contains a backtick or a control character, which CEQL cannot quote. ` +
        'Check where the name comes from.',
    );
  }
  const fragment = makeFragment(
    plainWord.test(name) && !reservedWords.has(name.toUpperCase()) ? name : `\`${name}\``,
  );
  fieldFragments.add(fragment);
  return fragment;
}

/**
 * Joins conditions with `AND` (or `OR`), each in parentheses when there is more than one. `undefined`, `null`
 * and `false` entries are skipped, which makes optional filters easy; with nothing left the result is empty
 * (`''`), and pagination and bulk helpers then send no `where` at all.
 *
 * @example
 * ceql.join([ceql`lastName = ${lastName}`, since && ceql`createdDate > ${since}`])
 */
function join(
  conditions: readonly (CeqlFragment | undefined | null | false)[],
  operator: 'AND' | 'OR' = 'AND',
): CeqlFragment {
  if (operator !== 'AND' && operator !== 'OR') {
    throw new TypeError(`${prefix} ceql.join() joins with 'AND' or 'OR', not ${snippet(operator)}.`);
  }
  if (!Array.isArray(conditions)) {
    throw new TypeError(
      `${prefix} ceql.join() takes an array of fragments built with ceql\`…\`, got ${describeType(conditions)}.`,
    );
  }
  const parts = conditions.filter((part): part is CeqlFragment => {
    if (part === undefined || part === null || part === false) return false;
    if (!(part instanceof CeqlFragment)) {
      throw new TypeError(
        `${prefix} ceql.join() takes fragments built with ceql\`…\`, got ${describeType(part)}. Wrap the condition in ceql\`…\`.`,
      );
    }
    return part.text.trim() !== '';
  });
  if (parts.length === 1) return parts[0]!;
  return makeFragment(parts.map((part) => `(${part.text})`).join(` ${operator} `));
}

/** The `ceql` tag and its helpers. */
export type CeqlTag = {
  (strings: TemplateStringsArray, ...values: CeqlValue[]): CeqlFragment;
  /** A field name from a variable, bare or in backticks. See {@link field}. */
  field: typeof field;
  /** Conditions joined with `AND`/`OR`, skipping empty ones. See {@link join}. */
  join: typeof join;
};

/**
 * Tagged template for CEQL (`where` clauses and bulk queries). The template text is yours and is kept as
 * written; every `${value}` becomes exactly one literal (see {@link CeqlValue}), so a value can never end a
 * string early or add a condition. Unsupported values (undefined, NaN, Infinity, objects, functions,
 * symbols) throw a `TypeError` that names the value's position.
 *
 * @example
 * const where = ceql`lastName = ${name} AND createdDate > ${since} AND status IN ${['open', 'new']}`;
 * // lastName = 'O''Brien' AND createdDate > '2018-01-15T00:00:00.000Z' AND status IN ('open', 'new')
 * await client.GET('/hubs/crm/contacts', { params: { query: { where: String(where) } } });
 */
export const ceql: CeqlTag = Object.assign(tag, { field, join });

/** Parts of a bulk query, for {@link formatBulkQuery}. */
export type BulkQueryOptions = {
  /** Object to read, e.g. `contacts` (a plain word). */
  from: string;
  /**
   * Fields to select.
   *
   * @default '*' (every field)
   */
  fields?: readonly string[];
  /** Filter, built with `ceql`. An empty fragment adds no `where`. */
  where?: CeqlFragment;
  /** Field to sort by (`order by <field>`); support varies by element. */
  orderBy?: string;
  /** Largest number of records; with Marketo, continue with `continueFromJobId`. */
  limit?: number;
};

/**
 * Builds the `q` of a bulk download job: `select <fields|*> from <object> [where …] [order by …] [limit n]`.
 *
 * @throws {TypeError} when the object name is not a plain word, a field name cannot be quoted, or `limit` is not a
 *   positive whole number.
 * @example
 * formatBulkQuery({ from: 'contacts', fields: ['id', 'email'], where: ceql`lastName = ${name}`, limit: 10_000 })
 * // select id, email from contacts where lastName = 'Smith' limit 10000
 */
export function formatBulkQuery(options: BulkQueryOptions): CeqlFragment {
  if (options === null || typeof options !== 'object') {
    throw new TypeError(
      `${prefix} formatBulkQuery() needs options such as { from: 'contacts', where: ceql\`…\` }, got ${describeType(options)}.`,
    );
  }
  const { from, fields, where, orderBy, limit } = options;
  if (typeof from !== 'string' || !plainWord.test(from)) {
    throw new TypeError(
      `${prefix} formatBulkQuery() needs \`from\` to be an object name such as 'contacts' (letters, digits, _), got ${snippet(from)}.`,
    );
  }
  if (fields !== undefined && !Array.isArray(fields)) {
    throw new TypeError(
      `${prefix} formatBulkQuery() needs \`fields\` to be an array of field names, got ${describeType(fields)}.`,
    );
  }
  if (fields !== undefined && fields.length === 0) {
    throw new TypeError(
      `${prefix} formatBulkQuery() got an empty \`fields\` list; leave it out to select every field.`,
    );
  }
  let text = `select ${fields === undefined ? '*' : fields.map((name) => field(name).text).join(', ')} from ${from}`;
  if (where !== undefined) {
    if (!(where instanceof CeqlFragment)) {
      throw new TypeError(
        `${prefix} formatBulkQuery() takes \`where\` built with ceql\`…\`, got ${describeType(where)}.`,
      );
    }
    if (where.text.trim() !== '') text += ` where ${where.text}`;
  }
  if (orderBy !== undefined) text += ` order by ${field(orderBy).text}`;
  if (limit !== undefined) {
    if (!Number.isSafeInteger(limit) || limit < 1) {
      throw new TypeError(
        `${prefix} formatBulkQuery() needs \`limit\` to be a whole number >= 1, got ${snippet(limit)}.`,
      );
    }
    text += ` limit ${limit}`;
  }
  return makeFragment(text);
}
