/** The credentials of the emulator's first user; `toJSON`, `String()` and `util.inspect` redact them. */
export class EmulatorCredentials {
  readonly #user: string;
  readonly #organization: string;

  constructor(userSecret: string, organizationSecret: string) {
    this.#user = userSecret;
    this.#organization = organizationSecret;
  }

  /** The first user's secret (`User <secret>`). */
  get userSecret(): string {
    return this.#user;
  }

  /** The organization secret (`Organization <secret>`). */
  get organizationSecret(): string {
    return this.#organization;
  }

  /** `User <secret>, Organization <secret>`, plus `, Element <token>` when a token is given. */
  authorization(elementToken?: string): string {
    const base = `User ${this.#user}, Organization ${this.#organization}`;
    return elementToken === undefined ? base : `${base}, Element ${elementToken}`;
  }

  /** Both secrets redacted, for `JSON.stringify`. */
  toJSON(): Record<string, string> {
    return { userSecret: '[REDACTED]', organizationSecret: '[REDACTED]' };
  }

  /** Both secrets redacted. */
  toString(): string {
    return 'EmulatorCredentials { userSecret: [REDACTED], organizationSecret: [REDACTED] }';
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}
