/**
 * Paging through 100,000 records (100 pages of 1,000) from a server in a child process on 127.0.0.1: `paginate`
 * and `paginatePages` against the loop a user would write with plain openapi-fetch, following
 * `Elements-Next-Page-Token`. Runs interleaved, whole runs timed (GC included), 40 rounds; a ratio is the median of
 * the rounds' ratios (both runs of a ratio come from the same round, so a busy spell of the machine weighs on both).
 *
 * `paginate` hands out one record per `for await` step, and each step costs at least a resolved promise and a
 * microtask that the loop over a page's array does not pay: about 60 ns a record measured alone on the 2-core
 * machine (paginate's own step adds 5), 6 ms over 100,000 records, and more here with the garbage of those
 * promises: a tenth of the loop's time or more, whatever the iterator does. Both SDK iterators request the next page
 * as soon as the headers of the page they wait for carry a token (`readAhead`, their default), so the server works
 * on the next page while the client reads the current one; the loop waits for each page. The case `openapi-fetch
 * async generator` is the record iterator a user would write by hand over the same loop (`yield` each record), for a
 * like-with-like figure: `ratio paginate 100k sdk/openapi-fetch-async-generator`.
 *
 * The target's records are tiny (`{ id, lastName }`, 30 bytes), so that cost weighs the most it can. The cases
 * marked `salesforce-shaped` page through records shaped like the spec's Salesforce contact example (9 fields,
 * about 250 bytes; real Salesforce contacts carry many more), for the share a user with real records sees.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import createFetchClient from 'openapi-fetch';
import type { paths } from '../generated/schema.js';
import { createClient } from '../src/client/index.js';
import { paginate, paginatePages } from '../src/query/index.js';
import { median, printRatio, printTable, printTarget } from './support/measure.js';

const PAGES = 100;
const PER_PAGE = 1000;
const WARMUP_ROUNDS = 2;
const ROUNDS = 40;
const serverCode = `
const http = require('node:http');
const tiny = (id, i) => ({ id, lastName: 'L' + i });
const salesforce = (id, i) => {
  const sfid = '0036A00000' + String(id).padStart(8, '0');
  return { id: sfid, Id: sfid, FirstName: 'Ada' + i, LastName: 'Lovelace' + i, Email: 'ada' + id + '@example.com',
    AccountId: '0016A00000QmM2fQAF', MailingCity: 'Denver', attributes: { type: 'Contact', url: '/services/data/v41.0/sobjects/Contact/' + sfid } };
};
const page = (shape, n) => JSON.stringify(Array.from({ length: ${PER_PAGE} }, (_, i) => shape(n * ${PER_PAGE} + i, i)));
const pages = { contacts: Array.from({ length: ${PAGES} }, (_, n) => page(tiny, n)), leads: Array.from({ length: ${PAGES} }, (_, n) => page(salesforce, n)) };
http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  const token = url.searchParams.get('nextPage');
  const n = token === null ? 0 : Number(token.slice(1));
  const headers = { 'content-type': 'application/json' };
  if (n + 1 < ${PAGES}) headers['elements-next-page-token'] = 't' + (n + 1);
  res.writeHead(200, headers);
  res.end(pages[url.pathname.endsWith('/leads') ? 'leads' : 'contacts'][n]);
}).listen(0, '127.0.0.1', function () { process.stdout.write(String(this.address().port) + '\\n'); });
`;

const server = spawn(process.execPath, ['-e', serverCode], { stdio: ['ignore', 'pipe', 'inherit'] });
const [chunk] = (await once(server.stdout!, 'data')) as [Buffer];
const baseUrl = `http://127.0.0.1:${Number(chunk.toString().trim())}/elements/api-v2`;
const secrets = { userSecret: 'u', organizationSecret: 'o' };
const plain = createFetchClient<paths>({
  baseUrl,
  headers: { Authorization: 'User u, Organization o, Element t' },
});
const crm = createClient({ ...secrets, baseUrl }).forInstance('t');
const path = '/hubs/{hub}/{objectName}' as const;
const params = { path: { hub: 'crm', objectName: 'contacts' } };
const salesforceParams = { path: { hub: 'crm', objectName: 'leads' } };

/** The loop a user writes with plain openapi-fetch, following the next-page token. */
async function loop(pathParams: typeof params): Promise<number> {
  let count = 0;
  let nextPage: string | undefined;
  do {
    const { data, response } = await plain.GET(path, {
      params: { ...pathParams, query: { pageSize: PER_PAGE, ...(nextPage ? { nextPage } : {}) } },
    });
    for (const record of data as { id: unknown }[]) if (record.id !== undefined) count++;
    nextPage = response.headers.get('elements-next-page-token') ?? undefined;
  } while (nextPage);
  return count;
}

async function paginateRecords(pathParams: typeof params): Promise<number> {
  let count = 0;
  for await (const record of paginate(crm, path, { params: pathParams, pageSize: PER_PAGE }))
    if ((record as { id: unknown }).id !== undefined) count++;
  return count;
}

const cases: Record<string, () => Promise<number>> = {
  'openapi-fetch loop': () => loop(params),
  'openapi-fetch async generator': async () => {
    async function* records() {
      let nextPage: string | undefined;
      do {
        const { data, response } = await plain.GET(path, {
          params: { ...params, query: { pageSize: PER_PAGE, ...(nextPage ? { nextPage } : {}) } },
        });
        for (const record of data as { id: unknown }[]) yield record;
        nextPage = response.headers.get('elements-next-page-token') ?? undefined;
      } while (nextPage);
    }
    let count = 0;
    for await (const record of records()) if (record.id !== undefined) count++;
    return count;
  },
  paginatePages: async () => {
    let count = 0;
    for await (const page of paginatePages(crm, path, { params, pageSize: PER_PAGE }))
      for (const record of page.records as { id: unknown }[]) if (record.id !== undefined) count++;
    return count;
  },
  paginate: () => paginateRecords(params),
  'openapi-fetch loop, salesforce-shaped': () => loop(salesforceParams),
  'paginate, salesforce-shaped': () => paginateRecords(salesforceParams),
};

try {
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
  for (let round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
    const order = Object.keys(cases);
    for (let i = 0; i < round % order.length; i++) order.push(order.shift()!);
    for (const name of order) {
      const started = performance.now();
      const count = await cases[name]!();
      if (count !== PAGES * PER_PAGE) throw new Error(`${name} read ${count} records`);
      if (round >= WARMUP_ROUNDS) times[name]!.push(performance.now() - started);
    }
  }
  /** The median over rounds of `a`'s run time divided by `b`'s in the same round. */
  const ratio = (a: string, b: string) => median(times[a]!.map((ms, round) => ms / times[b]![round]!));
  printTable(
    `Paging through ${PAGES * PER_PAGE} records (${PAGES} pages), ms per run (median of ${ROUNDS} interleaved rounds)`,
    ['case', 'ms', 'x the openapi-fetch loop over the same records (median of rounds)'],
    Object.entries(times).map(([name, samples]) => [
      name,
      median(samples).toFixed(0),
      ratio(
        name,
        name.endsWith('salesforce-shaped') ? 'openapi-fetch loop, salesforce-shaped' : 'openapi-fetch loop',
      ).toFixed(2),
    ]),
  );
  printTarget('paginate 100k sdk/openapi-fetch-loop', ratio('paginate', 'openapi-fetch loop'), 1.03);
  printTarget(
    'paginatePages 100k sdk/openapi-fetch-loop',
    ratio('paginatePages', 'openapi-fetch loop'),
    1.03,
  );
  printRatio(
    'paginate 100k sdk/openapi-fetch-async-generator',
    ratio('paginate', 'openapi-fetch async generator'),
  );
  printRatio(
    'paginate 100k salesforce-shaped sdk/openapi-fetch-loop',
    ratio('paginate, salesforce-shaped', 'openapi-fetch loop, salesforce-shaped'),
  );
} finally {
  server.kill();
}
