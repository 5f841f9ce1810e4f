// What every command runs with: its streams and environment (the process's in main.ts, fakes in tests), the
// credentials the demo reads, and the small output helpers.
import { CliError, EXIT, type CommandSpec, type ParsedCommand } from './args.js';

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
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** `abcd************`: enough to tell two tokens apart, not enough to use one. */
export function mask(secret: string): string {
  return `${secret.slice(0, Math.min(4, Math.floor(secret.length / 4)))}************`;
}
