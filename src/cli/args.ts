// Argument parsing of every command, over node:util parseArgs: one declaration per command gives both the parser
// options and the --help text, so the help cannot drift from what is accepted.
import { parseArgs } from 'node:util';
import { looksLike } from '../core/index.js';

/** Exit codes of the command line. */
export const EXIT = {
  ok: 0,
  /** The check failed: an API error, a bad signature, stale types. */
  failed: 1,
  /** The command line or the environment is wrong (unknown option, missing variable). */
  usage: 2,
} as const;

/** A failure the command line reports as one message, without a stack trace. */
export class CliError extends Error {
  override name = 'CliError';
  readonly exitCode: number;

  constructor(message: string, exitCode: number = EXIT.failed) {
    super(message);
    this.exitCode = exitCode;
  }
}

/** A wrong command line: reported with a pointer to `--help`, exit code 2. */
export class UsageError extends CliError {
  override name = 'UsageError';

  constructor(message: string) {
    super(message, EXIT.usage);
  }
}

/** One option of a command. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  /** May be given more than once. */
  multiple?: boolean;
  short?: string;
  /** Placeholder of the value in the help, e.g. `<file>`. */
  value?: string;
  description: string;
}

/** What a command accepts, and its help. */
export interface CommandSpec {
  /** Words after `cloud-elements`, e.g. `oauth connect`. */
  name: string;
  /** Arguments after the name in the usage line, e.g. `<METHOD> <path> [options]`. */
  usage: string;
  /** One line for the list of commands. */
  brief: string;
  summary: string;
  /** Paragraphs after the usage line. */
  details?: string[];
  options: Record<string, OptionSpec>;
  /** Names of the positional arguments, in order; more are refused. */
  positionals: string[];
  /** How many positionals are required. @default positionals.length */
  required?: number;
  examples?: string[];
}

/** The parsed command line of a command. */
export interface ParsedCommand {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

const HELP: OptionSpec = { type: 'boolean', short: 'h', description: 'Show this help' };

/** A paragraph broken into lines of at most `width` characters (a longer word gets a line of its own). */
function wrap(text: string, width = 100): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** The --help text of a command. */
export function helpText(spec: CommandSpec): string {
  const lines = [`Usage: cloud-elements ${spec.name} ${spec.usage}`.trimEnd(), '', ...wrap(spec.summary)];
  for (const paragraph of spec.details ?? []) lines.push('', ...wrap(paragraph));
  const options = { ...spec.options, help: HELP };
  const labels = Object.entries(options).map(([name, option]) => {
    const flag = `${option.short ? `-${option.short}, ` : '    '}--${name}`;
    return [option.type === 'string' ? `${flag} ${option.value ?? '<value>'}` : flag, option] as const;
  });
  const width = Math.max(...labels.map(([label]) => label.length));
  lines.push('', 'Options:');
  for (const [label, option] of labels) {
    const repeat = option.multiple ? ' (repeatable)' : '';
    lines.push(`  ${label.padEnd(width)}  ${option.description}${repeat}`);
  }
  if (spec.examples && spec.examples.length > 0) {
    lines.push('', 'Examples:');
    for (const example of spec.examples) lines.push(`  ${example}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Most characters of a value from the command line that a message quotes; see {@link shownValue}. */
const SHOWN_LENGTH = 16;

/**
 * A value from the command line as a message shows it: a short one quoted; a longer one only by its length, since
 * a value in the wrong place is often a secret or an element token (`types --instance $CE_ELEMENT_TOKEN`), and a
 * message ends up in logs and CI output. `what` names it in that case (`a value`, `a further argument`).
 */
export function shownValue(value: string, what = 'a value'): string {
  if (value.length <= SHOWN_LENGTH && !/[\s\p{C}]/u.test(value)) return JSON.stringify(value);
  return `${what} of ${value.length} characters (not shown, in case it is a secret)`;
}

/**
 * parseArgs's message, said for this command: a misspelt option names the one meant; a missing value says how to
 * write it, on one line (parseArgs's own hints are three lines about `--`).
 */
function explainParseError(spec: CommandSpec, message: string): string {
  const names = [...Object.keys(spec.options), 'help'];
  const unknown = /^Unknown option '--([^'=]+)'/.exec(message);
  if (unknown) {
    const meant = names.find((name) => looksLike(unknown[1]!, name));
    return `Unknown option '--${unknown[1]}'${meant === undefined ? '.' : `; did you mean --${meant}?`}`;
  }
  const noValue = /^Option '(?:-\w, )?--([\w-]+)(?: <value>)?' argument (missing|is ambiguous)/.exec(message);
  const option = noValue ? spec.options[noValue[1]!] : undefined;
  if (noValue && option) {
    const usage = `--${noValue[1]} ${option.value ?? '<value>'}`;
    return noValue[2] === 'missing'
      ? `Option '--${noValue[1]}' has no value: write ${usage}.`
      : `Option '--${noValue[1]}' has no value: write ${usage}, or --${noValue[1]}=-XYZ for a value that starts with a dash.`;
  }
  // The first line says what is wrong; the rest are hints about `--` that do not apply here.
  return message
    .split('\n', 1)[0]!
    .replace(/\. To specify a positional argument starting with a '-'.*$/s, '')
    .replace(/[\s.]*$/, '.');
}

/**
 * Parses `argv` (the words after the command name) against `spec`. Returns `undefined` when `--help` was asked
 * for; throws {@link UsageError} for an unknown option, a missing value or a wrong number of arguments.
 */
export function parseCommand(spec: CommandSpec, argv: string[]): ParsedCommand | undefined {
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }> = {};
  for (const [name, option] of Object.entries({ ...spec.options, help: HELP })) {
    options[name] = {
      type: option.type,
      ...(option.multiple ? { multiple: true } : {}),
      ...(option.short ? { short: option.short } : {}),
    };
  }
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(
      `${explainParseError(spec, (error as Error).message)} Run \`cloud-elements ${spec.name} --help\` for the options.`,
    );
  }
  if (parsed.values.help === true) return undefined;
  const { positionals } = parsed;
  const required = spec.required ?? spec.positionals.length;
  if (positionals.length < required) {
    const missing = spec.positionals.slice(positionals.length, required).join(' ');
    throw new UsageError(
      `cloud-elements ${spec.name} needs ${missing}: cloud-elements ${spec.name} ${spec.usage}. Run \`cloud-elements ${spec.name} --help\` for more.`,
    );
  }
  if (positionals.length > spec.positionals.length) {
    // A word too many is often a secret that lost its option (`request GET /hubs/crm/contacts $TOKEN`).
    const extra = positionals
      .slice(spec.positionals.length)
      .map((word) => shownValue(word, 'a further argument'))
      .join(', ');
    throw new UsageError(
      `cloud-elements ${spec.name} does not take ${extra}: cloud-elements ${spec.name} ${spec.usage}.`,
    );
  }
  return { values: parsed.values as ParsedCommand['values'], positionals };
}

/** The value of a string option (the last one when repeated). */
export function stringOption(parsed: ParsedCommand, name: string): string | undefined {
  const value = parsed.values[name];
  if (Array.isArray(value)) return value.at(-1);
  return typeof value === 'string' ? value : undefined;
}

/**
 * A number of seconds given to option `name` (`--timeout 30`), or undefined when it is not given. A timer holds at
 * most 2^31-1 ms; beyond it, Node fires at once.
 */
export function secondsOption(parsed: ParsedCommand, name: string): number | undefined {
  const text = stringOption(parsed, name);
  if (text === undefined) return undefined;
  const seconds = Number(text);
  if (!(seconds > 0) || seconds > 2_147_483) {
    throw new UsageError(
      `--${name} takes a number of seconds above 0 and at most 2147483, got ${shownValue(text)}.`,
    );
  }
  return seconds;
}

/** A message of the SDK without its `[cloud-elements]` prefix: the command line prints its own. */
export function sdkMessage(message: string): string {
  return message.replace(/^\[cloud-elements\] /, '');
}

/** The values of a repeatable string option. */
export function stringList(parsed: ParsedCommand, name: string): string[] {
  const value = parsed.values[name];
  if (Array.isArray(value)) return value;
  return typeof value === 'string' ? [value] : [];
}
