/**
 * Incremental parsers for the two formats of bulk results: newline-delimited JSON and CSV. Both read a byte
 * stream chunk by chunk and yield records as soon as they are complete, holding at most one record (plus one
 * chunk) in memory.
 */
import {
  CloudElementsError,
  InvalidResponseError,
  fail,
  parserWords,
  readStream,
  snippet,
  type CloudElementsErrorOptions,
  type Redactor,
} from '../core/index.js';

/**
 * The download whose results are parsed (`readBulkRecords`): its errors are the answer's, an
 * {@link InvalidResponseError} with the call's method, path and status, and the server's text in them is scrubbed of
 * the client's secrets (a proxy's page can echo the `Authorization` header it was sent).
 */
export type ResultsCall = CloudElementsErrorOptions & { redact: Redactor };

/**
 * The error for malformed results: the answer's {@link InvalidResponseError} when they come from a download, with
 * the server's text (`quoted`, never more than a snippet) redacted before it is cut; else a plain
 * {@link CloudElementsError} of the caller's own source.
 */
function malformed(
  call: ResultsCall | undefined,
  message: (quoted: (text: string) => string) => string,
  cause?: unknown,
): CloudElementsError {
  if (call === undefined)
    return new CloudElementsError(
      message((text) => snippet(text)),
      { cause },
    );
  const { redact, ...facts } = call;
  return new InvalidResponseError(
    message((text) => snippet(redact(text))),
    { ...facts, cause },
  );
}

/** A byte source: a web `ReadableStream`, a Node stream, or any async iterable of bytes or text. */
export type ByteSource = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array | string>;

/**
 * Decodes a byte source as UTF-8 text chunks (multi-byte characters split across chunks are kept whole, a byte
 * order mark is dropped). A chunk may be empty.
 */
async function* decodeText(source: ByteSource): AsyncGenerator<string, void, undefined> {
  const stream = source instanceof ReadableStream;
  if (!stream && typeof (source as Partial<AsyncIterable<unknown>>)?.[Symbol.asyncIterator] !== 'function') {
    fail(
      'The results source must be a ReadableStream (response.body), a Node stream or an async iterable of ' +
        'bytes or text.',
    );
  }
  const decoder = new TextDecoder();
  // Until the first character: the decoder drops a byte order mark from bytes, but text (a Node stream opened
  // with 'utf8') keeps it, and it would stick to the first column's name or the first line.
  let start = true;
  for await (const chunk of stream ? readStream(source) : source) {
    let text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (start && text !== '') {
      start = false;
      if (typeof chunk === 'string' && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    yield text;
  }
  yield decoder.decode();
}

/**
 * Parses newline-delimited JSON (one JSON value per line; blank lines and `\r\n` endings are accepted) as it
 * arrives. Any JSON value is yielded as it is; {@link readBulkRecords} takes JSON objects only.
 *
 * @throws {CloudElementsError} naming the line number when a line is not valid JSON.
 * @example
 * for await (const record of parseNdjson(response.body!)) console.log(record);
 */
export function parseNdjson<T = Record<string, unknown>>(
  source: ByteSource,
): AsyncGenerator<T, void, undefined> {
  return readNdjson<T>(source, undefined);
}

/**
 * {@link parseNdjson} for the records of a bulk download (`readBulkRecords`): each line must be a JSON object. A
 * line that is any other value (`null`, `42`, an array) is refused with an {@link InvalidResponseError} naming its
 * line, rather than handed out as a record; a download whose first line starts with `[` is a JSON array, not
 * NDJSON, and the error says so. `call` is the download, for the error's `method` and `path`.
 */
export function parseNdjsonRecords(
  source: ByteSource,
  call: ResultsCall,
): AsyncGenerator<Record<string, unknown>, void, undefined> {
  return readNdjson<Record<string, unknown>>(source, call);
}

/** What a JSON value other than an object is, for an error message: its kind only, never its text. */
function kindOfJson(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'a JSON array' : `a ${typeof value}`;
}

/** Parses NDJSON; with `records` (the call that downloads them), each line must be a JSON object. */
async function* readNdjson<T>(
  source: ByteSource,
  records: ResultsCall | undefined,
): AsyncGenerator<T, void, undefined> {
  let lineNumber = 0;
  let first = true;
  const parseLine = (line: string): T | undefined => {
    lineNumber += 1;
    const text = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (text.trim() === '') return undefined;
    // Checked before parsing: a JSON array written over many lines starts with a line that is not valid JSON.
    if (records !== undefined && first && text.trimStart().startsWith('[')) {
      throw malformed(
        records,
        () =>
          `Line ${lineNumber} of the bulk results starts with "[": the download is a JSON array, not NDJSON (one ` +
          'JSON object per line). Read it with downloadBulkResults() and parse it as one JSON document, or ask ' +
          "for format: 'csv'.",
      );
    }
    first = false;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      // The parser's message quotes the line: only its own words are kept, and the line is quoted once, redacted.
      const words = parserWords(String((error as Error).message));
      throw malformed(
        records,
        (quoted) => `Line ${lineNumber} of the NDJSON results is not valid JSON (${words}): ${quoted(text)}`,
        new SyntaxError(words),
      );
    }
    if (records !== undefined && (value === null || typeof value !== 'object' || Array.isArray(value))) {
      throw malformed(
        records,
        () =>
          `Line ${lineNumber} of the bulk results is ${kindOfJson(value)}, not a record (a JSON object), so it is ` +
          'not handed out as one. Read the raw download with downloadBulkResults() to see what the server sent.',
      );
    }
    return value as T;
  };
  // The pieces of the line being read: none holds a line break. Each chunk is searched once and the pieces are
  // joined once per line, so a long line arriving in many chunks costs linear time.
  let pending: string[] = [];
  for await (const text of decodeText(source)) {
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      pending.push(text.slice(start, end));
      const record = parseLine(pending.join(''));
      pending = [];
      start = end + 1;
      if (record !== undefined) yield record;
    }
    pending.push(text.slice(start));
  }
  const last = parseLine(pending.join(''));
  if (last !== undefined) yield last;
}

// States of the CSV parser.
const fieldStart = 0;
const unquoted = 1;
const quoted = 2;
const quoteInQuoted = 3;
const separator = /[,\r\n]/g;

/**
 * Parses CSV (RFC 4180) into rows of fields as it arrives: fields separated by commas, rows by `\n` or `\r\n`
 * (or `\r`), fields in double quotes may hold commas, line breaks and doubled quotes (`""` → `"`). A quote inside
 * an unquoted field is kept as text. Blank lines are skipped.
 *
 * @throws {CloudElementsError} for text after a closing quote (`"a"b`) or a quote left open at the end.
 */
export async function* parseCsvRows(source: ByteSource): AsyncGenerator<string[], void, undefined> {
  for await (const row of csvRows(source, undefined)) if (row.length > 0) yield row;
}

/**
 * {@link parseCsvRows}, with each blank line yielded as an empty row (`[]`, where a line holding `""` is `['']`):
 * in a one-column CSV, a blank line is a record whose value is empty, as many writers put it.
 */
async function* csvRows(
  source: ByteSource,
  call: ResultsCall | undefined,
): AsyncGenerator<string[], void, undefined> {
  let state = fieldStart;
  let field = '';
  let fieldQuoted = false;
  let row: string[] = [];
  let rowNumber = 1;
  // The last row ended with `\r`: a `\n` right after it (maybe in the next chunk) belongs to the same line break.
  let skipLineFeed = false;
  const rows: string[][] = [];

  const endField = () => {
    row.push(field);
    field = '';
    fieldQuoted = false;
    state = fieldStart;
  };
  const endRow = () => {
    const blank = row.length === 0 && field === '' && !fieldQuoted;
    endField();
    rows.push(blank ? [] : row);
    row = [];
    rowNumber += 1;
  };

  for await (const text of decodeText(source)) {
    for (let i = 0; i < text.length;) {
      if (state === quoted) {
        const close = text.indexOf('"', i);
        if (close === -1) {
          field += text.slice(i);
          break;
        }
        field += text.slice(i, close);
        state = quoteInQuoted;
        i = close + 1;
        continue;
      }
      const char = text[i];
      if (skipLineFeed) {
        skipLineFeed = false;
        if (char === '\n') {
          i += 1;
          continue;
        }
      }
      if (char === '"' && state !== unquoted) {
        // A quote opens a quoted field, or right after a closing quote stands for one quote.
        if (state === quoteInQuoted) field += '"';
        else fieldQuoted = true;
        state = quoted;
        i += 1;
        continue;
      }
      const afterQuote = state === quoteInQuoted;
      state = unquoted;
      separator.lastIndex = i;
      const match = separator.exec(text);
      const end = match === null ? text.length : match.index;
      if (afterQuote && end !== i) {
        throw malformed(
          call,
          (quoted) =>
            `Row ${rowNumber} of the CSV results has text after a closing quote (${quoted(text.slice(i, i + 400))}); ` +
            'a quote inside a quoted field must be doubled.',
        );
      }
      field += text.slice(i, end);
      i = end + 1;
      if (match?.[0] === ',') endField();
      else if (match !== null) {
        endRow();
        skipLineFeed = match[0] === '\r';
      }
    }
    // Yield between chunks, not inside the loop, so the parser state above stays simple.
    yield* rows.splice(0);
  }
  if (state === quoted) {
    throw malformed(
      call,
      () => `Row ${rowNumber} of the CSV results has a quoted field that is never closed.`,
    );
  }
  if (state !== fieldStart || row.length > 0) endRow();
  yield* rows;
}

/**
 * Parses CSV with a header row into records keyed by the header's field names (values stay strings). Records are
 * plain objects whose every column is an own data property: a column named `__proto__` or `constructor` is
 * data like any other and never changes a record's prototype. Blank lines are skipped, except in a CSV of one
 * column: there a blank line followed by more rows is a record whose value is empty (`{ title: '' }`), which is how
 * most writers put it.
 *
 * @throws {CloudElementsError} when the header names a column twice, a row has more or fewer fields than the
 *   header, or the CSV is malformed.
 * @example
 * for await (const contact of parseCsvRecords(stream)) console.log(contact['email']);
 */
export function parseCsvRecords(source: ByteSource): AsyncGenerator<Record<string, string>, void, undefined> {
  return readCsvRecords(source, undefined);
}

/**
 * {@link parseCsvRecords} for the records of a bulk download (`readBulkRecords`), whose errors are the answer's
 * (see {@link ResultsCall}).
 */
export function parseCsvResults(
  source: ByteSource,
  call: ResultsCall,
): AsyncGenerator<Record<string, string>, void, undefined> {
  return readCsvRecords(source, call);
}

async function* readCsvRecords(
  source: ByteSource,
  call: ResultsCall | undefined,
): AsyncGenerator<Record<string, string>, void, undefined> {
  let header: string[] | undefined;
  let records = 0;
  // Blank lines seen since the last row: records of a one-column CSV if a row follows, else the file's end.
  let blanks = 0;
  for await (const row of csvRows(source, call)) {
    if (row.length === 0) {
      if (header?.length === 1) blanks += 1;
      continue;
    }
    if (header === undefined) {
      // Each column name once, so that no value silently overwrites another.
      const seen = new Set<string>();
      row.forEach((name, i) => {
        if (seen.has(name)) {
          throw malformed(
            call,
            (quoted) =>
              `The CSV results name the column ${quoted(name)} twice (again as column ${i + 1}); select each ` +
              'field once in the query.',
          );
        }
        seen.add(name);
      });
      header = row;
      continue;
    }
    for (; blanks > 0; blanks -= 1) {
      records += 1;
      yield Object.fromEntries([[header[0]!, '']]);
    }
    records += 1;
    if (row.length !== header.length) {
      const columns = header.length;
      throw malformed(
        call,
        () => `Record ${records} of the CSV results has ${row.length} fields but the header has ${columns}.`,
      );
    }
    // Object.fromEntries defines own data properties: `__proto__` becomes a key, not the prototype.
    yield Object.fromEntries(header.map((name, i) => [name, row[i]!]));
  }
}
