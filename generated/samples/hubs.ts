// The TypeScript samples of the operations tagged "Hubs", as the docs site shows them, one function
// each with the imports hoisted. Written by `npm run generate` (scripts/site/samples.mjs) from the spec;
// do not edit. `tsc -p .` type-checks them against the SDK and generated/schema.d.ts.
import { createClient, paginate, unwrap } from '../../src/index.js';

/** GET /hubs: List hubs */
export async function listHubs(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const result of paginate(ce, '/hubs', { pageSize: 100 })) {
    console.log(result.id);
  }
}

/** GET /hubs/keys: List hub keys */
export async function listHubKeys(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const key of paginate(ce, '/hubs/keys', { pageSize: 100 })) {
    console.log(key);
  }
}

/** GET /hubs/{key}: Get a hub */
export async function getHub(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const result = await unwrap(
    ce.GET('/hubs/{key}', { params: { path: { key: 'documents' } } }),
  );
  console.log(result.id);
}

/** GET /hubs/{key}/elements: List the elements of a hub */
export async function listHubElements(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const element of paginate(ce, '/hubs/{key}/elements', {
    params: { path: { key: 'documents' } },
    pageSize: 100,
  })) {
    console.log(element.id);
  }
}
