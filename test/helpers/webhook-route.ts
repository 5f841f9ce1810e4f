import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebhookVerificationError, type VerifiedWebhook } from '../../src/webhooks/index.js';

const started: Server[] = [];

/**
 * Starts a webhook route on 127.0.0.1 whose requests reach `read` unread, as an app's route gets them, and that
 * answers as the adapters' documentation says: 200 `handled` (or `duplicate`); 409 `delivery_in_progress`; 401 with
 * the reason of any other WebhookVerificationError; 500 `failed` when the handler itself failed. A refusal closes the
 * connection, since the request's body may be left unread. Returns the route's URL.
 */
export async function startWebhookRoute<R extends IncomingMessage = IncomingMessage>(
  read: (req: R) => Promise<VerifiedWebhook>,
): Promise<string> {
  const port = await listenRaw(async (req, res) => {
    try {
      const { duplicate } = await read(req as R);
      res.writeHead(200).end(duplicate ? 'duplicate' : 'handled');
    } catch (error) {
      if (!(error instanceof WebhookVerificationError)) {
        res.writeHead(500, { connection: 'close' }).end('failed');
        return;
      }
      res
        .writeHead(error.reason === 'delivery_in_progress' ? 409 : 401, { connection: 'close' })
        .end(error.reason);
    }
  });
  return `http://127.0.0.1:${port}/hook`;
}

/**
 * Starts a node:http server on 127.0.0.1 whose `handle` gets each request unread, and returns its port; stopped by
 * {@link closeWebhookRoutes} like the routes.
 */
export async function listenRaw(
  handle: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<number> {
  const server = createServer(handle);
  started.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** Stops every server {@link startWebhookRoute} and {@link listenRaw} started: call it in `afterEach`. */
export async function closeWebhookRoutes(): Promise<void> {
  await Promise.all(
    started.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    ),
  );
}
