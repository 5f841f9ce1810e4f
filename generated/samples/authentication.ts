// The TypeScript samples of the operations tagged "Authentication", as the docs site shows them, one function
// each with the imports hoisted. Written by `npm run generate` (scripts/site/samples.mjs) from the spec;
// do not edit. `tsc -p .` type-checks them against the SDK and generated/schema.d.ts.
import { createClient, unwrap } from '../../src/index.js';

/** POST /authentication: Log in with username and password */
export async function createAuthenticationToken(): Promise<void> {
  // No secrets yet: each call replaces the client's Authorization header.
  const login = createClient({ userSecret: 'none' });
  const { token } = await unwrap(
    login.POST('/authentication', {
      body: { username: 'jane@example.com', password: 'S3cure-Passw0rd' },
      headers: { Authorization: null },
    }),
  );
  const { userSecret, organizationSecret } = await unwrap(
    login.GET('/authentication/secrets', {
      headers: { Authorization: `Bearer ${token}` },
    }),
  );
  const ce = createClient({ userSecret, organizationSecret });
}

/** GET /authentication/secrets: Get the secrets of the logged-in user */
export async function getAuthenticationSecrets(): Promise<void> {
  // No secrets yet: each call replaces the client's Authorization header.
  const login = createClient({ userSecret: 'none' });
  const { token } = await unwrap(
    login.POST('/authentication', {
      body: { username: 'jane@example.com', password: 'S3cure-Passw0rd' },
      headers: { Authorization: null },
    }),
  );
  const { userSecret, organizationSecret } = await unwrap(
    login.GET('/authentication/secrets', {
      headers: { Authorization: `Bearer ${token}` },
    }),
  );
  const ce = createClient({ userSecret, organizationSecret });
}
