import { request, type IncomingHttpHeaders } from 'node:http';
import { afterEach, describe, expect, test } from 'vitest';
import { startEmulator } from '../../../src/testing/index.js';
import { startTestEmulator, type TestEmulator } from '../helpers.js';

let emulator: TestEmulator;
let auth: string;

async function setup(options: Parameters<typeof startTestEmulator>[0] = {}) {
  emulator = await startTestEmulator(options);
  auth = emulator.hubAuth(emulator.createInstance({ element: 'sfdc' }).token);
}
afterEach(() => emulator.close());

/** Statuses of `count` hub list calls (an operation that declares 429, 500 and 502). */
async function statuses(count: number): Promise<number[]> {
  const seen: number[] = [];
  for (let n = 0; n < count; n++)
    seen.push((await emulator.call('GET', '/hubs/crm/contacts', { auth })).status);
  return seen;
}

describe('fault knobs', () => {
  test('latencyMs delays every answer by at least that long', async () => {
    await setup({ faults: { latencyMs: 120 } });
    const started = performance.now();
    expect((await emulator.call('GET', '/hubs/crm/contacts', { auth })).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(115);
  });

  test('rateLimit answers 429 with Retry-After, here for the first two calls only', async () => {
    await setup({ faults: { rateLimit: { share: 1, count: 2, retryAfterSeconds: 7 } } });
    const first = await emulator.call('GET', '/hubs/crm/contacts', { auth });
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('7');
    expect(first.body.providerMessage).toContain('retry after 7 seconds');
    expect(await statuses(2)).toEqual([429, 200]);
    expect(emulator.faults.counts.rateLimit).toBe(2);
  });

  test("rateLimit leaves platform calls alone, as Cloud Elements only passes on providers' 429s", async () => {
    await setup({ faults: { rateLimit: { share: 1 } } });
    expect((await emulator.call('GET', '/instances')).status).toBe(200);
    expect((await emulator.call('GET', '/hubs/crm/contacts', { auth })).status).toBe(429);
  });

  test('rateLimit comes after authentication: a bad credential is a 401, an unknown path a 404', async () => {
    await setup({ faults: { rateLimit: { share: 1 } } });
    const forged = await emulator.call('GET', '/hubs/crm/contacts', { auth: 'User nobody, Element bogus' });
    expect(forged.status).toBe(401);
    const unknown = await fetch(`${emulator.url}/hubs/crm/no/such/path/here`, {
      headers: { Authorization: auth },
    });
    expect(unknown.status).toBe(404);
    await unknown.body?.cancel();
    expect((await emulator.call('GET', '/hubs/crm/contacts', { auth })).status).toBe(429);
  });

  test('a misspelt option or kind is refused, not ignored', async () => {
    await expect(
      startEmulator({ faults: { serverError: { share: 1, stauts: 502 } as never } }),
    ).rejects.toThrow('serverError has no option "stauts"; its options are share, count, status.');
    await expect(startEmulator({ faults: { ratelimit: { share: 1 } } as never })).rejects.toThrow(
      /unknown option "ratelimit"/,
    );
  });

  test.each([500, 502])('serverError answers %i with the error body', async (status) => {
    await setup({ faults: { serverError: { share: 1, status } } });
    const response = await emulator.call('GET', '/hubs/crm/contacts', { auth });
    expect(response.status).toBe(status);
    expect(typeof response.body.message).toBe('string');
    expect('providerMessage' in response.body).toBe(status === 502);
  });

  test('the same seed gives the same faults; another seed other faults', async () => {
    const faults = { rateLimit: { share: 0.3 }, serverError: { share: 0.3, status: 500 } };
    await setup({ faults: { ...faults, seed: 42 } });
    const first = await statuses(40);
    emulator.faults.set({ ...faults, seed: 42 });
    expect(await statuses(40)).toEqual(first);
    emulator.faults.set({ ...faults, seed: 7 });
    expect(await statuses(40)).not.toEqual(first);
    const hit = first.filter((status) => status !== 200).length;
    expect(hit).toBeGreaterThan(8);
    expect(hit).toBeLessThan(32);
  });

  test('drop destroys the socket without an answer', async () => {
    await setup({ faults: { drop: { share: 1, count: 1 } } });
    await expect(
      fetch(`${emulator.url}/hubs/crm/contacts`, { headers: { Authorization: auth } }),
    ).rejects.toThrow('fetch failed');
    expect((await emulator.call('GET', '/hubs/crm/contacts', { auth })).status).toBe(200);
  });

  test('hang never answers until the client gives up; close() ends it', async () => {
    await setup({ faults: { hang: { share: 1 } } });
    const pending = fetch(`${emulator.url}/hubs/crm/contacts`, {
      headers: { Authorization: auth },
      signal: AbortSignal.timeout(150),
    });
    await expect(pending).rejects.toThrow(/aborted|timeout/i);
    const stuck = fetch(`${emulator.url}/hubs/crm/contacts`, { headers: { Authorization: auth } });
    await emulator.close();
    await expect(stuck).rejects.toThrow();
  });

  test('match limits faults to the calls it accepts, and the consent page is never hit', async () => {
    await setup({
      faults: { serverError: { share: 1, status: 500 }, match: ({ path }) => path.startsWith('/hubs/') },
    });
    expect((await emulator.call('GET', '/hubs/crm/contacts', { auth })).status).toBe(500);
    const url = await emulator.call(
      'GET',
      '/elements/sfdc/oauth/url?apiKey=k&apiSecret=s&callbackUrl=https://a.test/cb',
    );
    expect(url.status).toBe(200);
    emulator.faults.set({ serverError: { share: 1, status: 500 } });
    expect((await fetch(url.body.oauthUrl)).status).toBe(200);
  });

  test('set() changes the knobs at run time and clear() turns them off', async () => {
    await setup();
    expect(await statuses(1)).toEqual([200]);
    emulator.faults.set({ rateLimit: { share: 1 } });
    expect(await statuses(1)).toEqual([429]);
    emulator.faults.clear();
    expect(await statuses(1)).toEqual([200]);
  });

  test.each([
    [{ rateLimit: { share: 2 } }, 'rateLimit.share must be between 0 and 1'],
    [{ serverError: { share: 1, status: 404 } }, 'serverError.status must be 500, 502, 503 or 504'],
    [{ latencyMs: -1 }, 'latencyMs must be'],
    [{ drop: { share: 0.5, count: -1 } }, 'drop.count must be >= 0'],
    [{ slowBody: { share: 1.5 } }, 'slowBody.share must be between 0 and 1'],
    [{ lostResponse: { share: 1, count: -2 } }, 'lostResponse.count must be >= 0'],
    [
      { rateLimit: { share: 1, retryAfterSeconds: 1.5 } },
      'rateLimit.retryAfterSeconds must be a whole number',
    ],
    [
      { rateLimit: { share: 1, retryAfterSeconds: -1 } },
      'rateLimit.retryAfterSeconds must be a whole number',
    ],
    [{ slowBody: { share: 1, chunkBytes: 0 } }, 'slowBody.chunkBytes must be a whole number of bytes >= 1'],
    [
      { slowBody: { share: 1, delayMs: -5 } },
      'slowBody.delayMs must be a number of milliseconds from 0 to 2147483647',
    ],
  ])('invalid knobs throw a TypeError that says how to fix them (%j)', async (faults, message) => {
    await setup();
    expect(() => emulator.faults.set(faults)).toThrow(TypeError);
    expect(() => emulator.faults.set(faults)).toThrow(`[cloud-elements] emulator faults: ${message}`);
    await expect(startEmulator({ faults })).rejects.toThrow(message);
  });
});

/** What one raw `node:http` exchange looked like on the wire. */
interface Wire {
  /** Status and headers, when they arrived. */
  status?: number;
  headers?: IncomingHttpHeaders;
  /** When the headers arrived, in ms after the request was sent. */
  headersAtMs?: number;
  /** Body bytes as they arrived, each with its arrival time. */
  chunks: { atMs: number; bytes: Buffer }[];
  /** The body arrived whole (`Content-Length` bytes, then the end). */
  complete: boolean;
  /** The test gave up waiting (`giveUpMs`) and destroyed the request. */
  gaveUp: boolean;
  /** Socket error (reset, hang up, aborted body), if any. */
  error?: Error;
}

/** Sends one request on its own socket; `responded` settles when the headers arrive, `done` when the socket ends. */
function open(method: string, path: string, options: { body?: unknown; giveUpMs?: number } = {}) {
  const started = performance.now();
  const wire: Wire = { chunks: [], complete: false, gaveUp: false };
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  let responded!: () => void;
  const headersIn = new Promise<void>((resolve) => (responded = resolve));
  const done = new Promise<Wire>((resolve) => {
    const req = request(`${emulator.url}${path}`, {
      method,
      agent: false,
      headers: {
        Authorization: auth,
        ...(payload === undefined
          ? {}
          : { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) }),
      },
    });
    const timer =
      options.giveUpMs === undefined
        ? undefined
        : setTimeout(() => {
            wire.gaveUp = true;
            req.destroy();
          }, options.giveUpMs);
    const finish = () => {
      clearTimeout(timer);
      resolve(wire);
    };
    req.on('response', (res) => {
      wire.status = res.statusCode;
      wire.headers = res.headers;
      wire.headersAtMs = performance.now() - started;
      responded();
      res.on('data', (bytes: Buffer) => wire.chunks.push({ atMs: performance.now() - started, bytes }));
      res.on('error', (error) => (wire.error ??= error));
      res.on('close', () => {
        wire.complete = res.complete;
        finish();
      });
    });
    req.on('error', (error) => {
      wire.error ??= error;
      if (wire.status === undefined) finish();
    });
    req.end(payload);
  });
  return { responded: headersIn, done };
}

const raw = (method: string, path: string, options: { body?: unknown; giveUpMs?: number } = {}) =>
  open(method, path, options).done;
const bodyOf = (wire: Wire) => Buffer.concat(wire.chunks.map((chunk) => chunk.bytes));

/** Creates `count` contacts (faults off) and returns the bytes of the unfaulted list answer. */
async function seedContacts(count: number): Promise<Buffer> {
  for (let n = 0; n < count; n++) {
    const body = { firstName: `Contact ${n}`, lastName: 'Wire', email: `contact${n}@example.com` };
    expect((await emulator.call('POST', '/hubs/crm/contacts', { auth, body })).status).toBe(200);
  }
  const listed = await raw('GET', '/hubs/crm/contacts');
  expect(listed.complete).toBe(true);
  return bodyOf(listed);
}

describe('wire faults (raw sockets)', () => {
  test('stallAfterHeaders sends the real status and headers, full Content-Length, then no body', async () => {
    await setup();
    const whole = await seedContacts(3);
    emulator.faults.set({ stallAfterHeaders: { share: 1, count: 1 }, latencyMs: 60 });
    const wire = await raw('GET', '/hubs/crm/contacts', { giveUpMs: 400 });
    expect(wire.status).toBe(200);
    expect(wire.headers?.['content-type']).toBe('application/json');
    expect(wire.headers?.['content-length']).toBe(String(whole.length));
    expect(wire.headers?.['elements-request-id']).toMatch(/^[0-9a-f]{24}$/);
    expect(wire.headersAtMs).toBeGreaterThanOrEqual(55); // latencyMs still applies before the headers
    expect(wire.chunks).toEqual([]);
    expect(wire.gaveUp).toBe(true);
    expect(wire.complete).toBe(false);
    expect(emulator.faults.counts.stallAfterHeaders).toBe(1);
    // count: 1 → the next call is whole again.
    expect(bodyOf(await raw('GET', '/hubs/crm/contacts'))).toEqual(whole);
  });

  test('slowBody sends the real body in small pieces with a pause between them', async () => {
    await setup();
    const whole = await seedContacts(3);
    emulator.faults.set({ slowBody: { share: 1, count: 1, chunkBytes: 64, delayMs: 25 } });
    const wire = await raw('GET', '/hubs/crm/contacts');
    const pieces = Math.ceil(whole.length / 64);
    expect(pieces).toBeGreaterThanOrEqual(4);
    expect(wire.status).toBe(200);
    expect(wire.headers?.['content-length']).toBe(String(whole.length));
    expect(wire.complete).toBe(true);
    expect(bodyOf(wire)).toEqual(whole);
    expect(wire.chunks.length).toBeGreaterThanOrEqual(pieces / 2);
    expect(wire.chunks[0]!.bytes.length).toBeLessThanOrEqual(64);
    const spread = wire.chunks.at(-1)!.atMs - wire.chunks[0]!.atMs;
    expect(spread).toBeGreaterThanOrEqual((pieces - 1) * 25 * 0.9);
    expect(emulator.faults.counts.slowBody).toBe(1);
  });

  test('slowBody (16 bytes every 50 ms by default) makes steady progress past a short total timeout', async () => {
    await setup();
    const whole = await seedContacts(3);
    emulator.faults.set({ slowBody: { share: 1 } });
    const response = await fetch(`${emulator.url}/hubs/crm/contacts`, {
      headers: { Authorization: auth },
      signal: AbortSignal.timeout(300),
    });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    let received = 0;
    const readAll = async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        received += value.length;
      }
    };
    await expect(readAll()).rejects.toThrow(/abort|timeout/i);
    // About 300 / 50 + 1 pieces of 16 bytes arrived before the timeout: progress, but far from the whole body.
    expect(received).toBeGreaterThanOrEqual(3 * 16);
    expect(received).toBeLessThanOrEqual(12 * 16);
    expect(received).toBeLessThan(whole.length);
  });

  test('truncatedBody sends the full Content-Length, the first half of the body, then destroys the socket', async () => {
    await setup();
    const whole = await seedContacts(2);
    emulator.faults.set({ truncatedBody: { share: 1 } });
    const wire = await raw('GET', '/hubs/crm/contacts');
    expect(wire.status).toBe(200);
    expect(wire.headers?.['content-length']).toBe(String(whole.length));
    expect(bodyOf(wire)).toEqual(whole.subarray(0, Math.floor(whole.length / 2)));
    expect(wire.complete).toBe(false);
    expect(wire.gaveUp).toBe(false);
    expect(wire.error?.message).toMatch(/aborted|ECONNRESET|socket hang up/i);
    expect(emulator.faults.counts.truncatedBody).toBe(1);
  });

  test('lostResponse runs the request for real (a POST creates, a DELETE deletes), then sends nothing', async () => {
    await setup();
    emulator.faults.set({ lostResponse: { share: 1 } });
    const body = { firstName: 'Lost', lastName: 'Answer', email: 'lost@example.com' };
    const posted = await raw('POST', '/hubs/crm/contacts', { body });
    expect(posted.status).toBeUndefined();
    expect(posted.error?.message).toMatch(/socket hang up|ECONNRESET/i);
    emulator.faults.clear();
    const listed = await emulator.call('GET', '/hubs/crm/contacts', { auth });
    expect(listed.body).toHaveLength(1);
    expect(listed.body[0]).toMatchObject(body);
    const id = listed.body[0].id as string;

    emulator.faults.set({ lostResponse: { share: 1 } });
    const deleted = await raw('DELETE', `/hubs/crm/contacts/${id}`);
    expect(deleted.status).toBeUndefined();
    expect(deleted.error).toBeDefined();
    expect(emulator.faults.counts.lostResponse).toBe(2);
    emulator.faults.clear();
    expect((await emulator.call('GET', `/hubs/crm/contacts/${id}`, { auth })).status).toBe(404);
  });

  test('htmlAnswer answers 200 text/html like a captive proxy, without running the request', async () => {
    await setup();
    emulator.faults.set({ htmlAnswer: { share: 1 } });
    const response = await fetch(`${emulator.url}/hubs/crm/contacts`, {
      method: 'POST',
      headers: { Authorization: auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ lastName: 'Never' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('elements-request-id')).toBeNull();
    const text = await response.text();
    expect(text).toMatch(/^<!DOCTYPE html>/);
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(text)));
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
    expect(emulator.faults.counts.htmlAnswer).toBe(1);
    emulator.faults.clear();
    expect((await emulator.call('GET', '/hubs/crm/contacts', { auth })).body).toEqual([]);
  });

  test('rateLimit takes a long Retry-After (120 s, a day), in seconds or as an HTTP date', async () => {
    await setup();
    for (const seconds of [120, 86_400]) {
      emulator.faults.set({ rateLimit: { share: 1, retryAfterSeconds: seconds } });
      const response = await fetch(`${emulator.url}/hubs/crm/contacts`, { headers: { Authorization: auth } });
      expect(response.status).toBe(429);
      expect(response.headers.get('retry-after')).toBe(String(seconds));
    }
    emulator.faults.set({ rateLimit: { share: 1, retryAfterSeconds: 120, retryAfterDate: true } });
    const before = Date.now();
    const response = await fetch(`${emulator.url}/hubs/crm/contacts`, { headers: { Authorization: auth } });
    expect(response.status).toBe(429);
    const retryAfter = response.headers.get('retry-after')!;
    expect(retryAfter).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
    expect(Date.parse(retryAfter) - Date.parse(response.headers.get('date')!)).toBe(120_000);
    expect(Date.parse(retryAfter) - before).toBeGreaterThan(118_000);
    expect(Date.parse(retryAfter) - before).toBeLessThanOrEqual(121_000);
    expect(((await response.json()) as { providerMessage: string }).providerMessage).toContain('120 seconds');
    expect(emulator.faults.counts.rateLimit).toBe(3);
  });

  test.each(['lostResponse', 'htmlAnswer', 'stallAfterHeaders', 'truncatedBody', 'slowBody'] as const)(
    'match keeps %s off the calls it rejects',
    async (kind) => {
      await setup({ faults: { [kind]: { share: 1 }, match: ({ path }) => path.startsWith('/hubs/') } });
      const wire = await raw('GET', '/instances', { giveUpMs: 2_000 });
      expect(wire.status).toBe(200);
      expect(wire.complete).toBe(true);
      expect(wire.headers?.['content-type']).toBe('application/json');
      expect(emulator.faults.counts[kind]).toBe(0);
    },
  );

  test('all faults together: each counted, and the same seed hits the same requests the same way', async () => {
    await setup();
    await seedContacts(2);
    const faults = {
      seed: 9,
      rateLimit: { share: 0.1 },
      serverError: { share: 0.1, status: 500 },
      lostResponse: { share: 0.1 },
      htmlAnswer: { share: 0.1 },
      stallAfterHeaders: { share: 0.1 },
      truncatedBody: { share: 0.1 },
      slowBody: { share: 0.1, chunkBytes: 64, delayMs: 1 },
    };
    const outcome = (wire: Wire): string => {
      if (wire.status === undefined) return 'lostResponse';
      if (wire.status === 429) return 'rateLimit';
      if (wire.status === 500) return 'serverError';
      if (wire.headers?.['content-type']?.startsWith('text/html')) return 'htmlAnswer';
      if (wire.gaveUp) return 'stallAfterHeaders';
      if (!wire.complete) return 'truncatedBody';
      return wire.chunks.length > 1 ? 'slowBody' : 'none';
    };
    const run = async () => {
      emulator.faults.set(faults);
      emulator.faults.resetCounts();
      const seen: string[] = [];
      for (let n = 0; n < 40; n++)
        seen.push(outcome(await raw('GET', '/hubs/crm/contacts', { giveUpMs: 150 })));
      return seen;
    };
    const first = await run();
    const counts = emulator.faults.counts;
    for (const kind of Object.keys(counts) as (keyof typeof counts)[]) {
      expect(first.filter((seen) => seen === kind).length, kind).toBe(counts[kind]);
    }
    // Seed 9 hits every fault at least once in 40 calls, and leaves some calls alone.
    for (const kind of Object.keys(faults).filter((key) => key !== 'seed')) expect(first).toContain(kind);
    expect(first).toContain('none');
    expect(await run()).toEqual(first);
  });

  test('close() ends promptly while stalled and slow answers hold their sockets open', async () => {
    await setup();
    await seedContacts(2);
    emulator.faults.set({
      stallAfterHeaders: { share: 1, count: 1 },
      slowBody: { share: 1, delayMs: 10_000 },
    });
    const stalled = open('GET', '/hubs/crm/contacts');
    const slow = open('GET', '/hubs/crm/contacts');
    await Promise.all([stalled.responded, slow.responded]);
    const started = performance.now();
    await emulator.close();
    expect(performance.now() - started).toBeLessThan(1_000);
    const [stalledWire, slowWire] = await Promise.all([stalled.done, slow.done]);
    expect(stalledWire.complete).toBe(false);
    expect(stalledWire.chunks).toEqual([]);
    expect(slowWire.complete).toBe(false);
    expect(bodyOf(slowWire).length).toBe(16);
    expect(emulator.faults.counts).toMatchObject({ stallAfterHeaders: 1, slowBody: 1 });
  });
});

describe('faults are counted when answered', () => {
  test('a rateLimit or serverError count is not used up by a request refused before the fault (401, 404)', async () => {
    await setup({ faults: { rateLimit: { share: 1, count: 1 } } });
    const forged = await emulator.call('GET', '/hubs/crm/contacts', { auth: 'User nobody, Element bogus' });
    expect(forged.status).toBe(401);
    expect(emulator.faults.counts.rateLimit).toBe(0);
    expect(await statuses(2)).toEqual([429, 200]);
    expect(emulator.faults.counts.rateLimit).toBe(1);

    emulator.faults.set({ serverError: { share: 1, count: 1, status: 500 } });
    emulator.faults.resetCounts();
    const unknown = await fetch(`${emulator.url}/hubs/crm/no/such/path/here`, {
      headers: { Authorization: auth },
    });
    expect(unknown.status).toBe(404);
    await unknown.body?.cancel();
    expect(emulator.faults.counts.serverError).toBe(0);
    expect(await statuses(2)).toEqual([500, 200]);
    expect(emulator.faults.counts.serverError).toBe(1);
  });
});

describe('wire faults on answers without a body', () => {
  /** Two pipelined HEADs on one keep-alive socket: the status lines received within `giveUpMs`. */
  async function twoHeads(giveUpMs = 1_000): Promise<string[]> {
    const { connect } = await import('node:net');
    const url = new URL(emulator.url);
    const socket = connect(Number(url.port), url.hostname);
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    const head = `HEAD ${url.pathname}/hubs/crm/contacts HTTP/1.1\r\nHost: x\r\nAuthorization: ${auth}\r\n\r\n`;
    socket.write(head + head);
    const started = performance.now();
    while (performance.now() - started < giveUpMs && received.match(/^HTTP\/1\.1 /gm)?.length !== 2)
      await new Promise((resolve) => setTimeout(resolve, 20));
    socket.destroy();
    return received.match(/^HTTP\/1\.1 \d+/gm) ?? [];
  }

  test.each(['stallAfterHeaders', 'truncatedBody', 'slowBody'] as const)(
    '%s on HEAD: answered whole, the keep-alive connection serves the next request, the fault is not counted',
    async (kind) => {
      await setup();
      emulator.faults.set({ [kind]: { share: 1 } });
      expect(await twoHeads()).toEqual(['HTTP/1.1 200', 'HTTP/1.1 200']);
      expect(emulator.faults.counts[kind]).toBe(0);
    },
  );
});

describe('delays a timer cannot hold are refused', () => {
  test.each([
    [{ faults: { latencyMs: Infinity } }, 'latencyMs must be a number of milliseconds from 0 to 2147483647'],
    [{ faults: { latencyMs: 2 ** 31 } }, 'latencyMs must be a number of milliseconds from 0 to 2147483647'],
    [
      { faults: { slowBody: { share: 1, delayMs: 1e12 } } },
      'slowBody.delayMs must be a number of milliseconds from 0 to 2147483647',
    ],
    [{ bulk: { stepMs: Infinity } }, 'bulk.stepMs must be a number of ms from 0 to 2147483647'],
  ])('startEmulator(%j) throws', async (options, message) => {
    await expect(startEmulator(options)).rejects.toThrow(message);
    await setup();
    if ('faults' in options) expect(() => emulator.faults.set(options.faults)).toThrow(message);
    // The longest delay a timer holds is still taken.
    expect(() => emulator.faults.set({ latencyMs: 2_147_483_647 })).not.toThrow();
    emulator.faults.clear();
    expect((await emulator.call('GET', '/hubs/crm/contacts', { auth })).status).toBe(200);
  });
});
