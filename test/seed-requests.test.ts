// Reproduces the requests the seed documents show, read from the seed files themselves, over real HTTP.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient, type ClientOptions } from '../src/client/index.js';
import { sendJson, startServer, type TestServer } from './helpers/http-server.js';

const seedDir = new URL('../../shared/seeds/', import.meta.url);
function readSeed(name: string): string {
  return readFileSync(new URL(name, seedDir), 'utf8');
}

/** The header value after `Authorization: ` (or the bare hub line) under "To make a … call". */
function headerAfter(seed: string, heading: RegExp): string {
  const lines = seed.split('\n');
  const at = lines.findIndex((line) => heading.test(line));
  const line = lines.slice(at + 1).find((l) => l.trim() !== '');
  if (at === -1 || line === undefined) throw new Error(`seed has no line after ${heading}`);
  return line.trim().replace(/^Authorization:\s*/, '');
}

const seed000 = readSeed('000_5f2d47896a2d8e37.txt');
const seed001 = readSeed('001_077af932ee59a403.txt');
const seed003 = readSeed('003_250355ab7f62ff22.txt');
const seed004 = readSeed('004_28ba5caec471cacc.txt');

// The seeds' placeholders are valid credential characters, so they can be sent verbatim and compared verbatim.
const USER = '<INSERT_USER_SECRET>';

let server: TestServer;
let wentTo: string[];
beforeEach(async () => {
  server = await startServer((req, res) =>
    sendJson(res, 200, req.method === 'POST' ? { id: 123, token: 't' } : {}),
  );
  wentTo = [];
});
afterEach(() => server.close());

/** A client for the real `us` environment whose requests are delivered to the local server instead. */
function usClient(options: Omit<ClientOptions, 'environment' | 'baseUrl' | 'fetch'>) {
  return createClient({
    ...options,
    environment: 'us',
    fetch: (request) => {
      wentTo.push(request.url);
      const url = new URL(request.url);
      return fetch(new Request(`${server.url}${url.pathname}${url.search}`, request));
    },
  });
}

describe('seed 000 (Salesforce Sales Cloud)', () => {
  it('sends the platform header form on GET /instances/{id}', async () => {
    const platformHeader = headerAfter(seed000, /To make a Platform or API call/);
    expect(platformHeader).toBe('User <INSERT_USER_SECRET>, Organization <INSERT_USER_SECRET>');
    expect(seed000).toContain('GET /instances/<INSTANCE_ID>');
    await usClient({ userSecret: USER, organizationSecret: USER }).GET('/instances/{id}', {
      params: { path: { id: 123 } },
    });
    const [request] = server.requests;
    expect(request?.method).toBe('GET');
    expect(request?.url).toBe('/elements/api-v2/instances/123');
    expect(request?.headers.authorization).toBe(platformHeader);
    expect(wentTo).toEqual(['https://api.cloud-elements.com/elements/api-v2/instances/123']);
  });

  it('sends the three-part hub header form on a hub call', async () => {
    const hubHeader = headerAfter(seed000, /To make a Hub API call/);
    expect(hubHeader).toBe(
      'User <INSERT_USER_SECRET>, Organization <INSERT_USER_SECRET>, Element <INSERT_ELEMENT_TOKEN>',
    );
    const client = usClient({ userSecret: USER, organizationSecret: USER });
    await client.forInstance('<INSERT_ELEMENT_TOKEN>').GET('/hubs/crm/contacts');
    expect(server.requests[0]?.url).toBe('/elements/api-v2/hubs/crm/contacts');
    expect(server.requests[0]?.headers.authorization).toBe(hubHeader);
  });
});

describe.each([
  ['001 (Marketo)', seed001, '<INSERT_ELEMENT_INSTANCE_TOKEN>'],
  ['004 (Concur)', seed004, '<INSERT_ELEMENT_TOKEN>'],
])('seed %s', (_name, seed, token) => {
  it('sends the two-part hub header User, Element without an organization secret', async () => {
    const hubHeader = headerAfter(seed, /To make a Hub API call/);
    expect(hubHeader).toBe(`User <INSERT_USER_SECRET>, Element ${token}`);
    await usClient({ userSecret: USER }).forInstance(token).GET('/hubs/crm/contacts');
    expect(server.requests[0]?.method).toBe('GET');
    expect(server.requests[0]?.url).toBe('/elements/api-v2/hubs/crm/contacts');
    expect(server.requests[0]?.headers.authorization).toBe(hubHeader);
  });

  it('sends GET /instances/{id} with the platform form', async () => {
    expect(seed).toContain('GET /instances/<INSTANCE_ID>');
    await usClient({ userSecret: USER, organizationSecret: USER }).GET('/instances/{id}', {
      params: { path: { id: 77 } },
    });
    expect(server.requests[0]?.url).toBe('/elements/api-v2/instances/77');
    expect(server.requests[0]?.headers.authorization).toBe(
      headerAfter(seed, /To make a Platform or API call/),
    );
  });
});

describe('seed 003 (Salesforce OAuth)', () => {
  it('sends the OAuth URL request exactly as the seed writes it', async () => {
    const seedUrl =
      /'(https:\/\/api\.cloud-elements\.com\/elements\/api-v2\/elements\/sfdc\/oauth\/url\?[^']+)'/.exec(
        seed003,
      )?.[1];
    expect(seedUrl).toBe(
      'https://api.cloud-elements.com/elements/api-v2/elements/sfdc/oauth/url?apiKey=fake_salesforce_api_key&apiSecret=fake_salesforce_api_secret&callbackUrl=https://www.mycoolapp.com/auth&state=sfdcdocuments',
    );
    const seedQuery = new URL(seedUrl!).search.slice(1);
    const client = usClient({ userSecret: 'u1', organizationSecret: 'o1' });
    const { response } = await client.GET('/elements/{keyOrId}/oauth/url', {
      params: {
        path: { keyOrId: 'sfdc' },
        query: {
          apiKey: 'fake_salesforce_api_key',
          apiSecret: 'fake_salesforce_api_secret',
          callbackUrl: 'https://www.mycoolapp.com/auth',
          state: 'sfdcdocuments',
        },
      },
    });
    expect(response.status).toBe(200);
    const [request] = server.requests;
    expect(request?.method).toBe('GET');
    expect(request?.path).toBe('/elements/api-v2/elements/sfdc/oauth/url');
    // openapi-fetch percent-encodes `:` and `/`; decoded, the query is the seed's, in the seed's order.
    const rawQuery = request!.url.slice(request!.url.indexOf('?') + 1);
    expect(rawQuery).toContain('callbackUrl=https%3A%2F%2Fwww.mycoolapp.com%2Fauth');
    expect(decodeURIComponent(rawQuery)).toBe(seedQuery);
    expect(request?.query).toEqual({
      apiKey: 'fake_salesforce_api_key',
      apiSecret: 'fake_salesforce_api_secret',
      callbackUrl: 'https://www.mycoolapp.com/auth',
      state: 'sfdcdocuments',
    });
    expect(decodeURIComponent(wentTo[0] ?? '')).toBe(seedUrl);
  });

  it('sends POST /instances with the seed body and header', async () => {
    const header = /-H 'Authorization: ([^']+)'/.exec(seed003)?.[1];
    expect(header).toBe('User <INSERT_USER_SECRET>, Organization <INSERT_ORGANIZATION_SECRET>');
    const bodyText = /instance\.json file must be included[\s\S]*?```json\n([\s\S]*?)```/.exec(seed003)?.[1];
    const body = JSON.parse(bodyText ?? 'null') as {
      element: { key: string };
      providerData: Record<string, string>;
      configuration: Record<string, string>;
      tags: string[];
      name: string;
    };
    expect(body.element.key).toBe('sfdcdocuments');
    const client = usClient({ userSecret: USER, organizationSecret: '<INSERT_ORGANIZATION_SECRET>' });
    const { data } = await client.POST('/instances', { body });
    expect(data).toMatchObject({ id: 123, token: 't' });
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/elements/api-v2/instances');
    expect(request?.headers.authorization).toBe(header);
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.json).toEqual(body);
    expect(wentTo).toEqual(['https://api.cloud-elements.com/elements/api-v2/instances']);
  });
});
