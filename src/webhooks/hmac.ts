// HMAC-SHA256 of webhook bodies, with the key prepared once. Where the runtime has node:crypto (Node, Bun, Deno),
// it is reached through process.getBuiltinModule, so no `import 'node:crypto'` ends up in a browser bundle:
// its synchronous HMAC takes a few microseconds where Web Crypto's asynchronous sign takes ~50 on Node.
// Elsewhere (browsers, workers) Web Crypto does the work.
import { encoder } from '../core/streams.js';
import type { WebhookKey } from './types.js';

type NodeHmac = { update(data: Uint8Array): NodeHmac; digest(encoding: 'base64'): string };
type NodeCrypto = {
  createSecretKey(key: Uint8Array): unknown;
  createHmac(algorithm: 'sha256', key: unknown): NodeHmac;
};

// Looked up for each key, not at import: loading node:crypto costs ~6 ms, which an app that imports the SDK but
// verifies no webhook should not pay at start-up. Node loads it once and then returns the loaded module.
function findNodeCrypto(): NodeCrypto | undefined {
  try {
    const host = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
    return host?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined;
  } catch {
    return undefined; // a `process` stand-in of a browser bundle that throws
  }
}

/**
 * Computes the Base64 HMAC-SHA256 of a body (from `toBytes`, so ArrayBuffer-backed as Web Crypto wants) under
 * one key, as the signature header carries it: synchronously with node:crypto, else with a promise.
 */
export type Signer = (bytes: Uint8Array<ArrayBuffer>) => string | Promise<string>;

/** Prepares `key` once (a KeyObject, or a non-extractable Web Crypto key) and returns its signer. */
export function createSigner(key: WebhookKey): Signer {
  // A copy of bytes: the caller may wipe theirs once the verifier is made, and Web Crypto imports the key later.
  const raw = typeof key === 'string' ? encoder.encode(key) : new Uint8Array(key);
  const node = findNodeCrypto();
  if (node) {
    const secret = node.createSecretKey(raw);
    return (bytes) => node.createHmac('sha256', secret).update(bytes).digest('base64');
  }
  let imported: Promise<CryptoKey> | undefined;
  return async (bytes) => {
    imported ??= crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const mac = new Uint8Array(await crypto.subtle.sign('HMAC', await imported, bytes));
    // 32 bytes: few enough to spread into one call.
    return btoa(String.fromCharCode(...mac));
  };
}
