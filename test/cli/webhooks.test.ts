import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Emulator } from '../../src/testing/index.js';
import { signWebhookPayload } from '../../src/webhooks/index.js';
import { emulatorWithEnv, runCli } from './helpers.js';

const KEY = 'the-instance-signature-key';

/** A signed event notification as the emulator delivers it over HTTP: raw body, signature, whole request. */
interface Delivery {
  body: Buffer;
  signature: string;
  raw: Buffer;
}

let emulator: Emulator;
let env: Record<string, string>;
let receiver: Server;
let delivered: Promise<Delivery>;

beforeEach(async () => {
  ({ emulator, env } = await emulatorWithEnv());
  delivered = new Promise((resolve) => {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        res.writeHead(200).end();
        const body = Buffer.concat(chunks);
        const head = [`${req.method} ${req.url} HTTP/1.1`];
        for (let i = 0; i < req.rawHeaders.length; i += 2)
          head.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
        const raw = Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`), body]);
        resolve({ body, signature: String(req.headers['elements-webhook-signature']), raw });
      });
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
});
afterEach(async () => {
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
  await emulator.close();
});

/** Has the emulator POST a signed notification (a contact created on an instance with events on). */
async function realDelivery(): Promise<Delivery> {
  const { port } = receiver.address() as AddressInfo;
  const instance = emulator.createInstance({
    element: 'sfdc',
    configuration: {
      'event.notification.enabled': true,
      'event.notification.callback.url': `http://127.0.0.1:${port}/ce-events`,
      'event.notification.signature.key': KEY,
    },
  });
  await fetch(`${emulator.url}/hubs/crm/contacts`, {
    method: 'POST',
    headers: {
      Authorization: emulator.credentials.authorization(instance.token),
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({ lastName: 'Lovelace' }),
  });
  await emulator.settle();
  return delivered;
}

describe('cloud-elements webhooks verify', () => {
  test('exit 0 for a notification the emulator signed and delivered over HTTP', async () => {
    const delivery = await realDelivery();
    expect(delivery.signature).toMatch(/^sha256=/);
    const result = await runCli(
      ['webhooks', 'verify', '--key-env', 'CE_WEBHOOK_KEY', '--signature', delivery.signature],
      {
        env: { ...env, CE_WEBHOOK_KEY: KEY },
        input: delivery.body,
      },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      `✔ the signature holds for ${delivery.body.length} bytes under CE_WEBHOOK_KEY\n`,
    );
  });

  test('without --signature, stdin is the whole captured request and its header is used', async () => {
    const delivery = await realDelivery();
    const result = await runCli(['webhooks', 'verify', '--key-env', 'CE_WEBHOOK_KEY'], {
      env: { CE_WEBHOOK_KEY: KEY },
      input: delivery.raw,
    });
    expect(result.code, result.stderr).toBe(0);
    const tampered = Buffer.from(delivery.raw.toString('latin1').replace('Lovelace', 'Lovelacf'), 'latin1');
    const failed = await runCli(['webhooks', 'verify', '--key-env', 'CE_WEBHOOK_KEY'], {
      env: { CE_WEBHOOK_KEY: KEY },
      input: tampered,
    });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/^✘ signature_mismatch: /);
  });

  test('exit 1 with the reason: a changed body, a wrong key, no signature, another algorithm', async () => {
    const body = '{"message":{"events":[]}}';
    const signature = await signWebhookPayload(body, KEY);
    const run = (args: string[], input: string, key = KEY) =>
      runCli(['webhooks', 'verify', '--key-env', 'CE_WEBHOOK_KEY', ...args], {
        env: { CE_WEBHOOK_KEY: key },
        input,
      });

    const changed = await run(['--signature', signature], body.replace('[]', '[1]'));
    expect(changed.code).toBe(1);
    expect(changed.stdout).toBe('');
    expect(changed.stderr).toMatch(
      /^✘ signature_mismatch: The Elements-Webhook-Signature does not match the body under the signature key\./,
    );
    expect(changed.stderr).not.toContain(KEY);

    const wrongKey = await run(['--signature', signature], body, 'another-key');
    expect(wrongKey).toMatchObject({ code: 1 });
    expect(wrongKey.stderr).toMatch(/^✘ signature_mismatch/);

    const unsigned = await run(
      [],
      `POST /ce-events HTTP/1.1\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
    );
    expect(unsigned.code).toBe(1);
    expect(unsigned.stderr).toMatch(
      /^✘ missing_signature: The request has no Elements-Webhook-Signature header/,
    );

    const sha1 = await run(['--signature', 'sha1=abc'], body);
    expect(sha1.stderr).toMatch(/^✘ unsupported_algorithm: /);
  });

  test('keys being rotated: any of the --key-env keys, and the output says which', async () => {
    const body = '{"id":"1"}';
    const signature = await signWebhookPayload(body, 'old-key');
    const result = await runCli(
      ['webhooks', 'verify', '--key-env', 'CE_KEY_NEW', '--key-env', 'CE_KEY_OLD', '--signature', signature],
      { env: { CE_KEY_NEW: 'new-key', CE_KEY_OLD: 'old-key' }, input: body },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('under CE_KEY_OLD (key 2 of 2)');
  });

  test('no --key-env, or a variable that is not set: exit 2; the key never comes from the command line', async () => {
    const none = await runCli(['webhooks', 'verify'], { input: '{}' });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('webhooks verify needs --key-env <NAME>');
    const unset = await runCli(['webhooks', 'verify', '--key-env', 'NOPE'], { input: '{}' });
    expect(unset.code).toBe(2);
    expect(unset.stderr).toContain('the environment variable that --key-env names is not set or empty');
    const flag = await runCli(['webhooks', 'verify', '--key', KEY], { input: '{}' });
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("Unknown option '--key'");
  });

  test('a key that looks like a variable name, or is short, given to --key-env is never printed back', async () => {
    const keys = ['D41D8CD98F00B204E9800998ECF8427E', 'ab12cd34ef56ab78', 'k-3!x', 'q'];
    for (const key of keys) {
      const result = await runCli(['webhooks', 'verify', '--key-env', key, '--signature', 'sha256=x'], {
        input: '{}',
      });
      expect(result.code, key).toBe(2);
      expect(result.stderr, key).not.toContain(key);
      expect(result.stderr, key).toMatch(/--key-env (names is not set|takes the name)/);
    }
    // Several: which one is said by its position.
    const second = await runCli(
      ['webhooks', 'verify', '--key-env', 'CE_KEY_NEW', '--key-env', 'D41D8CD98F00B204E9800998ECF8427E'],
      { env: { CE_KEY_NEW: 'new-key' }, input: '{}' },
    );
    expect(second.code).toBe(2);
    expect(second.stderr).toContain('the environment variable that --key-env number 2 of 2 names is not set');
    expect(second.stderr).not.toContain('D41D8CD98F00B204E9800998ECF8427E');
  });

  test('the key itself given to --key-env (instead of its variable’s name) is not printed back', async () => {
    const key = 'wHk+9a8b7c6d5e4f3g2h1i0jKLMNOPQR=';
    const result = await runCli(['webhooks', 'verify', '--key-env', key], { input: '{}' });
    expect(result.code).toBe(2);
    expect(result.stderr).not.toContain(key);
    expect(result.stderr).not.toContain(key.slice(0, 10));
    expect(result.stderr).toContain(
      '--key-env takes the name of the environment variable that holds the key, not the key: export CE_WEBHOOK_KEY=… and pass --key-env CE_WEBHOOK_KEY',
    );
  });

  test('a body without --signature is a usage error naming --signature, not a missing signature', async () => {
    const body = '{"message":{"events":[]}}';
    const result = await runCli(['webhooks', 'verify', '--key-env', 'CE_WEBHOOK_KEY'], {
      env: { CE_WEBHOOK_KEY: KEY },
      input: body,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('webhooks verify needs --signature <value>');
  });

  test('a captured request is read as the server reads it: a chunked body unframed, a trailing newline ignored', async () => {
    // What a capture on the wire holds: a raw TCP server records the request fetch sends.
    let captured!: (bytes: Buffer) => void;
    const capture = createTcpServer((socket) => {
      const chunks: Buffer[] = [];
      socket.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        const text = Buffer.concat(chunks).toString('latin1');
        if (text.endsWith('\r\n0\r\n\r\n') || /Content-Length: (\d+)/i.test(text)) {
          const length = /Content-Length: (\d+)/i.exec(text)?.[1];
          const head = text.indexOf('\r\n\r\n');
          if (length === undefined || text.length - head - 4 >= Number(length)) {
            captured(Buffer.concat(chunks));
            socket.end('HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
          }
        }
      });
    });
    await new Promise<void>((resolve) => capture.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(capture.address() as AddressInfo).port}/ce-events`;
    const record = async (init: RequestInit): Promise<Buffer> => {
      const bytes = new Promise<Buffer>((resolve) => (captured = resolve));
      await fetch(url, { method: 'POST', ...init } as RequestInit);
      return bytes;
    };
    try {
      const body = JSON.stringify({ message: { eventId: 'chunked-1', events: [] } });
      const signature = await signWebhookPayload(body, KEY);
      const headers = { 'Content-Type': 'application/json', 'Elements-Webhook-Signature': signature };
      // A streamed body goes out chunked.
      const chunkedRequest = await record({
        headers,
        body: new Blob([body.slice(0, 10), body.slice(10)]).stream(),
        duplex: 'half',
      } as RequestInit);
      expect(chunkedRequest.toString('latin1')).toMatch(/transfer-encoding: chunked/i);
      const lengthRequest = await record({ headers, body });
      expect(lengthRequest.toString('latin1')).toMatch(/content-length: \d+/i);
      const verify = (input: Buffer) =>
        runCli(['webhooks', 'verify', '--key-env', 'CE_WEBHOOK_KEY'], {
          env: { CE_WEBHOOK_KEY: KEY },
          input,
        });
      for (const input of [
        chunkedRequest,
        lengthRequest,
        Buffer.concat([lengthRequest, Buffer.from('\n')]),
      ]) {
        const result = await verify(input);
        expect(result.code, result.stderr).toBe(0);
        expect(result.stdout).toBe(`✔ the signature holds for ${body.length} bytes under CE_WEBHOOK_KEY\n`);
      }
      // A capture cut short is said to be so.
      const short = await verify(lengthRequest.subarray(0, lengthRequest.length - 5));
      expect(short.code).toBe(2);
      expect(short.stderr).toContain('fewer than its Content-Length');
    } finally {
      await new Promise((resolve) => capture.close(resolve));
    }
  });
});
