import { mkdtempSync, openAsBlob, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient, unwrap, type ClientOptions } from '../../src/client/index.js';
import { CloudElementsError, ConnectionError, RateLimitError } from '../../src/core/index.js';
import { parseRetryAfterMs } from '../../src/core/retry-after.js';
import { computeRetryDelayMs, resolveRetryPolicy, type RetryOptions } from '../../src/core/retry.js';
import { sendJson, startServer, type TestHandler, type TestServer } from '../helpers/http-server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A sleep that records the requested waits and returns at once. */
function recordSleeps() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

/** Answers `statuses[i]` to the i-th request, then 200. */
function statusSequence(statuses: number[], headers: Record<string, string> = {}): TestHandler {
  return (_req, res, index) => {
    const status = statuses[index];
    if (status === undefined) return sendJson(res, 200, { attempt: index + 1 });
    sendJson(res, status, { message: `status ${status}` }, headers);
  };
}

async function setup(
  handler: TestHandler,
  retry: RetryOptions | false = {},
  extra: Partial<ClientOptions> = {},
) {
  server = await startServer(handler);
  const sleeps = recordSleeps();
  const client = createClient({
    userSecret: 'u',
    organizationSecret: 'o',
    baseUrl: `${server.url}/elements/api-v2`,
    retry: retry === false ? false : { random: () => 0.5, sleep: sleeps.sleep, ...retry },
    ...extra,
  });
  return { client, server, waits: sleeps.waits };
}

const ping = { params: { path: { hub: 'crm' } } } as const;
const object = { params: { path: { hub: 'crm', objectName: 'contacts' } } } as const;

describe('backoff', () => {
  it('uses full jitter under a cap that doubles per retry', () => {
    const policy = resolveRetryPolicy({ baseDelayMs: 100, maxDelayMs: 1000, random: () => 0.999 });
    expect([1, 2, 3, 4, 5].map((retry) => computeRetryDelayMs(policy, retry))).toEqual([
      99, 199, 399, 799, 999,
    ]);
    const low = resolveRetryPolicy({ baseDelayMs: 100, random: () => 0 });
    expect(computeRetryDelayMs(low, 3)).toBe(0);
  });

  it('caps a server Retry-After at the max delay', () => {
    const policy = resolveRetryPolicy({ maxDelayMs: 5000 });
    expect(computeRetryDelayMs(policy, 1, 2000)).toBe(2000);
    expect(computeRetryDelayMs(policy, 1, 120_000)).toBe(5000);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2024-05-01T10:00:00Z');
    expect(parseRetryAfterMs('3', now)).toBe(3000);
    expect(parseRetryAfterMs('Wed, 01 May 2024 10:00:04 GMT', now)).toBe(4000);
    expect(parseRetryAfterMs('Wed, 01 May 2024 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfterMs('soon', now)).toBeUndefined();
    // The other two HTTP-date forms; anything else Date.parse would read is not a date here.
    expect(parseRetryAfterMs('Wednesday, 01-May-24 10:00:04 GMT', now)).toBe(4000);
    // asctime has no zone and means GMT, whatever the machine's zone.
    expect(parseRetryAfterMs('Wed May  1 10:00:04 2024', now)).toBe(4000);
    expect(parseRetryAfterMs('x 99999', now)).toBeUndefined();
    expect(parseRetryAfterMs('a 1', now)).toBeUndefined();
    expect(parseRetryAfterMs('-5', now)).toBeUndefined();
    expect(parseRetryAfterMs(null, now)).toBeUndefined();
  });

  it('rejects a nonsensical policy with a TypeError naming the option', () => {
    expect(() => resolveRetryPolicy({ maxAttempts: 0 })).toThrow(/retry\.maxAttempts/);
    expect(() => resolveRetryPolicy({ baseDelayMs: -1 })).toThrow(/retry\.baseDelayMs/);
  });
});

describe('retries', () => {
  it('retries a 503 on GET and returns the later success', async () => {
    const { client, server, waits } = await setup(statusSequence([503, 503]));
    const { data, response } = await client.GET('/hubs/{hub}/ping', ping);
    expect(response.status).toBe(200);
    expect(data).toEqual({ attempt: 3 });
    expect(server.requests).toHaveLength(3);
    // random() = 0.5 of caps 500 and 1000.
    expect(waits).toEqual([250, 500]);
  });

  it.each([408, 429, 500, 502, 503, 504])('retries status %s on GET', async (status) => {
    const { client, server } = await setup(statusSequence([status]));
    const { response } = await client.GET('/hubs/{hub}/ping', ping);
    expect(response.status).toBe(200);
    expect(server.requests).toHaveLength(2);
  });

  it.each([400, 401, 404, 409, 501])('does not retry status %s', async (status) => {
    const { client, server } = await setup(statusSequence([status]));
    const { response } = await client.GET('/hubs/{hub}/ping', ping);
    expect(response.status).toBe(status);
    expect(server.requests).toHaveLength(1);
  });

  it.each(['HEAD', 'PUT', 'DELETE', 'OPTIONS'] as const)('retries %s on 503', async (method) => {
    const { client, server } = await setup(statusSequence([503]));
    const { response } = await client.request(method.toLowerCase() as 'get', '/hubs/{hub}/ping', ping);
    expect(response.status).toBe(200);
    expect(server.requests.map((r) => r.method)).toEqual([method, method]);
  });

  it('gives up after maxAttempts and returns the last response', async () => {
    const { client, server, waits } = await setup(statusSequence([503, 503, 503, 503, 503]), {
      maxAttempts: 4,
    });
    const { response, error } = await client.GET('/hubs/{hub}/ping', ping);
    expect(response.status).toBe(503);
    expect(error).toEqual({ message: 'status 503' });
    expect(server.requests).toHaveLength(4);
    expect(waits).toHaveLength(3);
  });

  it('retries a GET after a dropped connection', async () => {
    const { client, server } = await setup((_req, res, index) => {
      if (index === 0) return void res.socket?.destroy();
      sendJson(res, 200, { ok: true });
    });
    const { data } = await client.GET('/hubs/{hub}/ping', ping);
    expect(data).toEqual({ ok: true });
    expect(server.requests).toHaveLength(2);
  });

  it('does not send again a GET that would fail the same way: a redirect loop, headers over the limit', async () => {
    const { client, server } = await setup((req, res) => {
      if (req.path.endsWith('/loop')) {
        res.writeHead(302, { location: req.url });
        return void res.end();
      }
      // Over the 16 KiB of headers that Node's fetch reads.
      res.writeHead(200, { 'content-type': 'application/json', 'x-big': 'x'.repeat(20_000) });
      res.end('{}');
    });
    const loop = await client
      .GET('/hubs/{hub}/{objectName}', {
        params: { path: { hub: 'crm', objectName: 'loop' } },
      })
      .catch((e: unknown) => e);
    expect(loop).toBeInstanceOf(ConnectionError);
    expect((loop as ConnectionError).message).toMatch(/redirect count exceeded/);
    expect((loop as ConnectionError).attempts).toBe(1);
    // Node's fetch follows 20 redirects: 21 requests, not 3 times that.
    expect(server.requests).toHaveLength(21);
    const big = await client.GET('/hubs/{hub}/ping', ping).catch((e: unknown) => e);
    expect(big).toBeInstanceOf(ConnectionError);
    expect((big as ConnectionError).attempts).toBe(1);
    expect(server.requests).toHaveLength(22);
  });

  it('does not retry a POST after a dropped connection', async () => {
    const { client, server } = await setup((_req, res) => void res.socket?.destroy());
    await expect(
      client.POST('/hubs/{hub}/{objectName}', { ...object, body: { name: 'x' } }),
    ).rejects.toBeInstanceOf(ConnectionError);
    expect(server.requests).toHaveLength(1);
  });

  it('never retries POST or PATCH by default', async () => {
    const { client, server } = await setup(statusSequence([503, 503, 503]));
    const post = await client.POST('/hubs/{hub}/{objectName}', { ...object, body: { name: 'x' } });
    expect(post.response.status).toBe(503);
    const patch = await client.PATCH('/hubs/{hub}/{objectName}/{objectId}', {
      params: { path: { hub: 'crm', objectName: 'contacts', objectId: '1' } },
      body: { name: 'y' },
    });
    expect(patch.response.status).toBe(503);
    expect(server.requests.map((r) => r.method)).toEqual(['POST', 'PATCH']);
  });

  it('retries a POST that opts in with retry: true and resends the body intact', async () => {
    const { client, server } = await setup(statusSequence([503, 500]));
    const body = { firstName: 'Ada', lastName: 'Lovelace', notes: 'ü'.repeat(2000) };
    const { data } = await client.POST('/hubs/{hub}/{objectName}', { ...object, body, retry: true });
    expect(data).toEqual({ attempt: 3 });
    expect(server.requests).toHaveLength(3);
    for (const request of server.requests) {
      expect(request.method).toBe('POST');
      expect(request.json).toEqual(body);
      expect(request.headers['content-type']).toBe('application/json');
    }
  });

  it.each([307, 308])('follows a %s with the body the call sent, JSON or bytes', async (status) => {
    // Node's fetch sends a byte array by moving its buffer away; a body kept for retries as bytes could not be sent
    // again to the redirect's target ("detached ArrayBuffer").
    const { client, server } = await setup((req, res) => {
      if (req.path.startsWith('/moved/')) {
        res.writeHead(status, { location: req.url.slice('/moved'.length) });
        return void res.end();
      }
      sendJson(res, 200, { received: req.body.length });
    });
    const moved = createClient({
      userSecret: 'u',
      organizationSecret: 'o',
      baseUrl: `${server.url}/moved/elements/api-v2`,
    });
    const body = { firstName: 'Ada', notes: 'ü'.repeat(100) };
    const post = await moved.POST('/hubs/{hub}/{objectName}', { ...object, body });
    expect(post.response.status).toBe(200);
    const bytes = new Uint8Array([0xff, 0xfe, 0x00, 0xc3, 0x28, 0x80]);
    const patch = await moved.PATCH('/hubs/{hub}/{objectName}/{objectId}', {
      params: { path: { hub: 'crm', objectName: 'contacts', objectId: '1' } },
      body: bytes as never,
      bodySerializer: (b: unknown) => b as Uint8Array,
      headers: { 'Content-Type': 'application/octet-stream' },
    });
    expect(patch.response.status).toBe(200);
    // A call that changes something follows a 307 or 308 by hand (fetch would follow a 301 with a GET).
    expect(server.requests.map((r) => `${r.method} ${r.path.split('/')[1]}`)).toEqual([
      'POST moved',
      'POST elements',
      'PATCH moved',
      'PATCH elements',
    ]);
    const form = new FormData();
    form.append('file', new Blob(['a,b\n1,2\n'], { type: 'text/csv' }), 'rows.csv');
    const upload = await moved.POST('/hubs/documents/files', {
      params: { query: { path: '/rows.csv' } },
      body: form,
    });
    expect(upload.response.status).toBe(200);
    // The form's Content-Type names the boundary of the body sent to the redirect's target.
    const [, target] = server.requests.slice(4);
    const parsed = await new Response(new Uint8Array(target!.body), {
      headers: { 'content-type': target!.headers['content-type']! },
    }).formData();
    expect(await (parsed.get('file') as File).text()).toBe('a,b\n1,2\n');
    expect(server.requests[1]!.json).toEqual(body);
    expect([...server.requests[3]!.body]).toEqual([...bytes]);
    expect(server.requests[3]!.headers['content-type']).toBe('application/octet-stream');
  });

  it('follows a 307 with a form also without retries, its Content-Type naming the boundary sent', async () => {
    const { server } = await setup((req, res) => {
      if (req.path.startsWith('/moved/')) {
        res.writeHead(307, { location: req.url.slice('/moved'.length) });
        return void res.end();
      }
      sendJson(res, 200, { id: '1' });
    });
    const moved = createClient({
      userSecret: 'u',
      organizationSecret: 'o',
      baseUrl: `${server.url}/moved/elements/api-v2`,
      retry: false,
    }).forInstance('t');
    const form = new FormData();
    form.append('file', new Blob(['a,b\n1,2\n'], { type: 'text/csv' }), 'rows.csv');
    const { response } = await moved.POST('/hubs/documents/files', {
      params: { query: { path: '/rows.csv' } },
      body: form,
    });
    expect(response.status).toBe(200);
    const target = server.requests[1]!;
    const parsed = await new Response(new Uint8Array(target.body), {
      headers: { 'content-type': target.headers['content-type']! },
    }).formData();
    expect(await (parsed.get('file') as File).text()).toBe('a,b\n1,2\n');
  });

  it.each([301, 302, 303])(
    'does not let a %s turn a call that changes something into a GET whose answer passes for its own',
    async (status) => {
      // A baseUrl on http:// that a load balancer moves to https:// answers so; fetch follows it with a GET.
      const { server } = await setup((req, res) => {
        if (req.path.startsWith('/moved/')) {
          res.writeHead(status, { location: `${req.url.slice('/moved'.length)}?token=s3cr3t-in-location` });
          return void res.end();
        }
        sendJson(res, 200, [{ id: 1001, name: 'an instance that already existed' }]);
      });
      const moved = createClient({
        userSecret: 'u',
        organizationSecret: 'o',
        baseUrl: `${server.url}/moved/elements/api-v2`,
      });
      const created = await unwrap(moved.POST('/instances', { body: { name: 'new' } as never })).catch(
        (e: unknown) => e,
      );
      expect(created).toBeInstanceOf(CloudElementsError);
      expect(created).toMatchObject({ status, method: 'POST', path: '/instances' });
      expect((created as Error).message).toContain(
        `it was redirected to /elements/api-v2/instances?token=[REDACTED], which fetch would have followed with a ` +
          'GET in place of the POST; point baseUrl at the address the API answers at',
      );
      const deleted = await unwrap(moved.DELETE('/instances/{id}', { params: { path: { id: 1 } } })).catch(
        (e: unknown) => e,
      );
      expect(deleted).toMatchObject({ status, method: 'DELETE' });
      expect(server.requests.map((r) => r.method)).toEqual(['POST', 'DELETE']);
      // A GET still follows: it changes nothing, and its answer is the one asked for.
      const { response } = await moved.GET('/instances');
      expect(response.status).toBe(200);
    },
  );

  it('follows a 307 hop by hand: a 303 after it is still the error, not followed as a GET', async () => {
    const { server } = await setup((req, res) => {
      if (req.path.startsWith('/a/')) {
        res.writeHead(307, { location: req.url.replace('/a/', '/b/') });
        return void res.end();
      }
      if (req.path.startsWith('/b/')) {
        res.writeHead(303, { location: '/c' });
        return void res.end();
      }
      sendJson(res, 200, { method: req.method, authorization: req.headers.authorization ?? null });
    });
    const chained = createClient({
      userSecret: 'u',
      organizationSecret: 'o',
      baseUrl: `${server.url}/a/elements/api-v2`,
    });
    const error = await unwrap(chained.POST('/instances', { body: { name: 'new' } as never })).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ status: 303, method: 'POST' });
    expect(server.requests.map((r) => `${r.method} ${r.path.split('/')[1]}`)).toEqual(['POST a', 'POST b']);
  });

  it('does not follow a 307 off its origin, nor to an address that is no http(s) URL without a password', async () => {
    // Another origin would get the call's credentials and body (fetch strips some headers, a fetch of yours may add
    // others back); a data: URL would answer the call itself; a URL with a password is no Request's.
    const other = await startServer((_req, res) => sendJson(res, 200, { id: 'elsewhere' }));
    try {
      const locations: Record<string, string> = {
        origin: `${other.url.replace('127.0.0.1', 'localhost')}/elements/api-v2/instances`,
        data: 'data:application/json,{"id":42}',
        userinfo: '', // filled in below, with this server's own origin
      };
      const { server: mover } = await setup((req, res) => {
        const kind = req.path.split('/').pop()!;
        res.writeHead(307, { location: locations[kind] });
        res.end();
      });
      locations.userinfo = `${mover.url.replace('//', '//user:pw-s3cr3t@')}/elsewhere`;
      const moved = createClient({
        userSecret: 'u',
        organizationSecret: 'o',
        baseUrl: `${mover.url}/elements/api-v2`,
      });
      const said: Record<string, string> = {
        origin: "a POST does not follow to another origin, with the call's credentials and body",
        data: 'has no address to follow (an http or https URL without user or password)',
        userinfo: 'has no address to follow (an http or https URL without user or password)',
      };
      for (const kind of Object.keys(locations)) {
        const error = await unwrap(
          moved.POST('/hubs/{hub}/{objectName}', {
            params: { path: { hub: 'crm', objectName: kind } },
            body: { name: 'x' },
          }),
        ).catch((e: unknown) => e);
        expect(error, kind).toBeInstanceOf(CloudElementsError);
        expect(error, kind).toMatchObject({ status: 307, method: 'POST' });
        expect((error as Error).message, kind).toContain(said[kind]);
        expect((error as Error).message, kind).not.toContain('pw-s3cr3t');
      }
      expect(other.requests).toHaveLength(0);
      expect(mover.requests).toHaveLength(3);
    } finally {
      await other.close();
    }
  });

  it("keeps a call out of fetch's redirects when a middleware built a Request of its own", async () => {
    const { server } = await setup((req, res) => {
      if (req.path.startsWith('/moved/')) {
        res.writeHead(303, { location: req.url.slice('/moved'.length) });
        return void res.end();
      }
      sendJson(res, 200, [{ id: 1, name: 'already there' }]);
    });
    const moved = createClient({
      userSecret: 'u',
      organizationSecret: 'o',
      baseUrl: `${server.url}/moved/elements/api-v2`,
    });
    moved.use({
      onRequest: async ({ request }) =>
        new Request(request.url, {
          method: request.method,
          headers: request.headers,
          body: await request.text(),
        }),
    });
    const error = await unwrap(moved.POST('/instances', { body: { name: 'new' } as never })).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ status: 303, method: 'POST' });
    expect(server.requests.map((r) => r.method)).toEqual(['POST']);
  });

  it("follows a browser's hidden redirect (opaqueredirect) as fetch would, once, when the body can go again", async () => {
    const { server } = await setup((req, res) => {
      if (req.path.startsWith('/moved/')) {
        res.writeHead(307, { location: req.url.slice('/moved'.length) });
        return void res.end();
      }
      sendJson(res, 200, { method: req.method });
    });
    // A browser answers a redirect met in manual mode so: no status, no headers.
    const browserFetch = async (request: Request) => {
      const response = await fetch(request);
      if (request.redirect !== 'manual' || response.status < 300 || response.status > 399) return response;
      const hidden = new Response(null, { status: 200 });
      Object.defineProperties(hidden, {
        type: { value: 'opaqueredirect' },
        status: { value: 0 },
        ok: { value: false },
      });
      return hidden;
    };
    const make = (retry?: false) =>
      createClient({
        userSecret: 'u',
        organizationSecret: 'o',
        baseUrl: `${server.url}/moved/elements/api-v2`,
        fetch: browserFetch,
        ...(retry === false ? { retry } : {}),
      });
    const { data } = await make().POST('/hubs/{hub}/{objectName}', { ...object, body: { name: 'x' } });
    expect(data).toEqual({ method: 'POST' });
    const error = await unwrap(make(false).POST('/instances', { body: { name: 'new' } as never })).catch(
      (e: unknown) => e,
    );
    expect((error as Error).message).toContain(
      'it was redirected (the browser shows neither status nor address), which a call whose body cannot be sent ' +
        'again (retry: false, or a stream) does not follow',
    );
  });

  it('hands on a 307 that a call without a copy of its body cannot follow, saying why', async () => {
    const { server } = await setup((req, res) => {
      res.writeHead(307, { location: `/elsewhere${req.url}` });
      res.end();
    });
    const once = createClient({
      userSecret: 'u',
      organizationSecret: 'o',
      baseUrl: `${server.url}/elements/api-v2`,
      retry: false,
    });
    const error = await unwrap(once.POST('/instances', { body: { name: 'new' } as never })).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ status: 307, method: 'POST' });
    expect((error as Error).message).toContain(
      'which a call whose body cannot be sent again (retry: false, or a stream) does not follow',
    );
    expect(server.requests).toHaveLength(1);
  });

  it('leaves a redirect mode the caller chose as it is', async () => {
    const { client, server } = await setup((req, res) => {
      if (req.path.endsWith('/old')) {
        res.writeHead(301, { location: req.url.replace('/old', '/new') });
        return void res.end();
      }
      sendJson(res, 200, { method: req.method });
    });
    const { data } = await client.POST('/hubs/{hub}/{objectName}', {
      params: { path: { hub: 'crm', objectName: 'old' } },
      body: { name: 'x' },
      redirect: 'follow',
    });
    expect(data).toEqual({ method: 'GET' });
    expect(server.requests.map((r) => r.method)).toEqual(['POST', 'GET']);
  });

  it('sends a form upload again as the form, not as its bytes read into memory first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ce-form-'));
    try {
      const file = join(dir, 'report.csv');
      writeFileSync(file, 'id,name\n'.repeat(50_000));
      const { client, server } = await setup(statusSequence([503]));
      const form = new FormData();
      form.append('file', await openAsBlob(file, { type: 'text/csv' }), 'report.csv');
      const blob = vi.spyOn(Request.prototype, 'blob');
      const arrayBuffer = vi.spyOn(Request.prototype, 'arrayBuffer');
      const { response } = await client.POST('/hubs/documents/files', {
        params: { query: { path: '/report.csv' } },
        body: form,
        retry: true,
      });
      expect(blob).not.toHaveBeenCalled();
      expect(arrayBuffer).not.toHaveBeenCalled();
      blob.mockRestore();
      arrayBuffer.mockRestore();
      expect(response.status).toBe(200);
      expect(server.requests).toHaveLength(2);
      // Each attempt's Content-Type names the boundary its body uses, and the file arrives whole.
      for (const request of server.requests) {
        const parsed = await new Response(new Uint8Array(request.body), {
          headers: { 'content-type': request.headers['content-type']! },
        }).formData();
        expect(await (parsed.get('file') as File).text()).toBe('id,name\n'.repeat(50_000));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('resends a POST body intact on every attempt when there is no timeout', async () => {
    const { client, server } = await setup(statusSequence([503, 500]), {}, { timeoutMs: Infinity });
    const body = { firstName: 'Ada', lastName: 'Lovelace' };
    const { data } = await client.POST('/hubs/{hub}/{objectName}', { ...object, body, retry: true });
    expect(data).toEqual({ attempt: 3 });
    expect(server.requests.map((r) => r.json)).toEqual([body, body, body]);
  });

  it.each([
    ['with a timeout', 5000],
    ['without a timeout', Infinity],
  ])('gives each attempt its own copy of the request (%s)', async (_, timeoutMs) => {
    // A fetch that changes the request it is given must not change what the next attempt sends.
    const { client, server } = await setup(
      statusSequence([503, 503]),
      {},
      {
        timeoutMs,
        fetch: (request) => {
          request.headers.append('X-Attempt-Note', 'seen');
          return fetch(request);
        },
      },
    );
    const { data } = await client.GET('/hubs/{hub}/ping', ping);
    expect(data).toEqual({ attempt: 3 });
    expect(server.requests.map((r) => r.headers['x-attempt-note'])).toEqual(['seen', 'seen', 'seen']);
  });

  it('lets a request override the policy with a RetryOptions object', async () => {
    const { client, server } = await setup(statusSequence([503, 503, 503, 503]), { maxAttempts: 2 });
    const { response } = await client.GET('/hubs/{hub}/ping', { ...ping, retry: { maxAttempts: 5 } });
    expect(response.status).toBe(200);
    expect(server.requests).toHaveLength(5);
  });

  it('turns retries off for one request with retry: false', async () => {
    const { client, server } = await setup(statusSequence([503]));
    const { response } = await client.GET('/hubs/{hub}/ping', { ...ping, retry: false });
    expect(response.status).toBe(503);
    expect(server.requests).toHaveLength(1);
  });

  it('does not retry when the client says retry: false, unless a request opts in', async () => {
    const { client, server } = await setup(statusSequence([503, 503]), false);
    expect((await client.GET('/hubs/{hub}/ping', ping)).response.status).toBe(503);
    expect(server.requests).toHaveLength(1);
    const optedIn = await client.GET('/hubs/{hub}/ping', { ...ping, retry: { sleep: async () => {} } });
    expect(optedIn.response.status).toBe(200);
    expect(server.requests).toHaveLength(3);
  });

  it('waits as long as Retry-After in seconds says', async () => {
    const { client, waits } = await setup(statusSequence([429], { 'Retry-After': '2' }));
    await client.GET('/hubs/{hub}/ping', ping);
    expect(waits).toEqual([2000]);
  });

  it('waits until a Retry-After date within maxDelayMs', async () => {
    const soon = new Date(Date.now() + 3_000).toUTCString();
    const { client, waits } = await setup(statusSequence([503], { 'Retry-After': soon }), {
      maxDelayMs: 4000,
    });
    const { response } = await client.GET('/hubs/{hub}/ping', ping);
    expect(response.status).toBe(200);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThan(1000);
    expect(waits[0]).toBeLessThanOrEqual(3000);
  });

  it('ends at once with the 429 when Retry-After is longer than maxDelayMs', async () => {
    const { client, server, waits } = await setup(statusSequence([429], { 'Retry-After': '120' }), {
      maxDelayMs: 30_000,
    });
    const error = await unwrap(client.GET('/hubs/{hub}/ping', ping)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(120_000);
    expect((error as RateLimitError).attempts).toBe(1);
    expect((error as RateLimitError).mayHaveReachedServer).toBe(false);
    expect(server.requests).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('does not start a retry that would end past the deadline', async () => {
    const { client, server, waits } = await setup(statusSequence([503, 503], { 'Retry-After': '10' }), {
      deadlineMs: 5000,
    });
    const { response } = await client.GET('/hubs/{hub}/ping', ping);
    expect(response.status).toBe(503);
    expect(server.requests).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('stops waiting and rejects with the abort when the caller aborts during the backoff', async () => {
    server = await startServer(statusSequence([503, 503]));
    const controller = new AbortController();
    const client = createClient({
      userSecret: 'u',
      baseUrl: `${server.url}/elements/api-v2`,
      // A wait that never ends by itself: only the abort can end it.
      retry: { sleep: () => new Promise(() => {}) },
      logger: (record) => {
        if (record.outcome === 'retry') controller.abort();
      },
    });
    const call = client.GET('/hubs/{hub}/ping', { ...ping, signal: controller.signal });
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
    expect(server.requests).toHaveLength(1);
  });
});
