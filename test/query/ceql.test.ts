import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ceql, formatBulkQuery, isCeqlFragment, type CeqlValue } from '../../src/query/index.js';

// A small CEQL tokenizer, written from the syntax in the API reference (§6), independent of src/ceql.ts:
// 'strings' with '' for a quote, `field names` in backticks, numbers, words, operators and punctuation.
type Token =
  | { kind: 'string'; value: string }
  | { kind: 'field'; value: string }
  | { kind: 'number'; value: string }
  | { kind: 'word'; value: string }
  | { kind: 'op'; value: string }
  | { kind: 'punct'; value: string };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r') {
      i += 1;
    } else if (char === "'") {
      let value = '';
      i += 1;
      for (;;) {
        if (i >= text.length) throw new Error(`unterminated string in ${JSON.stringify(text)}`);
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        value += text[i];
        i += 1;
      }
      tokens.push({ kind: 'string', value });
    } else if (char === '`') {
      const end = text.indexOf('`', i + 1);
      if (end === -1) throw new Error(`unterminated field name in ${JSON.stringify(text)}`);
      tokens.push({ kind: 'field', value: text.slice(i + 1, end) });
      i = end + 1;
    } else if ('(),*'.includes(char)) {
      tokens.push({ kind: 'punct', value: char });
      i += 1;
    } else {
      const rest = text.slice(i);
      const match =
        /^-?\d+(?:\.\d+)?(?![\w.])/.exec(rest) ??
        /^[A-Za-z_][\w.]*/.exec(rest) ??
        /^(?:<=|>=|!=|<>|=|<|>)/.exec(rest);
      if (!match) throw new Error(`unexpected ${JSON.stringify(char)} in ${JSON.stringify(text)}`);
      const value = match[0];
      const kind = /^-?\d/.test(value) ? 'number' : /^[<>=!]/.test(value) ? 'op' : 'word';
      tokens.push({ kind, value });
      i += value.length;
    }
  }
  return tokens;
}

/** The strings array of a real tagged template, to pass on to `ceql` by hand. */
function strings(template: TemplateStringsArray, ..._values: unknown[]): TemplateStringsArray {
  return template;
}

const word = (value: string): Token => ({ kind: 'word', value });
const op = (value: string): Token => ({ kind: 'op', value });
const str = (value: string): Token => ({ kind: 'string', value });
const num = (value: string): Token => ({ kind: 'number', value });
const punct = (value: string): Token => ({ kind: 'punct', value });

// Strings rich in the characters that break naive quoting, plus fully arbitrary code points.
const hostileString = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({
    unit: fc.constantFrom(
      "'",
      "''",
      '`',
      '\\',
      "\\'",
      ' OR ',
      ' AND ',
      '--',
      '(',
      ')',
      '=',
      ',',
      '%',
      'x',
      '\n',
      ' ',
    ),
  }),
);

describe('ceql tag', () => {
  test('renders strings, numbers, booleans and dates as literals', () => {
    const when = new Date(Date.UTC(2018, 0, 15));
    const where = ceql`lastName = ${"O'Brien"} AND age >= ${42} AND active = ${true} AND createdDate > ${when}`;
    expect(String(where)).toBe(
      "lastName = 'O''Brien' AND age >= 42 AND active = true AND createdDate > '2018-01-15T00:00:00.000Z'",
    );
  });

  test('keeps negative and fractional numbers and bigints exact', () => {
    expect(ceql`a = ${-12.5} AND b = ${-0} AND c = ${12345678901234567890n}`.text).toBe(
      'a = -12.5 AND b = 0 AND c = 12345678901234567890',
    );
  });

  test('turns = null into IS NULL and != null into IS NOT NULL', () => {
    expect(ceql`email = ${null}`.text).toBe('email IS NULL');
    expect(ceql`email != ${null} AND phone <> ${null}`.text).toBe('email IS NOT NULL AND phone IS NOT NULL');
    expect(ceql`email IS ${null} OR phone is not ${null}`.text).toBe('email IS NULL OR phone is not NULL');
  });

  test('rejects null after an operator that cannot compare with null', () => {
    expect(() => ceql`age > ${null}`).toThrow(/value 1 \(after "age >"\) is null/);
    expect(() => ceql`age <= ${null}`).toThrow(TypeError);
    expect(() => ceql`${null}`).toThrow(/IS NULL/);
  });

  test('refuses a value its operator cannot take, which the server would refuse only once sent', () => {
    expect(() => ceql`lastName LIKE ${5}`).toThrow(
      'value 1 (after "lastName LIKE") is 5; LIKE takes a pattern string, such as \'Lov%\'.',
    );
    expect(() => ceql`active like ${true}`).toThrow(/is a boolean; LIKE takes a pattern string/);
    expect(() => ceql`lastName IS ${'x'}`).toThrow(/is a string; IS \[NOT\] takes only null/);
    expect(() => ceql`lastName is not ${0}`).toThrow(/IS \[NOT\] takes only null/);
    expect(() => ceql`lastName = ${ceql`a = ${1}`}`).toThrow(
      'value 1 (after "lastName =") is a condition (a ceql fragment) where a value is due, after =.',
    );
    // What they may take is written as before; a name ending in "in" or "is" is no operator.
    expect(ceql`lastName LIKE ${'Lov%'}`.text).toBe("lastName LIKE 'Lov%'");
    expect(ceql`login = ${'x'} AND ${ceql`a = ${1}`}`.text).toBe("login = 'x' AND (a = 1)");
    expect(ceql`${ceql.field('axis')} = ${2}`.text).toBe('axis = 2');
  });

  test('renders arrays as IN lists', () => {
    expect(ceql`id IN ${[123, 456]}`.text).toBe('id IN (123, 456)');
    expect(ceql`status = ${['open', "won't fix"]}`.text).toBe("status IN ('open', 'won''t fix')");
    expect(ceql`status not in ${['a']}`.text).toBe("status not in ('a')");
  });

  test('rejects empty, nested and misplaced arrays', () => {
    expect(() => ceql`id IN ${[]}`).toThrow(/empty array/);
    expect(() => ceql`id IN ${[[1]] as never}`).toThrow(/item 1 of value 1/);
    expect(() => ceql`id IN ${[null] as never}`).toThrow(TypeError);
    expect(() => ceql`id > ${[1, 2]}`).toThrow(/only match with IN/);
  });

  test.each([
    ['undefined', undefined, /is undefined .*never set/],
    ['NaN', Number.NaN, /is NaN/],
    ['Infinity', Number.POSITIVE_INFINITY, /is Infinity/],
    ['an exponent-only number', 1e21, /1e\+21.*bigint or a string/],
    ['a plain object', { name: 'x' }, /is an object/],
    ['a function', () => 'x', /is a function/],
    ['a symbol', Symbol('x'), /is a symbol/],
    ['an invalid Date', new Date('nope'), /invalid Date/],
    ['a boxed string', Object('text'), /is a String object/],
  ])('rejects %s with a TypeError naming the value', (_name, value, message) => {
    const run = () => ceql`name = ${value as CeqlValue}`;
    expect(run).toThrow(TypeError);
    expect(run).toThrow(message);
    expect(run).toThrow(/^\[cloud-elements\] ceql: value 1 \(after "name ="\)/);
  });

  test('rejects placeholders written inside quotes or backticks', () => {
    expect(() => ceql`name = '${'x'}'`).toThrow(/inside quotes/);
    expect(() => ceql`\`${'x'}\` = 1`).toThrow(/inside backticks/);
    // CEQL has no double-quoted strings: the value would go out as "'x'".
    expect(() => ceql`name = "${'x'}"`).toThrow(/inside double quotes; remove them/);
    expect(() => ceql`name = "${'x'}`).toThrow(/inside double quotes/);
    // A double quote inside a quoted string is the string's own.
    expect(ceql`name = 'say "hi"' AND id = ${1}`.text).toBe(`name = 'say "hi"' AND id = 1`);
    expect(() => ceql`name = 'open`).toThrow(/leaves a ' open/);
  });

  test('allows placeholders after complete quoted text in the template', () => {
    expect(ceql`a = 'it''s' AND \`b.c\` = ${1}`.text).toBe("a = 'it''s' AND `b.c` = 1");
  });

  test('inserts nested fragments in parentheses', () => {
    const inner = ceql`lastName = ${'Smith'}`;
    // Before issue 12 a fragment went in bare, so a template wrote the parentheses itself: `(${inner})`.
    expect(ceql`${inner} OR id = ${7}`.text).toBe("(lastName = 'Smith') OR id = 7");
    expect(isCeqlFragment(inner)).toBe(true);
    expect(isCeqlFragment("lastName = 'Smith'")).toBe(false);
    expect(JSON.stringify({ where: inner })).toBe(JSON.stringify({ where: "lastName = 'Smith'" }));
  });

  test('keeps the precedence of an interpolated fragment: its AND/OR cannot bind to the conditions around it', () => {
    const frag = ceql`b = ${2} AND c = ${3}`;
    expect(ceql`a = ${1} OR ${frag}`.text).toBe('a = 1 OR (b = 2 AND c = 3)');
    const either = ceql`b = ${2} OR c = ${3}`;
    expect(ceql`a = ${1} AND ${either}`.text).toBe('a = 1 AND (b = 2 OR c = 3)');
    expect(ceql`a = ${1} AND ${ceql.join([either, frag])}`.text).toBe(
      'a = 1 AND ((b = 2 OR c = 3) AND (b = 2 AND c = 3))',
    );
    expect(tokenize(ceql`a = ${1} AND ${either}`.text).map((token) => token.value)).toEqual([
      'a',
      '=',
      '1',
      'AND',
      '(',
      'b',
      '=',
      '2',
      'OR',
      'c',
      '=',
      '3',
      ')',
    ]);
  });

  test('inserts a ceql.field fragment bare, as a name', () => {
    expect(ceql`${ceql.field('lastName')} = ${'x'} AND ${ceql.field('First Name')} != ${null}`.text).toBe(
      "lastName = 'x' AND `First Name` IS NOT NULL",
    );
  });

  test('refuses an empty fragment, which would leave a dangling operator', () => {
    expect(() => ceql`a = ${1} AND ${ceql.join([])}`).toThrow(/value 2 .* is an empty ceql fragment/);
  });

  test.each([
    ['a plain string', () => (ceql as unknown as (text: string) => unknown)("1 = 1 OR ''")],
    ['an array without raw', () => (ceql as unknown as (s: string[]) => unknown)(["1 = 1 OR ''"])],
    [
      'an array given a raw by hand',
      () => (ceql as unknown as (s: unknown) => unknown)(Object.assign(['x = 1'], { raw: ['x = 1'] })),
    ],
    [
      'a frozen array with an enumerable raw',
      () =>
        (ceql as unknown as (s: unknown) => unknown)(
          Object.freeze(Object.assign(['x = 1'], { raw: Object.freeze(['x = 1']) })),
        ),
    ],
    [
      'strings that do not match the values',
      () => (ceql as unknown as (s: TemplateStringsArray, ...v: unknown[]) => unknown)(strings`a = ${1}`),
    ],
    ['no arguments', () => (ceql as unknown as () => unknown)()],
    ['null', () => (ceql as unknown as (s: null) => unknown)(null)],
  ])('refuses to be called with %s instead of as a tagged template', (_label, run) => {
    expect(run).toThrow(TypeError);
    expect(run).toThrow(/^\[cloud-elements\] ceql: call ceql as a tagged template/);
  });

  test('accepts the strings of a real template, also passed on by another tag', () => {
    expect(ceql(strings`a = ${0} AND b = ${0}`, 1, 'x').text).toBe("a = 1 AND b = 'x'");
  });

  test('refuses template text with an invalid escape sequence', () => {
    expect(() => ceql`name = '\unicode'`).toThrow(/template part 1 has an invalid escape sequence/);
    expect(ceql`name = '\\unicode'`.text).toBe("name = '\\unicode'");
  });

  test('cannot be forged from a plain string', () => {
    const Fragment = ceql`x = 1`.constructor as new (key: symbol, text: string) => unknown;
    expect(() => new Fragment(Symbol('CeqlFragment'), "1 = 1 OR ''")).toThrow(/ceql`…` tag/);
  });
});

describe('ceql.field', () => {
  test('keeps plain words bare and backticks dotted, odd and reserved names', () => {
    expect(ceql`${ceql.field('lastName')} = ${1}`.text).toBe('lastName = 1');
    expect(ceql.field('metaData.lastUpdateTime').text).toBe('`metaData.lastUpdateTime`');
    expect(ceql.field('First Name').text).toBe('`First Name`');
    expect(ceql.field('and').text).toBe('`and`');
    expect(ceql.field('value').text).toBe('`value`');
    expect(ceql.field("it's").text).toBe("`it's`");
  });

  test('rejects names it cannot quote', () => {
    expect(() => ceql.field('')).toThrow(/non-empty field name/);
    expect(() => ceql.field('a`b')).toThrow(/backtick/);
    expect(() => ceql.field('a\nb')).toThrow(/control character/);
    expect(() => ceql.field(42 as never)).toThrow(TypeError);
  });
});

describe('ceql.join', () => {
  test('joins conditions in parentheses and skips missing ones', () => {
    const name: string | undefined = 'Smith';
    const since: Date | undefined = undefined;
    const where = ceql.join([
      ceql`lastName = ${name}`,
      since !== undefined && ceql`createdDate > ${since}`,
      ceql`a = ${1} OR b = ${2}`,
    ]);
    expect(where.text).toBe("(lastName = 'Smith') AND (a = 1 OR b = 2)");
    expect(ceql.join([ceql`x = ${1}`, null], 'OR').text).toBe('x = 1');
    expect(ceql.join([]).text).toBe('');
  });

  test('refuses an OR of no condition, whose empty where would read every record', () => {
    const selected: string[] = [];
    expect(() =>
      ceql.join(
        selected.map((id) => ceql`id = ${id}`),
        'OR',
      ),
    ).toThrow(
      "ceql.join(…, 'OR') got no condition: an OR of none matches nothing, but the empty where it would give " +
        'reads every record; skip the query (or this condition) when the list is empty.',
    );
    expect(() => ceql.join([undefined, false], 'OR')).toThrow(/an OR of none matches nothing/);
    // An AND of none is every record, as no condition says.
    expect(ceql.join([undefined], 'AND').text).toBe('');
  });

  test('refuses plain strings', () => {
    expect(() => ceql.join(["name = 'x'" as never])).toThrow(/wrap each condition in ceql/);
    expect(() => ceql.join([], 'XOR' as never)).toThrow(/'AND' or 'OR'/);
  });
});

describe('formatBulkQuery', () => {
  test('builds select … from … where … order by … limit …', () => {
    expect(
      formatBulkQuery({
        from: 'contacts',
        fields: ['id', 'email', 'first name'],
        where: ceql`lastName = ${"O'Neil"}`,
        orderBy: 'id',
        limit: 10_000,
      }).text,
    ).toBe("select id, email, `first name` from contacts where lastName = 'O''Neil' order by id limit 10000");
    expect(formatBulkQuery({ from: 'contacts', where: ceql.join([]) }).text).toBe('select * from contacts');
  });

  test('quotes at most a bounded snippet of a bad object or field name', () => {
    const huge = `contacts; ${'x'.repeat(100_000)}`;
    for (const run of [
      () => formatBulkQuery({ from: huge }),
      () => formatBulkQuery({ from: 'contacts', fields: [`a\n${'x'.repeat(100_000)}`] }),
      () => ceql.join([], huge as never),
    ]) {
      expect(run).toThrow(TypeError);
      try {
        run();
      } catch (error) {
        expect((error as Error).message.length).toBeLessThan(500);
        expect((error as Error).message).toMatch(/…"/);
      }
    }
    expect(() => formatBulkQuery(null as never)).toThrow(/needs options/);
    expect(() => formatBulkQuery({ from: 'contacts', fields: 'id' as never })).toThrow(
      /array of field names/,
    );
    expect(() => ceql.join('x' as never)).toThrow(/array of fragments/);
  });

  test('rejects object names, empty field lists, raw where strings and bad limits', () => {
    expect(() => formatBulkQuery({ from: 'contacts; drop' })).toThrow(/object name/);
    expect(() => formatBulkQuery({ from: 'contacts', fields: [] })).toThrow(
      /`fields` to be a non-empty array/,
    );
    expect(() => formatBulkQuery({ from: 'contacts', where: 'x = 1' as never })).toThrow(/built with ceql/);
    expect(() => formatBulkQuery({ from: 'contacts', limit: 0 })).toThrow(/whole number >= 1/);
    expect(() => formatBulkQuery({ from: 'contacts', limit: 1.5 })).toThrow(/whole number >= 1/);
  });

  test('writes a dotted path such as Account.Name bare, so that it is followed, not taken as one column name', () => {
    // In backticks, `Account.Name` names one column literally called that: the query would select nothing.
    expect(
      formatBulkQuery({ from: 'contacts', fields: ['Id', 'Account.Name'], orderBy: 'Account.Name' }).text,
    ).toBe('select Id, Account.Name from contacts order by Account.Name');
    // Other names still go in backticks: keywords, spaces, dashes, a dot without words on both sides.
    expect(formatBulkQuery({ from: 'contacts', fields: ['value', 'a-b', 'a.', 'x.y z'] }).text).toBe(
      'select `value`, `a-b`, `a.`, `x.y z` from contacts',
    );
  });

  test('sorts in a direction given as { field, direction }, or by several keys', () => {
    expect(
      formatBulkQuery({ from: 'contacts', orderBy: { field: 'createdDate', direction: 'desc' } }).text,
    ).toBe('select * from contacts order by createdDate desc');
    expect(
      formatBulkQuery({
        from: 'contacts',
        orderBy: [{ field: 'lastName' }, { field: 'Account.Name', direction: 'asc' }],
      }).text,
    ).toBe('select * from contacts order by lastName, Account.Name asc');
    expect(formatBulkQuery({ from: 'contacts', orderBy: { field: 'first name' } }).text).toBe(
      'select * from contacts order by `first name`',
    );
  });

  test('refuses a direction written into the orderBy string, pointing to { field, direction }', () => {
    // It used to become order by `createdDate desc`: one field of that name, which Cloud Elements refuses.
    expect(() => formatBulkQuery({ from: 'contacts', orderBy: 'createdDate desc' })).toThrow(
      /\[cloud-elements\] ceql: formatBulkQuery\(\) needs `orderBy` to be a field name; for a direction pass \{ field: 'createdDate', direction: 'desc' \}/,
    );
    expect(() =>
      formatBulkQuery({ from: 'contacts', orderBy: { field: 'id', direction: 'DOWN' as never } }),
    ).toThrow(/'asc' or 'desc'/);
    expect(() => formatBulkQuery({ from: 'contacts', orderBy: [] })).toThrow(/empty array/);
    expect(() => formatBulkQuery({ from: 'contacts', orderBy: [null as never] })).toThrow(/\{ field/);
  });

  test('takes hub object names with hyphens, such as ledger-accounts', () => {
    for (const from of ['ledger-accounts', 'journal-entries', 'purchase-orders', '_custom.obj-1']) {
      expect(formatBulkQuery({ from }).text).toBe(`select * from ${from}`);
    }
    for (const from of ['-accounts', '1contacts', 'contacts where 1=1', 'a`b', '']) {
      expect(() => formatBulkQuery({ from })).toThrow(/object name such as 'contacts' or 'ledger-accounts'/);
    }
  });
});

describe('ceql properties', () => {
  test('any string value comes out as exactly one literal equal to the input', () => {
    fc.assert(
      fc.property(hostileString, (value) => {
        expect(tokenize(ceql`name = ${value}`.text)).toEqual([word('name'), op('='), str(value)]);
      }),
      { numRuns: 2000 },
    );
  });

  test('string values cannot change the conditions around them', () => {
    fc.assert(
      fc.property(hostileString, hostileString, (a, b) => {
        expect(tokenize(ceql`(a = ${a} OR b != ${b}) AND c = ${1}`.text)).toEqual([
          punct('('),
          word('a'),
          op('='),
          str(a),
          word('OR'),
          word('b'),
          op('!='),
          str(b),
          punct(')'),
          word('AND'),
          word('c'),
          op('='),
          num('1'),
        ]);
      }),
      { numRuns: 1000 },
    );
  });

  test('IN lists hold exactly the given strings', () => {
    fc.assert(
      fc.property(fc.array(hostileString, { minLength: 1, maxLength: 5 }), (values) => {
        const expected: Token[] = [word('id'), word('IN'), punct('(')];
        values.forEach((value, i) => {
          if (i > 0) expected.push(punct(','));
          expected.push(str(value));
        });
        expected.push(punct(')'));
        expect(tokenize(ceql`id IN ${values}`.text)).toEqual(expected);
      }),
    );
  });

  test('any quotable field name comes out as one field token with that name', () => {
    const name = fc
      .string({ unit: 'binary', minLength: 1 })
      .filter((s) => s.trim() !== '' && !s.includes('`') && !/[\u0000-\u001f\u007f]/.test(s));
    fc.assert(
      fc.property(name, (value) => {
        const tokens = tokenize(ceql`${ceql.field(value)} = ${1}`.text);
        expect(tokens.slice(1)).toEqual([op('='), num('1')]);
        expect(tokens[0]?.value).toBe(value);
        expect(['word', 'field']).toContain(tokens[0]?.kind);
      }),
    );
  });

  test('every finite number either reads back as the same value or is refused', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        let text: string;
        try {
          text = ceql`n = ${value}`.text;
        } catch (error) {
          expect(error).toBeInstanceOf(TypeError);
          expect(String(value)).toMatch(/e/);
          return;
        }
        const tokens = tokenize(text);
        expect(tokens).toHaveLength(3);
        expect(tokens[2]?.kind).toBe('number');
        expect(Number(tokens[2]?.value)).toBe(value === 0 ? 0 : value);
      }),
    );
  });
});
