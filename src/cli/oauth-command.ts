// `cloud-elements oauth connect`: connects an account through OAuth 2 from a terminal: a callback server on
// 127.0.0.1, a local URL that redirects to the consent page printed (and opened in a browser when there is one;
// the consent URL can hold the app's client secret), the state checked, the instance created; its id is printed
// with the token masked, and the token written only to a file the user names.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, lstat, open, readlink, realpath, rename, rm, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, dirname, join, resolve } from 'node:path';
import { CloudElementsError } from '../core/index.js';
import {
  OAuthCallbackError,
  OAuthStateError,
  defineOAuthApp,
  finishOAuth,
  readOAuthCallback,
  startOAuth,
} from '../oauth/index.js';
import { checkInstanceFields } from '../instances/index.js';
import type { OAuthCallback } from '../oauth/index.js';
import {
  CliError,
  EXIT,
  UsageError,
  sdkMessage,
  secondsOption,
  shownValue,
  stringOption,
  type CommandSpec,
  type ParsedCommand,
} from './args.js';
import { lookBeforeRetrying, mask, note, type CliContext, type Command } from './context.js';
import { ENVIRONMENT_HELP, clientFromEnv } from './env.js';

const spec: CommandSpec = {
  name: 'oauth connect',
  brief: 'Connect an account through OAuth 2 from the terminal',
  usage: '<elementKey> [--port <n>] [--name <name>] [--token-file <file>] [--no-open]',
  summary:
    'Connects an account through OAuth 2: prints a URL of its 127.0.0.1 server that redirects to the ' +
    "provider's consent page (whose URL can hold your app's secret, so it is not printed), waits for the " +
    "provider's callback, checks its state, creates the instance and prints its id (the token masked).",
  details: [
    'Your provider app comes from OAUTH_API_KEY and OAUTH_API_SECRET (as for `npm run demo`). Its callback URL is ' +
      'OAUTH_CALLBACK_URL when set (an http://127.0.0.1 or http://localhost URL; the server listens on its port ' +
      'and path), else http://127.0.0.1:<port>/callback: register that URL with the provider app.',
    'That URL is opened in a browser when stdout is a terminal and --no-open is not given. ' +
      ENVIRONMENT_HELP,
  ],
  options: {
    port: { type: 'string', value: '<n>', description: 'Port of the callback server (default: a free one)' },
    name: {
      type: 'string',
      value: '<name>',
      description: 'Name of the new instance (default: "<elementKey> (CLI)")',
    },
    'token-file': {
      type: 'string',
      value: '<file>',
      description: 'Write the element token to this file (mode 600)',
    },
    'no-open': { type: 'boolean', description: 'Do not open a browser; only print the URL' },
    timeout: {
      type: 'string',
      value: '<seconds>',
      description: 'How long to wait for the callback (default 300)',
    },
  },
  positionals: ['<elementKey>'],
  examples: [
    'OAUTH_API_KEY=… OAUTH_API_SECRET=… cloud-elements oauth connect sfdc --port 8765 --token-file .sfdc-token',
  ],
};

/** Where the callback server listens, and the callback URL the provider app must have. */
function callbackTarget(
  ctx: CliContext,
  port: string | undefined,
): { host: string; port: number; path: string; fixed?: string } {
  const configured = ctx.env.OAUTH_CALLBACK_URL;
  if (configured) {
    let url: URL;
    try {
      url = new URL(configured);
    } catch {
      throw new UsageError(`OAUTH_CALLBACK_URL is not a URL: ${configured}`);
    }
    if (url.protocol !== 'http:' || !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
      throw new UsageError(
        `OAUTH_CALLBACK_URL must be an http://127.0.0.1 (or localhost) URL for oauth connect, got ${url.origin}; unset it to use http://127.0.0.1:<port>/callback.`,
      );
    }
    if (port !== undefined && url.port !== port)
      throw new UsageError(`--port ${port} differs from the port of OAUTH_CALLBACK_URL (${configured}).`);
    // The server listens where the URL points: `[::1]` is IPv6 loopback, which 127.0.0.1 does not answer.
    const host = url.hostname === '[::1]' ? '::1' : '127.0.0.1';
    return { host, port: Number(url.port || 80), path: url.pathname, fixed: configured };
  }
  const number = port === undefined ? 0 : Number(port);
  if (!Number.isInteger(number) || number < 0 || number > 65_535)
    throw new UsageError(`--port takes a port number (0-65535), got ${shownValue(port ?? '')}.`);
  return { host: '127.0.0.1', port: number, path: '/callback' };
}

/** `text` for HTML: a provider's error description is the provider's text, not markup. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(res: ServerResponse, status: number, title: string, text: string): void {
  const body = `<!doctype html><meta charset="utf-8"><title>${escapeHtml(title)}</title><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>`;
  res
    .writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
    .end(body);
}

/** Opens `url` in the user's browser; failures are ignored (the URL is printed anyway). */
function openBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url.replace(/&/g, '^&')]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(command, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    // No browser here: the printed URL is the way.
  }
}

/**
 * Checks, before the flow, that the token can be written to `file` later, without touching it: the token it may
 * hold is of an instance that still works, and stays there if the consent is refused, the callback never comes or
 * the user presses Ctrl-C. The token goes beside it and is renamed over it (see {@link writeTokenFile}), so the
 * folder must take a new file; an existing file must be a writable file. Resolves with the path to write, through a
 * symbolic link to where it points, so that the link stays.
 */
async function checkTokenFile(file: string): Promise<string> {
  let target = file;
  try {
    target = await realpath(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw unwritable(file, error);
    // A link to a file not made yet (a vault's mount, a dotfiles repository): the token goes where it points, and
    // the link stays a link.
    const link = await lstat(file).catch(() => undefined);
    if (link?.isSymbolicLink()) target = resolve(dirname(file), await readlink(file));
  }
  try {
    const found = await stat(target).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (found !== undefined && !found.isFile()) throw new Error('it is not a file');
    if (found !== undefined) await access(target, constants.W_OK);
    await access(dirname(target), constants.W_OK | constants.X_OK);
  } catch (error) {
    throw unwritable(file, error);
  }
  return target;
}

function unwritable(file: string, error: unknown): UsageError {
  return new UsageError(
    `--token-file ${file} cannot be written: ${(error as Error).message}; name a file in a folder you can write to.`,
  );
}

/**
 * Writes `token` to `target` at once, with mode 600: into a new file beside it, renamed over it, so that the file
 * holds the old token or the new one, never an empty or half-written one, and is never readable by others.
 */
async function writeTokenFile(target: string, token: string): Promise<void> {
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    // `wx`: a file made now, not one another user put there to read the token.
    const handle = await open(temporary, 'wx', 0o600);
    try {
      // The mode given to open is narrowed by the umask, never widened; chmod says it whatever the umask.
      await handle.chmod(0o600);
      await handle.writeFile(`${token}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => {});
    throw error;
  }
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new CliError(
          error.code === 'EADDRINUSE'
            ? `port ${port} on ${host} is in use; pick another with --port.`
            : `cannot listen on ${host}:${port}: ${error.message}`,
          EXIT.usage,
        ),
      ),
    );
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

async function run(parsed: ParsedCommand, ctx: CliContext): Promise<number> {
  const elementKey = parsed.positionals[0]!;
  const apiKey = ctx.env.OAUTH_API_KEY;
  const apiSecret = ctx.env.OAUTH_API_SECRET;
  if (!apiKey || !apiSecret) {
    throw new UsageError(
      'oauth connect needs your provider app: set OAUTH_API_KEY and OAUTH_API_SECRET (its client id and secret).',
    );
  }
  const timeoutSeconds = secondsOption(parsed, 'timeout') ?? 300;
  // Every argument is checked before the flow: the provider's consent, once given, cannot be taken back, and its
  // code can be used once, so a mistake found after it costs the user a second consent (and the browser page
  // would say the instance could not be created).
  const name = stringOption(parsed, 'name') ?? `${elementKey} (CLI)`;
  try {
    checkInstanceFields({ name });
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    throw new UsageError(
      `--name ${shownValue(name)} cannot name an instance: ${sdkMessage(error.message)} Or leave --name out for ` +
        `"${elementKey} (CLI)".`,
    );
  }
  const tokenFile = stringOption(parsed, 'token-file');
  // Checked now, written once the instance exists (see checkTokenFile).
  const tokenTarget = tokenFile === undefined ? undefined : await checkTokenFile(tokenFile);
  const target = callbackTarget(ctx, stringOption(parsed, 'port'));
  const client = clientFromEnv(ctx, { organization: 'required' });
  // Listening for SIGINT/SIGTERM before anything is printed, so Ctrl-C always closes the server cleanly.
  const stoppedBy = ctx.whenStopped();

  let settle!: (result: { callback: OAuthCallback } | { error: Error }) => void;
  const settled = new Promise<{ callback: OAuthCallback } | { error: Error }>(
    (resolve) => (settle = resolve),
  );
  let expectedState: string | undefined;
  /** The provider's consent URL, which can hold the app's client secret (Salesforce's does): never printed. */
  let consentUrl: string | undefined;
  // What is printed instead: a path of this server that redirects there, unguessable to other local users, and
  // useless once the command ends (terminal scrollback, CI logs). Nor does the secret reach a browser's argv.
  const startPath = `/start/${randomBytes(16).toString('base64url')}`;
  /** The browser's request that brought the callback: answered once the instance exists (or failed to). */
  let browser: ServerResponse | undefined;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'GET' && url.pathname === startPath && consentUrl !== undefined && !browser) {
      res
        .writeHead(302, {
          Location: consentUrl,
          'Cache-Control': 'no-store',
          'Referrer-Policy': 'no-referrer',
        })
        .end();
      return;
    }
    if (req.method !== 'GET' || url.pathname !== target.path || expectedState === undefined) {
      page(res, 404, 'Not found', 'This server only waits for the OAuth callback.');
      return;
    }
    if (browser) {
      page(res, 409, 'Already received', 'The callback was already received; see the terminal.');
      return;
    }
    try {
      const callback = readOAuthCallback(url.searchParams, { expectedState });
      browser = res;
      settle({ callback });
    } catch (error) {
      // A callback whose state does not match, or that repeats a parameter, is not our user's redirect (a page in
      // the browser can send any request to this port): refuse it and keep waiting for the real one.
      if (
        error instanceof OAuthStateError ||
        (error instanceof OAuthCallbackError && error.reason === 'malformed_callback')
      ) {
        note(
          ctx,
          `warning: refused a callback that is not this connection's (${error.reason}); still waiting.`,
        );
        page(res, 400, 'State mismatch', 'This callback does not belong to the connection in progress.');
        return;
      }
      const message = error instanceof Error ? sdkMessage(error.message) : String(error);
      page(res, 400, 'Not connected', message);
      settle({ error: error as Error });
    }
  });
  const port = await listen(server, target.host, target.port);
  const callbackUrl = target.fixed ?? `http://127.0.0.1:${port}${target.path}`;
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });

  try {
    const app = defineOAuthApp({ apiKey, apiSecret, callbackUrl });
    const start = await startOAuth(client, app, { elementKey });
    expectedState = start.state;
    consentUrl = start.url;
    const localUrl = `http://${target.host === '::1' ? '[::1]' : target.host}:${port}${startPath}`;
    // OAuthStart's printed form: the URL with the app's secrets redacted.
    const shownUrl = String((JSON.parse(JSON.stringify(start)) as { url: unknown }).url);
    note(ctx, `Waiting for the provider's callback on ${callbackUrl} (register it with your provider app).`);
    note(ctx, `The URL below redirects to the provider's consent page: ${shownUrl}`);
    ctx.stdout.write(`Open this URL to connect your ${elementKey} account:\n${localUrl}\n`);
    if (ctx.stdout.isTTY && parsed.values['no-open'] !== true) openBrowser(localUrl);

    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<{ error: Error }>((resolve) => {
      timer = setTimeout(
        () =>
          resolve({
            error: new CliError(`no callback within ${timeoutSeconds} seconds; run the command again.`),
          }),
        timeoutSeconds * 1000,
      );
    });
    const stopped = stoppedBy.then((signal) => ({
      error: new CliError(`stopped by ${signal} before the callback came.`, 130),
    }));
    const outcome = await Promise.race([settled, timedOut, stopped]);
    clearTimeout(timer);
    const res = browser;
    if ('error' in outcome) {
      if (outcome.error instanceof OAuthCallbackError)
        throw new CliError(`the provider did not connect the account: ${sdkMessage(outcome.error.message)}`);
      throw outcome.error;
    }
    note(ctx, 'Callback received, state checked; creating the instance…');
    let instance;
    try {
      const creating = finishOAuth(client, app, {
        elementKey,
        callback: outcome.callback,
        name,
      });
      const interrupted = stoppedBy.then((signal): never => {
        throw new CliError(
          `stopped by ${signal} while the instance was being created; it may exist: look for it with GET /instances.`,
          130,
        );
      });
      instance = await Promise.race([creating, interrupted]);
    } catch (error) {
      // The answer may have been lost after the instance was made (the terminal says how to look for it): the page
      // must not tell the user to connect again.
      const unsure =
        error instanceof CliError
          ? error.exitCode === 130
          : error instanceof CloudElementsError && lookBeforeRetrying(error) !== undefined;
      if (res)
        page(
          res,
          502,
          unsure ? 'Not sure' : 'Not connected',
          unsure
            ? 'The instance may have been created, but its answer was lost; see the terminal.'
            : 'Creating the instance failed; see the terminal.',
        );
      throw error;
    }
    if (res) page(res, 200, 'Connected', 'Your account is connected. You can close this tab.');
    const token = String(instance.token ?? '');
    if (tokenFile !== undefined && tokenTarget !== undefined) {
      try {
        await writeTokenFile(tokenTarget, token);
      } catch (error) {
        // The instance exists: say which one, so that it can be found (its token: GET /instances/{id}).
        throw new CliError(
          `instance ${instance.id} was created, but its token could not be written to ${tokenFile}: ` +
            `${(error as Error).message}. Read it with GET /instances/${instance.id}.`,
        );
      }
    }
    ctx.stdout.write(
      `Connected: instance ${instance.id} (${elementKey}), token ${mask(token)}` +
        `${tokenFile === undefined ? ' (pass --token-file <file> to keep it)' : `, written to ${tokenFile}`}\n`,
    );
    return EXIT.ok;
  } finally {
    await close();
  }
}

export const oauthConnectCommand: Command = { spec, run };
