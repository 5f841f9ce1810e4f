import { EmulatorHttpError } from '../errors.js';
import type { BulkSelect, CeqlExpression, CeqlValue } from './types.js';

type Token =
  | { kind: 'word' | 'field' | 'string' | 'op' | 'punct'; text: string; at: number }
  | { kind: 'number'; text: string; value: number; at: number };

const BARE_DATE = /\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\w.])/y;
const NUMBER = /-?\d+(?:\.\d+)?(?![\w.])/y;
const WORD = /[A-Za-z_$][\w$.]*/y;
/**
 * The object name after a bulk query's FROM, which may hold hyphens between its parts (`ledger-accounts`,
 * `journal-entries`, reference §12.2). Only there: elsewhere `-` may be a minus sign (`x = -0.5`).
 */
const OBJECT_NAME = /[A-Za-z_$][\w$.]*(?:-[\w$.]+)*/y;
const OPERATOR = /<=|>=|!=|<>|=|<|>/y;

function parseError(text: string, at: number, what: string): EmulatorHttpError {
  return new EmulatorHttpError(400, `Error parsing query: ${what} at character ${at + 1} of "${text}"`);
}

function sticky(regex: RegExp, text: string, at: number): string | undefined {
  regex.lastIndex = at;
  return regex.exec(text)?.[0];
}

/** Splits a query into tokens; `objectNames`: a word right after FROM is an object name (see OBJECT_NAME). */
function tokenize(text: string, objectNames = false): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const char = text[at]!;
    if (/\s/.test(char)) {
      at += 1;
    } else if (char === "'" || char === '`') {
      let value = '';
      let end = at + 1;
      for (;;) {
        if (end >= text.length)
          throw parseError(text, at, `unterminated ${char === "'" ? 'string' : 'field name'}`);
        if (text[end] === char && char === "'" && text[end + 1] === "'") {
          value += "'";
          end += 2;
        } else if (text[end] === char) {
          break;
        } else {
          value += text[end];
          end += 1;
        }
      }
      tokens.push({ kind: char === "'" ? 'string' : 'field', text: value, at });
      at = end + 1;
    } else if ('(),*'.includes(char)) {
      tokens.push({ kind: 'punct', text: char, at });
      at += 1;
    } else {
      const previous = tokens.at(-1);
      const objectName =
        objectNames && previous?.kind === 'word' && previous.text.toUpperCase() === 'FROM'
          ? sticky(OBJECT_NAME, text, at)
          : undefined;
      if (objectName !== undefined) {
        tokens.push({ kind: 'word', text: objectName, at });
        at += objectName.length;
        continue;
      }
      const date = sticky(BARE_DATE, text, at);
      const number = date === undefined ? sticky(NUMBER, text, at) : undefined;
      const match = date ?? number ?? sticky(WORD, text, at) ?? sticky(OPERATOR, text, at);
      if (match === undefined) throw parseError(text, at, `unexpected '${char}'`);
      if (date !== undefined) tokens.push({ kind: 'string', text: date, at });
      else if (number !== undefined) tokens.push({ kind: 'number', text: number, value: Number(number), at });
      else tokens.push({ kind: /^[<>=!]/.test(match) ? 'op' : 'word', text: match, at });
      at += match.length;
    }
  }
  return tokens;
}

class Parser {
  #index = 0;
  constructor(
    readonly text: string,
    readonly tokens: Token[],
  ) {}

  peek(): Token | undefined {
    return this.tokens[this.#index];
  }
  isWord(word: string, token = this.peek()): boolean {
    return token?.kind === 'word' && token.text.toUpperCase() === word;
  }
  take(): Token {
    const token = this.tokens[this.#index];
    if (!token) throw parseError(this.text, this.text.length, 'unexpected end of the expression');
    this.#index += 1;
    return token;
  }
  expectWord(word: string): void {
    const token = this.take();
    if (!this.isWord(word, token))
      throw parseError(this.text, token.at, `expected ${word}, found '${token.text}'`);
  }
  expectPunct(punct: string): void {
    const token = this.take();
    if (token.kind !== 'punct' || token.text !== punct) {
      throw parseError(this.text, token.at, `expected '${punct}', found '${token.text}'`);
    }
  }
  fail(token: Token | undefined, what: string): never {
    throw parseError(this.text, token?.at ?? this.text.length, what);
  }

  expression(): CeqlExpression {
    let left = this.conjunction();
    while (this.isWord('OR')) {
      this.take();
      left = { type: 'or', left, right: this.conjunction() };
    }
    return left;
  }
  conjunction(): CeqlExpression {
    let left = this.term();
    while (this.isWord('AND')) {
      this.take();
      left = { type: 'and', left, right: this.term() };
    }
    return left;
  }
  term(): CeqlExpression {
    const token = this.peek();
    if (token?.kind === 'punct' && token.text === '(') {
      this.take();
      const inner = this.expression();
      this.expectPunct(')');
      return inner;
    }
    return this.comparison();
  }
  field(): string {
    const token = this.take();
    if (
      token.kind === 'field' ||
      (token.kind === 'word' && !this.isWord('AND', token) && !this.isWord('OR', token))
    ) {
      return token.text;
    }
    return this.fail(token, `expected a field name, found '${token.text}'`);
  }
  value(): CeqlValue {
    const token = this.take();
    if (token.kind === 'string') return token.text;
    if (token.kind === 'number') return token.value;
    if (this.isWord('TRUE', token)) return true;
    if (this.isWord('FALSE', token)) return false;
    if (this.isWord('NULL', token)) return null;
    return this.fail(
      token,
      `expected a value (a 'quoted string', a number, true or false), found '${token.text}'`,
    );
  }
  comparison(): CeqlExpression {
    const field = this.field();
    const negate = this.isWord('NOT') ? (this.take(), true) : false;
    const token = this.take();
    if (this.isWord('LIKE', token)) {
      const pattern = this.value();
      if (typeof pattern !== 'string') this.fail(token, 'LIKE needs a quoted pattern');
      return { type: 'like', field, pattern, negate };
    }
    if (this.isWord('IN', token)) {
      this.expectPunct('(');
      const values = [this.value()];
      while (this.peek()?.kind === 'punct' && this.peek()?.text === ',') {
        this.take();
        values.push(this.value());
      }
      this.expectPunct(')');
      return { type: 'in', field, values, negate };
    }
    if (negate) this.fail(token, 'NOT must be followed by LIKE or IN');
    if (this.isWord('IS', token)) {
      const isNot = this.isWord('NOT') ? (this.take(), true) : false;
      this.expectWord('NULL');
      return { type: 'null', field, negate: isNot };
    }
    if (token.kind !== 'op') this.fail(token, `expected an operator after ${field}, found '${token.text}'`);
    const operator = token.text === '<>' ? '!=' : (token.text as '=' | '!=' | '<' | '>' | '<=' | '>=');
    return { type: 'compare', field, operator, value: this.value() };
  }
  done(): boolean {
    return this.#index >= this.tokens.length;
  }
  rest(): string {
    const token = this.peek();
    return token ? this.text.slice(token.at) : '';
  }
}

/** Parses a CEQL `where` expression; a 400 whose message contains `Error parsing query` when it is malformed. */
export function parseCeql(text: string): CeqlExpression {
  const parser = new Parser(text, tokenize(text));
  if (parser.done()) throw parseError(text, 0, 'the expression is empty');
  const expression = parser.expression();
  if (!parser.done()) parser.fail(parser.peek(), `unexpected '${parser.peek()?.text}'`);
  return expression;
}

/** Parses a bulk query `select ... from <object> [where ...] [order by ...] [limit n]`. */
export function parseBulkSelect(text: string): BulkSelect {
  const parser = new Parser(text, tokenize(text, true));
  parser.expectWord('SELECT');
  let fields: string[] | '*' = '*';
  if (parser.peek()?.text === '*') parser.take();
  else {
    fields = [parser.field()];
    while (parser.peek()?.text === ',') fields.push((parser.take(), parser.field()));
  }
  parser.expectWord('FROM');
  const objectName = parser.field();
  const select: BulkSelect = { fields, objectName };
  if (parser.isWord('WHERE')) {
    parser.take();
    select.where = parser.expression();
  }
  if (parser.isWord('ORDER')) {
    parser.take();
    parser.expectWord('BY');
    const start = parser.peek();
    while (!parser.done() && !parser.isWord('LIMIT')) parser.take();
    select.orderBy = text.slice(start?.at ?? text.length, parser.peek()?.at ?? text.length).trim();
    if (select.orderBy === '') parser.fail(start, 'ORDER BY needs a field');
  }
  if (parser.isWord('LIMIT')) {
    parser.take();
    const token = parser.take();
    if (token.kind !== 'number' || !Number.isInteger(token.value) || token.value < 0) {
      parser.fail(token, 'LIMIT needs a whole number');
    }
    select.limit = token.kind === 'number' ? token.value : 0;
  }
  if (!parser.done()) parser.fail(parser.peek(), `unexpected '${parser.rest()}'`);
  return select;
}
