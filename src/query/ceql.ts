/**
 * Safe CEQL: a tagged template that turns interpolated values into CEQL literals, so user input can never
 * change the shape of a `where` clause or a bulk query.
 */
import { fail, snippet } from '../core/index.js';

// Words that would be read as operators or keywords when written bare, so `ceql.field()` backticks them.
// `VALUE` was rejected as a field name before release 2.145; backticks keep older elements happy.
// A pattern, not `new Set('…'.split(' '))`: a bundler must keep a call at the top level, even in an app without CEQL.
const reservedWord =
  /^(?:AND|OR|NOT|IN|LIKE|IS|NULL|TRUE|FALSE|SELECT|FROM|WHERE|ORDER|BY|LIMIT|ASC|DESC|VALUE)$/i;
const plainWord = /^[A-Za-z_][A-Za-z0-9_]*$/;
// A path into a record (`Account.Name`): plain words joined by dots. Bulk queries write it bare; in backticks it
// would name one column called `Account.Name`.
const dottedPath = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+$/;
// Bulk object names: hub objects have hyphens (`ledger-accounts`, `journal-entries`, `purchase-orders`).
const objectName = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** Throws the misuse `TypeError` of this module: `[cloud-elements] ceql: <message>`. */
function refuse(message: string): never {
  fail(`ceql: ${message}`);
}

/**
 * A piece of CEQL built by {@link ceql}, {@link formatBulkQuery} or the `ceql.*` helpers. Its text is safe to
 * send as `where` or `q`: every value in it was rendered as a literal. Interpolating a fragment into another
 * `ceql` template inserts it in parentheses (a field name from `ceql.field` bare), so its `OR` cannot bind to the
 * conditions around it. `String(fragment)` and `JSON.stringify(fragment)` give the CEQL text.
 *
 * Fragments can only be made by this module, so a plain string can never pass for one.
 */
class CeqlFragment {
  // Named for logs, like the error classes (see CloudElementsError).
  static readonly name: string = 'CeqlFragment';
  /** The CEQL text. */
  readonly text: string;

  /** @internal */
  constructor(key: typeof fragmentKey, text: string) {
    if (key !== fragmentKey) refuse('build fragments with the ceql`…` tag.');
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
 * - `null` → `= ${null}` becomes `IS NULL`, `!= ${null}` becomes `IS NOT NULL`, and `IS ${null}` is `NULL`
 *   (the reference's list of CEQL operators names `IS NULL` only: check that an element takes `IS NOT NULL`);
 * - after `LIKE`, a string only, whose `%` and `_` stay wildcards (`LIKE ${'50%'}` matches `500`);
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

/** What `value` is, for error messages, without showing its content: `null`, `NaN`, `an array`, `a Map object`. */
function describeType(value: unknown): string {
  // null, undefined and numbers (NaN, Infinity, 1e21 are the ones refused) are shown as they are written.
  if (value == null || typeof value === 'number') return String(value);
  if (typeof value !== 'object') return `a ${typeof value}`;
  if (Array.isArray(value)) return 'an array';
  let name: unknown;
  try {
    name = value.constructor?.name;
  } catch {
    // a throwing getter or a revoked Proxy: described as a plain object
  }
  // Only a short identifier is shown: a hostile `constructor.name` must not fill the message.
  return typeof name === 'string' && name !== 'Object' && /^[A-Za-z_$][\w$]{0,39}$/.test(name)
    ? `a ${name} object`
    : 'an object';
}

/**
 * Where value `index` sits in the template, for error messages: `value 2 (after "${…} AND createdDate >")`. Only
 * the template's own text is quoted, with `${…}` where earlier values were: a value may be a secret or an email,
 * and the rendered query would put its tail in the message.
 */
function describePlace(index: number, strings: readonly string[]): string {
  let context = strings[index]!;
  for (let i = index - 1; i >= 0 && context.length < 30; i--) context = `${strings[i]}\${…}${context}`;
  // Cut at a space, so that neither a word nor a `${…}` is shown in part (unless a long word leaves none).
  if (context.length > 30) {
    const space = context.indexOf(' ', context.length - 31);
    context = space === -1 ? context.slice(-30) : context.slice(space + 1);
  }
  context = context.trim();
  return `value ${index + 1}${context && ` (after "${context}")`}`;
}

/** One literal: a quoted string (every `'` doubled), bare digits, `true`/`false`, or a quoted ISO date. */
function renderScalar(value: unknown, place: string): string {
  if (typeof value === 'string') return `'${value.replaceAll("'", "''")}'`;
  if (typeof value === 'number') {
    const text = String(value); // -0 gives '0'
    // NaN and Infinity have no literal, and a number JavaScript writes with an exponent (1e21) is not CEQL.
    if (!Number.isFinite(value) || text.includes('e')) {
      refuse(
        `${place} is ${text}; CEQL numbers are finite and have no exponent (pass a bigint or a string).`,
      );
    }
    return text;
  }
  if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) refuse(`${place} is an invalid Date; check how it was parsed.`);
    return renderScalar(value.toISOString(), place);
  }
  if (value === undefined) {
    refuse(`${place} is undefined (never set?); pass null for IS NULL, or leave the condition out.`);
  }
  // Objects, functions and symbols; in an IN list also null, arrays and fragments, which only stand alone.
  refuse(
    `${place} is ${describeType(value)}, which has no CEQL literal; pass a string, number, bigint, boolean or Date.`,
  );
}

function renderList(values: readonly unknown[], place: string): string {
  if (values.length === 0) {
    refuse(`${place} is an empty array (CEQL has no empty IN list); skip the condition.`);
  }
  return `(${values.map((item, i) => renderScalar(item, `item ${i + 1} of ${place}`)).join(', ')})`;
}

// The comparison a template's text ends with (`=`, `!=`, `<>`, …, `IS [NOT]`, `IN`, `LIKE`), and the spaces before it.
const trailingOperator = /\s*(<=|>=|!=|<>|=|<|>|\bIS(?:\s+NOT)?|\bIN|\bLIKE)\s*$/i;

/**
 * Renders `value` after the text `before`. Returns the new text: for `null` and arrays the operator in front is
 * rewritten (`= ${null}` → `IS NULL`), so the whole prefix is returned, not just the value. `strings`, the
 * template's own text, only names the value's place in an error.
 */
function appendValue(before: string, value: unknown, index: number, strings: readonly string[]): string {
  const place = describePlace(index, strings);
  const match = trailingOperator.exec(before);
  const operator = match?.[1]?.toUpperCase();
  if (value instanceof CeqlFragment) {
    if (fieldFragments.has(value)) return before + value.text;
    if (value.text.trim() === '') {
      refuse(
        `${place} is an empty ceql fragment, which would leave a dangling operator; leave the condition out.`,
      );
    }
    // `lastName = (a = 1)` is no query: a condition stands where a condition goes, not where a value is due.
    if (operator !== undefined) {
      refuse(`${place} is a condition (a ceql fragment) where a value is due, after ${operator}.`);
    }
    return `${before}(${value.text})`;
  }
  // The server would refuse `LIKE 5` and `IS 'x'` only once the query is sent: said here, with the value's place.
  if (operator === 'LIKE' && typeof value !== 'string') {
    refuse(`${place} is ${describeType(value)}; LIKE takes a pattern string, such as 'Lov%'.`);
  }
  if (value !== null && operator?.startsWith('IS')) {
    refuse(`${place} is ${describeType(value)}; IS [NOT] takes only null (IS NULL), write = for a value.`);
  }
  if (value !== null && !Array.isArray(value)) return before + renderScalar(value, place);
  // The field and whatever precedes it, without the operator: `email =` → `email`.
  const field = before.slice(0, match?.index);
  if (value === null) {
    if (operator?.startsWith('IS')) return `${before}NULL`;
    if (operator === '=') return `${field} IS NULL`;
    if (operator === '!=' || operator === '<>') return `${field} IS NOT NULL`;
    refuse(`${place} is null, which CEQL tests only with = (IS NULL), != (IS NOT NULL) or IS [NOT].`);
  }
  if (operator === 'IN') return before + renderList(value, place);
  if (operator === '=') return `${field} IN ${renderList(value, place)}`;
  refuse(`${place} is an array, which CEQL can only match with IN or =.`);
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

/** The quotes a value may not be placed inside, with their names for an error. */
const QUOTE_NAMES: Record<string, string> = { "'": 'quotes', '"': 'double quotes', '`': 'backticks' };

function tag(strings: TemplateStringsArray, ...values: CeqlValue[]): CeqlFragment {
  if (!isTemplateStrings(strings, values.length)) {
    refuse(
      'call ceql as a tagged template, ceql`lastName = ${name}`, not as a function; use ceql.field(name) for ' +
        'field names and ceql.join([...]) to combine conditions.',
    );
  }
  const cooked = strings.findIndex((text) => typeof text !== 'string');
  if (cooked !== -1) {
    refuse(`template part ${cooked + 1} has an invalid escape sequence; write a backslash as \\\\.`);
  }
  let text = '';
  // The quote or backtick the template's own text has left open: a value placed there (`name = '${x}'`) would be
  // quoted twice and could end the string early, so it is refused instead. Double quotes too: CEQL has no such
  // strings, and `name = "${x}"` would send `"'x'"`.
  let quote: string | undefined;
  for (let index = 0; index < strings.length; index++) {
    if (index > 0) {
      if (quote !== undefined) {
        refuse(
          `${describePlace(index - 1, strings)} is written inside ${QUOTE_NAMES[quote]}; ` +
            'remove them (ceql quotes values itself, ceql.field(name) field names).',
        );
      }
      text = appendValue(text, values[index - 1], index - 1, strings);
    }
    for (const char of strings[index]!) {
      if (quote === undefined) {
        if (char in QUOTE_NAMES) quote = char;
      } else if (char === quote) {
        quote = undefined;
      }
    }
    text += strings[index];
  }
  if (quote !== undefined) refuse(`the template leaves a ${quote} open; close it or remove it.`);
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
    refuse(`ceql.field() needs a non-empty field name, got ${describeType(name)}.`);
  }
  if (name.includes('`') || /[\u0000-\u001f\u007f]/.test(name)) {
    refuse(`the field name ${snippet(name)} has a backtick or a control character, which CEQL cannot quote.`);
  }
  const fragment = makeFragment(plainWord.test(name) && !reservedWord.test(name) ? name : `\`${name}\``);
  fieldFragments.add(fragment);
  return fragment;
}

/** Refuses what `ceql.join` was given instead of an array of fragments: a plain string would go in unchecked. */
function refuseJoinEntry(value: unknown): never {
  refuse(
    `ceql.join() takes an array of fragments, got ${describeType(value)}; wrap each condition in ceql\`…\`.`,
  );
}

/**
 * Joins conditions with `AND` (or `OR`), each in parentheses when there is more than one. `undefined`, `null`
 * and `false` entries are skipped, which makes optional filters easy; with nothing left an `AND` is empty (`''`),
 * and pagination and bulk helpers then send no `where` at all: every record matches, as no condition says.
 *
 * @throws {TypeError} for an `OR` with nothing left: "any of none" matches no record, and the empty `where` it
 *   would give reads every record (a bulk job over "the selected ids" when none is selected would take them all).
 *   Skip the query, or the condition, when the list is empty.
 *
 * @example
 * ceql.join([ceql`lastName = ${lastName}`, since && ceql`createdDate > ${since}`])
 */
function join(
  conditions: readonly (CeqlFragment | undefined | null | false)[],
  operator: 'AND' | 'OR' = 'AND',
): CeqlFragment {
  if (operator !== 'AND' && operator !== 'OR') {
    refuse(`ceql.join() joins with 'AND' or 'OR', not ${snippet(operator)}.`);
  }
  if (!Array.isArray(conditions)) refuseJoinEntry(conditions);
  const parts = conditions.filter((part): part is CeqlFragment => {
    if (part === undefined || part === null || part === false) return false;
    if (!(part instanceof CeqlFragment)) refuseJoinEntry(part);
    return part.text.trim() !== '';
  });
  if (parts.length === 0 && operator === 'OR') {
    refuse(
      "ceql.join(…, 'OR') got no condition: an OR of none matches nothing, but the empty where it would give " +
        'reads every record; skip the query (or this condition) when the list is empty.',
    );
  }
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
// scripts/build.mjs puts back the `@__PURE__` that minifying drops, so that an app without CEQL does not keep it.
export const ceql: CeqlTag = /* @__PURE__ */ Object.assign(tag, { field, join });

/** Parts of a bulk query, for {@link formatBulkQuery}. */
export type BulkQueryOptions = {
  /** Object to read, e.g. `contacts` or `ledger-accounts` (letters, digits, `_`, `.` and `-`). */
  from: string;
  /**
   * Fields to select. A path such as `Account.Name` is sent bare and followed; other names that are not plain
   * words go in backticks.
   *
   * @default '*' (every field)
   */
  fields?: readonly string[] | undefined;
  /** Filter, built with `ceql`. An empty fragment adds no `where`. */
  where?: CeqlFragment | undefined;
  /**
   * Sort order (`order by <field> [asc|desc], …`): a field name, `{ field, direction }`, or a list of those
   * objects for several keys. Support varies by element.
   * @example { field: 'createdDate', direction: 'desc' }
   */
  orderBy?: string | BulkOrderKey | readonly BulkOrderKey[] | undefined;
  /** Largest number of records; with Marketo, continue with `continueFromJobId`. */
  limit?: number | undefined;
};

/** One sort key of {@link formatBulkQuery}'s `orderBy`. */
export type BulkOrderKey = {
  /** The field to sort by; a dotted path such as `Account.Name` is written bare. */
  field: string;
  /** The direction. @default 'asc' */
  direction?: 'asc' | 'desc' | undefined;
};

/**
 * Builds the `q` of a bulk download job: `select <fields|*> from <object> [where …] [order by …] [limit n]`.
 *
 * @throws {TypeError} when the object name is not a name such as `contacts`, a field name cannot be quoted, an
 *   `orderBy` string holds a space (use `{ field, direction }`), or `limit` is not a positive whole number.
 * @example
 * formatBulkQuery({ from: 'contacts', fields: ['id', 'email'], where: ceql`lastName = ${name}`, limit: 10_000 })
 * // select id, email from contacts where lastName = 'Smith' limit 10000
 */
export function formatBulkQuery(options: BulkQueryOptions): CeqlFragment {
  if (options === null || typeof options !== 'object') {
    refuse(`formatBulkQuery() needs options such as { from: 'contacts' }, got ${describeType(options)}.`);
  }
  const { from, fields, where, orderBy, limit } = options;
  if (typeof from !== 'string' || !objectName.test(from)) {
    refuseOption('from', "an object name such as 'contacts' or 'ledger-accounts'", snippet(from));
  }
  if (fields !== undefined && (!Array.isArray(fields) || fields.length === 0)) {
    refuseOption('fields', 'a non-empty array of field names (leave it out for all fields)', snippet(fields));
  }
  let text = `select ${fields?.map(bulkField).join(', ') ?? '*'} from ${from}`;
  if (where !== undefined) {
    if (!(where instanceof CeqlFragment)) refuseOption('where', 'built with ceql`…`', describeType(where));
    if (where.text.trim() !== '') text += ` where ${where.text}`;
  }
  if (orderBy !== undefined) text += ` order by ${formatOrderBy(orderBy)}`;
  if (limit !== undefined) {
    if (!Number.isSafeInteger(limit) || limit < 1) {
      refuseOption('limit', 'a whole number >= 1', snippet(limit));
    }
    text += ` limit ${limit}`;
  }
  return makeFragment(text);
}

/** A field name of a bulk query: a dotted path bare, anything else as `ceql.field` writes it. */
function bulkField(name: string): string {
  return typeof name === 'string' && dottedPath.test(name) ? name : field(name).text;
}

/** The keys after `order by`: `name`, or `name desc, other asc` from `{ field, direction }` objects. */
function formatOrderBy(orderBy: NonNullable<BulkQueryOptions['orderBy']>): string {
  if (typeof orderBy === 'string') {
    // `'createdDate desc'` would be backticked into one field of that name and fail at Cloud Elements.
    if (/\s/.test(orderBy)) {
      refuseOption(
        'orderBy',
        "a field name; for a direction pass { field: 'createdDate', direction: 'desc' }",
        'a string with a space',
      );
    }
    return bulkField(orderBy);
  }
  const keys = Array.isArray(orderBy) ? orderBy : [orderBy];
  if (keys.length === 0) refuseOption('orderBy', 'a field name or { field, direction }', 'an empty array');
  return keys
    .map((key: unknown) => {
      if (key === null || typeof key !== 'object') {
        refuseOption(
          'orderBy',
          "{ field: 'name', direction: 'asc' | 'desc' } or a list of those",
          describeType(key),
        );
      }
      const { field: name, direction } = key as { field?: unknown; direction?: unknown };
      if (direction !== undefined && direction !== 'asc' && direction !== 'desc') {
        refuseOption('orderBy direction', "'asc' or 'desc' (or left out)", snippet(direction));
      }
      return direction === undefined
        ? bulkField(name as string)
        : `${bulkField(name as string)} ${direction}`;
    })
    .join(', ');
}

/** Refuses a bad option of `formatBulkQuery`, naming it, what it must be, and (described) what it was. */
function refuseOption(name: string, expected: string, got: string): never {
  refuse(`formatBulkQuery() needs \`${name}\` to be ${expected}, got ${got}.`);
}
