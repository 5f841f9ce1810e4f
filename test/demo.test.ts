import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { startEmulator, type Emulator } from '../src/testing/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsxCli = join(root, 'node_modules/tsx/dist/cli.mjs');
const runLimitMs = 60_000;

type Run = { code: number | null; stdout: string; stderr: string };

/** The environment without any variable that would switch the demo to real-API mode. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const name of Object.keys(env)) {
    if (/^(CE_|OAUTH_)/.test(name) || name === 'ELEMENT_KEY') delete env[name];
  }
  return { ...env, ...extra };
}

/** Runs the demo as a child process; `onLine` sees stdout line by line while it runs. */
function runDemo(
  command: 'npm' | 'tsx',
  env: NodeJS.ProcessEnv,
  onLine: (line: string) => void = () => {},
): Promise<Run> {
  const child =
    command === 'npm'
      ? spawn('npm', ['run', '--silent', 'demo'], { cwd: root, env })
      : spawn(process.execPath, [tsxCli, 'scripts/demo.ts'], { cwd: root, env });
  let stdout = '';
  let stderr = '';
  let partial = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
    const lines = (partial + chunk.toString('utf8')).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) onLine(line);
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise<Run>((resolve) => {
    const timer = setTimeout(() => child.kill(), runLimitMs);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** A port that was free a moment ago, for the demo's OAuth callback server (which must listen on a fixed port). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

describe('npm run demo', () => {
  test('package.json runs scripts/demo.ts with tsx', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.demo).toBe('tsx scripts/demo.ts');
  });

  test('runs every step against the local emulator and exits 0', async () => {
    const { code, stdout, stderr } = await runDemo('npm', cleanEnv());
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(
      /^Cloud Elements SDK demo against the local emulator at http:\/\/127\.0\.0\.1:\d+\/elements\/api-v2$/m,
    );
    expect(stdout).toMatch(/^ {2}platform {3}7 elements in the catalog$/m);
    expect(stdout).toMatch(
      /^ {2}oauth {6}consent approved, state checked; instance \d+ "SDK demo [0-9a-f]{6}" created \(sfdc\)$/m,
    );
    expect(stdout).toMatch(/^ {2}events {5}turned on for instance \d+/m);
    expect(stdout).toMatch(/^ {2}paging {5}read 5 contacts in 3 pages of up to 2/m);
    expect(stdout).toMatch(/→ 4 contacts: Ada Lovelace, Barbara Liskov, Edsger Dijkstra, Grace Hopper$/m);
    expect(stdout).toMatch(
      /^ {2}documents {2}uploaded \/sdk-demo-[0-9a-f]{6}\.txt \(\d+ bytes\) and downloaded it back: identical$/m,
    );
    expect(stdout).toMatch(/^ {2}bulk {7}job \S+ COMPLETED: 5 contacts streamed as NDJSON$/m);
    expect(stdout).toMatch(
      /^ {2}webhooks {3}received 5 notifications, signatures verified \(CREATED contacts\); a forged one was refused \(signature_mismatch\)$/m,
    );
    expect(stdout).toMatch(
      /^ {2}errors {5}wrong secrets → UnauthorizedError \(401\), request id [0-9a-f]{24}$/m,
    );
    expect(stdout).toMatch(/^ {2}cleanup {4}deleted 5 contacts, the file \/sdk-demo-[0-9a-f]{6}\.txt$/m);
    expect(stdout).toMatch(/^Done in \d+\.\d s\.$/m);
  });

  test('with real-API variables and CE_ELEMENT_TOKEN it runs against that API, skipping what needs the emulator', async () => {
    // A second emulator stands in for the real API: the script only sees a base URL and secrets.
    emulator = await startEmulator();
    const crm = emulator.createInstance({ element: 'sfdc', name: 'Existing CRM' });
    const files = emulator.createInstance({ element: 'sfdcdocuments', name: 'Existing files' });
    const secrets = [
      emulator.credentials.userSecret,
      emulator.credentials.organizationSecret,
      crm.token,
      files.token,
    ];
    const { code, stdout, stderr } = await runDemo(
      'tsx',
      cleanEnv({
        CE_USER_SECRET: emulator.credentials.userSecret,
        CE_ORGANIZATION_SECRET: emulator.credentials.organizationSecret,
        CE_BASE_URL: emulator.url,
        CE_ELEMENT_TOKEN: crm.token,
        CE_DOCUMENTS_ELEMENT_TOKEN: files.token,
      }),
    );
    expect(code, stderr).toBe(0);
    expect(stdout).toContain(`Cloud Elements SDK demo against the real API at ${emulator.url}`);
    expect(stdout).toMatch(/^ {2}oauth {6}skipped: using the instance of CE_ELEMENT_TOKEN$/m);
    expect(stdout).toMatch(/^ {2}events {5}skipped in real-API mode/m);
    expect(stdout).toMatch(/^ {2}webhooks {3}skipped in real-API mode/m);
    expect(stdout).toMatch(/^ {2}paging {5}read 5 contacts in 3 pages of up to 2/m);
    expect(stdout).toMatch(/and downloaded it back: identical$/m);
    expect(stdout).toMatch(/^ {2}bulk {7}job \S+ COMPLETED: 5 contacts/m);
    // It cleaned up after itself: the instances are as they were, with no contact and no file left.
    expect([...emulator.state.instances.values()].map((i) => i.name).sort()).toEqual([
      'Existing CRM',
      'Existing files',
    ]);
    expect(emulator.state.records(crm.id, 'contacts').size).toBe(0);
    for (const secret of secrets) expect(stdout + stderr).not.toContain(secret);
  });

  test('with an OAuth app instead of a token it prints a local URL that leads to the consent page (never the consent URL), waits for the callback, then removes the instance', async () => {
    emulator = await startEmulator();
    const port = await freePort();
    const active = emulator;
    let consented: Promise<Response> | undefined;
    const { code, stdout, stderr } = await runDemo(
      'tsx',
      cleanEnv({
        CE_USER_SECRET: emulator.credentials.userSecret,
        CE_ORGANIZATION_SECRET: emulator.credentials.organizationSecret,
        CE_BASE_URL: emulator.url,
        OAUTH_API_KEY: 'demo-app-id',
        OAUTH_API_SECRET: 'demo-app-secret-value',
        OAUTH_CALLBACK_URL: `http://127.0.0.1:${port}/auth/done`,
      }),
      (line) => {
        // The user opens the printed URL, a local one of the demo's that redirects to the consent page (whose URL
        // can hold the app's client secret), approves, and the provider sends the browser to the callback URL.
        const url = new RegExp(`^\\s+(http://127\\.0\\.0\\.1:${port}/start/[0-9a-f]{32})$`).exec(line)?.[1];
        if (url) {
          consented = fetch(url, { redirect: 'manual' }).then((redirect) => {
            const consent = redirect.headers.get('location') ?? '';
            expect(consent).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/oauth\/sfdc\/authorize\?/);
            return fetch(active.authorize(consent));
          });
        }
      },
    );
    expect(code, stderr).toBe(0);
    expect(consented).toBeDefined();
    expect((await consented!).status).toBe(200);
    expect(stdout).toMatch(/^ {2}oauth {6}open this URL in your browser and approve access:$/m);
    expect(stdout).toMatch(
      /^ {2}oauth {6}consent approved, state checked; instance (\d+) "SDK demo [0-9a-f]{6}" created \(sfdc\)$/m,
    );
    const id = /instance (\d+) "SDK demo/.exec(stdout)![1];
    expect(stdout).toMatch(new RegExp(`^ {2}cleanup {4}deleted 5 contacts, instance ${id}$`, 'm'));
    expect(emulator.state.instances.size).toBe(0);
    expect(stdout + stderr).not.toContain('demo-app-secret-value');
    expect(stdout + stderr).not.toContain(emulator.credentials.userSecret);
  });

  test.each([
    [
      { CE_USER_SECRET: 'only-the-user-secret' },
      'CE_USER_SECRET is set but CE_ORGANIZATION_SECRET is not; set both',
    ],
    [
      { CE_USER_SECRET: 'only-the-user-secret', CE_ORGANIZATION_SECRET: 'org-secret-value' },
      'real-API mode needs CE_ELEMENT_TOKEN (an existing CRM instance) or OAUTH_API_KEY and OAUTH_API_SECRET',
    ],
    [
      {
        CE_USER_SECRET: 'only-the-user-secret',
        CE_ORGANIZATION_SECRET: 'org-secret-value',
        OAUTH_API_KEY: 'app-id',
        OAUTH_API_SECRET: 'app-secret-value',
        OAUTH_CALLBACK_URL: 'https://app.example.com/oauth/callback',
      },
      'OAUTH_CALLBACK_URL must be a URL this script can serve',
    ],
  ])('a real-API setup that cannot work exits 1 and says what to set (%#)', async (variables, message) => {
    const { code, stdout, stderr } = await runDemo('tsx', cleanEnv(variables));
    expect(code).toBe(1);
    expect(stdout).not.toMatch(/^ {2}\w/m);
    expect(stderr).toContain(message);
    for (const secret of ['only-the-user-secret', 'org-secret-value', 'app-secret-value']) {
      expect(stdout + stderr).not.toContain(secret);
    }
  });
});
