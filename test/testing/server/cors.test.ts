import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startEmulator, type Emulator } from '../../../src/testing/index.js';

// The emulator answers browsers of any origin (src/testing/server/cors.ts); `npm run test:runtimes` calls it from
// a page on another origin in Chromium. These checks keep the policy when routing changes.
describe('CORS', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    // Every hub call fails with a 429: a preflight must still be answered, before any fault.
    emulator = await startEmulator({ faults: { rateLimit: { share: 1 } } });
  });
  afterAll(() => emulator?.close());

  test('a preflight allows the methods and the headers asked for, before faults and routes', async () => {
    const response = await fetch(`${emulator.url}/hubs/crm/contacts`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://app.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,content-type',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')).toBe('authorization,content-type');
  });

  test('answers, errors included, may be read by any origin, with the Elements-* headers', async () => {
    // No credentials: a 401, before any injected 429 (Cloud Elements authenticates first).
    const response = await fetch(`${emulator.url}/hubs/crm/contacts`, {
      headers: { Origin: 'http://app.example' },
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    // Exactly what Cloud Elements exposes: a page that reads another header gets null from the real API.
    expect(response.headers.get('access-control-expose-headers')).toBe(
      'Elements-Returned-Count, Elements-Total-Count, Elements-Request-Id, Elements-Next-Page-Token, ' +
        'Elements-Trace-Id, Elements-Error, Content-Disposition',
    );
    await response.body?.cancel();
  });
});
