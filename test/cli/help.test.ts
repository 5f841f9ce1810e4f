import { describe, expect, test } from 'vitest';
import { runCli } from './helpers.js';

const COMMANDS = ['types', 'request', 'oauth connect', 'webhooks verify', 'emulator'];

describe('cloud-elements --help', () => {
  test('lists every command, exit 0; no command at all prints the same and exits 2', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: cloud-elements <command> \[options\]\n/);
    for (const name of COMMANDS) expect(help.stdout).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
    const none = await runCli([]);
    expect(none.code).toBe(2);
    expect(none.stdout).toBe(help.stdout);
    expect((await runCli(['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  test.each(COMMANDS)('%s --help shows its usage and every option, exit 0', async (name) => {
    const result = await runCli([...name.split(' '), '--help']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(new RegExp(`^Usage: cloud-elements ${name} `));
    expect(result.stdout).toContain('Options:\n');
    expect(result.stdout).toContain('-h, --help');
    const short = await runCli([...name.split(' '), '-h']);
    expect(short.stdout).toBe(result.stdout);
  });

  test('request --help says that --timeout bounds the whole call, retries included', async () => {
    const result = await runCli(['request', '--help']);
    expect(result.stdout).toMatch(
      /--timeout <seconds> +Give up on the whole call, retries and waits included, after this long \(default 60\)\n/,
    );
    expect(result.stdout).not.toContain('attempt');
  });

  test('a group word alone lists its commands; an unknown command or option exits 2 with a pointer', async () => {
    const group = await runCli(['oauth']);
    expect(group.code).toBe(2);
    expect(group.stdout).toContain('Commands of cloud-elements oauth: oauth connect.');
    const unknown = await runCli(['deploy']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      'cloud-elements: unknown command "deploy"; the commands are types, request',
    );
    const sub = await runCli(['oauth', 'disconnect']);
    expect(sub.stderr).toContain('unknown command "oauth disconnect"');
    const option = await runCli(['request', 'GET', '/instances', '--verbose']);
    expect(option.code).toBe(2);
    expect(option.stderr).toBe(
      "cloud-elements: Unknown option '--verbose'. Run `cloud-elements request --help` for the options.\n",
    );
    const extra = await runCli(['webhooks', 'verify', 'body.json', '--key-env', 'K']);
    expect(extra.code).toBe(2);
    expect(extra.stderr).toContain('cloud-elements webhooks verify does not take "body.json"');
  });
});

describe('a mistyped command line', () => {
  test('a misspelt option or command names the one meant (exit 2)', async () => {
    const option = await runCli(['request', 'GET', '/instances', '--qeury', 'pageSize=1']);
    expect(option.code).toBe(2);
    expect(option.stderr).toBe(
      "cloud-elements: Unknown option '--qeury'; did you mean --query? Run `cloud-elements request --help` for the options.\n",
    );
    const glued = await runCli(['types', '--instnace=1001', '--out', 'x.ts']);
    expect(glued.stderr).toContain("Unknown option '--instnace'; did you mean --instance?");
    const command = await runCli(['reqest', 'GET', '/instances']);
    expect(command.code).toBe(2);
    expect(command.stderr).toContain('unknown command "reqest"; did you mean request? The commands are');
  });

  test('an option whose value is missing (the next word is an option) says so on one line', async () => {
    const result = await runCli(['request', 'GET', '/hubs/crm/contacts', '--instance', '--data', '{}']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "cloud-elements: Option '--instance' has no value: write --instance <token>, or --instance=-XYZ for a value that starts with a dash. Run `cloud-elements request --help` for the options.\n",
    );
  });

  test('an element token given without its option is not echoed back', async () => {
    const token = 'fYo+JuAJT+Kndgosot0PeM1jBzVe1WeHoNj44+jc';
    const result = await runCli(['request', 'GET', '/hubs/crm/contacts', token]);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toContain(token);
    expect(result.stderr).not.toContain(token.slice(0, 12));
    expect(result.stderr).toContain(
      'cloud-elements request does not take a further argument of 40 characters (not shown, in case it is a secret)',
    );
  });
});
