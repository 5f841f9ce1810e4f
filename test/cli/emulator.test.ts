import { describe, expect, test } from 'vitest';
import { parseFaults } from '../../src/cli/emulator-command.js';
import { runCli, startCli } from './helpers.js';

/** Starts `cloud-elements emulator` and waits until it says it is ready; its variables are printed before. */
async function startServer(args: string[]) {
  const running = startCli(['emulator', ...args]);
  await running.waitFor('stderr', /Ctrl-C or SIGTERM stops it\./);
  const printed = (await running.waitFor('stdout', /[\s\S]*\n/))[0];
  return { ...running, printed };
}

function exportsOf(stdout: string): Record<string, string> {
  return Object.fromEntries(
    [...stdout.matchAll(/^export (\w+)='?([^'\s]+)'?/gm)].map((match) => [match[1]!, match[2]!]),
  );
}

describe('cloud-elements emulator', () => {
  test('serves the API on a real port, prints CE_* variables, and stops cleanly on SIGTERM', async () => {
    const { child, result, printed } = await startServer(['--seed', '7', '--instance', 'sfdc']);
    const vars = exportsOf(printed);
    expect(Object.keys(vars)).toEqual([
      'CE_BASE_URL',
      'CE_USER_SECRET',
      'CE_ORGANIZATION_SECRET',
      'CE_ELEMENT_TOKEN',
    ]);
    expect(printed).toMatch(/# instance 1001 \(sfdc\)/);
    const authorization = `User ${vars.CE_USER_SECRET}, Organization ${vars.CE_ORGANIZATION_SECRET}`;
    const instances = await fetch(`${vars.CE_BASE_URL}/instances`, {
      headers: { Authorization: authorization },
    });
    expect(instances.status).toBe(200);
    expect((await instances.json())[0]).toMatchObject({ id: 1001, element: { key: 'sfdc' } });
    const contacts = await fetch(`${vars.CE_BASE_URL}/hubs/crm/contacts`, {
      headers: { Authorization: `${authorization}, Element ${vars.CE_ELEMENT_TOKEN}` },
    });
    expect(contacts.status).toBe(200);

    child.kill('SIGTERM');
    const { code, signal, stderr } = await result;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(stderr).toContain('SIGTERM: stopping the emulator…\n✔ emulator stopped\n');
    await expect(fetch(`${vars.CE_BASE_URL}/instances`)).rejects.toThrow();
  }, 60_000);

  test('the same --seed gives the same secrets and element tokens; --json prints one line; SIGINT stops it too', async () => {
    const runs = [];
    for (const seed of ['42', '42', '43']) {
      const { child, result } = await startServer([
        '--seed',
        seed,
        '--json',
        '--instance',
        'marketo',
        '--instance',
        'sfdc',
      ]);
      child.kill('SIGINT');
      runs.push(await result);
    }
    expect(runs[0]!.code).toBe(0);
    expect(runs[0]!.stderr).toContain('SIGINT: stopping the emulator');
    const [first, second, other] = runs.map((run) => JSON.parse(run.stdout));
    expect(first.userSecret).toBe(second.userSecret);
    expect(first.organizationSecret).toBe(second.organizationSecret);
    expect(first.organizationSecret).toMatch(/^[0-9a-f]{32}$/);
    expect(first.instances).toEqual([
      { id: 1001, element: 'marketo', token: expect.stringMatching(/^[A-Za-z0-9+/]{40}$/) },
      { id: 1002, element: 'sfdc', token: expect.stringMatching(/^[A-Za-z0-9+/]{40}$/) },
    ]);
    expect(second.instances).toEqual(first.instances);
    expect(first.instances[0].token).not.toBe(first.instances[1].token);
    expect(other.instances[0].token).not.toBe(first.instances[0].token);
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/elements\/api-v2$/);
  }, 60_000);

  test('--faults are injected: every call answers the fault asked for', async () => {
    const { child, result, printed } = await startServer([
      '--json',
      '--faults',
      'serverError=1,serverError.status=502',
    ]);
    const info = JSON.parse(printed);
    const answer = await fetch(`${info.url}/elements`, {
      headers: { Authorization: `User ${info.userSecret}, Organization ${info.organizationSecret}` },
    });
    expect(answer.status).toBe(502);
    child.kill('SIGTERM');
    expect((await result).code).toBe(0);
  }, 60_000);

  test('bad options exit 2 with what is wrong', async () => {
    const port = await runCli(['emulator', '--port', 'abc']);
    expect(port.code).toBe(2);
    expect(port.stderr).toContain('--port takes a port number, got "abc"');
    const fault = await runCli(['emulator', '--faults', 'meteor=1']);
    expect(fault.code).toBe(2);
    expect(fault.stderr).toContain('unknown fault "meteor"; the kinds are latencyMs, rateLimit, serverError');
    const share = await runCli(['emulator', '--faults', 'drop=2']);
    expect(share.code).toBe(2);
    expect(share.stderr).toContain('drop.share must be between 0 and 1');
    const element = await runCli(['emulator', '--instance', 'hubspot']);
    expect(element.stderr).toContain("--instance hubspot: the emulator's elements are sfdc, sfdcdocuments");
    const latency = await runCli(['emulator', '--faults', 'latencyMs.x=5']);
    expect(latency.code).toBe(2);
    expect(latency.stderr).toBe(
      'cloud-elements: --faults: latencyMs takes no options ("latencyMs.x=5"); write latencyMs=<ms>, as in latencyMs=50.\n',
    );
  });

  test('an address the emulator cannot listen on is a usage error (exit 2) that says what to give', async () => {
    const unknown = await runCli(['emulator', '--host', '999.1.1.1']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      'cloud-elements: --host "999.1.1.1" is not an address of this machine (nor a name that resolves); give one of ' +
        'its addresses, e.g. 127.0.0.1 (the default), or 0.0.0.0 for every interface.\n',
    );
    // An empty one (an unset $HOST) would listen on every interface.
    const empty = await runCli(['emulator', '--host', '']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('--host is empty');
    // 192.0.2.1 is TEST-NET-1 (RFC 5737): no machine of the test's has it.
    const foreign = await runCli(['emulator', '--host', '192.0.2.1']);
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toContain(
      '--host "192.0.2.1" is not an address of this machine; give one of its addresses',
    );
  });

  test('parseFaults reads shares, options and latency', () => {
    expect(parseFaults(['rateLimit=0.1,rateLimit.retryAfterSeconds=2', 'latencyMs=50 slowBody=1'])).toEqual({
      rateLimit: { share: 0.1, retryAfterSeconds: 2 },
      latencyMs: 50,
      slowBody: { share: 1 },
    });
    expect(() => parseFaults(['drop'])).toThrow('--faults: "drop" needs a number, as in drop=0.1.');
  });
});
