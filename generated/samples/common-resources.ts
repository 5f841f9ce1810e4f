// The TypeScript samples of the operations tagged "Common resources", as the docs site shows them, one function
// each with the imports hoisted. Written by `npm run generate` (scripts/site/samples.mjs) from the spec;
// do not edit. `tsc -p .` type-checks them against the SDK and generated/schema.d.ts.
import { createClient, unwrap } from '../../src/index.js';

/** GET /common-resources: List the common resources */
export async function listCommonResources(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const commonResources = await unwrap(ce.GET('/common-resources'));
  console.log(commonResources.length);
}
