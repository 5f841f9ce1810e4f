// Prints JavaScript values and calls as TypeScript source in the house style (prettier's single quotes and
// trailing commas), so that the generated samples read like the README's hand-written ones. Lines stop at 80
// columns: the docs site shows samples in a narrow panel.

export const WIDTH = 80;

/** A piece of source code that is printed as it is (a variable, a `ceql` template, a call). */
export class Code {
  /** @param {string} text */
  constructor(text) {
    this.text = text;
  }
}

/** @param {string} text */
export const code = (text) => new Code(text);

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A string literal, in single quotes unless the text has more of them than double quotes (as prettier does). */
export function quote(text) {
  const value = String(text);
  const q = (value.match(/'/g)?.length ?? 0) > (value.match(/"/g)?.length ?? 0) ? '"' : "'";
  return `${q}${value
    .replace(/\\/g, '\\\\')
    .replace(new RegExp(q, 'g'), `\\${q}`)
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(
      /[\u0000-\u001f\u2028\u2029]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    )}${q}`;
}

function key(name) {
  return IDENTIFIER.test(name) ? name : quote(name);
}

/**
 * A value as source text starting at column `column`, on one line when it fits in {@link WIDTH} columns
 * (`tail` is what follows it on its last line, e.g. `,` or `);`), else broken over lines indented by `indent`.
 */
export function printValue(value, indent = '', column = indent.length, tail = '') {
  const flat = printFlat(value);
  if (flat !== undefined && column + flat.length + tail.length <= WIDTH) return flat;
  if (value instanceof Code) return value.text;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((item) => `${inner}${printValue(item, inner, inner.length, ',')},`);
    return `[\n${items.join('\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    const lines = entries.map(([name, v]) => {
      const head = `${inner}${key(name)}: `;
      return `${head}${printValue(v, inner, head.length, ',')},`;
    });
    return `{\n${lines.join('\n')}\n${indent}}`;
  }
  return flat ?? 'undefined';
}

/** A value on one line; `undefined` when it cannot be (a multi-line piece of code). */
export function printFlat(value) {
  if (value instanceof Code) return value.text.includes('\n') ? undefined : value.text;
  if (value === null) return 'null';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const items = value.map(printFlat);
    return items.includes(undefined) ? undefined : `[${items.join(', ')}]`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    const parts = entries.map(([name, v]) => {
      const printed = printFlat(v);
      return printed === undefined ? undefined : `${key(name)}: ${printed}`;
    });
    return parts.includes(undefined) ? undefined : `{ ${parts.join(', ')} }`;
  }
  return undefined;
}

/**
 * A call `callee(args...)` at column `column`: on one line when it fits, else with its last argument (an object)
 * broken over lines, else with every argument on its own line.
 */
export function printCall(callee, args, indent = '', column = indent.length, tail = '') {
  const flatArgs = args.map(printFlat);
  if (!flatArgs.includes(undefined)) {
    const flat = `${callee}(${flatArgs.join(', ')})`;
    if (column + flat.length + tail.length <= WIDTH) return flat;
  }
  const last = args.at(-1);
  const head = args.slice(0, -1).map(printFlat);
  if (
    last !== null &&
    typeof last === 'object' &&
    !(last instanceof Code) &&
    !Array.isArray(last) &&
    !head.includes(undefined)
  ) {
    const opening = `${callee}(${[...head, ''].join(', ')}`;
    if (column + opening.length + 1 <= WIDTH) {
      return `${opening}${printValue(last, indent, WIDTH, `)${tail}`)})`;
    }
  }
  const inner = `${indent}  `;
  const lines = args.map((arg) => `${inner}${printValue(arg, inner, inner.length, ',')},`);
  return `${callee}(\n${lines.join('\n')}\n${indent})`;
}

/** `import { a, b } from 'x';`, broken over lines when longer than the width. */
export function printImport(names, specifier) {
  const sorted = [...names].sort(
    (a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }) || (a < b ? -1 : 1),
  );
  const flat = `import { ${sorted.join(', ')} } from '${specifier}';`;
  if (flat.length <= WIDTH) return flat;
  return `import {\n${sorted.map((name) => `  ${name},`).join('\n')}\n} from '${specifier}';`;
}
