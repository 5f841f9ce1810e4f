import { createClient, type CloudElementsClient } from '../../src/client/index.js';

/**
 * A client whose every request fails at once (no network), with the requests it tried to send: a call that got
 * past its argument checks shows up in `requests`.
 */
export function offlineClient(): { client: CloudElementsClient; requests: string[] } {
  const requests: string[] = [];
  const client = createClient({
    userSecret: 'u1',
    organizationSecret: 'o1',
    baseUrl: 'https://api.invalid/elements/api-v2',
    fetch: async (request: Request) => {
      requests.push(`${request.method} ${new URL(request.url).pathname}`);
      throw new TypeError('no network');
    },
    retry: false,
  });
  return { client, requests };
}
