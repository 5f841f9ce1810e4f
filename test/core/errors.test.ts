import { afterEach, describe, expect, it } from 'vitest';
import { createClient, unwrap } from '../../src/client/index.js';
import {
  BadRequestError,
  CloudElementsError,
  ConflictError,
  ConnectionError,
  ForbiddenError,
  NotFoundError,
  RateLimitError,
  ServerError,
  TimeoutError,
  UnauthorizedError,
} from '../../src/core/index.js';
import { findClosedPort, sendJson, startServer, type TestServer } from '../helpers/http-server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function clientFor(handler: Parameters<typeof startServer>[0]) {
  server = await startServer(handler);
  return createClient({
    userSecret: 'user-secret',
    organizationSecret: 'org-secret',
    baseUrl: `${server.url}/elements/api-v2`,
    retry: false,
  });
}

async function catchError(promise: Promise<unknown>): Promise<CloudElementsError> {
  try {
    await promise;
  } catch (error) {
    return error as CloudElementsError;
  }
  throw new Error('expected the call to fail');
}

const ping = { params: { path: { hub: 'crm' } } } as const;

describe('unwrap', () => {
  it('returns data for a 2xx response', async () => {
    const client = await clientFor((_req, res) => sendJson(res, 200, { endpoint: 'sfdc' }));
    await expect(unwrap(client.GET('/hubs/{hub}/ping', ping))).resolves.toEqual({ endpoint: 'sfdc' });
  });

  it.each([
    [400, BadRequestError],
    [405, BadRequestError],
    [422, BadRequestError],
    [401, UnauthorizedError],
    [403, ForbiddenError],
    [404, NotFoundError],
    [409, ConflictError],
    [429, RateLimitError],
    [500, ServerError],
    [502, ServerError],
    [503, ServerError],
  ] as const)('throws the %s status as its own subclass', async (status, ErrorClass) => {
    const client = await clientFor((_req, res) =>
      sendJson(res, status, { requestId: 'req-1', message: 'nope' }),
    );
    const error = await catchError(unwrap(client.GET('/hubs/{hub}/ping', ping)));
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(CloudElementsError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(ErrorClass.name);
    expect(error.status).toBe(status);
  });

  it('carries method, path, request id, message and provider message', async () => {
    const client = await clientFor((_req, res) =>
      sendJson(res, 404, {
        requestId: '5b0437c6e4b07731ae39b533',
        message: 'No account found with ID 123456',
        providerMessage: 'INVALID_ID: bad id',
      }),
    );
    const error = await catchError(unwrap(client.GET('/hubs/{hub}/ping', ping)));
    expect(error).toMatchObject({
      status: 404,
      method: 'GET',
      path: '/hubs/crm/ping',
      requestId: '5b0437c6e4b07731ae39b533',
      providerMessage: 'INVALID_ID: bad id',
    });
    expect(error.message).toBe(
      'GET /hubs/crm/ping failed with 404 Not Found: No account found with ID 123456 (provider: INVALID_ID: bad id) (request id 5b0437c6e4b07731ae39b533)',
    );
  });

  it('prefers the Elements-Request-Id header for the request id', async () => {
    const client = await clientFor((_req, res) =>
      sendJson(
        res,
        400,
        { requestId: 'from-body', message: 'Error parsing query' },
        { 'Elements-Request-Id': 'from-header' },
      ),
    );
    const error = await catchError(unwrap(client.GET('/hubs/{hub}/ping', ping)));
    expect(error.requestId).toBe('from-header');
  });

  it('gives the rate limit wait from Retry-After', async () => {
    const client = await clientFor((_req, res) =>
      sendJson(res, 429, { message: 'slow down' }, { 'Retry-After': '7' }),
    );
    const error = await catchError(unwrap(client.GET('/hubs/{hub}/ping', ping)));
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(7000);
  });

  it('explains an empty error body', async () => {
    const client = await clientFor((_req, res) => {
      res.writeHead(503, { 'Content-Length': '0' });
      res.end();
    });
    const result = await client.GET('/hubs/{hub}/ping', ping);
    // openapi-fetch gives no error value here; unwrap must look at the status.
    expect(result.error).toBeUndefined();
    const error = await catchError(unwrap(Promise.resolve(result)));
    expect(error).toBeInstanceOf(ServerError);
    expect(error.message).toBe('GET /hubs/crm/ping failed with 503 Service Unavailable: empty response body');
  });

  it("reads a gateway's RFC 9457 problem: its detail, else its title", async () => {
    let problem: Record<string, string> = {
      type: 'about:blank',
      title: 'Bad Request',
      detail: 'Header too large',
    };
    const client = await clientFor((_req, res) => {
      res.writeHead(400, { 'Content-Type': 'application/problem+json' });
      res.end(JSON.stringify(problem));
    });
    const detailed = await catchError(unwrap(client.GET('/hubs/{hub}/ping', ping)));
    expect(detailed.message).toBe('GET /hubs/crm/ping failed with 400 Bad Request: Header too large');
    problem = { type: 'about:blank', title: 'Payload Too Large' };
    const titled = await catchError(unwrap(client.GET('/hubs/{hub}/ping', ping)));
    expect(titled.message).toBe('GET /hubs/crm/ping failed with 400 Bad Request: Payload Too Large');
  });

  it('quotes a non-JSON error body', async () => {
    const client = await clientFor((_req, res) => {
      res.writeHead(502, { 'Content-Type': 'text/html' });
      res.end('<html><body>Bad gateway from the load balancer</body></html>');
    });
    const error = await catchError(unwrap(client.GET('/hubs/{hub}/ping', ping)));
    expect(error).toBeInstanceOf(ServerError);
    expect(error.message).toContain('Bad gateway from the load balancer');
    expect(error.body).toBe('<html><body>Bad gateway from the load balancer</body></html>');
  });

  it('keeps the typed error result of the plain call', async () => {
    const client = await clientFor((_req, res) =>
      sendJson(res, 401, { requestId: 'r', message: 'Invalid secrets' }),
    );
    const { data, error, response } = await client.GET('/hubs/{hub}/ping', ping);
    expect(data).toBeUndefined();
    expect(response.status).toBe(401);
    expect(error).toEqual({ requestId: 'r', message: 'Invalid secrets' });
  });

  it('works with .then(unwrap) too', async () => {
    const client = await clientFor((_req, res) => sendJson(res, 409, { message: 'exists' }));
    await expect(client.GET('/hubs/{hub}/ping', ping).then(unwrap)).rejects.toBeInstanceOf(ConflictError);
  });
});

describe('connection errors', () => {
  it('reject the call with a ConnectionError that keeps the cause', async () => {
    const port = await findClosedPort();
    const client = createClient({
      userSecret: 'user-secret',
      baseUrl: `http://127.0.0.1:${port}/elements/api-v2`,
      retry: false,
    });
    const error = await catchError(client.GET('/hubs/{hub}/ping', ping));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toBeInstanceOf(CloudElementsError);
    expect(error.method).toBe('GET');
    expect(error.path).toBe('/hubs/crm/ping');
    expect(error.message).toMatch(/ECONNREFUSED/);
    expect(error.cause).toBeInstanceOf(Error);
  });
});

describe('instanceof across copies of the error classes', () => {
  // Each published entry (`.`, `./webhooks`, `./node`) is one file with its own copy of the classes it uses, and an
  // app may install the package twice: a second instance of the module stands for such a copy.
  const loadCopy = () =>
    // @ts-expect-error: TypeScript knows no module with a query; Vite loads the same file as a module of its own.
    import('../../src/core/errors.js?copy') as Promise<typeof import('../../src/core/errors.js')>;

  it('holds both ways for the same class, and for its base class', async () => {
    const copy = await loadCopy();
    expect(copy.NotFoundError).not.toBe(NotFoundError);
    const fromCopy = new copy.NotFoundError('gone', { status: 404 });
    expect(fromCopy instanceof NotFoundError).toBe(true);
    expect(fromCopy instanceof CloudElementsError).toBe(true);
    expect(new NotFoundError('gone') instanceof copy.NotFoundError).toBe(true);
    expect(new ServerError('down') instanceof copy.CloudElementsError).toBe(true);
  });

  it('does not hold for another class, nor for a look-alike that is not the SDK’s', async () => {
    const copy = await loadCopy();
    expect(new copy.NotFoundError('gone') instanceof ServerError).toBe(false);
    expect(new copy.CloudElementsError('x') instanceof NotFoundError).toBe(false);
    class NotFoundLookAlike extends Error {
      static override readonly name: string = 'NotFoundError';
    }
    expect(new NotFoundLookAlike('gone') instanceof NotFoundError).toBe(false);
    expect(new Error('plain') instanceof CloudElementsError).toBe(false);
    expect(Object.create(null) instanceof CloudElementsError).toBe(false);
    expect(('NotFoundError' as unknown) instanceof CloudElementsError).toBe(false);
  });

  it('does not mix up an app’s own subclasses, whose names its minifier may make the same', () => {
    const fromModuleA = (() => class e extends NotFoundError {})();
    const fromModuleB = (() => class e extends RateLimitError {})();
    expect(new fromModuleA('x') instanceof fromModuleB).toBe(false);
    expect(new fromModuleB('x') instanceof fromModuleA).toBe(false);
    const anonymous404 = (() => class extends NotFoundError {})();
    const anonymous500 = (() => class extends ServerError {})();
    expect(new anonymous404('x') instanceof anonymous500).toBe(false);
    const AppConnectionError = (() => class ConnectionError extends CloudElementsError {})();
    expect(new AppConnectionError('db down') instanceof ConnectionError).toBe(false);
    expect(new ConnectionError('net') instanceof AppConnectionError).toBe(false);
  });

  it('matches the way native instanceof does for proxies, bare prototypes and clones', async () => {
    const copy = await loadCopy();
    expect(new Proxy(new copy.NotFoundError('x'), {}) instanceof NotFoundError).toBe(true);
    expect(Object.create(copy.NotFoundError.prototype) instanceof NotFoundError).toBe(true);
    expect(new Proxy({}, {}) instanceof NotFoundError).toBe(false);
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    expect(() => revoked.proxy instanceof NotFoundError).toThrow(TypeError);
    // structuredClone keeps no class but Error's, with or without copies.
    expect(structuredClone(new NotFoundError('x')) instanceof NotFoundError).toBe(false);
    expect(NotFoundError instanceof CloudElementsError).toBe(false);
    await expect(Promise.reject(new copy.BadRequestError('x'))).rejects.toThrow(BadRequestError);
  });

  it('narrows types as instanceof does, also to a subclass with a private constructor (npm run lint:ts)', () => {
    class Refused extends BadRequestError {
      private constructor() {
        super('refused', { status: 422 });
      }
      static make() {
        return new Refused();
      }
    }
    const error: unknown = Refused.make();
    expect(error instanceof Refused && error.status).toBe(422);
    const timeout: unknown = new TimeoutError('slow', { timeoutMs: 5 });
    expect(timeout instanceof TimeoutError && timeout.timeoutMs).toBe(5);
  });

  it('still works for an app’s own subclass', async () => {
    class AppError extends NotFoundError {}
    const copy = await loadCopy();
    expect(new AppError('x') instanceof NotFoundError).toBe(true);
    expect(new AppError('x') instanceof copy.NotFoundError).toBe(true);
    expect(new NotFoundError('x') instanceof AppError).toBe(false);
  });
});
