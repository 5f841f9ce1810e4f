import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, test } from 'vitest';
import { editDistance, matchPath, nearestPaths } from '../../src/cli/spec-paths.js';
import type { Emulator, EmulatorInstance } from '../../src/testing/index.js';
import { MAIN, emulatorWithEnv, root, runCli } from './helpers.js';

let emulator: Emulator;
let env: Record<string, string>;
let instance: EmulatorInstance;
const dir = mkdtempSync(join(tmpdir(), 'ce-cli-request-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeEach(async () => {
  ({ emulator, env } = await emulatorWithEnv());
  instance = emulator.createInstance({ element: 'sfdc' });
});
afterEach(() => emulator.close());

describe('cloud-elements request: calls', () => {
  test('a platform call prints the JSON answer on stdout and nothing on stderr', async () => {
    const result = await runCli(['request', 'GET', `/instances/${instance.id}`], { env });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const body = JSON.parse(result.stdout);
    expect(body).toMatchObject({ id: instance.id, element: { key: 'sfdc' } });
    expect(result.stdout).toBe(`${JSON.stringify(body, null, 2)}\n`);
  });

  test('hub calls act as the instance of --instance or CE_ELEMENT_TOKEN; --data takes JSON, @file and @-', async () => {
    const inline = await runCli(
      [
        'request',
        'post',
        '/hubs/crm/contacts',
        '--instance',
        instance.token,
        '--data',
        '{"lastName":"Lovelace"}',
      ],
      { env },
    );
    expect(inline.code, inline.stderr).toBe(0);
    expect(JSON.parse(inline.stdout)).toMatchObject({ lastName: 'Lovelace', id: expect.any(String) });

    const file = join(dir, 'contact.json');
    writeFileSync(file, JSON.stringify({ lastName: 'Hopper', Favorite_Color__c: 'navy' }));
    const fromFile = await runCli(['request', 'POST', '/hubs/crm/contacts', '--data', `@${file}`], {
      env: { ...env, CE_ELEMENT_TOKEN: instance.token },
    });
    expect(fromFile.code, fromFile.stderr).toBe(0);
    expect(JSON.parse(fromFile.stdout)).toMatchObject({ lastName: 'Hopper', Favorite_Color__c: 'navy' });

    const fromStdin = await runCli(['request', 'POST', '/hubs/crm/contacts', '--data', '@-'], {
      env: { ...env, CE_ELEMENT_TOKEN: instance.token },
      input: '{"lastName":"Turing"}',
    });
    expect(fromStdin.code, fromStdin.stderr).toBe(0);

    // --query, repeated and with a CEQL where clause; the query of the path itself counts too.
    const found = await runCli(
      ['request', 'GET', '/hubs/crm/contacts?pageSize=10', '--query', "where=lastName = 'Hopper'"],
      { env: { ...env, CE_ELEMENT_TOKEN: instance.token } },
    );
    expect(found.code, found.stderr).toBe(0);
    expect(JSON.parse(found.stdout).map((c: { lastName: string }) => c.lastName)).toEqual(['Hopper']);
  });

  test('a custom object is a path of the instance (the spec’s /hubs/{hub}/{objectName})', async () => {
    const result = await runCli(
      ['request', 'POST', '/hubs/crm/Invoice__c', '--instance', instance.token, '--data', '{"Name":"INV-1"}'],
      { env },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout).id).toMatch(/^a01/);
  });

  test('a DELETE that answers no body prints nothing on stdout, and its status on stderr', async () => {
    const created = JSON.parse(
      (
        await runCli(
          [
            'request',
            'POST',
            '/hubs/crm/contacts',
            '--instance',
            instance.token,
            '--data',
            '{"lastName":"X"}',
          ],
          {
            env,
          },
        )
      ).stdout,
    );
    const result = await runCli(
      ['request', 'DELETE', `/hubs/crm/contacts/${created.id}`, '--instance', instance.token],
      {
        env,
      },
    );
    expect(result).toMatchObject({ code: 0, stdout: '' });
    expect(result.stderr).toMatch(new RegExp(`^DELETE /hubs/crm/contacts/${created.id}: 20[04] `));
  });
});

describe('cloud-elements request: errors', () => {
  test('an API error goes to stderr with its request id, exit 1, nothing on stdout', async () => {
    const result = await runCli(['request', 'GET', '/hubs/crm/contacts/nope', '--instance', instance.token], {
      env,
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^cloud-elements: GET \/hubs\/crm\/contacts\/nope failed with 404 Not Found: No contact found with ID nope \(request id [0-9a-f]{24}\)\n$/,
    );
    expect(result.stderr).not.toContain(instance.token);
  });

  test('a 2xx page where the API answers JSON (a captive proxy) fails, exit 1; a GET with --data is refused (exit 2)', async () => {
    emulator.faults.set({ htmlAnswer: { share: 1 } });
    const page = await runCli(['request', 'GET', '/instances'], { env });
    expect(page.code).toBe(1);
    expect(page.stdout).toBe('');
    expect(page.stderr).toMatch(
      /GET \/instances answered 200 with an HTML page \(text\/html[^)]*\), not the API's answer/,
    );
    emulator.faults.set({});
    const body = await runCli(['request', 'GET', '/instances', '--data', '{}'], { env });
    expect(body.code).toBe(2);
    expect(body.stderr).toContain('GET takes no body');
  });

  test('a reader that closes the pipe early ends the command quietly', () => {
    // The read end is closed before the command writes: every write meets EPIPE.
    const result = spawnSync(
      'sh',
      ['-c', `"${process.execPath}" --import tsx "${MAIN}" --help | true; echo "status=$?"`],
      { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } },
    );
    expect(result.stderr).not.toMatch(/EPIPE|Unhandled|at /);
  });

  test('an unknown path is refused before any call, with the nearest paths of the spec (exit 2)', async () => {
    const result = await runCli(['request', 'GET', '/instance/12/configuration'], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'cloud-elements: /instance/12/configuration is not a path of the Cloud Elements API. Did you mean /instances/12/configuration?\n',
    );
  });

  test('a method the path does not take is refused with the ones it takes', async () => {
    const result = await runCli(['request', 'DELETE', '/elements'], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'cloud-elements: DELETE /elements is not an operation of the API: /elements takes GET, POST.\n',
    );
    const verb = await runCli(['request', 'FETCH', '/elements'], { env });
    expect(verb.stderr).toContain('FETCH is not a method; use one of GET, POST, PUT, PATCH, DELETE.');
  });

  test('a near miss of a standard hub path is sent as a custom object, with a note', async () => {
    const result = await runCli(['request', 'GET', '/hubs/crm/contcts', '--instance', instance.token], {
      env,
    });
    expect(result.stderr).toContain(
      'note: /hubs/crm/contcts is no standard path of its hub (did you mean /hubs/crm/contacts?); sending it as a custom object.',
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/404 Not Found: No resource contcts found/);
  });

  test('a hub call without a token, a body that is not JSON, a bad --query: exit 2 with what to do', async () => {
    const noToken = await runCli(['request', 'GET', '/hubs/crm/contacts'], { env });
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain(
      'acts as an instance: pass its element token with --instance <token>, or set CE_ELEMENT_TOKEN',
    );
    const badJson = await runCli(
      ['request', 'POST', '/hubs/crm/contacts', '--instance', 't', '--data', '{oops'],
      { env },
    );
    expect(badJson.code).toBe(2);
    expect(badJson.stderr).toContain('the body (--data) is not JSON');
    const badQuery = await runCli(['request', 'GET', '/instances', '--query', 'pageSize'], { env });
    expect(badQuery.stderr).toContain('--query takes key=value, got "pageSize"');
    const noOrg = await runCli(['request', 'GET', '/instances'], {
      env: { ...env, CE_ORGANIZATION_SECRET: undefined },
    });
    expect(noOrg.code).toBe(2);
    expect(noOrg.stderr).toContain('CE_ORGANIZATION_SECRET is not set');
    const badEnvironment = await runCli(['request', 'GET', '/instances'], {
      env: { ...env, CE_BASE_URL: undefined, CE_ENVIRONMENT: 'mars' },
    });
    expect(badEnvironment.stderr).toContain('CE_ENVIRONMENT is "mars"; set it to one of us, eu, staging');
  });

  test('a wrong secret is the API’s 401, and the secret is not printed', async () => {
    const result = await runCli(['request', 'GET', '/instances'], {
      env: { ...env, CE_USER_SECRET: 'wrong-secret' },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/401 Unauthorized/);
    expect(result.stderr).not.toContain('wrong-secret');
  });
});

/** A server of the test's own on 127.0.0.1, and the CE_* variables that point the command line at it. */
async function serve(handler: RequestListener): Promise<{ server: Server; env: Record<string, string> }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    env: {
      ...env,
      CE_BASE_URL: `http://127.0.0.1:${port}/elements/api-v2`,
      CE_ELEMENT_TOKEN: instance.token,
    },
  };
}

const close = (server: Server) =>
  new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });

describe('cloud-elements request: what users get wrong', () => {
  test('a body that is not JSON is refused without quoting it (a body can hold secrets)', async () => {
    for (const data of [
      'TopSecretValue99',
      '{"configuration":{"oauth.api.secret":"TopSecretValue99"} oops}',
    ]) {
      const result = await runCli(['request', 'POST', '/instances', '--data', data], { env });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('the body (--data) is not JSON');
      expect(result.stderr).not.toContain('TopSecret');
    }
    const token = await runCli(['request', 'GET', '/instances', '--query', instance.token], { env });
    expect(token.code).toBe(2);
    expect(token.stderr).toContain('--query takes key=value, got a value of');
    expect(token.stderr).not.toContain(instance.token);
  });

  test('a bad variable or --instance is named as the user wrote it, not as the SDK calls it', async () => {
    const url = await runCli(['request', 'GET', '/instances'], {
      env: { ...env, CE_BASE_URL: 'api.example.com' },
    });
    expect(url.code).toBe(2);
    expect(url.stderr).toContain('CE_BASE_URL must be an absolute http(s) URL');
    const secret = await runCli(['request', 'GET', '/instances'], {
      env: { ...env, CE_USER_SECRET: `${env.CE_USER_SECRET}\n` },
    });
    expect(secret.code).toBe(2);
    expect(secret.stderr).toContain('CE_USER_SECRET contains a line break');
    expect(secret.stderr).not.toContain(env.CE_USER_SECRET);
    const empty = await runCli(['request', 'GET', '/hubs/crm/contacts', '--instance='], { env });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('--instance is empty or only whitespace');
  });

  test('a 2xx login page without a content type is no success (exit 1, nothing on stdout)', async () => {
    const { server, env: served } = await serve((_req, res) =>
      res.end('<!DOCTYPE html><html><title>Sign in</title></html>'),
    );
    try {
      const result = await runCli(['request', 'GET', '/hubs/crm/contacts'], { env: served });
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('GET /hubs/crm/contacts answered 200 with an HTML page');
    } finally {
      await close(server);
    }
  });

  test('a full URL is called by its path on its own host, and refused on another (with the hosts only)', async () => {
    const base = new URL(emulator.url);
    const same = await runCli(['request', 'GET', `${emulator.url}/instances/${instance.id}`], { env });
    expect(same.stderr).toBe('');
    expect(JSON.parse(same.stdout)).toMatchObject({ id: instance.id });
    const other = await runCli(
      [
        'request',
        'GET',
        `https://user:pa55word@api.cloud-elements.co.uk/elements/api-v2/instances/${instance.id}`,
      ],
      { env },
    );
    expect(other.code).toBe(2);
    expect(other.stdout).toBe('');
    expect(other.stderr).toContain(
      `the URL is on api.cloud-elements.co.uk, but this command calls ${base.host}`,
    );
    expect(other.stderr).not.toContain('pa55word');
  });

  test('a server that is down says where the command looked and what to check', async () => {
    const { server, env: served } = await serve(() => {});
    await close(server);
    const result = await runCli(['request', 'GET', '/instances'], { env: served });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('ECONNREFUSED');
    expect(result.stderr).toContain(
      `is the API at ${served.CE_BASE_URL} (CE_BASE_URL) up, and the address right?`,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  test('an answer cut off after its status says the call may have taken effect, not that the API is down', async () => {
    const { server, env: served } = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"id":1,');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    try {
      const result = await runCli(['request', 'POST', '/hubs/crm/contacts', '--data', '{"lastName":"Cut"}'], {
        env: served,
      });
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(
        /^cloud-elements: POST \/hubs\/crm\/contacts answered 200 but its body was cut off/,
      );
      expect(result.stderr).toContain(
        '; the call reached the API and may have taken effect, only its answer was lost: look with GET /hubs/crm/contacts before you try again.\n',
      );
      expect(result.stderr).not.toContain('is the API at');
    } finally {
      await close(server);
    }
  });

  test('a POST whose connection closes without an answer may have been carried out: look with GET before trying again, not "is the API up"', async () => {
    let received = 0;
    const { server, env: served } = await serve((req, res) => {
      received++;
      // The server took the request (and may have acted on it), then the connection was lost.
      req.resume().on('end', () => res.socket?.destroy());
    });
    try {
      const created = await runCli(
        ['request', 'POST', '/instances', '--data', '{"element":{"key":"sfdc"},"name":"Lost"}'],
        { env: served },
      );
      expect(created.code).toBe(1);
      expect(created.stdout).toBe('');
      expect(created.stderr).toMatch(/^cloud-elements: POST \/instances failed: /);
      expect(created.stderr).toContain(
        'may have taken effect, only its answer was lost: look with GET /instances before you try again.\n',
      );
      expect(created.stderr).not.toContain('is the API at');
      // Sent once: a POST is not sent again by itself.
      expect(received).toBe(1);
      // A GET changes nothing: the same failure still says where the command looked.
      const read = await runCli(['request', 'GET', '/instances'], { env: served });
      expect(read.code).toBe(1);
      expect(read.stderr).toContain(`is the API at ${served.CE_BASE_URL} (CE_BASE_URL) up`);
    } finally {
      await close(server);
    }
  });

  test('a POST that times out says it may have been carried out, and no "of at most 3" as if it were retried', async () => {
    let received = 0;
    const { server, env: served } = await serve(() => {
      received++;
    });
    try {
      const result = await runCli(
        [
          'request',
          'POST',
          '/instances',
          '--data',
          '{"element":{"key":"sfdc"},"name":"Slow"}',
          '--timeout',
          '1',
        ],
        { env: served },
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        'cloud-elements: POST /instances did not complete within 1000 ms (attempt 1); it may have taken effect all ' +
          'the same: ' +
          'look with GET /instances before you try again, and pass --timeout <seconds> to wait longer.\n',
      );
      expect(received).toBe(1);
      // A GET is retried on a lost connection, so its count stays.
      const read = await runCli(['request', 'GET', '/instances', '--timeout', '1'], { env: served });
      expect(read.stderr).toContain(
        'GET /instances did not complete within 1000 ms (attempt 1 of at most 3); pass --timeout <seconds> to wait longer.',
      );
    } finally {
      await close(server);
    }
  });

  test('a server that never answers is given up after --timeout seconds, with how to wait longer', async () => {
    const { server, env: served } = await serve(() => {});
    try {
      const started = Date.now();
      const result = await runCli(['request', 'GET', '/instances', '--timeout', '1'], { env: served });
      expect(Date.now() - started).toBeLessThan(20_000);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('GET /instances did not complete within 1000 ms');
      expect(result.stderr).toContain('pass --timeout <seconds> to wait longer');
      const bad = await runCli(['request', 'GET', '/instances', '--timeout', 'soon'], { env: served });
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain(
        '--timeout takes a number of seconds above 0 and at most 2147483, got "soon"',
      );
    } finally {
      await close(server);
    }
  });
});

describe('cloud-elements request: answers that are not one JSON document', () => {
  test('a GET whose body is cut off can simply be run again (the SDK tried it 3 times), not "look before you send it again"', async () => {
    let received = 0;
    const { server, env: served } = await serve((_req, res) => {
      received++;
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('[{"id":1');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    try {
      const result = await runCli(['request', 'GET', '/usage'], { env: served });
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^cloud-elements: GET \/usage answered 200 but its body was cut off: /);
      expect(result.stderr).toMatch(
        /; GET changes nothing, so it can simply be run again \(the SDK already tried it 3 times\)\.\n$/,
      );
      expect(result.stderr).not.toContain('may have taken effect');
      expect(result.stderr).not.toContain('before you');
      expect(received).toBe(3);
    } finally {
      await close(server);
    }
  });

  test('a 200 in JSON lines (as bulk results come) says so, as the SDK does, and blames no proxy (exit 1)', async () => {
    const { server, env: served } = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"a":1}\n{"a":2}\n');
    });
    try {
      const result = await runCli(['request', 'GET', '/elements'], { env: served });
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(
        'cloud-elements: GET /elements answered 200 with a body that is not JSON (application/json); it is JSON ' +
          'lines (as bulk results are)',
      );
      expect(result.stderr).toContain('readBulkRecords');
      expect(result.stderr).not.toMatch(/proxy|login page/);
    } finally {
      await close(server);
    }
  });

  test('a 2xx without a body exits 0 with stdout empty and the status on stderr (200 OK, no body; 204 No Content)', async () => {
    const { server, env: served } = await serve((req, res) => {
      if (req.method === 'DELETE') res.writeHead(204).end();
      else res.writeHead(200, { 'content-type': 'application/json', 'content-length': '0' }).end();
    });
    try {
      const empty = await runCli(['request', 'GET', '/accounts'], { env: served });
      expect(empty).toMatchObject({ code: 0, stdout: '', stderr: 'GET /accounts: 200 OK, no body\n' });
      const none = await runCli(['request', 'DELETE', '/instances/12'], { env: served });
      expect(none).toMatchObject({ code: 0, stdout: '', stderr: 'DELETE /instances/12: 204 No Content\n' });
    } finally {
      await close(server);
    }
  });
});

describe('the spec’s path list (generated/cli-paths.js)', () => {
  test('is in step with the spec (node scripts/cli-paths.mjs --check)', () => {
    const check = spawnSync(process.execPath, [join(root, 'scripts/cli-paths.mjs'), '--check'], {
      encoding: 'utf8',
    });
    expect(check.stdout + check.stderr).toContain('✔ generated/cli-paths.js is up to date');
    expect(check.status).toBe(0);
  });

  test('matches concrete paths, literal segments first, and finds the nearest templates', () => {
    expect(matchPath('/instances/configuration').map((m) => m.template)[0]).toBe('/instances/configuration');
    expect(matchPath('/instances/12').map((m) => m.template)).toContain('/instances/{id}');
    expect(matchPath('/hubs/crm/contacts')[0]).toMatchObject({ template: '/hubs/crm/contacts' });
    expect(matchPath('/hubs/crm/contacts')[0]!.methods).toMatchObject({ GET: 'instance', POST: 'instance' });
    expect(matchPath('/nowhere')).toEqual([]);
    expect(nearestPaths('/element/sfdc')).toContain('/elements/sfdc');
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});

describe('cloud-elements request: secrets of the body', () => {
  test('an error that echoes the body does not show its provider values or secret configuration values', async () => {
    const { server, env: served } = await serve((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ requestId: 'rid-1', message: `bad thing: ${body}` }));
      });
    });
    try {
      const data = {
        element: { key: 'sfdc' },
        name: 'visibleNAME1',
        fields: { nested: { clientSecret: 'NESTEDSECRET77' } },
        providerData: { code: 'CODEVALUE12345' },
        configuration: {
          'oauth.api.secret': 'S3CRETVALUEXYZ',
          password: 'PASSWORDVAL999',
        },
      };
      const result = await runCli(['request', 'POST', '/instances', '--data', JSON.stringify(data)], {
        env: served,
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('400 Bad Request: bad thing:');
      for (const secret of ['CODEVALUE12345', 'S3CRETVALUEXYZ', 'PASSWORDVAL999', 'NESTEDSECRET77'])
        expect(result.stderr).not.toContain(secret);
      expect(result.stderr).toContain('[REDACTED]');
      // What is not secret stays, so the message still says what was wrong.
      expect(result.stderr).toContain('visibleNAME1');
      // Written with JSON escapes, a secret goes out (and is echoed) so; a configuration entry's value is secret
      // when its key names a secret.
      for (const [target, written, secrets] of [
        [
          '/instances',
          '{"configuration":{"oauth.api.secret":"https:\\/\\/vault.example\\/mySecretKey123","password":"p\\u00e4sswordSECRET"},"providerData":{"code":"AB\\/CD\\/EFsecretcode"}}',
          ['mySecretKey123', 'sswordSECRET', 'EFsecretcode'],
        ],
        [
          '/instances/5/configuration/77',
          '{"key":"oauth.api.secret","propertyValue":"NEWAPPSECRET12345"}',
          ['NEWAPPSECRET12345'],
        ],
      ] as const) {
        const method = target.includes('configuration') ? 'PATCH' : 'POST';
        const echoed = await runCli(['request', method, target, '--data', written], { env: served });
        expect(echoed.stderr).toContain('bad thing:');
        for (const secret of secrets) expect(echoed.stderr, written).not.toContain(secret);
      }
    } finally {
      await close(server);
    }
  });
  test('an error that echoes the query does not show the values of secret parameters (--query or in the path)', async () => {
    const { server, env: served } = await serve((req, res) => {
      const values = [...new URL(req.url!, 'http://127.0.0.1').searchParams.values()].join(' ');
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ requestId: 'rid-2', message: `Rejected values: ${values}` }));
    });
    try {
      const result = await runCli(
        [
          'request',
          'GET',
          '/elements/sfdc/oauth/url?code=PATHCODE4242',
          '--query',
          'apiKey=APPKEY0123456',
          '--query',
          'apiSecret=5996596135756415222xyz',
          '--query',
          'callbackUrl=https://visible.example/cb',
        ],
        { env: served },
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('400 Bad Request: Rejected values:');
      for (const secret of ['5996596135756415222xyz', 'APPKEY0123456', 'PATHCODE4242'])
        expect(result.stderr).not.toContain(secret);
      expect(result.stderr).toContain('[REDACTED]');
      // What is not secret stays, so the message still says what was refused.
      expect(result.stderr).toContain('https://visible.example/cb');
    } finally {
      await close(server);
    }
  });
});

describe('cloud-elements request: the body as written', () => {
  test('--data goes out as written, its numbers too, as JSON', async () => {
    const written = '{"name":"big","externalId":9007199254740993,"price":1.10}';
    let received: { type?: string; text: string } | undefined;
    const { server, env: served } = await serve((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        received = { type: req.headers['content-type'], text: Buffer.concat(chunks).toString('utf8') };
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{}');
      });
    });
    try {
      const result = await runCli(['request', 'POST', '/instances', '--data', written], { env: served });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      // Parsed and serialized again, the id went out as 9007199254740992 and the price as 1.1.
      expect(received).toEqual({ type: 'application/json', text: written });
    } finally {
      await close(server);
    }
  });

  test('an id in braces is a value, not a placeholder; an answer nested too deep to indent is printed as it came', async () => {
    const deep = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
    const paths: string[] = [];
    const { server, env: served } = await serve((req, res) => {
      paths.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(req.url?.endsWith('/deep') ? deep : '{}');
    });
    try {
      const guid = '{3F2504E0-4F89-11D3-9A0C-0305E82C3301}';
      const byGuid = await runCli(['request', 'GET', `/hubs/crm/contacts/${guid}`], { env: served });
      expect(byGuid.stderr).toBe('');
      expect(byGuid.code).toBe(0);
      expect(decodeURIComponent(paths[0]!)).toBe(`/elements/api-v2/hubs/crm/contacts/${guid}`);
      const nested = await runCli(['request', 'GET', '/hubs/crm/contacts/deep'], { env: served });
      expect(nested.stderr).toBe('');
      expect(nested.code).toBe(0);
      expect(nested.stdout).toBe(`${deep}\n`);
    } finally {
      await close(server);
    }
  });
});

describe('cloud-elements request: the answer as it came', () => {
  test('numbers, escapes and repeated keys are printed as the server wrote them, indented', async () => {
    const sent =
      '{"big":9007199254740993,"price":1.10,"tiny":-1E-7,"a":1,"a":2,"s":"caf\\u00e9 \\"q\\" \\/ [{,:}]",' +
      '"empty":[],"none":{},"list":[1, {"x" : true}, null]}';
    const { server, env: served } = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(sent);
    });
    try {
      const result = await runCli(['request', 'GET', '/instances'], { env: served });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(
        [
          '{',
          '  "big": 9007199254740993,',
          '  "price": 1.10,',
          '  "tiny": -1E-7,',
          '  "a": 1,',
          '  "a": 2,',
          '  "s": "caf\\u00e9 \\"q\\" \\/ [{,:}]",',
          '  "empty": [],',
          '  "none": {},',
          '  "list": [',
          '    1,',
          '    {',
          '      "x": true',
          '    },',
          '    null',
          '  ]',
          '}',
          '',
        ].join('\n'),
      );
    } finally {
      await close(server);
    }
  });
});

describe('cloud-elements request: paths as shells pass them', () => {
  test('a path that still has a placeholder of the template is refused, with what to write (exit 2)', async () => {
    const result = await runCli(['request', 'GET', '/instances/{id}'], { env });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'cloud-elements: /instances/{id} still has {id} of the template: write the value in place of {id}, e.g. /instances/12345.\n',
    );
    const hub = await runCli(
      ['request', 'GET', '/hubs/crm/{objectName}/{id}', '--instance', instance.token],
      {
        env,
      },
    );
    expect(hub.code).toBe(2);
    expect(hub.stderr).toContain(
      'still has {objectName} and {id} of the template: write the value in place of {objectName} and {id}, e.g. /hubs/crm/OBJECTNAME/12345.',
    );
  });

  test('repeated slashes are sent as the one path the spec check saw', async () => {
    const urls: string[] = [];
    const { server, env: served } = await serve((req, res) => {
      urls.push(req.url!);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('[]');
    });
    try {
      const result = await runCli(['request', 'GET', '//instances'], { env: served });
      expect(result.code, result.stderr).toBe(0);
      const nested = await runCli(['request', 'GET', '/hubs//crm///contacts'], { env: served });
      expect(nested.code, nested.stderr).toBe(0);
      expect(urls).toEqual(['/elements/api-v2/instances', '/elements/api-v2/hubs/crm/contacts']);
    } finally {
      await close(server);
    }
  });

  test('a body file that starts with a byte order mark is read as its JSON', async () => {
    const file = join(dir, 'bom.json');
    writeFileSync(file, '\uFEFF{"lastName":"Byte"}', 'utf8');
    const result = await runCli(['request', 'POST', '/hubs/crm/contacts', '--data', `@${file}`], {
      env: { ...env, CE_ELEMENT_TOKEN: instance.token },
    });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ lastName: 'Byte' });
  });
});
