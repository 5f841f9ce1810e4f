import * as util from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadBulkResults } from '../../src/bulk/index.js';
import { createClient, unwrap, type CloudElementsClient } from '../../src/client/index.js';
import { createUndiciFetch } from '../../src/node/index.js';
import { paginate } from '../../src/query/index.js';
import { sendJson, startServer, type TestServer } from '../helpers/http-server.js';

// A client on createUndiciFetch() sends a call without a body that no middleware or fetch of the caller's sees as
// the fetch's plain request instead of a Request (src/node/undici.ts). Each scenario runs three ways against one
// server on 127.0.0.1, and the plain request must put the same bytes on the wire, log the same records and end the
// same way as undici given a Request (per call, through openapi-fetch's `Request` option), and end with the same
// result or error class as Node's own fetch. From an outside review; each failure it found is one scenario here.

type Variant = 'default' | 'plain' | 'request';
const SECRETS = { userSecret: 'USERSECRET-abcdef12345', organizationSecret: 'ORGSECRET-abcdef12345' };
const DROP = new Set([
  'connection',
  'accept-language',
  'sec-fetch-mode',
  'accept-encoding',
  'accept',
  'keep-alive',
]);
let undiciFetch: Awaited<ReturnType<typeof createUndiciFetch>>;
beforeAll(async () => {
  undiciFetch = await createUndiciFetch();
});

function describeOutcome(value: unknown): unknown {
  if (value instanceof Error) {
    const e = value as Error & Record<string, unknown>;
    return {
      error: e.name,
      ctor: e.constructor.name,
      message: e.message,
      status: e.status,
      attempts: e.attempts,
      path: e.path,
      cause: String((e.cause as Error | undefined)?.message ?? ''),
    };
  }
  return value;
}

async function runVariant(
  variant: Variant,
  server: TestServer,
  scenario: (client: CloudElementsClient, extra: Record<string, unknown>) => Promise<unknown>,
  clientOptions: Record<string, unknown> = {},
) {
  server.requests.length = 0;
  const logs: unknown[] = [];
  const client = createClient({
    ...SECRETS,
    baseUrl: `${server.url}/elements/api-v2`,
    retry: { baseDelayMs: 1, maxDelayMs: 50 },
    logger: (record: object) => logs.push({ ...record, durationMs: 0 }),
    ...(variant === 'default' ? {} : { fetch: undiciFetch }),
    ...clientOptions,
  } as never);
  const extra = variant === 'request' ? { Request: globalThis.Request } : {};
  let outcome: unknown;
  try {
    outcome = describeOutcome(await scenario(client, extra));
  } catch (error) {
    outcome = describeOutcome(error);
  }
  const wire = server.requests.map((r) => ({
    method: r.method,
    url: r.url,
    headers: Object.fromEntries(Object.entries(r.headers).filter(([k]) => !DROP.has(k))),
  }));
  return { outcome, wire, logs };
}

async function compare(
  server: TestServer,
  scenario: (client: CloudElementsClient, extra: Record<string, unknown>) => Promise<unknown>,
  clientOptions: Record<string, unknown> = {},
) {
  const d = await runVariant('default', server, scenario, clientOptions);
  const r = await runVariant('request', server, scenario, clientOptions);
  const p = await runVariant('plain', server, scenario, clientOptions);
  return { d, r, p };
}

describe('a plain request and a Request, call by call', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer((req, res) => {
      const u = new URL(req.url, 'http://x');
      if (u.pathname.endsWith('/busy')) {
        const n = Number(u.searchParams.get('n') ?? 0);
        if (server.requests.filter((r) => r.url === req.url).length <= n) {
          return sendJson(
            res,
            u.searchParams.get('s') === '429' ? 429 : 503,
            { message: 'busy' },
            { 'retry-after': '0' },
          );
        }
      }
      if (u.pathname.endsWith('/missing')) return sendJson(res, 404, { message: 'nope' });
      if (u.pathname.endsWith('/hang')) return; // never answers
      if (req.method === 'HEAD') return void res.writeHead(200, { 'x-h': '1' }).end();
      sendJson(res, 200, { method: req.method, url: req.url });
    });
  });
  afterAll(async () => server.close());

  const scenarios: Record<string, (c: CloudElementsClient, x: Record<string, unknown>) => Promise<unknown>> =
    {
      getQuerySpecial: (c, x) =>
        unwrap(
          c.GET(
            '/instances' as never,
            { ...x, params: { query: { a: [1, 2], q: 'it\'s <b> "x" `y` {z} |p ^ é', e: '' } } } as never,
          ),
        ),
      queryKeySpecial: (c, x) =>
        unwrap(
          c.GET(
            '/instances' as never,
            { ...x, params: { query: { 'a b': 1, "k'": 2, ключ: 3, '<x>': 4 } } } as never,
          ),
        ),
      deepObject: (c, x) =>
        unwrap(c.GET('/instances' as never, { ...x, params: { query: { f: { 'a b': 'c d' } } } } as never)),
      allowReserved: (c, x) =>
        unwrap(
          c.GET(
            '/instances' as never,
            {
              ...x,
              querySerializer: { allowReserved: true },
              params: { query: { where: "name = 'O Brien'" } },
            } as never,
          ),
        ),
      head: (c, x) =>
        c
          .HEAD('/instances' as never, x as never)
          .then((r: any) => ({ status: r.response.status, data: r.data })),
      options: (c, x) => unwrap(c.OPTIONS('/instances' as never, x as never)),
      del: (c, x) =>
        unwrap(c.DELETE('/instances/{id}', { ...x, params: { path: { id: 'a b/é?#' } } } as never)),
      text: (c, x) => unwrap(c.GET('/instances' as never, { ...x, parseAs: 'text' } as never)),
      blob: (c, x) =>
        unwrap(c.GET('/instances' as never, { ...x, parseAs: 'blob' } as never)).then((b: any) => b.text()),
      stream: (c, x) =>
        unwrap(c.GET('/instances' as never, { ...x, parseAs: 'stream' } as never)).then((s: any) =>
          new Response(s).text(),
        ),
      headers: (c, x) =>
        unwrap(
          c.GET(
            '/instances' as never,
            {
              ...x,
              headers: { 'X-A': 'b', Accept: 'text/csv' },
              params: { header: { 'X-P': 'q' } },
            } as never,
          ),
        ),
      headerNullDeletesAuth: (c, x) =>
        unwrap(c.GET('/instances' as never, { ...x, headers: { Authorization: null } } as never)),
      withOptions: (c, x) =>
        unwrap(c.withOptions({ timeoutMs: 5000 }).GET('/instances' as never, x as never)),
      forInstance: (c, x) =>
        unwrap(c.forInstance('ELEMENTTOKEN-xyz987654').GET('/hubs/crm/ping' as never, x as never)),
      retry503: (c, x) =>
        unwrap(c.GET('/busy' as never, { ...x, params: { query: { n: 2, s: '503' } } } as never)),
      retry429: (c, x) =>
        unwrap(c.GET('/busy' as never, { ...x, params: { query: { n: 1, s: '429' } } } as never)),
      notFound: (c, x) => unwrap(c.GET('/missing' as never, x as never)),
      timeout: (c, x) => unwrap(c.GET('/hang' as never, { ...x, timeoutMs: 100, retry: false } as never)),
      idleTimeout: (c, x) =>
        unwrap(c.GET('/hang' as never, { ...x, idleTimeoutMs: 100, retry: false } as never)),
      abortBefore: (c, x) => {
        const ac = new AbortController();
        ac.abort(new Error('stop-before'));
        return unwrap(c.GET('/instances' as never, { ...x, signal: ac.signal } as never));
      },
      abortDuring: (c, x) =>
        unwrap(c.GET('/hang' as never, { ...x, signal: AbortSignal.timeout(100), retry: false } as never)),
      requestLower: (c, x) => unwrap((c as any).request('get', '/instances', x)),
      requestCustom: (c, x) => unwrap((c as any).request('purge', '/instances', x)),
      literalSpace: (c, x) => unwrap(c.GET('/hubs/crm/my objects' as never, x as never)),
      literalDots: (c, x) => unwrap(c.GET('/hubs/crm/../../instances' as never, x as never)),
      literalUnicode: (c, x) => unwrap(c.GET('/hubs/crm/é' as never, x as never)),
      literalBackslash: (c, x) => unwrap(c.GET('/hubs\\crm' as never, x as never)),
      perCallBaseUrl: (c, x) =>
        unwrap(
          c.GET(
            '/instances' as never,
            { ...x, baseUrl: `${server.url.replace('http', 'HTTP')}/a/./b` } as never,
          ),
        ),
      perCallMiddlewareNewRequest: (c, x) =>
        unwrap(
          c.GET(
            '/instances' as never,
            {
              ...x,
              middleware: [
                {
                  onRequest: ({ request }: { request: Request }) =>
                    new Request(request, { headers: { 'x-mw': '1' } }),
                },
              ],
            } as never,
          ),
        ),
      perCallMiddlewareClone: (c, x) =>
        unwrap(
          c.GET(
            '/instances' as never,
            {
              ...x,
              middleware: [{ onRequest: ({ request }: { request: Request }) => void request.clone() }],
            } as never,
          ),
        ),
      perCallMiddlewareInstanceof: (c, x) => {
        let seen = '';
        return unwrap(
          c.GET(
            '/instances' as never,
            {
              ...x,
              middleware: [
                {
                  onRequest: ({ request }: { request: Request }) =>
                    void (seen = String(request instanceof Request)),
                },
              ],
            } as never,
          ),
        ).then((d) => ({ d, seen }));
      },
      perCallFetch: (c, x) =>
        unwrap(c.GET('/instances' as never, { ...x, fetch: (r: Request) => globalThis.fetch(r) } as never)),
      useThenEject: async (c, x) => {
        await unwrap(c.GET('/instances' as never, x as never));
        const mw = {
          onRequest: ({ request }: { request: Request }) => void request.headers.set('x-mw', '1'),
        };
        c.use(mw);
        await unwrap(c.GET('/instances' as never, x as never));
        c.eject(mw);
        return unwrap(c.GET('/instances' as never, x as never));
      },
      paginate: async (c, x) => {
        const out: unknown[] = [];
        for await (const rec of paginate(c as never, '/instances' as never, { ...x, pageSize: 2 } as never))
          out.push(rec);
        return out.length;
      },
    };

  for (const [name, scenario] of Object.entries(scenarios)) {
    it(`same on the wire and same outcome: ${name}`, async () => {
      const { d, r, p } = await compare(server, scenario);
      expect.soft(p.wire, `${name}: wire plain vs undici+Request`).toEqual(r.wire);
      expect.soft(p.outcome, `${name}: outcome plain vs undici+Request`).toEqual(r.outcome);
      expect.soft(p.logs, `${name}: logs plain vs undici+Request`).toEqual(r.logs);
      const kind = (o: unknown) => (o as { error?: unknown })?.error ?? 'ok';
      expect.soft(kind(p.outcome), `${name}: outcome class plain vs default`).toEqual(kind(d.outcome));
    });
  }

  for (const baseUrlOf of [
    (u: string) => `${u.replace('http://', 'HTTP://')}/elements/api-v2`,
    (u: string) => `${u}/elements/api-v2/`,
    (u: string) => `${u}/Elements/api-v2//`,
  ]) {
    it(`baseUrl variant ${baseUrlOf('http://h')}`, async () => {
      const { d, r, p } = await compare(
        server,
        (c, x) => unwrap(c.GET('/instances/{id}', { ...x, params: { path: { id: 'ü x' } } } as never)),
        { baseUrl: baseUrlOf(server.url) },
      );
      expect.soft(p.wire).toEqual(r.wire);
      expect.soft(p.outcome).toEqual(d.outcome);
    });
  }

  it('downloadBulkResults through the plain request', async () => {
    const { d, r, p } = await compare(server, (c) =>
      downloadBulkResults(
        c.forInstance('ELEMENTTOKEN-xyz987654') as never,
        { hub: 'crm', jobId: 'j 1', objectName: 'contacts', format: 'csv' } as never,
      ).then((s) => new Response(s).text()),
    );
    expect.soft(p.wire).toEqual(r.wire);
    expect.soft(p.outcome).toEqual(d.outcome);
  });
});

describe('a plain request: headers, refused methods, what a middleware sees', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer((req, res) =>
      sendJson(res, 200, { method: req.method, url: req.url, headers: req.headers }),
    );
  });
  afterAll(async () => server.close());

  it('headers edge cases', async () => {
    const { r, p } = await compare(server, (c, x) =>
      unwrap(
        c.GET(
          '/instances' as never,
          { ...x, headers: { Host: 'evil.example', Connection: 'close', Expect: '', 'X-L': 'é' } } as never,
        ),
      ),
    );
    expect.soft(p.wire).toEqual(r.wire);
    expect.soft(p.outcome).toEqual(r.outcome);
  });

  it('refuses TRACE as fetch does, and sends nothing', async () => {
    const { d, r, p } = await compare(server, (c, x) => unwrap(c.TRACE('/instances' as never, x as never)));
    expect(p.outcome).toEqual(r.outcome);
    expect(p.outcome).toEqual(d.outcome);
    expect(p.wire).toEqual([]);
  });

  it('inspect of what a per-call middleware sees', async () => {
    const seen: string[] = [];
    const client = createClient({
      ...SECRETS,
      baseUrl: `${server.url}/elements/api-v2`,
      fetch: undiciFetch,
    }).forInstance('ELEMENTTOKEN-xyz987654');
    const ref = createClient({ ...SECRETS, baseUrl: `${server.url}/elements/api-v2` }).forInstance(
      'ELEMENTTOKEN-xyz987654',
    );
    for (const c of [ref, client]) {
      await unwrap(
        c.GET(
          '/instances' as never,
          {
            middleware: [
              {
                onRequest: ({ request }: { request: Request }) =>
                  void seen.push(util.inspect(request, { depth: 4 }) + '\nJSON:' + JSON.stringify(request)),
              },
            ],
          } as never,
        ),
      );
    }
    // Neither JSON form holds a secret (Headers serialise as {}); util.inspect shows Authorization for both alike.
    for (const text of seen) expect(text.split('JSON:')[1]).not.toMatch(/SECRET|TOKEN/);
  });
});
