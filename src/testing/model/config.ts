/** Configuration keys whose values are masked as `********` whenever the API returns them. */
const MASKED_KEY = /secret|password|token|(^|\.)api\.key$|signature\.key$/i;

/** The value Cloud Elements shows instead of a secret configuration value. */
export const MASK = '********';

/** Returns the configuration value as the API shows it (secrets masked). */
export function maskConfigValue(key: string, value: string | null): string | null {
  return value !== null && value !== '' && MASKED_KEY.test(key) ? MASK : value;
}

/** Converts a configuration value given in a request to the string Cloud Elements stores. */
export function toConfigValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Removes HTML tags, as Cloud Elements sanitizes instance names and tags. */
export function stripHtml(text: string): string {
  return text.replace(/<[^>]*>/g, '').trim();
}
