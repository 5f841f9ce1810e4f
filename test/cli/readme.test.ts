import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { signWebhookPayload } from '../../src/webhooks/index.js';
import { MAIN, cliEnv, root } from './helpers.js';

// The README's "Command line" examples, run as written, in order, in one shell environment: `npx cloud-elements`
// is this repository's command line (the TypeScript source through tsx), the first example's emulator serves the
// others, and the values the examples leave to the reader (the webhook key, a signed body) are set up here.
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const section = /^## Command line\n([\s\S]*?)^## /m.exec(readme)?.[1] ?? '';
const commands = [...section.matchAll(/```sh\n([\s\S]*?)```/g)]
  .flatMap((block) => block[1]!.replace(/\\\n\s*/g, '').split('\n'))
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'));

const work = mkdtempSync(join(tmpdir(), 'ce-cli-readme-'));
const bin = join(work, '.bin');
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Shell {
  child: ReturnType<typeof spawn>;
  output: { stdout: string; stderr: string };
  done: Promise<number | null>;
}

function shell(line: string, env: Record<string, string>): Shell {
  const child = spawn('bash', ['-c', line], {
    cwd: work,
    env: { ...cliEnv(env), PATH: `${bin}:${process.env.PATH}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output.stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output.stderr += chunk));
  const done = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, output, done };
}

async function until(check: () => string | undefined, what: string, timeoutMs = 30_000): Promise<string> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const found = check();
    if (found !== undefined) return found;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('README: Command line', () => {
  test('the section has an example of every command, the emulator first', () => {
    expect(commands[0]).toMatch(/^npx cloud-elements emulator /);
    for (const name of ['emulator', 'request', 'types', 'webhooks verify', 'oauth connect'])
      expect(commands.some((line) => line.includes(`npx cloud-elements ${name} `))).toBe(true);
  });

  test('the section says what --timeout bounds and how the answer is printed, as --help does', () => {
    const text = section.replace(/\n# /g, ' ');
    expect(text).toContain(
      '--timeout <seconds> bounds the whole call, retries and the waits between them included (default 60 s)',
    );
    expect(text).toContain('goes to stdout, indented, its numbers and strings as the server wrote them');
    expect(text).not.toMatch(/gives up on an\s+attempt/);
  });

  test('every example runs in order against the emulator the first one starts, and succeeds', async () => {
    // `npx cloud-elements …` → this repository's command line.
    // (tsx as a URL: the examples run in a scratch folder, where a bare `tsx` would not resolve.)
    const npx = join(bin, 'npx');
    const tsx = import.meta.resolve('tsx');
    mkdirSync(bin, { recursive: true });
    writeFileSync(
      npx,
      `#!/bin/sh\n[ "$1" = cloud-elements ] && shift\nexec "${process.execPath}" --import "${tsx}" "${MAIN}" "$@"\n`,
    );
    chmodSync(npx, 0o755);

    const [first, ...rest] = commands;
    const server = shell(first!, {});
    await until(() => (server.output.stderr.includes('stops it.') ? '' : undefined), 'the emulator');
    const env: Record<string, string> = {};
    for (const [, name, value] of server.output.stdout.matchAll(/^export (\w+)='?([^'\s]+)'?/gm))
      env[name!] = value!;
    expect(Object.keys(env)).toContain('CE_ELEMENT_TOKEN');

    // What the webhook example expects the reader to have: a key in CE_WEBHOOK_KEY, a body and its signature.
    env.CE_WEBHOOK_KEY = 'readme-signature-key';
    const body = '{"message":{"events":[{"objectType":"contacts","eventType":"CREATED"}]}}';
    writeFileSync(join(work, 'body.json'), body);
    env.SIGNATURE = await signWebhookPayload(body, env.CE_WEBHOOK_KEY);

    try {
      for (const line of rest) {
        const run = shell(line, env);
        if (line.includes('oauth connect')) {
          // The reader opens the printed URL and approves; here a fetch does what the browser would.
          const consent = await until(() => /^(http\S+)$/m.exec(run.output.stdout)?.[1], 'the consent URL');
          // The printed URL is the command's own, redirecting to the consent page: links are relative to that page.
          const response = await fetch(consent);
          const page = await response.text();
          const href = /id="approve" role="button" href="([^"]+)"/
            .exec(page)![1]!
            .replace(/&(amp|#38);/g, '&');
          const decision = await fetch(new URL(href, response.url), { redirect: 'manual' });
          expect((await fetch(decision.headers.get('location')!)).status).toBe(200);
        }
        const code = await run.done;
        expect(code, `${line}\n${run.output.stdout}${run.output.stderr}`).toBe(0);
        if (line.includes('request POST'))
          expect(JSON.parse(run.output.stdout).Favorite_Color__c).toBe('teal');
        if (line.includes('request GET')) expect(JSON.parse(run.output.stdout)[0].lastName).toBe('Lovelace');
        if (line.includes('--check')) expect(run.output.stderr).toContain('matches the live docs');
        if (line.includes('webhooks verify')) expect(run.output.stdout).toMatch(/^✔ the signature holds/);
        if (line.includes('oauth connect'))
          expect(run.output.stdout).toMatch(/Connected: instance \d+ \(sfdc\)/);
      }
      expect(readFileSync(join(work, 'src/crm-types.ts'), 'utf8')).toContain('Favorite_Color__c?: string;');
      expect(existsSync(join(work, '.sfdc-token'))).toBe(true);
    } finally {
      server.child.kill('SIGTERM');
      expect(await server.done).toBe(0);
    }
  }, 180_000);
});
