import { inspect } from 'node:util';
import { describe, expect, test } from 'vitest';
import {
  REDACTED,
  createRedactor,
  parserWords,
  redactError,
  redactHeaders,
  redactText,
  redactUrl,
  redactValue,
} from '../../src/core/index.js';

describe('redactUrl', () => {
  test('redacts secret parameters in the fragment, as an OAuth implicit redirect carries them', () => {
    expect(
      redactUrl('https://app.test/cb#access_token=AT-123456&token_type=bearer&expires_in=3600&state=s1'),
    ).toBe(`https://app.test/cb#access_token=${REDACTED}&token_type=bearer&expires_in=3600&state=s1`);
    expect(redactUrl('https://app.test/cb?x=1#id_token=ID-1&refresh_token=RT-1&code=C-1')).toBe(
      `https://app.test/cb?x=1#id_token=${REDACTED}&refresh_token=${REDACTED}&code=${REDACTED}`,
    );
    expect(redactUrl(new URL('https://app.test/cb?apiKey=K-1#secret=S-1'))).toBe(
      `https://app.test/cb?apiKey=${REDACTED}#secret=${REDACTED}`,
    );
  });

  test('keeps a plain fragment as written', () => {
    expect(redactUrl('https://docs.test/page#section-2')).toBe('https://docs.test/page#section-2');
    expect(redactUrl('https://docs.test/page?q=1#top')).toBe('https://docs.test/page?q=1#top');
  });

  test('still redacts user:password@ at the start', () => {
    expect(redactUrl('https://ada:pa55w0rd@proxy.test:8080/x?token=T-1')).toBe(
      `https://${REDACTED}@proxy.test:8080/x?token=${REDACTED}`,
    );
  });
});

describe('redactHeaders', () => {
  test('redacts X-Auth-Token, x-access-token and X-Refresh-Token, whatever their case', () => {
    expect(
      redactHeaders({
        'X-Auth-Token': 'XAT-1',
        'x-access-token': 'XACC-1',
        'X-Refresh-Token': 'XRT-1',
        'Content-Type': 'application/json',
      }),
    ).toEqual({
      'X-Auth-Token': REDACTED,
      'x-access-token': REDACTED,
      'X-Refresh-Token': REDACTED,
      'Content-Type': 'application/json',
    });
    const headers = new Headers({ 'X-AUTH-TOKEN': 'XAT-2', Authorization: 'User u-secret, Element e-token' });
    expect(redactHeaders(headers)).toEqual({
      'x-auth-token': REDACTED,
      authorization: `User ${REDACTED}, Element ${REDACTED}`,
    });
  });
});

describe('redactText', () => {
  test('redacts user:password@ of URLs anywhere in free text', () => {
    expect(
      redactText(
        'connect to https://ada:pa55w0rd@proxy.test:8080/x failed; retried via ftp://bob:hunter22@files.test',
      ),
    ).toBe(
      `connect to https://${REDACTED}@proxy.test:8080/x failed; retried via ftp://${REDACTED}@files.test`,
    );
    expect(redactText('(see "postgres://app:s3cr3t@db.internal:5432/main")')).toBe(
      `(see "postgres://${REDACTED}@db.internal:5432/main")`,
    );
  });

  test('redacts secret pairs in a fragment inside free text', () => {
    expect(redactText('redirected to https://app.test/cb#access_token=AT-9876&state=s2 then stopped')).toBe(
      `redirected to https://app.test/cb#access_token=${REDACTED}&state=s2 then stopped`,
    );
  });

  test('leaves e-mail addresses, @ in paths and plain text alone', () => {
    for (const text of [
      'write to ada@example.com',
      'mailto:ada@example.com',
      'https://example.com/users/@ada',
      'https://example.com/a?b=c@d',
      'no url here: x:y@z',
    ]) {
      expect(redactText(text)).toBe(text);
    }
  });

  test('takes linear time on long text', () => {
    const started = performance.now();
    for (const text of [
      'a'.repeat(5_000_000),
      'a:'.repeat(2_000_000),
      'http://'.repeat(500_000),
      `x://${'b'.repeat(5_000_000)}`,
      'a=b&'.repeat(1_000_000),
      '\\/'.repeat(1_000_000),
    ]) {
      redactText(text, ['some-secret']);
      redactUrl(text);
    }
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  test('finds a secret in JSON text however its encoder escaped it, whole or cut short', () => {
    // A Cloud Elements secret is base64: `/` and `+` in it. PHP writes `/` as `\/`, .NET writes `+` as `\u002B`;
    // a body cut short before its closing quote reaches the SDK as text, not parsed.
    const secret = 'kmVg5FO4ybmgYoFnBZ2yJ8s/EJKGQbkDyDwIs0l+Y+s=';
    const php = JSON.stringify({ message: `bad: ${secret}` }).replace(/\//g, '\\/');
    expect(redactText(php, [secret])).toBe(`{"message":"bad: ${REDACTED}"}`);
    expect(redactText(php.slice(0, -4), [secret])).toBe(`{"message":"bad: ${REDACTED}`);
    const dotnet = `{"m":"${secret.replace(/[+=]/g, (c) => `\\u00${c.charCodeAt(0).toString(16).toUpperCase()}`)}","n":1}`;
    expect(redactText(dotnet, [secret])).toBe(`{"m":"${REDACTED}","n":1}`);
    // Every character escaped, in a text that is not JSON at all (a log line that quotes a JSON string).
    const all = [...secret].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
    expect(redactText(`token: ${all} (rejected)`, [secret])).toBe(`token: ${REDACTED} (rejected)`);
    // A backslash that starts no JSON escape (a Windows path, `\U0041`) is text: kept as it is, nothing thrown.
    expect(redactText('Could not find D:\\Temp\\Files\\x.pdf or \\U0041', [secret])).toBe(
      'Could not find D:\\Temp\\Files\\x.pdf or \\U0041',
    );
    // Escapes elsewhere in the text stay as the server wrote them.
    expect(redactText('path C:\\\\dir\\/x \\u00e9 \\n', [secret])).toBe('path C:\\\\dir\\/x \\u00e9 \\n');
  });

  test('keeps the redactor the transport uses working: secrets, pairs and structured values', () => {
    const redact = createRedactor(['USR-secret-1', undefined, 'ab']);
    expect(redact('auth was User USR-secret-1 at https://u:p@h.test/?token=t#code=c')).toBe(
      `auth was User ${REDACTED} at https://${REDACTED}@h.test/?token=${REDACTED}#code=${REDACTED}`,
    );
    expect(redact('ab stays: secrets shorter than 4 characters are ignored')).toBe(
      'ab stays: secrets shorter than 4 characters are ignored',
    );
    expect(
      redactValue({ message: 'USR-secret-1', nested: [{ url: 'https://x.test/#access_token=z' }] }, redact),
    ).toEqual({
      message: REDACTED,
      nested: [{ url: `https://x.test/#access_token=${REDACTED}` }],
    });
  });
});

describe('redactError', () => {
  const redact = createRedactor(['SECRET-4f3e2d1c']);

  test('gives back the very error when there is nothing to take out of it', () => {
    const error = Object.assign(new TypeError('fetch failed', { cause: new Error('socket hang up') }), {
      code: 'ECONNRESET',
    });
    expect(redactError(error, redact)).toBe(error);
  });

  test('copies an error that quotes a secret: same prototype and fields, secret gone from message, stack and causes', () => {
    const inner = Object.assign(new Error('refused SECRET-4f3e2d1c'), {
      code: 'E_PROXY',
      config: { headers: { authorization: 'User SECRET-4f3e2d1c' } },
      socket: new (class Socket {
        secret = 'SECRET-4f3e2d1c';
      })(),
    });
    const outer = new TypeError('fetch failed', { cause: inner });
    const copy = redactError(outer, redact) as TypeError & { cause: typeof inner };
    expect(copy).not.toBe(outer);
    expect(copy).toBeInstanceOf(TypeError);
    expect(copy.message).toBe('fetch failed');
    expect(copy.cause.message).toBe('refused [REDACTED]');
    expect(copy.cause.code).toBe('E_PROXY');
    expect(copy.cause.config).toEqual({ headers: { authorization: 'User [REDACTED]' } });
    expect(copy.cause.socket).toBe('[Socket]');
    expect(inspect(copy, { depth: Infinity, showHidden: true })).not.toContain('SECRET-4f3e2d1c');
    // The original is left as it was.
    expect(inner.message).toBe('refused SECRET-4f3e2d1c');
  });

  test('copies a DOMException into one whose fields, code included, read and print without throwing', () => {
    // A DOMException's name, message and code are accessors of its prototype that refuse any other object.
    const error = new DOMException('connect to SECRET-4f3e2d1c refused', 'NetworkError');
    const copy = redactError(error, redact) as DOMException;
    expect(copy).toBeInstanceOf(DOMException);
    expect([copy.name, copy.message, copy.code]).toEqual([
      'NetworkError',
      'connect to [REDACTED] refused',
      19,
    ]);
    expect(String(copy)).toBe('NetworkError: connect to [REDACTED] refused');
    expect(inspect(copy, { showHidden: true, getters: true })).not.toContain('SECRET-4f3e2d1c');
  });

  test('cuts a chain of causes deeper than four rather than keep it unread', () => {
    let error: unknown = new Error('bottom SECRET-4f3e2d1c');
    for (let i = 0; i < 8; i++) error = new Error(`level ${i}`, { cause: error });
    expect(inspect(redactError(error, redact), { depth: Infinity })).not.toContain('SECRET-4f3e2d1c');
  });
});

describe('parserWords', () => {
  test("keeps a JSON parser's words and position, none of the text it parsed", () => {
    const messageOf = (text: string) => {
      try {
        JSON.parse(text);
      } catch (error) {
        return parserWords((error as Error).message);
      }
      throw new Error(`${text} parsed`);
    };
    // The text's quote pairs with none of the parser's: the excerpt goes whole, the token letter too.
    expect(messageOf('ok "uS3cReT" more')).toBe("Unexpected token '…'");
    expect(messageOf('{oops')).toBe("Expected property name or '}' in JSON at position 1");
    expect(messageOf('[1,]')).toBe("Unexpected token ']'");
    expect(parserWords('JSON Parse error: Unexpected identifier "uS3cReT"')).toBe(
      'JSON Parse error: Unexpected identifier',
    );
  });
});
