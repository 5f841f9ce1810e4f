import { describe, expect, it } from 'vitest';
import { isHttpUrl } from '../../src/core/index.js';
import { defineOAuthApp } from '../../src/oauth/index.js';

describe('isHttpUrl', () => {
  it.each([
    'https://www.mycoolapp.com/auth',
    'http://127.0.0.1:4010/elements/api-v2',
    'https://xn--exmple-cua.com/callback',
  ])('accepts %s', (url) => expect(isHttpUrl(url)).toBe(true));

  it.each([
    ['a line break', 'https://app.example.com/cb\r\nSet-Cookie: x=1'],
    ['a tab', 'https://app.example.com/\tcb'],
    ['a space', 'https://app.example.com/c b'],
    ['a non-ASCII host', 'https://exämple.com/callback'],
    ['another scheme', 'javascript:alert(1)'],
    ['no host', 'https://'],
    ['a relative path', '/oauth/callback'],
    ['not a string', 42],
  ])('refuses %s', (_name, url) => expect(isHttpUrl(url)).toBe(false));

  it('refuses an OAuth callback URL with CR/LF or a non-ASCII host, naming the field', () => {
    for (const callbackUrl of ['https://app.example.com/cb\r\nX: 1', 'https://exämple.com/cb']) {
      expect(() => defineOAuthApp({ apiKey: 'k', apiSecret: 's', callbackUrl })).toThrow(/callbackUrl/);
    }
  });
});
