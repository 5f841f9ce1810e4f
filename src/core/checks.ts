// Misuse errors: a wrong argument throws a TypeError that names the argument and says how to fix it, never its value.

/** Throws the SDK's misuse `TypeError` (`[cloud-elements] …`). */
export function fail(message: string): never {
  throw new TypeError(`[cloud-elements] ${message}`);
}

/** Checks a required string option; the message names the option and says how to fix it, never its value. */
export function checkText(name: string, value: unknown, hint: string): asserts value is string {
  if (typeof value !== 'string' || value.trim() === '') fail(`${name} must be a non-empty string; ${hint}`);
  if (/[\r\n]/.test(value)) fail(`${name} contains a line break; ${hint}`);
}
