// The helpers' first argument, checked up front: a missing client otherwise fails deep inside with "Cannot read
// properties of undefined (reading 'GET')", and a forgotten one shifts every argument by one place, so the next
// check complains about the wrong thing (the app's apiKey, say).
import { describeValue, fail } from '../core/index.js';

/**
 * Throws the SDK's misuse `TypeError` unless `client` is a client from `createClient()` (an object with `GET`
 * and `POST` functions); the message names the function that needs it.
 */
export function checkClient(fnName: string, client: unknown): void {
  const methods = client as { GET?: unknown; POST?: unknown } | null;
  if (
    typeof client !== 'object' ||
    client === null ||
    typeof methods?.GET !== 'function' ||
    typeof methods.POST !== 'function'
  ) {
    const got =
      client !== null && typeof client === 'object'
        ? 'an object without GET and POST'
        : describeValue(client);
    fail(
      `${fnName} needs a client from createClient() (or client.forInstance(token)) as its first argument, ` +
        `got ${got}.`,
    );
  }
}
