import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  formatAuthorization,
  parseAuthorization,
  validateCredentials,
  type Credentials,
} from '../../src/core/index.js';
import { createClient } from '../../src/client/index.js';
import { startServer, type TestServer } from '../helpers/http-server.js';

// Characters Cloud Elements secrets and tokens are made of (base64 plus the usual punctuation).
const secretChar = fc.constantFrom(
  ...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=_-.~:;!*'.split(''),
);
const secret = fc.string({ unit: secretChar, minLength: 1, maxLength: 64 });
const credentials: fc.Arbitrary<Credentials> = fc.record(
  { userSecret: secret, organizationSecret: secret, elementToken: secret },
  { requiredKeys: ['userSecret'] },
);
const fields = ['userSecret', 'organizationSecret', 'elementToken'] as const;

describe('formatAuthorization', () => {
  it('writes the platform form User, Organization', () => {
    expect(formatAuthorization({ userSecret: 'u1', organizationSecret: 'o1' })).toBe(
      'User u1, Organization o1',
    );
  });

  it('writes the hub form with the element token last', () => {
    expect(formatAuthorization({ userSecret: 'u1', organizationSecret: 'o1', elementToken: 't1' })).toBe(
      'User u1, Organization o1, Element t1',
    );
  });

  it('writes the two-part hub form when there is no organization secret', () => {
    expect(formatAuthorization({ userSecret: 'u1', elementToken: 'a/b+c=' })).toBe('User u1, Element a/b+c=');
  });

  it('requires a user secret', () => {
    expect(() => formatAuthorization({ organizationSecret: 'o1' } as Credentials)).toThrow(
      /userSecret is required/,
    );
  });

  it.each([
    ['empty', ''],
    ['whitespace-only', ' \t '],
    ['comma-containing', 'abc,Element evil'],
    ['CR-containing', 'abc\rX-Injected: 1'],
    ['LF-containing', 'abc\nX-Injected: 1'],
    ['space-containing', 'abc def'],
  ])('rejects a %s value with a TypeError that names the field, not the value', (_kind, bad) => {
    for (const field of fields) {
      const input = { userSecret: 'good-user', [field]: bad } as Credentials;
      let caught: unknown;
      try {
        formatAuthorization(input);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(TypeError);
      const message = (caught as TypeError).message;
      expect(message).toMatch(/^\[cloud-elements\] /);
      expect(message).toContain(field);
      if (bad.trim() !== '') expect(message).not.toContain(bad.trim());
    }
  });

  it('rejects a non-string secret', () => {
    expect(() => validateCredentials({ userSecret: 42 as unknown as string })).toThrow(
      /userSecret must be a string/,
    );
  });
});

describe('parseAuthorization', () => {
  it('reads the three parts in any order', () => {
    const parts = ['User u1', 'Organization o1', 'Element t1'];
    const orders = [
      [0, 1, 2],
      [0, 2, 1],
      [1, 0, 2],
      [1, 2, 0],
      [2, 0, 1],
      [2, 1, 0],
    ];
    for (const order of orders) {
      const header = order.map((i) => parts[i]).join(', ');
      expect(parseAuthorization(header)).toEqual({
        userSecret: 'u1',
        organizationSecret: 'o1',
        elementToken: 't1',
      });
    }
  });

  it('accepts lower-case schemes and extra spaces around commas', () => {
    expect(parseAuthorization('  element t1 ,user u1')).toEqual({ elementToken: 't1', userSecret: 'u1' });
  });

  it('rejects an unknown part without echoing it', () => {
    expect(() => parseAuthorization('User u1, Bearer sekrit-value')).toThrow(/part 2 is not/);
    try {
      parseAuthorization('User u1, Bearer sekrit-value');
    } catch (error) {
      expect((error as Error).message).not.toContain('sekrit-value');
    }
  });

  it('rejects a part given twice', () => {
    expect(() => parseAuthorization('User u1, User u2')).toThrow(/userSecret twice/);
  });

  it.each(['constructor x', '__proto__ x', 'toString x', 'hasOwnProperty x', 'User u1, valueOf x'])(
    'refuses %j instead of reading Object.prototype',
    (header) => {
      const before = Object.getOwnPropertyNames(Object.prototype).sort();
      let caught: unknown;
      try {
        parseAuthorization(header);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(TypeError);
      expect((caught as Error).message).toMatch(
        /^\[cloud-elements\] Authorization part \d is not "User <secret>", "Organization <secret>" or "Element <token>"\.$/,
      );
      expect((caught as Error).message).not.toContain(' x');
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    },
  );

  it('rejects an empty header and an empty part', () => {
    expect(() => parseAuthorization('')).toThrow(TypeError);
    expect(() => parseAuthorization('User u1,, Element t1')).toThrow(/part 2/);
    expect(() => parseAuthorization('User')).toThrow(/part 1/);
  });

  it('says it takes the header string when given a Headers object or a number, instead of calling it empty', () => {
    const headers = new Headers({ authorization: 'User secret-u1, Organization secret-o1' });
    for (const [input, got] of [
      [headers, 'a Headers object'],
      [{ authorization: 'User secret-u1' }, 'an object'],
      [42, '42'],
      [null, 'null'],
    ] as const) {
      let caught: unknown;
      try {
        parseAuthorization(input as never);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(TypeError);
      const message = (caught as Error).message;
      expect(message).toBe(
        "[cloud-elements] parseAuthorization takes the Authorization header's string value, e.g. " +
          `request.headers.get('authorization'); got ${got}.`,
      );
      expect(message).not.toContain('secret-');
    }
    // A missing header is still reported as empty.
    expect(() => parseAuthorization(undefined as never)).toThrow(/The Authorization value is empty/);
  });
});

describe('header composition and parsing (property)', () => {
  it('round-trips any valid credentials', () => {
    fc.assert(
      fc.property(credentials, (creds) => {
        expect(parseAuthorization(formatAuthorization(creds))).toEqual(creds);
      }),
    );
  });

  it('parses the parts in any order to the same credentials', () => {
    fc.assert(
      fc.property(secret, secret, secret, fc.nat(5), (u, o, t, rotation) => {
        const parts = [`User ${u}`, `Organization ${o}`, `Element ${t}`];
        const permutations = [
          [0, 1, 2],
          [0, 2, 1],
          [1, 0, 2],
          [1, 2, 0],
          [2, 0, 1],
          [2, 1, 0],
        ][rotation] as number[];
        const header = permutations.map((i) => parts[i]).join(', ');
        expect(parseAuthorization(header)).toEqual({ userSecret: u, organizationSecret: o, elementToken: t });
      }),
    );
  });

  it('rejects any value that could inject a part or a header line, naming only the field', () => {
    const injected = fc
      .tuple(secret, fc.constantFrom(',', '\r', '\n', '\r\n', ', Element ', '\nX-Evil: 1'), secret)
      .map(([a, bad, b]) => `${a}${bad}${b}`);
    fc.assert(
      fc.property(credentials, fc.constantFrom(...fields), injected, (creds, field, value) => {
        const input = { ...creds, [field]: value };
        let caught: unknown;
        try {
          formatAuthorization(input);
        } catch (error) {
          caught = error;
        }
        expect(caught).toBeInstanceOf(TypeError);
        expect((caught as Error).message).toContain(field);
        expect((caught as Error).message).not.toContain(value);
      }),
    );
  });

  it('never parses a header into a value that contains a separator', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (header) => {
        let parsed: ReturnType<typeof parseAuthorization>;
        try {
          parsed = parseAuthorization(header);
        } catch (error) {
          expect(error).toBeInstanceOf(TypeError);
          return;
        }
        for (const value of Object.values(parsed)) expect(value).toMatch(/^[\x21-\x2b\x2d-\x7e]+$/);
      }),
    );
  });
});

describe('Authorization on the wire', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('sends what formatAuthorization builds, and parses back from what the server received', async () => {
    server = await startServer();
    await fc.assert(
      fc.asyncProperty(credentials, async (creds) => {
        const client = createClient({ ...creds, baseUrl: `${server!.url}/elements/api-v2`, retry: false });
        await client.GET('/hubs/{hub}/ping', { params: { path: { hub: 'crm' } } });
        const received = server!.requests.at(-1)?.headers.authorization;
        expect(received).toBe(formatAuthorization(creds));
        expect(parseAuthorization(received ?? '')).toEqual(creds);
      }),
      { numRuns: 25 },
    );
  });
});
