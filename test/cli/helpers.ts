// Runs the command line as users do: a separate process (the TypeScript source through tsx), real sockets to an
// emulator, stdin, stdout, stderr and the exit code.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../src/testing/index.js';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

/** What a finished run printed, and how it exited. */
export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Variables added to a clean environment (PATH and HOME kept, no CE_* from the outer shell). */
  env?: Record<string, string | undefined>;
  /** Written to stdin, which is then closed. */
  input?: string | Uint8Array;
  cwd?: string;
  /** More Node options, before the script (e.g. `--import` of a loader hook). */
  nodeArgs?: string[];
}

/** The environment of a run: the test's variables over a minimal base, so the developer's CE_* never leak in. */
export function cliEnv(env: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1' };
  for (const [key, value] of Object.entries(env)) if (value !== undefined) base[key] = value;
  return base;
}

/** A started command: its process, what it printed so far, and its end. */
export interface RunningCli {
  child: ChildProcessWithoutNullStreams;
  /** Settles when the process exits, with everything it printed. */
  result: Promise<CliResult>;
  /** Resolves once the text printed on `stream` so far matches `pattern`. */
  waitFor(stream: 'stdout' | 'stderr', pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
}

/** Starts `cloud-elements <args>` and leaves it running; its output is collected from the first byte. */
export function startCli(args: string[], options: RunOptions = {}): RunningCli {
  const child = spawn(process.execPath, ['--import', 'tsx', ...(options.nodeArgs ?? []), MAIN, ...args], {
    cwd: options.cwd ?? root,
    env: cliEnv(options.env),
  });
  if (options.input !== undefined) child.stdin.end(options.input);
  else child.stdin.end();
  const printed = { stdout: '', stderr: '' };
  const waiters = new Set<() => void>();
  for (const stream of ['stdout', 'stderr'] as const) {
    child[stream].setEncoding('utf8').on('data', (chunk: string) => {
      printed[stream] += chunk;
      for (const check of waiters) check();
    });
  }
  const result = new Promise<CliResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      for (const check of waiters) check();
      resolve({ code, signal, ...printed });
    });
  });
  const waitFor = (stream: 'stdout' | 'stderr', pattern: RegExp, timeoutMs = 30_000) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`timed out waiting for ${pattern} on ${stream}; got: ${printed[stream]}`));
      }, timeoutMs);
      const check = () => {
        const match = printed[stream].match(pattern);
        if (match) {
          clearTimeout(timer);
          waiters.delete(check);
          resolve(match);
        } else if (child.exitCode !== null || child.signalCode !== null) {
          clearTimeout(timer);
          waiters.delete(check);
          reject(
            new Error(
              `exited before ${pattern} on ${stream}; stdout: ${printed.stdout} stderr: ${printed.stderr}`,
            ),
          );
        }
      };
      waiters.add(check);
      check();
    });
  return { child, result, waitFor };
}

/** Runs `cloud-elements <args>` to the end. */
export function runCli(args: string[], options: RunOptions = {}): Promise<CliResult> {
  return startCli(args, options).result;
}

/** An in-process emulator and the CE_* variables that point the command line at it. */
export async function emulatorWithEnv(options: EmulatorOptions = {}): Promise<{
  emulator: Emulator;
  env: Record<string, string>;
}> {
  const emulator = await startEmulator(options);
  return {
    emulator,
    env: {
      CE_BASE_URL: emulator.url,
      CE_USER_SECRET: emulator.credentials.userSecret,
      CE_ORGANIZATION_SECRET: emulator.credentials.organizationSecret,
    },
  };
}
