// Compiled by `npm run lint:ts`, never run: per-call options given through withOptions() are typed, so a
// misspelt or ill-typed option fails the build. Each @ts-expect-error fails the build if its line compiles.
import { createClient } from '../../src/client/index.js';

const ce = createClient({
  userSecret: 'u',
  organizationSecret: 'o',
  baseUrl: 'http://127.0.0.1:9/elements/api-v2',
});

ce.withOptions({ retry: true, timeoutMs: 10_000, idleTimeoutMs: 30_000 });
ce.withOptions({ retry: { maxAttempts: 5 }, bodyFactory: () => new Blob(['x']) });
// @ts-expect-error a misspelt option
ce.withOptions({ retyr: true });
// @ts-expect-error a timeout that is not a number
ce.withOptions({ timeoutMs: 'soon' });
// @ts-expect-error a retry policy with an unknown field
ce.withOptions({ retry: { maxAttempt: 5 } });

// The spec's types come from the main entry, to name a record in one's own code.
import type { components as PublicComponents, paths as PublicPaths } from '../../src/index.js';
const contact: PublicComponents['schemas']['CrmContact'] = { lastName: 'Lovelace' };
type InstancesGet = PublicPaths['/instances']['get'];
void contact;
void (null as unknown as InstancesGet);
