import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Emulator } from '../../src/testing/index.js';
import { sendJson, startServer } from '../helpers/http-server.js';
import { emulatorWithEnv, runCli, startCli } from './helpers.js';

let emulator: Emulator;
let env: Record<string, string>;
const dir = mkdtempSync(join(tmpdir(), 'ce-cli-oauth-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeEach(async () => {
  const started = await emulatorWithEnv();
  emulator = started.emulator;
  env = { ...started.env, OAUTH_API_KEY: 'cli-client-id', OAUTH_API_SECRET: 'cli-client-secret' };
});
afterEach(() => emulator.close());

/** The provider's consent URL that the printed local URL redirects to. */
async function providerUrl(localUrl: string): Promise<string> {
  const response = await fetch(localUrl, { redirect: 'manual' });
  expect(response.status).toBe(302);
  return response.headers.get('location')!;
}

/** Acts as the user in a browser: opens the consent page, clicks Approve or Deny; returns the callback URL. */
async function decide(consentUrl: string, verdict: 'approve' | 'deny'): Promise<string> {
  const response = await fetch(consentUrl);
  const page = await response.text();
  const href = new RegExp(`id="${verdict}" role="button" href="([^"]+)"`).exec(page)?.[1];
  expect(href, page).toBeDefined();
  // Relative to the consent page, where the printed local URL redirected.
  const decision = await fetch(new URL(href!.replace(/&(amp|#38);/g, '&'), response.url), {
    redirect: 'manual',
  });
  expect(decision.status).toBe(302);
  return decision.headers.get('location')!;
}

/** Starts `oauth connect` and waits for the consent URL it prints and the callback URL it listens on. */
async function connect(args: string[]) {
  const { child, result, waitFor } = startCli(['oauth', 'connect', 'sfdc', ...args], { env });
  const [, consentUrl] = await waitFor('stdout', /Open this URL to connect your sfdc account:\n(\S+)\n/);
  const [, callbackUrl] = await waitFor('stderr', /callback on (http:\/\/127\.0\.0\.1:\d+\/callback)/);
  return { child, result, consentUrl: consentUrl!, callbackUrl: callbackUrl! };
}

describe('cloud-elements oauth connect', () => {
  test('prints the consent URL, takes the callback on 127.0.0.1, creates the instance, masks the token', async () => {
    const tokenFile = join(dir, 'sfdc-token');
    const { result, consentUrl, callbackUrl } = await connect([
      '--token-file',
      tokenFile,
      '--name',
      'Jane (Salesforce)',
    ]);
    // The printed URL is the callback server's, redirecting to the consent page.
    expect(new URL(consentUrl).origin).toBe(new URL(callbackUrl).origin);
    expect(new URL(await providerUrl(consentUrl)).origin).toBe(emulator.origin);

    const callback = await decide(consentUrl, 'approve');
    expect(callback.startsWith(`${callbackUrl}?`)).toBe(true);
    const browser = await fetch(callback);
    expect(browser.status).toBe(200);
    expect(await browser.text()).toContain('Your account is connected');

    const { code, stdout, stderr } = await result;
    expect(code, stderr).toBe(0);
    const instance = [...emulator.state.instances.values()].find((i) => i.name === 'Jane (Salesforce)')!;
    expect(instance.configuration.get('oauth.callback.url')).toBe(callbackUrl);
    expect(stdout).toContain(
      `Connected: instance ${instance.id} (sfdc), token ${instance.token.slice(0, 4)}************, written to ${tokenFile}\n`,
    );
    // The token is in the file the user named (readable by the user only), and nowhere in the output.
    expect(readFileSync(tokenFile, 'utf8')).toBe(`${instance.token}\n`);
    expect(statSync(tokenFile).mode & 0o777).toBe(0o600);
    expect(stdout + stderr).not.toContain(instance.token);
    expect(stdout + stderr).not.toContain('cli-client-secret');
    expect(stderr).toContain('Callback received, state checked; creating the instance');
  }, 60_000);

  test('a --token-file that is a link to a file not made yet stays a link, and the token goes where it points', async () => {
    const vault = join(dir, 'vault-token');
    const link = join(dir, 'token-link');
    symlinkSync(vault, link);
    const { result, consentUrl } = await connect(['--token-file', link, '--name', 'Linked']);
    await fetch(await decide(consentUrl, 'approve'));
    const { code, stderr } = await result;
    expect(code, stderr).toBe(0);
    const instance = [...emulator.state.instances.values()].find((i) => i.name === 'Linked')!;
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(vault, 'utf8')).toBe(`${instance.token}\n`);
  }, 60_000);

  test('a callback with another state is refused (400) and the real one still connects; no file without --token-file', async () => {
    const { result, consentUrl, callbackUrl } = await connect([]);
    const forged = await fetch(`${callbackUrl}?code=stolen&state=not-the-state`);
    expect(forged.status).toBe(400);
    // A page in the browser can send anything to this port: a repeated state does not end the wait either.
    const repeated = await fetch(`${callbackUrl}?state=a&state=b&code=x`);
    expect(repeated.status).toBe(400);
    expect((await fetch(`${callbackUrl.replace('/callback', '/other')}`)).status).toBe(404);
    expect((await fetch(await decide(consentUrl, 'approve'))).status).toBe(200);
    const { code, stdout, stderr } = await result;
    expect(code, stderr).toBe(0);
    expect(stderr).toContain(
      "warning: refused a callback that is not this connection's (state_mismatch); still waiting.",
    );
    expect(stderr).toContain(
      "warning: refused a callback that is not this connection's (malformed_callback); still waiting.",
    );
    expect(stdout).toMatch(
      /Connected: instance \d+ \(sfdc\), token \S{4}\*{12} \(pass --token-file <file> to keep it\)/,
    );
    expect(emulator.state.instances.size).toBe(1);
  }, 60_000);

  test('a token file that exists is made private; one that cannot be written fails before the flow', async () => {
    const existing = join(dir, 'shared-token');
    writeFileSync(existing, 'old\n', { mode: 0o644 });
    chmodSync(existing, 0o644);
    const { result, consentUrl } = await connect(['--token-file', existing]);
    await fetch(await decide(consentUrl, 'approve'));
    expect((await result).code).toBe(0);
    expect(statSync(existing).mode & 0o777).toBe(0o600);
    const [instance] = [...emulator.state.instances.values()];
    expect(readFileSync(existing, 'utf8')).toBe(`${instance!.token}\n`);

    const nowhere = await runCli(
      ['oauth', 'connect', 'sfdc', '--token-file', join(dir, 'no/such/dir/token')],
      {
        env,
      },
    );
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toContain('cannot be written');
    expect(emulator.state.instances.size).toBe(1);
  }, 60_000);

  test('a refused consent, a timeout or Ctrl-C leaves the token file as it was: it is replaced only once the instance exists', async () => {
    const folder = mkdtempSync(join(dir, 'keep-'));
    const kept = join(folder, 'sfdc-token');
    writeFileSync(kept, 'OLD-WORKING-TOKEN\n');
    const fresh = join(folder, 'not-yet');

    const denied = await connect(['--token-file', kept]);
    expect((await fetch(await decide(denied.consentUrl, 'deny'))).status).toBe(400);
    expect((await denied.result).code).toBe(1);
    expect(readFileSync(kept, 'utf8')).toBe('OLD-WORKING-TOKEN\n');

    const late = await runCli(['oauth', 'connect', 'sfdc', '--timeout', '1', '--token-file', kept], { env });
    expect(late.code).toBe(1);
    expect(readFileSync(kept, 'utf8')).toBe('OLD-WORKING-TOKEN\n');

    const stopped = await connect(['--token-file', kept]);
    stopped.child.kill('SIGINT');
    expect((await stopped.result).code).toBe(130);
    expect(readFileSync(kept, 'utf8')).toBe('OLD-WORKING-TOKEN\n');

    // A file that did not exist is not made empty either, and nothing is left beside the files.
    const none = await runCli(['oauth', 'connect', 'sfdc', '--timeout', '1', '--token-file', fresh], { env });
    expect(none.code).toBe(1);
    expect(existsSync(fresh)).toBe(false);
    expect(readdirSync(folder)).toEqual(['sfdc-token']);
    expect(emulator.state.instances.size).toBe(0);
  }, 60_000);

  test('an empty --name is refused (exit 2) before the consent URL is printed, not after the user approved', async () => {
    const result = await runCli(['oauth', 'connect', 'sfdc', '--name', '', '--timeout', '5'], { env });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'cloud-elements: --name "" cannot name an instance: name must be a non-empty string; give the instance a ' +
        'name, e.g. "Acme Salesforce". Or leave --name out for "sfdc (CLI)".\n',
    );
    expect(emulator.state.instances.size).toBe(0);
  }, 60_000);

  test('an instance whose answer was lost: the terminal says to look with GET /instances, the page does not say it failed, the old token stays', async () => {
    // Cloud Elements through a proxy that loses the answer of POST /instances once the instance is made.
    const proxy = await startServer(async (req, res, _index, raw) => {
      const answer = await fetch(new URL(req.url, emulator.origin), {
        method: req.method,
        headers: Object.fromEntries(
          Object.entries(req.headers).filter(
            (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[0] !== 'host',
          ),
        ),
        ...(req.body.length > 0 ? { body: req.text } : {}),
      });
      const text = await answer.text();
      if (req.method === 'POST' && req.path.endsWith('/instances')) {
        raw.socket.destroy();
        return;
      }
      res.writeHead(answer.status, {
        'content-type': answer.headers.get('content-type') ?? 'application/json',
      });
      res.end(text);
    });
    const kept = join(dir, 'lost-answer-token');
    writeFileSync(kept, 'OLD-WORKING-TOKEN\n');
    try {
      const { result, waitFor } = startCli(['oauth', 'connect', 'sfdc', '--no-open', '--token-file', kept], {
        env: { ...env, CE_BASE_URL: `${proxy.url}/elements/api-v2` },
      });
      const [, localUrl] = await waitFor('stdout', /Open this URL to connect your sfdc account:\n(\S+)\n/);
      const page = await fetch(await decide(localUrl!, 'approve'));
      expect(page.status).toBe(502);
      const html = await page.text();
      expect(html).toContain('The instance may have been created, but its answer was lost');
      expect(html).not.toContain('Creating the instance failed');
      const { code, stderr } = await result;
      expect(code).toBe(1);
      expect(stderr).toContain(
        'may have taken effect, only its answer was lost: look with GET /instances before you try again.\n',
      );
      expect(stderr).not.toContain('is the API at');
      expect(emulator.state.instances.size).toBe(1);
      expect(readFileSync(kept, 'utf8')).toBe('OLD-WORKING-TOKEN\n');
    } finally {
      await proxy.close();
    }
  }, 60_000);

  test("the provider's error text is shown as text on the callback page, not as markup", async () => {
    const { result, consentUrl, callbackUrl } = await connect([]);
    const state = new URL(await providerUrl(consentUrl)).searchParams.get('state')!;
    const page = await fetch(
      `${callbackUrl}?state=${encodeURIComponent(state)}&error=access_denied&error_description=${encodeURIComponent('<script>alert(1)</script>')}`,
    );
    const html = await page.text();
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;');
    expect((await result).code).toBe(1);
  }, 60_000);

  test('the user denies: exit 1 with the provider’s reason, no instance', async () => {
    const { result, consentUrl } = await connect([]);
    const page = await fetch(await decide(consentUrl, 'deny'));
    expect(page.status).toBe(400);
    const { code, stderr } = await result;
    expect(code).toBe(1);
    expect(stderr).toContain(
      'cloud-elements: the provider did not connect the account: The provider refused the authorization (access_denied)',
    );
    expect(emulator.state.instances.size).toBe(0);
  }, 60_000);

  test('no callback in time, or Ctrl-C while waiting: the server closes and the command fails', async () => {
    const late = await runCli(['oauth', 'connect', 'sfdc', '--timeout', '1'], { env });
    expect(late.code).toBe(1);
    expect(late.stderr).toContain('no callback within 1 seconds; run the command again.');

    const { child, result, callbackUrl } = await connect([]);
    child.kill('SIGINT');
    const stopped = await result;
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toContain('stopped by SIGINT before the callback came.');
    await expect(fetch(callbackUrl)).rejects.toThrow();
  }, 60_000);

  test("never prints a consent URL that holds the app's client secret (Salesforce's does): it prints a local URL that redirects there", async () => {
    // Cloud Elements as it answers for sfdc: the client secret in the provider URL's query.
    const ce = await startServer((req, res) => {
      const q = req.searchParams;
      const oauthUrl =
        'https://login.salesforce.com/services/oauth2/authorize?response_type=code' +
        `&client_id=${encodeURIComponent(q.get('apiKey')!)}&client_secret=${encodeURIComponent(q.get('apiSecret')!)}` +
        `&redirect_uri=${q.get('callbackUrl')}&state=${encodeURIComponent(q.get('state')!)}`;
      sendJson(res, 200, { element: 'sfdc', oauthUrl });
    });
    try {
      const { child, result, waitFor } = startCli(['oauth', 'connect', 'sfdc', '--no-open'], {
        env: { ...env, CE_BASE_URL: `${ce.url}/elements/api-v2` },
      });
      const [, localUrl] = await waitFor('stdout', /Open this URL to connect your sfdc account:\n(\S+)\n/);
      await waitFor('stderr', /redirects to the provider's consent page/);
      expect(localUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/start\/[\w-]{22}$/);
      // The browser still reaches the real consent page, secret and all.
      const location = new URL(await providerUrl(localUrl!));
      expect(location.origin).toBe('https://login.salesforce.com');
      expect(location.searchParams.get('client_secret')).toBe('cli-client-secret');
      // A guessed start path is not redirected.
      const guessed = await fetch(new URL('/start/x', localUrl), { redirect: 'manual' });
      expect(guessed.status).toBe(404);
      child.kill('SIGINT');
      const { stdout, stderr } = await result;
      expect(stdout + stderr).not.toContain('cli-client-secret');
      expect(stdout + stderr).not.toContain('cli-client-id');
      expect(stderr).toContain('client_secret=[REDACTED]');
    } finally {
      await ce.close();
    }
  }, 60_000);

  test('without the provider app, or with a callback URL off this machine: exit 2', async () => {
    const noApp = await runCli(['oauth', 'connect', 'sfdc'], {
      env: { ...env, OAUTH_API_SECRET: undefined },
    });
    expect(noApp.code).toBe(2);
    expect(noApp.stderr).toContain('set OAUTH_API_KEY and OAUTH_API_SECRET');
    // Beyond what a timer holds, Node would fire at once.
    const long = await runCli(['oauth', 'connect', 'sfdc', '--timeout', '3000000'], { env });
    expect(long.code).toBe(2);
    expect(long.stderr).toContain('--timeout takes a number of seconds above 0 and at most 2147483');
    const remote = await runCli(['oauth', 'connect', 'sfdc'], {
      env: { ...env, OAUTH_CALLBACK_URL: 'https://www.mycoolapp.com/auth' },
    });
    expect(remote.code).toBe(2);
    expect(remote.stderr).toContain('OAUTH_CALLBACK_URL must be an http://127.0.0.1 (or localhost) URL');
    const noKey = await runCli(['oauth', 'connect'], { env });
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toContain('cloud-elements oauth connect needs <elementKey>');
  });
});
