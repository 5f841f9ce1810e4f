#!/usr/bin/env node
// The `cloud-elements` command line (package.json `bin`). Not part of the library: nothing imports src/cli/, and
// its own dependencies (node:util parseArgs, the Swagger converter, openapi-typescript for `types`) stay out of the
// entries' import graphs.
import { SDK_VERSION } from '../client/index.js';
import { CloudElementsError, ConnectionError, looksLike, redactUrl } from '../core/index.js';
import { CliError, EXIT, helpText, parseCommand, sdkMessage } from './args.js';
import { lookBeforeRetrying, runAgainAdvice, type CliContext, type Command } from './context.js';
import { emulatorCommand } from './emulator-command.js';
import { oauthConnectCommand } from './oauth-command.js';
import { requestCommand } from './request-command.js';
import { typesCommand } from './types-command.js';
import { webhooksVerifyCommand } from './webhooks-command.js';

const COMMANDS: Command[] = [
  typesCommand,
  requestCommand,
  oauthConnectCommand,
  webhooksVerifyCommand,
  emulatorCommand,
];

function overview(): string {
  const width = Math.max(...COMMANDS.map((command) => command.spec.name.length));
  return [
    'Usage: cloud-elements <command> [options]',
    '',
    'The command line of cloud-elements-sdk. Credentials come from CE_USER_SECRET, CE_ORGANIZATION_SECRET and',
    'CE_BASE_URL or CE_ENVIRONMENT, the variables `npm run demo` reads.',
    '',
    'Commands:',
    ...COMMANDS.map((command) => `  ${command.spec.name.padEnd(width)}  ${command.spec.brief}`),
    '',
    'Run `cloud-elements <command> --help` for the options of a command; `cloud-elements --version` for the version.',
    '',
  ].join('\n');
}

/** Finds the command the words name (`oauth connect` is two words); the rest are its arguments. */
function findCommand(argv: string[]): { command: Command; rest: string[] } | undefined {
  for (const command of COMMANDS) {
    const words = command.spec.name.split(' ');
    if (words.every((word, i) => argv[i] === word)) return { command, rest: argv.slice(words.length) };
  }
  return undefined;
}

async function main(argv: string[], ctx: CliContext): Promise<number> {
  const [first] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    ctx.stdout.write(overview());
    return first === undefined ? EXIT.usage : EXIT.ok;
  }
  if (first === '--version' || first === '-v') {
    ctx.stdout.write(`${SDK_VERSION}\n`);
    return EXIT.ok;
  }
  const found = findCommand(argv);
  if (!found) {
    const groups = COMMANDS.filter((command) => command.spec.name.startsWith(`${first} `));
    const known = COMMANDS.map((command) => command.spec.name).join(', ');
    if (groups.length > 0 && (argv[1] === undefined || argv[1] === '--help' || argv[1] === '-h')) {
      ctx.stdout.write(
        `Commands of cloud-elements ${first}: ${groups.map((c) => c.spec.name).join(', ')}.\n`,
      );
      ctx.stdout.write(`Run \`cloud-elements ${groups[0]!.spec.name} --help\` for its options.\n`);
      return argv[1] === undefined ? EXIT.usage : EXIT.ok;
    }
    const typed = argv.slice(0, groups.length > 0 ? 2 : 1).join(' ');
    const meant = COMMANDS.find((command) => looksLike(typed, command.spec.name))?.spec.name;
    throw new CliError(
      `unknown command "${typed}"; ${meant === undefined ? 'the' : `did you mean ${meant}? The`} commands are ${known}. Run \`cloud-elements --help\`.`,
      EXIT.usage,
    );
  }
  const parsed = parseCommand(found.command.spec, found.rest);
  if (parsed === undefined) {
    ctx.stdout.write(helpText(found.command.spec));
    return EXIT.ok;
  }
  return found.command.run(parsed, ctx);
}

/** What to check when no server answered, from the variables the command read. */
function whereTheApiIs(env: CliContext['env']): string {
  const { CE_BASE_URL, CE_ENVIRONMENT } = env;
  if (CE_BASE_URL) return `is the API at ${redactUrl(CE_BASE_URL)} (CE_BASE_URL) up, and the address right?`;
  return `check the network, or CE_ENVIRONMENT (${CE_ENVIRONMENT || 'us'}) and CE_BASE_URL.`;
}

function describe(error: unknown, env: CliContext['env']): { message: string; code: number } {
  if (error instanceof CliError) return { message: sdkMessage(error.message), code: error.exitCode };
  if (error instanceof CloudElementsError) {
    // The SDK's errors carry the call, the status and the request id in their message.
    const message = sdkMessage(error.message);
    // A call that changes something and may have been carried out (the SDK's mayHaveReachedServer): run again on a
    // word that the server is down, a POST /instances makes a second instance.
    const look = lookBeforeRetrying(error);
    if (error instanceof ConnectionError) {
      // An answer began (it has a status) and broke off, or the request went out and the connection closed: the
      // server may have acted, which is what the user must know before running it again.
      if (error.status !== undefined || look !== undefined) {
        // A GET cut off changed nothing, whatever reached the API: running it again is all there is to do.
        const again = runAgainAdvice(error);
        if (error.status !== undefined && again !== undefined)
          return { message: `${message}; ${again}.`, code: EXIT.failed };
        const reached = error.status === undefined ? 'the request went out' : 'the call reached the API';
        return {
          message:
            `${message}; ${reached} and may have taken effect, only its answer was lost: ` +
            `${look ?? 'check (with a GET) before you send it again'}.`,
          code: EXIT.failed,
        };
      }
      // No answer at all: the SDK says what the network said; the user needs to know where the command looked.
      return { message: `${message}; ${whereTheApiIs(env)}`, code: EXIT.failed };
    }
    // A 5xx or a timeout of a POST: the server may have acted before it failed.
    if (look !== undefined)
      return { message: `${message}; it may have taken effect all the same: ${look}.`, code: EXIT.failed };
    return { message, code: EXIT.failed };
  }
  // The SDK checks arguments with TypeErrors that name the bad value.
  if (error instanceof TypeError && error.message.startsWith('[cloud-elements]'))
    return { message: sdkMessage(error.message), code: EXIT.usage };
  const detail = process.env.CE_DEBUG
    ? `\n${(error as Error)?.stack ?? ''}`
    : ' (set CE_DEBUG=1 for the stack)';
  return {
    message: `unexpected error: ${(error as Error)?.message ?? String(error)}${detail}`,
    code: EXIT.failed,
  };
}

// A reader that closes the pipe early (`| head -1`) is no failure of ours: stop quietly, as Unix tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

let stopped: Promise<string> | undefined;
const ctx: CliContext = {
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  whenStopped: () =>
    (stopped ??= new Promise((resolve) => {
      process.once('SIGINT', () => resolve('SIGINT'));
      process.once('SIGTERM', () => resolve('SIGTERM'));
    })),
};

let code: number;
try {
  code = await main(process.argv.slice(2), ctx);
} catch (error) {
  const { message, code: exitCode } = describe(error, ctx.env);
  process.stderr.write(`cloud-elements: ${message}\n`);
  code = exitCode;
}
// Flush what was written to pipes, then exit: kept-alive connections must not hold the process open.
await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
await new Promise<void>((resolve) => process.stderr.write('', () => resolve()));
process.exit(code);
