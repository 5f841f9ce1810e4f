/**
 * The `format`s of the spec, checked lightly: the shapes ajv-formats checks in its full mode for `date-time`,
 * `date`, `email` and `uri`, and integer ranges for `int32` and `int64`. Other formats (`binary`, `password`) are
 * annotations only.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:z|[+-]\d{2}(?::?\d{2})?)$/i;
const EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;
const URI = /^[a-z][a-z0-9+.-]*:[^\s"<>\\^`{|}]*$/i;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && leap ? 29 : DAYS[month - 1]!);
}

function isDateTime(text: string): boolean {
  const [date, time, ...rest] = text.split(/[tT ]/);
  if (rest.length > 0 || date === undefined || time === undefined || !isDate(date)) return false;
  const match = TIME.exec(time);
  if (!match) return false;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  const second = Number(match[3]);
  return hour <= 23 && minute <= 59 && second <= 60;
}

/** Whether `value` fits `format`; values of other types, and unknown formats, always fit. */
export function fitsFormat(format: string, value: unknown): boolean {
  if (typeof value === 'number') {
    if (format === 'int32') return Number.isInteger(value) && Math.abs(value) < 2 ** 31;
    if (format === 'int64') return Number.isInteger(value);
    return true;
  }
  if (typeof value !== 'string') return true;
  switch (format) {
    case 'date-time':
      return isDateTime(value);
    case 'date':
      return isDate(value);
    case 'email':
      return EMAIL.test(value);
    case 'uri':
      return URI.test(value);
    default:
      return true;
  }
}
