import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { createClient, type CloudElementsClient } from '../../src/client/index.js';
import { BadRequestError, NotFoundError } from '../../src/core/index.js';
import { buildEventsConfiguration, disableEvents, enableEvents } from '../../src/instances/index.js';
import { parseNodeWebhookRequest } from '../../src/node/index.js';
import { createWebhookVerifier, isEventNotification } from '../../src/webhooks/index.js';
import { sendJson, startServer, type TestHandler, type TestServer } from '../helpers/http-server.js';

const base = '/elements/api-v2';
let server: TestServer | undefined;
const ownServers: Server[] = [];
afterEach(async () => {
  await server?.close();
  server = undefined;
  for (const s of ownServers.splice(0)) await new Promise((resolve) => s.close(resolve));
});

async function start(handler: TestHandler): Promise<CloudElementsClient> {
  server = await startServer(handler);
  return createClient({
    userSecret: 'user-secret',
    organizationSecret: 'org-secret',
    baseUrl: `${server.url}${base}`,
  });
}

const instance = (configuration: Record<string, unknown>) => ({
  id: 12345,
  name: 'SFDC',
  token: 'tok',
  valid: true,
  tags: [],
  configuration,
});

describe('enableEvents', () => {
  test('turns on webhook events with one PATCH of the documented keys', async () => {
    const ce = await start((req, res) =>
      sendJson(res, 200, instance({ 'event.notification.enabled': 'true' })),
    );
    const updated = await enableEvents(ce, 12345, {
      mode: 'webhook',
      callbackUrl: 'https://app.example.com/ce-events',
      signatureKey: 'sig-key-1234',
      objects: ['Contact', ' Account'],
    });
    expect(updated.id).toBe(12345);
    const [request] = server!.requests;
    expect(request).toMatchObject({ method: 'PATCH', path: `${base}/instances/12345` });
    expect(request!.headers.authorization).toBe('User user-secret, Organization org-secret');
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.json).toEqual({
      configuration: {
        'event.notification.enabled': true,
        'event.vendor.type': 'webhook',
        'event.notification.callback.url': 'https://app.example.com/ce-events',
        'event.notification.signature.key': 'sig-key-1234',
        'event.objects': 'Contact,Account',
      },
    });
  });

  test('turns on polling with an interval and a poller configuration', async () => {
    const ce = await start((_req, res) => sendJson(res, 200, instance({})));
    const contacts = {
      url: "/hubs/crm/contacts?where=lastUpdated>'${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'",
      idField: 'id',
      datesConfiguration: { updatedDateField: 'lastUpdated', updatedDateFormat: "yyyy-MM-dd'T'HH:mm:ss'Z'" },
    };
    await enableEvents(ce, 7, {
      mode: 'polling',
      callbackUrl: 'http://localhost:3000/events',
      pollIntervalMinutes: 15,
      pollerConfiguration: { contacts },
    });
    expect(server!.requests[0]!.json).toEqual({
      configuration: {
        'event.notification.enabled': true,
        'event.vendor.type': 'polling',
        'event.notification.callback.url': 'http://localhost:3000/events',
        'event.poller.refresh_interval': '15',
        'event.poller.configuration': { contacts },
      },
    });
  });

  test('turns events off without touching the rest', async () => {
    const ce = await start((_req, res) => sendJson(res, 200, instance({})));
    await disableEvents(ce, 7);
    expect(server!.requests[0]!.json).toEqual({ configuration: { 'event.notification.enabled': false } });
  });

  test('throws the API error, without the signature key', async () => {
    const ce = await start((req, res) =>
      sendJson(res, 400, {
        message: `Invalid configuration ${JSON.stringify((req.json as { configuration: unknown }).configuration)}`,
        configuration: (req.json as { configuration: unknown }).configuration,
      }),
    );
    const error = await enableEvents(ce, 7, {
      mode: 'webhook',
      callbackUrl: 'https://app.example.com/e',
      signatureKey: 'very-secret-signing-key',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(String(error)).toMatch(/Invalid configuration/);
    expect(String(error)).not.toContain('very-secret-signing-key');
    expect(JSON.stringify((error as BadRequestError).body)).not.toContain('very-secret-signing-key');
    expect(JSON.stringify((error as BadRequestError).body)).toContain('[REDACTED]');
  });

  test('throws NotFoundError for an unknown instance', async () => {
    const ce = await start((_req, res) => sendJson(res, 404, { message: 'No instance found with id 9' }));
    await expect(disableEvents(ce, 9)).rejects.toBeInstanceOf(NotFoundError);
  });

  test('polls the resources of an older element given as a list (event.poller.urls, joined with |)', async () => {
    const ce = await start((_req, res) => sendJson(res, 200, instance({})));
    await enableEvents(ce, 12345, {
      mode: 'polling',
      callbackUrl: 'https://app.example.com/ce-events',
      pollerUrls: ['leads', ' activities'],
    });
    expect(server!.requests[0]!.json).toMatchObject({
      configuration: { 'event.vendor.type': 'polling', 'event.poller.urls': 'leads|activities' },
    });
  });

  test('rejects bad options before calling, never showing the key', async () => {
    const ce = await start((_req, res) => sendJson(res, 200, instance({})));
    const callbackUrl = 'https://app.example.com/e';
    const cases: [unknown, RegExp][] = [
      [{ mode: 'push', callbackUrl }, /mode must be 'webhook' or 'polling'/],
      [{ mode: 'webhook', callbackUrl: '/relative' }, /callbackUrl must be an absolute http\(s\) URL/],
      [{ mode: 'webhook', callbackUrl: 'ftp://x/y' }, /callbackUrl/],
      [{ mode: 'webhook', callbackUrl, signatureKey: '  ' }, /signatureKey must be a non-empty string/],
      [{ mode: 'webhook', callbackUrl, pollIntervalMinutes: 5 }, /apply to mode 'polling' only/],
      [{ mode: 'polling', callbackUrl, pollIntervalMinutes: 0.5 }, /whole number of minutes/],
      [{ mode: 'polling', callbackUrl, objects: [] }, /non-empty array/],
      [
        { mode: 'polling', callbackUrl, objects: ['a,b'] },
        /objects holds "a,b"; names are non-empty and have no ','/,
      ],
      [{ mode: 'webhook', callbackUrl, pollerUrls: ['leads'] }, /apply to mode 'polling' only/],
      [{ mode: 'polling', callbackUrl, pollerUrls: ['leads|x'] }, /pollerUrls holds "leads\|x"/],
    ];
    for (const [options, message] of cases) {
      const error = await enableEvents(ce, 7, options as never).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TypeError);
      expect(String(error)).toMatch(message);
    }
    await expect(enableEvents(ce, 0, { mode: 'webhook', callbackUrl })).rejects.toThrow(/instanceId/);
    expect(server!.requests).toHaveLength(0);
  });

  test('the key it sets verifies the notifications Cloud Elements then sends', async () => {
    // The app: a node:http endpoint using the Node adapter.
    const received: string[] = [];
    const app = createServer(async (req, res) => {
      try {
        const { payload } = await parseNodeWebhookRequest(
          req,
          createWebhookVerifier({ key: 'rotating-key-2' }),
        );
        if (isEventNotification(payload)) received.push(payload.message.events[0]!.objectId);
        res.writeHead(200).end();
      } catch {
        res.writeHead(401).end();
      }
    });
    ownServers.push(app);
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
    const callbackUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}/ce-events`;

    // Cloud Elements: stores the configuration, then delivers an event signed with node:crypto.
    let delivered = 0;
    const ce = await start(async (req, res) => {
      const { configuration } = req.json as { configuration: Record<string, string> };
      const body = JSON.stringify({
        message: { events: [{ eventType: 'CREATED', objectType: 'contacts', objectId: 'c-77' }] },
      });
      const signature = createHmac('sha256', configuration['event.notification.signature.key']!)
        .update(body)
        .digest('base64');
      const delivery = await fetch(configuration['event.notification.callback.url']!, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', 'Elements-Webhook-Signature': `sha256=${signature}` },
      });
      delivered = delivery.status;
      sendJson(res, 200, instance({}));
    });
    await enableEvents(ce, 12345, { mode: 'webhook', callbackUrl, signatureKey: 'rotating-key-2' });
    expect(delivered).toBe(200);
    expect(received).toEqual(['c-77']);
  });
});

describe('buildEventsConfiguration', () => {
  test('gives the configuration for a POST /instances body', () => {
    expect(
      buildEventsConfiguration({
        mode: 'webhook',
        callbackUrl: 'https://app.example.com/e',
        signatureKey: 'k-1234',
      }),
    ).toEqual({
      'event.notification.enabled': true,
      'event.vendor.type': 'webhook',
      'event.notification.callback.url': 'https://app.example.com/e',
      'event.notification.signature.key': 'k-1234',
    });
  });
});
