import { describeValue, fail } from './checks.js';

/** The three credentials Cloud Elements reads from the `Authorization` header. */
export type Credentials = {
  /** User secret (`User <secret>`); needed on every call. */
  userSecret: string;
  /** Organization secret (`Organization <secret>`); needed for platform calls, optional for hub calls. */
  organizationSecret?: string | undefined;
  /** Element token of an instance (`Element <token>`); selects the instance for hub calls. */
  elementToken?: string | undefined;
};

/** Credentials as read back by {@link parseAuthorization}: any part may be missing from a header. */
export type ParsedAuthorization = Partial<Credentials>;

type CredentialField = keyof Credentials;

// A Map, not an object literal: a part named `constructor`, `__proto__` or `toString` must not find
// `Object.prototype`'s members.
const SCHEMES: ReadonlyMap<string, CredentialField> = new Map([
  ['user', 'userSecret'],
  ['organization', 'organizationSecret'],
  ['element', 'elementToken'],
]);

/**
 * Returns why `value` cannot be sent as a credential, or `undefined` when it can. The reason never contains the
 * value: these strings end up in error messages.
 */
function findProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return `must be a string, got ${value === null ? 'null' : typeof value}`;
  if (value.trim() === '') return 'is empty or only whitespace';
  if (/[\r\n]/.test(value)) return 'contains a line break (CR or LF)';
  if (value.includes(',')) return 'contains a comma, which would split the Authorization header';
  if (/[^\x21-\x7e]/.test(value)) {
    return 'contains a space, a control character or a non-ASCII character; copy it again from the Cloud Elements console';
  }
  return undefined;
}

/**
 * Checks one credential and throws a `TypeError` naming `field` (never the value) when it is empty, whitespace,
 * or contains a comma, CR/LF, space, control or non-ASCII character.
 */
export function assertCredential(field: CredentialField, value: unknown): asserts value is string {
  const problem = findProblem(value);
  if (problem !== undefined) {
    fail(`${field} ${problem}. Pass the ${field} exactly as Cloud Elements shows it.`);
  }
}

/**
 * Checks a credential set: `userSecret` is required; `organizationSecret` and `elementToken` are checked when
 * present. Throws a `TypeError` that names the bad field and never contains a value.
 */
export function validateCredentials(credentials: Partial<Credentials>): asserts credentials is Credentials {
  if (credentials === null || typeof credentials !== 'object') {
    fail('credentials must be an object such as { userSecret, organizationSecret }.');
  }
  if (credentials.userSecret === undefined) {
    fail('userSecret is required. Find it in the Cloud Elements console under your profile menu.');
  }
  assertCredential('userSecret', credentials.userSecret);
  if (credentials.organizationSecret !== undefined) {
    assertCredential('organizationSecret', credentials.organizationSecret);
  }
  if (credentials.elementToken !== undefined) assertCredential('elementToken', credentials.elementToken);
}

/**
 * Builds the Cloud Elements `Authorization` value: `User <s>, Organization <o>, Element <t>`, leaving out the
 * parts not given (`User <s>, Element <t>` is the hub form without organization). Validates every part first.
 * @example formatAuthorization({ userSecret: 'u', organizationSecret: 'o' }) // 'User u, Organization o'
 */
export function formatAuthorization(credentials: Credentials): string {
  validateCredentials(credentials);
  return joinAuthorization(credentials);
}

/** Joins already validated credentials; for callers that validated them once (`client.forInstance`). @internal */
export function joinAuthorization(credentials: Credentials): string {
  const parts = [`User ${credentials.userSecret}`];
  if (credentials.organizationSecret !== undefined)
    parts.push(`Organization ${credentials.organizationSecret}`);
  if (credentials.elementToken !== undefined) parts.push(`Element ${credentials.elementToken}`);
  return parts.join(', ');
}

/**
 * Reads a Cloud Elements `Authorization` value back into its parts. Parts may come in any order (Cloud Elements
 * accepts any) and scheme names are case-insensitive. Throws a `TypeError` for an unknown or repeated part or an
 * invalid value; the message gives the part's position, never its text.
 * @example parseAuthorization('Element t, User u') // { elementToken: 't', userSecret: 'u' }
 */
export function parseAuthorization(header: string): ParsedAuthorization {
  // A Headers object or a request's whole headers is a common slip; name what it takes rather than call it empty.
  // A missing header (`undefined`) is empty.
  if (header !== undefined && typeof header !== 'string') {
    const got =
      typeof Headers !== 'undefined' && (header as unknown) instanceof Headers
        ? 'a Headers object'
        : describeValue(header);
    fail(
      `parseAuthorization takes the Authorization header's string value, e.g. ` +
        `request.headers.get('authorization'); got ${got}.`,
    );
  }
  if (header === undefined || header.trim() === '') {
    fail('The Authorization value is empty; expected "User <secret>, …".');
  }
  const result: ParsedAuthorization = {};
  header.split(',').forEach((rawPart, index) => {
    const part = rawPart.trim();
    const [, scheme = '', value = ''] = /^([A-Za-z]+) +(\S+)$/.exec(part) ?? [];
    const field = SCHEMES.get(scheme.toLowerCase());
    if (field === undefined) {
      fail(
        `Authorization part ${index + 1} is not "User <secret>", "Organization <secret>" or "Element <token>".`,
      );
    }
    if (result[field] !== undefined) {
      fail(`Authorization has ${field} twice; send each part once.`);
    }
    assertCredential(field, value);
    result[field] = value;
  });
  return result;
}
