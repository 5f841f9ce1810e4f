import type { IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { parseNodeWebhookRequest } from '../../src/node/index.js';
import {
  createSignedWebhook,
  createWebhookVerifier,
  WebhookVerificationError,
} from '../../src/webhooks/index.js';
import { closeWebhookRoutes, startWebhookRoute } from '../helpers/webhook-route.js';

// What the Node adapter reads when other middleware ran before it, over real HTTP on 127.0.0.1.
const key = 'node-body-signature-key';
const notification = { message: { eventId: 'e-body', events: [] } };
type BodyParsed = IncomingMessage & { body?: unknown; _body?: boolean };

describe('the Node adapter reading the body, over real HTTP', () => {
  afterEach(closeWebhookRoutes);

  const verifier = createWebhookVerifier({ key });

  test("reads the stream when a body parser for another type left its req.body = {} placeholder (Express 4's urlencoded)", async () => {
    // body-parser 1 (Express 4), its type not matching: `req.body = req.body || {}`, stream untouched, no `_body`.
    const url = await startWebhookRoute<BodyParsed>((req) => {
      req.body = {};
      return parseNodeWebhookRequest(req, verifier);
    });
    const signed = await createSignedWebhook(notification, key);
    const response = await fetch(url, { method: 'POST', ...signed });
    expect([response.status, await response.text()]).toEqual([200, 'handled']);
  });

  test('still refuses a body a parser really read: _body set, the stream ended, or a non-empty object', async () => {
    const signed = await createSignedWebhook(notification, key);
    // body-parser sets `_body` as it starts reading the stream.
    const flagged = await startWebhookRoute<BodyParsed>((req) => {
      req._body = true;
      req.body = {};
      return parseNodeWebhookRequest(req, verifier);
    });
    const ended = await startWebhookRoute<BodyParsed>(async (req) => {
      for await (const _chunk of req);
      req.body = {};
      return parseNodeWebhookRequest(req, verifier);
    });
    const parsed = await startWebhookRoute<BodyParsed>((req) => {
      req.body = { message: { eventId: 'e-body', events: [] } };
      return parseNodeWebhookRequest(req, verifier);
    });
    for (const url of [flagged, ended, parsed]) {
      const response = await fetch(url, { method: 'POST', ...signed });
      expect([response.status, await response.text()], url).toEqual([401, 'body_not_raw']);
    }
  });

  test('a body cut off mid-way (the client disconnected) is a typed body_incomplete, not a plain Error', async () => {
    let failure!: (error: unknown) => void;
    const failed = new Promise<unknown>((resolve) => (failure = resolve));
    const url = new URL(
      await startWebhookRoute(async (req) => {
        try {
          const webhook = await parseNodeWebhookRequest(req, verifier);
          failure(undefined);
          return webhook;
        } catch (error) {
          failure(error);
          throw error;
        }
      }),
    );
    const signed = await createSignedWebhook(notification, key);
    const socket = connect(Number(url.port), '127.0.0.1');
    socket.on('error', () => undefined);
    socket.write(
      `POST /hook HTTP/1.1\r\nHost: x\r\nContent-Length: ${signed.body.length}\r\n` +
        `Elements-Webhook-Signature: ${signed.headers['Elements-Webhook-Signature']}\r\n\r\n${signed.body.slice(0, 10)}`,
    );
    setTimeout(() => socket.destroy(), 50);
    const error = await failed;
    expect(error).toBeInstanceOf(WebhookVerificationError);
    expect((error as WebhookVerificationError).reason).toBe('body_incomplete');
    expect((error as Error).message).toMatch(
      /^\[cloud-elements\] The webhook request ended before its whole body/,
    );
    expect((error as Error).cause).toBeInstanceOf(Error);
  });
});
