import { inspect } from 'node:util';
import { afterEach, describe, expect, test } from 'vitest';
import { createClient } from '../../src/client/index.js';
import { sendJson, startServer, type TestServer } from '../helpers/http-server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start() {
  server = await startServer((_req, res) => sendJson(res, 200, [{ id: 1, name: 'Acme' }]));
  return createClient({ userSecret: 'user-secret', organizationSecret: 'org-secret', baseUrl: server.url });
}

describe('a call result can be logged, as a plain openapi-fetch one can', () => {
  test('console.log of a result or its response does not throw once the body was read', async () => {
    const client = await start();
    const result = await client.GET('/instances');
    // What console.log does: inspect every getter, `body` included.
    expect(() => inspect(result, { getters: true })).not.toThrow();
    expect(() => inspect(result.response, { getters: true })).not.toThrow();
    expect(result.response.body?.locked).toBe(true);
    expect(result.data).toEqual([{ id: 1, name: 'Acme' }]);
  });

  test('a middleware that logs the response before the body is read still gets the data to the caller', async () => {
    const client = await start();
    const logged: string[] = [];
    client.use({
      onResponse({ response }) {
        logged.push(inspect(response, { getters: true }));
        return undefined;
      },
    });
    const { data } = await client.GET('/instances');
    expect(data).toEqual([{ id: 1, name: 'Acme' }]);
    expect(logged).toHaveLength(1);
  });
});
