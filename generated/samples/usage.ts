// The TypeScript samples of the operations tagged "Usage", as the docs site shows them, one function
// each with the imports hoisted. Written by `npm run generate` (scripts/site/samples.mjs) from the spec;
// do not edit. `tsc -p .` type-checks them against the SDK and generated/schema.d.ts.
import { createClient, paginate, unwrap } from '../../src/index.js';

/** GET /usage: List usage log entries */
export async function listUsage(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const usage of paginate(ce, '/usage', { pageSize: 100 })) {
    console.log(usage.id);
  }
}

/** GET /usage/analytics/activity: Count element API calls over time */
export async function getUsageActivity(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const activity = await unwrap(
    ce.GET('/usage/analytics/activity', {
      params: {
        query: { from: '2018-01-01T00:00:00Z', to: '2018-02-01T00:00:00Z' },
      },
    }),
  );
  console.log(activity.length);
}

/** GET /usage/analytics/activity/elements: Count element API calls per element over time */
export async function getUsageElementActivity(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const elements = await unwrap(
    ce.GET('/usage/analytics/activity/elements', {
      params: {
        query: { from: '2018-01-01T00:00:00Z', to: '2018-02-01T00:00:00Z' },
      },
    }),
  );
  console.log(elements.length);
}

/** GET /usage/analytics/statuses: Count successful and failed calls over time */
export async function getUsageStatuses(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const statuses = await unwrap(
    ce.GET('/usage/analytics/statuses', {
      params: {
        query: { from: '2018-01-01T00:00:00Z', to: '2018-02-01T00:00:00Z' },
      },
    }),
  );
  console.log(statuses.length);
}

/** GET /usage/analytics/times: Measure response times over time */
export async function getUsageTimes(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const times = await unwrap(
    ce.GET('/usage/analytics/times', {
      params: {
        query: { from: '2018-01-01T00:00:00Z', to: '2018-02-01T00:00:00Z' },
      },
    }),
  );
  console.log(times.length);
}

/** GET /usage/{id}: Get a usage log entry */
export async function getUsage(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });

  const usage = await unwrap(
    ce.GET('/usage/{id}', {
      params: { path: { id: '53e6e0c8e4b067fd19a9d6ab' } },
    }),
  );
  console.log(usage.id);
}
