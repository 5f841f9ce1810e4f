/**
 * Minimal HTTP server for the client benchmark, run as a child process (`fork`) so that its work does not share
 * the measuring process's event loop. Listens on 127.0.0.1 port 0, keeps connections alive, answers every
 * request with a small JSON instance, and reports its port and counters over IPC.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const body = JSON.stringify({ id: 123, name: 'bench instance', element: { key: 'sfdc' }, valid: true });
let requests = 0;
let withElementToken = 0;
let connections = 0;

const server = createServer({ keepAlive: true, keepAliveTimeout: 30_000 }, (req, res) => {
  requests++;
  if (req.headers.authorization?.includes('Element ')) withElementToken++;
  // The body of a GET is empty; draining keeps the socket reusable if a client ever sends one.
  req.resume();
  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
    'Elements-Request-Id': `req-${requests}`,
  });
  res.end(body);
});
server.on('connection', () => {
  connections++;
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.send?.({ type: 'listening', port });
});

process.on('message', (message: unknown) => {
  if ((message as { type?: unknown } | null)?.type === 'stats') {
    process.send?.({ type: 'stats', requests, withElementToken, connections });
  }
});
// The parent going away (also by a crash) ends this process, so no server is left behind.
process.on('disconnect', () => {
  server.close();
  server.closeAllConnections();
  process.exit(0);
});
