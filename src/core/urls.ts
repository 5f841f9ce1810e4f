/**
 * Whether `value` is an absolute `http:` or `https:` URL: the only kind the SDK sends requests or users to. Refused
 * as well: whitespace or control characters anywhere (a CR/LF could split a header or a redirect) and hosts
 * written with non-ASCII characters, which the URL parser would silently turn into another (punycode) host.
 */
export function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > 8192) return false;
  if (/[\u0000-\u0020\u007f]/.test(value)) return false;
  const host = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(value)?.[1] ?? '';
  if (/[^\u0000-\u007f]/.test(host)) return false;
  try {
    const { protocol, hostname } = new URL(value);
    return (protocol === 'https:' || protocol === 'http:') && hostname !== '';
  } catch {
    return false;
  }
}
