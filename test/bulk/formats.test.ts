import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseCsvRecords, parseCsvRows, parseNdjson } from '../../src/bulk/index.js';
import { CloudElementsError } from '../../src/core/index.js';

const encoder = new TextEncoder();

/** Splits bytes at the given offsets, so multi-byte characters and CRLF pairs can land on chunk edges. */
function chunked(text: string, cuts: number[] = []): ReadableStream<Uint8Array> {
  const bytes = encoder.encode(text);
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const pieces: Uint8Array[] = [];
  let start = 0;
  for (const point of [...points, bytes.length]) {
    pieces.push(bytes.slice(start, point));
    start = point;
  }
  return new ReadableStream({
    pull(controller) {
      const next = pieces.shift();
      if (next === undefined) controller.close();
      else controller.enqueue(next);
    },
  });
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

// Reference writer: quotes every field that needs it (and some that do not), doubling quotes.
function toCsv(rows: string[][], newline: string, quoteAll: boolean): string {
  return rows
    .map((row) =>
      row
        .map((field) =>
          quoteAll || /[",\r\n]/.test(field) || field === '' ? `"${field.replaceAll('"', '""')}"` : field,
        )
        .join(','),
    )
    .join(newline);
}

describe('parseCsvRows', () => {
  test('reads quoted fields with commas, doubled quotes and line breaks', async () => {
    const text = 'id,name,notes\r\n1,"Smith, Ada","said ""hi""\r\nthen left"\r\n2,Bob,\n3,"",x\n';
    expect(await collect(parseCsvRows(chunked(text)))).toEqual([
      ['id', 'name', 'notes'],
      ['1', 'Smith, Ada', 'said "hi"\r\nthen left'],
      ['2', 'Bob', ''],
      ['3', '', 'x'],
    ]);
  });

  test('gives the same rows however the bytes are split', async () => {
    const text = 'a,"b\r\nc","d""e"\r\n"ü€😀",f\r\n';
    const whole = await collect(parseCsvRows(chunked(text)));
    for (let cut = 0; cut <= encoder.encode(text).length; cut++) {
      expect(await collect(parseCsvRows(chunked(text, [cut, cut + 1, cut + 3])))).toEqual(whole);
    }
  });

  test('accepts a last row without a line break, CR-only line breaks and blank lines', async () => {
    expect(await collect(parseCsvRows(chunked('a,b\r\rc,d\n\n\re,"f"')))).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
    ]);
    expect(await collect(parseCsvRows(chunked('a,\n')))).toEqual([['a', '']]);
    expect(await collect(parseCsvRows(chunked('""\n')))).toEqual([['']]);
    expect(await collect(parseCsvRows(chunked('')))).toEqual([]);
  });

  test('keeps a quote inside an unquoted field as text', async () => {
    expect(await collect(parseCsvRows(chunked('5" screen,ok\n')))).toEqual([['5" screen', 'ok']]);
  });

  test('drops a UTF-8 byte order mark', async () => {
    expect(await collect(parseCsvRows(chunked('\uFEFFid,name\n1,a\n')))).toEqual([
      ['id', 'name'],
      ['1', 'a'],
    ]);
  });

  test('rejects text after a closing quote and an unclosed quote', async () => {
    await expect(collect(parseCsvRows(chunked('a\n"b"c,d\n')))).rejects.toThrow(
      /Row 2 .*text after a closing quote/,
    );
    await expect(collect(parseCsvRows(chunked('a,"b\n')))).rejects.toThrow(CloudElementsError);
    await expect(collect(parseCsvRows(chunked('a,"b\n')))).rejects.toThrow(/never closed/);
  });

  test('reads back any rows a CSV writer produces, split anywhere', async () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'Z', ',', '"', '\r', '\n', ' ', 'é', '😀', '1') });
    const rows = fc
      .array(fc.array(field, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 })
      .map((all) =>
        all.map((row) =>
          row.slice(0, all[0]!.length).concat(Array(Math.max(0, all[0]!.length - row.length)).fill('x')),
        ),
      );
    await fc.assert(
      fc.asyncProperty(
        rows,
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.array(fc.nat(400), { maxLength: 6 }),
        async (table, newline, quoteAll, cuts) => {
          const text = toCsv(table, newline, quoteAll) + newline;
          expect(await collect(parseCsvRows(chunked(text, cuts)))).toEqual(table);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('parseCsvRecords', () => {
  test('keys each row by the header', async () => {
    const text = 'id,email,name\n1,ada@example.com,"Lovelace, Ada"\n2,grace@example.com,Hopper\n';
    expect(await collect(parseCsvRecords(chunked(text, [5, 17, 40])))).toEqual([
      { id: '1', email: 'ada@example.com', name: 'Lovelace, Ada' },
      { id: '2', email: 'grace@example.com', name: 'Hopper' },
    ]);
  });

  test('refuses a header that names a column twice, naming the column', async () => {
    const error = await collect(parseCsvRecords(chunked('id,email,id\n1,a@x,2\n'))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CloudElementsError);
    expect((error as Error).message).toMatch(/name the column "id" twice \(again as column 3\)/);
    await expect(collect(parseCsvRecords(chunked('a,,\n1,2,3\n')))).rejects.toThrow(/column "" twice/);
    const long = 'c'.repeat(100_000);
    const bounded = await collect(parseCsvRecords(chunked(`${long},${long}\n`))).catch((e: unknown) => e);
    expect((bounded as Error).message.length).toBeLessThan(500);
  });

  test('keeps __proto__ and constructor columns as data, without touching any prototype', async () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const text = '__proto__,constructor,toString,id\n{"polluted":1},evil,x,1\n';
    const [record] = await collect(parseCsvRecords(chunked(text)));
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(Object.keys(record!)).toEqual(['__proto__', 'constructor', 'toString', 'id']);
    expect(Object.getOwnPropertyDescriptor(record, '__proto__')?.value).toBe('{"polluted":1}');
    expect(record!['constructor']).toBe('evil');
    expect(record!['id']).toBe('1');
    expect(JSON.stringify(record)).toBe(
      '{"__proto__":"{\\"polluted\\":1}","constructor":"evil","toString":"x","id":"1"}',
    );
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
  });

  test('refuses a source that is not a stream or an async iterable', async () => {
    for (const source of [null, undefined, 42, 'a,b\n1,2', { a: 1 }]) {
      const error = await collect(parseCsvRecords(source as never)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TypeError);
      expect((error as Error).message).toMatch(/^\[cloud-elements\] The results source must be/);
    }
  });

  test('rejects a row with a different number of fields', async () => {
    await expect(collect(parseCsvRecords(chunked('a,b\n1,2\n3\n')))).rejects.toThrow(
      /Record 2 .* has 1 fields but the header has 2/,
    );
  });
});

describe('parseNdjson', () => {
  test('parses one record per line, with CRLF and blank lines, split anywhere', async () => {
    const records = [{ id: 1, name: 'Ada' }, { id: 2, text: 'line\nbreak "quoted" é😀' }, { id: 3 }];
    const text = `${JSON.stringify(records[0])}\r\n\n${JSON.stringify(records[1])}\n${JSON.stringify(records[2])}`;
    for (let cut = 0; cut < encoder.encode(text).length; cut += 3) {
      expect(await collect(parseNdjson(chunked(text, [cut, cut + 7])))).toEqual(records);
    }
  });

  test('names the line that is not JSON', async () => {
    const error = await collect(parseNdjson(chunked('{"a":1}\n\n{"b":\n'))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CloudElementsError);
    expect(String(error)).toMatch(/Line 3 of the NDJSON results is not valid JSON/);
  });

  test('quotes at most a bounded snippet of a bad line', async () => {
    const line = `{"a":${'1'.repeat(1_000_000)}x`;
    const error = await collect(parseNdjson(chunked(`${line}\n`))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CloudElementsError);
    expect((error as Error).message.length).toBeLessThan(500);
    expect((error as Error).message).toMatch(/…"$/);
  });

  test('reads a long line that arrives in many small chunks in linear time', async () => {
    async function* pieces() {
      for (let i = 0; i < 200_000; i++) yield i === 0 ? '{"a":"' : 'xxxxx';
      yield '"}\n{"b":1}\n';
    }
    const started = performance.now();
    const records = await collect(parseNdjson(pieces()));
    expect(records).toHaveLength(2);
    expect((records[0] as { a: string }).a).toHaveLength(999_995);
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  test('reads text chunks from any async iterable', async () => {
    async function* parts() {
      yield '{"a":';
      yield '1}\n{"a"';
      yield ':2}\n';
    }
    expect(await collect(parseNdjson(parts()))).toEqual([{ a: 1 }, { a: 2 }]);
  });

  test('cancels the stream when the reader stops early', async () => {
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(encoder.encode('{"a":1}\n'));
      },
      cancel() {
        cancelled = true;
      },
    });
    for await (const record of parseNdjson(stream)) {
      expect(record).toEqual({ a: 1 });
      break;
    }
    expect(cancelled).toBe(true);
  });
});
