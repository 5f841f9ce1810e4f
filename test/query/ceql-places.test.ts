// A ceql misuse error names the value's place from the template's own text, never from the rendered query: the
// values before it (a secret, an email) must not show in the message, not even in part.
import { afterEach, describe, expect, test } from 'vitest';
import { ceql, paginate, type CeqlValue } from '../../src/query/index.js';
import { clientOf, sendJson, startServer, type TestServer } from '../helpers/http-server.js';

const apiKey = 'sk_live_51HcXyZSECRETSECRET';
const email = 'ada.lovelace@example.com';

/** The message of what `run` throws. */
function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(TypeError);
    return (error as Error).message;
  }
  throw new Error('expected a TypeError');
}

/** Every run of four or more characters of `value` that `message` contains. */
function partsShown(message: string, value: string): string[] {
  const shown: string[] = [];
  for (let i = 0; i + 4 <= value.length; i++) {
    if (message.includes(value.slice(i, i + 4))) shown.push(value.slice(i, i + 4));
  }
  return shown;
}

describe('ceql errors quote the template, not the values before the bad one', () => {
  test.each([
    ['an invalid Date', '>', new Date('not a date'), /is an invalid Date/],
    ['undefined', '>', undefined, /is undefined/],
    ['NaN', '>', Number.NaN, /is NaN/],
    ['an object', '>', { a: 1 }, /is an object/],
    ['null after >', '>', null, /is null/],
    ['an array after >', '>', [1, 2], /only match with IN or =/],
    ['an empty array', 'IN', [], /empty array/],
    ['a list with undefined', 'IN', [1, undefined], /item 2 of value 2/],
  ])('%s after a secret', (_name, operator, bad, kind) => {
    const message = messageOf(() =>
      operator === 'IN'
        ? ceql`apiKey = ${apiKey} AND createdDate IN ${bad as CeqlValue}`
        : ceql`apiKey = ${apiKey} AND createdDate > ${bad as CeqlValue}`,
    );
    expect(message).toMatch(kind);
    expect(message).toContain(`value 2 (after "= \${…} AND createdDate ${operator}")`);
    expect(partsShown(message, apiKey)).toEqual([]);
    expect(partsShown(message, `'${apiKey}'`)).toEqual([]);
  });

  test('a value written inside quotes after an email', () => {
    const message = messageOf(() => ceql`email = ${email} AND status = '${'open'}'`);
    expect(message).toBe(
      '[cloud-elements] ceql: value 2 (after "email = ${…} AND status = \'") is written inside quotes; remove ' +
        'them (ceql quotes values itself, ceql.field(name) field names).',
    );
    expect(partsShown(message, email)).toEqual([]);
  });

  test('many values before the bad one: only the template text, with a mark for each value', () => {
    const message = messageOf(
      () => ceql`a = ${email} AND b = ${apiKey} AND c = ${email} AND d = ${undefined as never}`,
    );
    expect(message).toMatch(
      /^\[cloud-elements\] ceql: value 4 \(after "b = \$\{…\} AND c = \$\{…\} AND d ="\) is undefined/,
    );
    expect(partsShown(message, email)).toEqual([]);
    expect(partsShown(message, apiKey)).toEqual([]);
  });

  test('a value glued to the one before it, and the first value', () => {
    expect(messageOf(() => ceql`x = ${email}${undefined as never}`)).toMatch(
      /value 2 \(after "x = \$\{…\}"\)/,
    );
    expect(messageOf(() => ceql`${undefined as never}`)).toMatch(/ceql: value 1 is undefined/);
    expect(messageOf(() => ceql`name = ${undefined as never}`)).toMatch(/value 1 \(after "name ="\)/);
  });
});

describe('over HTTP: a filter refused while building a list call', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  test('sends nothing, and the error shows none of the earlier value', async () => {
    server = await startServer((_req, res) => sendJson(res, 200, []));
    const crm = clientOf(server).forInstance('element-token');
    const since = new Date('not a date');
    const error = await (async () => {
      for await (const _ of paginate(crm, '/hubs/crm/contacts', {
        params: { query: { where: ceql`email = ${email} AND createdDate > ${since}`.text } },
      })) {
        // not reached
      }
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(partsShown(String(error), email)).toEqual([]);
    expect(server.requests).toHaveLength(0);
  });
});

test('a long word in the template is cut to its last 30 characters', () => {
  const long = messageOf(
    () =>
      ceql`a = ${email} AND ${ceql.field('b')} = 1 AND xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx=${undefined as never}`,
  );
  expect(long).toMatch(/value 3 \(after "x{29}="\)/);
  expect(partsShown(long, email)).toEqual([]);
});
