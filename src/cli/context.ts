// What every command runs with: its streams and environment (the process's in main.ts, fakes in tests), the
// credentials the demo reads, and the small output helpers.
import { concatBytes, type CloudElementsError } from '../core/index.js';
import { CliError, EXIT, type CommandSpec, type ParsedCommand } from './args.js';
import { matchPath } from './spec-paths.js';

/** A stream the command line writes to. */
export interface Output {
  write(chunk: string | Uint8Array): unknown;
  readonly isTTY?: boolean;
}

/** The world of one command run. */
export interface CliContext {
  env: Readonly<Record<string, string | undefined>>;
  stdout: Output;
  stderr: Output;
  stdin: AsyncIterable<Uint8Array | string> & { readonly isTTY?: boolean };
  /**
   * Resolves when the user asks the process to stop (SIGINT, SIGTERM), with the signal's name. Until a command
   * calls it, those signals end the process as usual.
   */
  whenStopped(): Promise<string>;
}

/** One command: its declaration (options and help) and what it does; resolves with the exit code. */
export interface Command {
  spec: CommandSpec;
  run(parsed: ParsedCommand, ctx: CliContext): Promise<number>;
}

/** Writes one progress or status line to stderr, so stdout stays the command's data. */
export function note(ctx: CliContext, line: string): void {
  ctx.stderr.write(`${line}\n`);
}

/** Reads stdin to the end, as bytes. */
export async function readStdin(ctx: CliContext, limitBytes = 64 * 1024 * 1024): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of ctx.stdin) {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
    size += bytes.length;
    if (size > limitBytes) throw new CliError(`stdin is larger than ${limitBytes} bytes.`, EXIT.usage);
    chunks.push(bytes);
  }
  return concatBytes(chunks, size);
}

/** `abcd************`: enough to tell two tokens apart, not enough to use one. */
export function mask(secret: string): string {
  return `${secret.slice(0, Math.min(4, Math.floor(secret.length / 4)))}************`;
}

/** Methods that change nothing: a call of one whose answer was lost can simply be made again. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * What to do before running again a call that failed but may have been carried out (its answer lost or cut off,
 * a timeout, a 5xx), e.g. `look with GET /instances before you try again`: a POST /instances run again makes a
 * second instance. Undefined when the SDK knows the server did not act (a refused connection, a 4xx), and for a
 * method that changes nothing.
 */
export function lookBeforeRetrying(error: CloudElementsError): string | undefined {
  const { method, path } = error;
  if (error.mayHaveReachedServer !== true || method === undefined || SAFE_METHODS.has(method.toUpperCase()))
    return undefined;
  // The GET of the same path lists what a POST adds (/instances, /hubs/crm/contacts) or reads back what a PUT,
  // PATCH or DELETE changed; a path of the spec without a GET gets the general advice.
  const readable =
    path !== undefined &&
    path.length <= 200 &&
    matchPath(path).some((match) => Object.hasOwn(match.methods, 'GET'));
  return `look with ${readable ? `GET ${path}` : 'a GET'} before you try again`;
}

/**
 * What to say of a call of a method that changes nothing (GET, HEAD, OPTIONS) that failed after it reached the API
 * (its answer cut off): it can simply be run again, and whether the SDK already did. Undefined for the other
 * methods, which get {@link lookBeforeRetrying}'s advice instead.
 */
export function runAgainAdvice(error: CloudElementsError): string | undefined {
  const method = error.method?.toUpperCase();
  if (method === undefined || !SAFE_METHODS.has(method)) return undefined;
  const { attempts } = error;
  const tried =
    attempts === undefined
      ? ''
      : attempts > 1
        ? ` (the SDK already tried it ${attempts} times)`
        : ' (the SDK did not retry it)';
  return `${method} changes nothing, so it can simply be run again${tried}`;
}
