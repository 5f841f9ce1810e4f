import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { createClient, unwrap } from '../../src/client/index.js';
import { createUndiciFetch } from '../../src/node/index.js';
import { sendJson, startServer, type TestServer } from '../helpers/http-server.js';

// undici's Agent ends a call whose headers or body take 300 s, whatever the SDK's timeoutMs and idleTimeoutMs say.
// Waiting 300 s is out of the question: the options the Agent is made with are recorded, and a call shows that
// this Agent is the one that carries it.
const made = vi.hoisted(() => [] as { options: Record<string, unknown>; dispatched: number }[]);
vi.mock('undici', async (importOriginal) => {
  const undici = await importOriginal<typeof import('undici')>();
  class RecordedAgent extends undici.Agent {
    readonly #record: { options: Record<string, unknown>; dispatched: number };
    constructor(options: ConstructorParameters<typeof undici.Agent>[0]) {
      super(options);
      this.#record = { options: { ...options }, dispatched: 0 };
      made.push(this.#record);
    }
    override dispatch(...args: Parameters<InstanceType<typeof undici.Agent>['dispatch']>): boolean {
      this.#record.dispatched++;
      return super.dispatch(...args);
    }
  }
  return { ...undici, Agent: RecordedAgent };
});

let server: TestServer;
beforeAll(async () => {
  server = await startServer((_req, res) => sendJson(res, 200, [{ id: 1 }]));
});
afterAll(async () => {
  await server.close();
});

describe("createUndiciFetch and undici's own time limits", () => {
  test("turns off undici's 300 s header and body limits, leaving timeoutMs and idleTimeoutMs to the SDK", async () => {
    made.length = 0;
    const client = createClient({
      userSecret: 'u1',
      baseUrl: `${server.url}/elements/api-v2`,
      fetch: await createUndiciFetch({ connections: 4, keepAliveTimeoutMs: 1000 }),
    });
    expect(await unwrap(client.GET('/instances'))).toEqual([{ id: 1 }]);
    expect(made).toHaveLength(1);
    expect(made[0]!.options).toMatchObject({
      connections: 4,
      keepAliveTimeout: 1000,
      headersTimeout: 0,
      bodyTimeout: 0,
    });
    expect(made[0]!.dispatched).toBeGreaterThan(0);
  });
});
