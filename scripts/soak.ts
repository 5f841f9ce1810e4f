/**
 * Soak: many mixed calls (paging through lists among them) at high concurrency against the emulator with every
 * fault on, checking the promises the README makes under them: every call ends (none hung), every failure is a
 * typed CloudElementsError, no unhandled rejection, no secret in an error or a log record, and no listener left on
 * the long-lived signal that every call is given (a process's shutdown signal). It also counts the creates that
 * `retry: true` duplicated when an answer was lost after the server acted: the price of opting a POST into retries.
 *
 *   npm run soak                      10,000 calls at concurrency 50 (about half a minute)
 *   npm run soak -- --calls 500       a shorter run; --concurrency N, --seed N, --json for one JSON line
 *   npm run soak -- --undici          the same through createUndiciFetch() (cloud-elements-sdk/node)
 */
import { getEventListeners } from 'node:events';
import { inspect } from 'node:util';
import {
  CloudElementsError,
  createClient,
  paginate,
  paginatePages,
  unwrap,
  type LogRecord,
} from '../src/index.js';
import { createUndiciFetch } from '../src/node/index.js';
import { startEmulator, type FaultOptions } from '../src/testing/index.js';

export type SoakOptions = {
  calls: number;
  concurrency: number;
  seed: number;
  timeoutMs: number;
  /** Send through `createUndiciFetch()` instead of the runtime's fetch. */
  undici?: boolean;
};
export type SoakReport = {
  calls: number;
  completed: number;
  retried: number;
  typedErrors: Record<string, number>;
  hung: number;
  untyped: number;
  untypedExamples: string[];
  unhandledRejections: number;
  secretsInErrorsAndLogs: number;
  retryPosts: number;
  duplicatedCreates: number;
  /** Pages that paging calls handed out (`paginatePages`) or started on (`paginate`). */
  pagesRead: number;
  unsureErrors: number;
  /** Listeners left on the shutdown signal given to every call, once all calls are over. */
  listenersLeft: number;
  faults: Record<string, number>;
  seconds: number;
};

/** The fault mix of the issue this guards: every fault the emulator has, at production-like shares. */
export function soakFaults(seed: number): FaultOptions {
  return {
    seed,
    rateLimit: { share: 0.1, retryAfterSeconds: 1 },
    serverError: { share: 0.05, status: 503 },
    drop: { share: 0.02 },
    hang: { share: 0.01 },
    stallAfterHeaders: { share: 0.005 },
    slowBody: { share: 0.005, chunkBytes: 64, delayMs: 20 },
    truncatedBody: { share: 0.005 },
    lostResponse: { share: 0.01 },
    htmlAnswer: { share: 0.002 },
  };
}

export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  const emulator = await startEmulator();
  const instance = emulator.createInstance({ element: 'sfdc' });
  const secrets = [emulator.credentials.userSecret, emulator.credentials.organizationSecret, instance.token];
  const logs: LogRecord[] = [];
  const ce = createClient({
    userSecret: emulator.credentials.userSecret,
    organizationSecret: emulator.credentials.organizationSecret,
    baseUrl: emulator.url,
    timeoutMs: options.timeoutMs,
    // Short backoff so that a soak of 10,000 calls stays around a minute; Retry-After is still honoured.
    retry: { baseDelayMs: 50, maxDelayMs: 1500 },
    logger: (record) => void logs.push(record),
    ...(options.undici ? { fetch: await createUndiciFetch() } : {}),
  });
  const crm = ce.forInstance(instance.token);
  // Seed records for the reads, updates and deletes, with faults off.
  emulator.faults.clear();
  const ids: string[] = [];
  for (let i = 0; i < 200; i++) {
    const created = await unwrap(
      crm.POST('/hubs/{hub}/{objectName}', {
        params: { path: { hub: 'crm', objectName: 'contacts' } },
        body: { lastName: `seed-${i}` },
      }),
    );
    ids.push(String((created as { id: string | number }).id));
  }
  // One record for each DELETE of the run (one call in 16): Cloud Elements answers it 200 with an empty body.
  const deletable: string[] = [];
  for (let i = 0; i < Math.ceil(options.calls / 16); i++) {
    const created = await unwrap(
      crm.POST('/hubs/{hub}/{objectName}', {
        params: { path: { hub: 'crm', objectName: 'contacts' } },
        body: { lastName: `deletable-${i}` },
      }),
    );
    deletable.push(String((created as { id: string | number }).id));
  }
  emulator.faults.set(soakFaults(options.seed));

  const report: SoakReport = {
    calls: options.calls,
    completed: 0,
    retried: 0,
    typedErrors: {},
    hung: 0,
    untyped: 0,
    untypedExamples: [],
    unhandledRejections: 0,
    secretsInErrorsAndLogs: 0,
    retryPosts: 0,
    duplicatedCreates: 0,
    pagesRead: 0,
    unsureErrors: 0,
    listenersLeft: 0,
    faults: {},
    seconds: 0,
  };
  const leaks = (text: string) => secrets.some((secret) => text.includes(secret));
  const markers: string[] = [];
  const started = performance.now();
  // What a long-running process passes to every call so that shutting down stops them.
  const shutdown = new AbortController();
  const signal = shutdown.signal;

  // Paging under the same faults: three pages with the next read ahead from headers, and a loop that stops in the
  // middle of a page (the page read ahead is then aborted).
  const list = { params: { path: { hub: 'crm', objectName: 'contacts' } }, pageSize: 5, signal };
  const readSomePages = async () => {
    let records = 0;
    for await (const page of paginatePages(crm, '/hubs/{hub}/{objectName}', { ...list, maxPages: 3 })) {
      records += page.records.length;
      report.pagesRead++;
    }
    return records;
  };
  const stopAfterSomeRecords = async () => {
    let records = 0;
    for await (const _ of paginate(crm, '/hubs/{hub}/{objectName}', list)) {
      // The emulator's pages are full but the last, so a page starts every pageSize records.
      if (records++ % list.pageSize === 0) report.pagesRead++;
      if (records === 7) break;
    }
    return records;
  };

  const pages = (n: number) => n % 16 === 1;
  const call = (n: number): Promise<unknown> => {
    const id = ids[n % ids.length]!;
    const contact = { params: { path: { hub: 'crm', objectName: 'contacts', objectId: id } }, signal };
    switch (n % 8) {
      case 0:
      case 1:
        // One call in sixteen pages through a list: each makes three requests or so, which load the emulator.
        if (pages(n)) return n % 32 === 1 ? readSomePages() : stopAfterSomeRecords();
        return unwrap(
          crm.GET('/hubs/{hub}/{objectName}', {
            params: { path: { hub: 'crm', objectName: 'contacts' }, query: { pageSize: 5 } },
            signal,
          }),
        );
      case 2:
        return unwrap(crm.GET('/hubs/{hub}/{objectName}/{objectId}', contact));
      case 3: {
        const marker = `soak-${options.seed}-${n}`;
        markers.push(marker);
        report.retryPosts++;
        return unwrap(
          crm.withOptions({ retry: true }).POST('/hubs/{hub}/{objectName}', {
            params: { path: { hub: 'crm', objectName: 'contacts' } },
            body: { lastName: marker },
            signal,
          }),
        );
      }
      case 4:
        return unwrap(
          crm.POST('/hubs/{hub}/{objectName}', {
            params: { path: { hub: 'crm', objectName: 'contacts' } },
            body: { lastName: `plain-${n}` },
            signal,
          }),
        );
      case 5:
        return unwrap(
          crm.PATCH('/hubs/{hub}/{objectName}/{objectId}', { ...contact, body: { firstName: `n${n}` } }),
        );
      case 6:
        return unwrap(ce.GET('/instances/{id}', { params: { path: { id: instance.id } }, signal }));
      default:
        if (n % 16 === 7) {
          const objectId = deletable[(n - 7) / 16]!;
          return unwrap(
            crm.DELETE('/hubs/{hub}/{objectName}/{objectId}', {
              params: { path: { hub: 'crm', objectName: 'contacts', objectId } },
              signal,
            }),
          );
        }
        return unwrap(crm.GET('/hubs/{hub}/ping', { params: { path: { hub: 'crm' } }, signal }));
    }
  };

  // A call that outlives its time limit by this much is counted as hung.
  const hungAfterMs = options.timeoutMs + 5000;
  // A paging call makes up to three requests (a page, the next, the one read ahead), each with its own time limit.
  const pagingHungAfterMs = 3 * options.timeoutMs + 5000;
  let next = 0;
  const worker = async () => {
    while (next < options.calls) {
      const n = next++;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const outcome = await Promise.race([
        call(n).then(
          () => ({ kind: 'ok' as const }),
          (error: unknown) => ({ kind: 'error' as const, error }),
        ),
        new Promise<{ kind: 'hung' }>((resolve) => {
          timer = setTimeout(() => resolve({ kind: 'hung' }), pages(n) ? pagingHungAfterMs : hungAfterMs);
        }),
      ]);
      clearTimeout(timer);
      if (outcome.kind === 'ok') report.completed++;
      else if (outcome.kind === 'hung') report.hung++;
      else if (outcome.error instanceof CloudElementsError) {
        const name = outcome.error.name;
        report.typedErrors[name] = (report.typedErrors[name] ?? 0) + 1;
        if (outcome.error.mayHaveReachedServer) report.unsureErrors++;
        const shown = [
          outcome.error.message,
          outcome.error.stack ?? '',
          JSON.stringify(outcome.error),
          inspect(outcome.error, { depth: 5 }),
        ].join('\n');
        if (leaks(shown)) report.secretsInErrorsAndLogs++;
      } else {
        report.untyped++;
        if (report.untypedExamples.length < 5)
          report.untypedExamples.push(String(outcome.error).slice(0, 200));
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  report.seconds = Math.round((performance.now() - started) / 100) / 10;
  report.listenersLeft = getEventListeners(signal, 'abort').length;

  report.retried = logs.filter((record) => record.outcome === 'retry').length;
  report.secretsInErrorsAndLogs += logs.filter((record) => leaks(JSON.stringify(record))).length;
  const stored = [...emulator.state.records(instance.id, 'contacts').values()].map(
    (record) => (record as { lastName?: unknown }).lastName,
  );
  const counts = new Map<unknown, number>();
  for (const name of stored) counts.set(name, (counts.get(name) ?? 0) + 1);
  report.duplicatedCreates = markers.filter((marker) => (counts.get(marker) ?? 0) > 1).length;
  report.faults = { ...emulator.faults.counts };
  await emulator.close();
  // Late rejections would show up within a tick or two.
  await new Promise((resolve) => setTimeout(resolve, 100));
  process.off('unhandledRejection', onUnhandled);
  report.unhandledRejections = unhandled.length;
  return report;
}

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index === -1 ? undefined : Number(process.argv[index + 1]);
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const report = await runSoak({
    calls: argument('calls', 10_000),
    concurrency: argument('concurrency', 50),
    seed: argument('seed', 1),
    timeoutMs: argument('timeout', 2000),
    undici: process.argv.includes('--undici'),
  });
  if (process.argv.includes('--json')) console.log(JSON.stringify(report));
  else {
    const line = (label: string, value: unknown) => console.log(`${label.padEnd(38)} ${String(value)}`);
    line('calls', report.calls);
    line('completed', report.completed);
    line('retried attempts', report.retried);
    for (const [name, count] of Object.entries(report.typedErrors).sort()) line(`typed error ${name}`, count);
    line('  of them may have reached the server', report.unsureErrors);
    line('hung', report.hung);
    line('untyped errors', report.untyped);
    line('unhandled rejections', report.unhandledRejections);
    line('secrets in errors and logs', report.secretsInErrorsAndLogs);
    line('listeners left on the shutdown signal', report.listenersLeft);
    line('pages read by paging calls', report.pagesRead);
    line('retry: true POSTs', report.retryPosts);
    line('duplicated creates among them', report.duplicatedCreates);
    line('faults fired', JSON.stringify(report.faults));
    line('seconds', report.seconds);
    for (const example of report.untypedExamples) console.log(`untyped: ${example}`);
  }
  const broken =
    report.hung +
    report.untyped +
    report.unhandledRejections +
    report.secretsInErrorsAndLogs +
    report.listenersLeft;
  process.exit(broken === 0 ? 0 : 1);
}
