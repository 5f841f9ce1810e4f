import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

// What a browser app pays for the SDK: each case imports the package as users install it (the files that
// scripts/build.mjs publishes) and is bundled by esbuild for the browser with --minify, openapi-fetch included,
// then gzipped (node:zlib, level 9). 1 kB = 1,000 bytes. Measuring the published files, not src/, is the point:
// a build setting can keep code alive that the app never calls (esbuild's keepNames did: every function's naming
// call is a statement a bundler must keep, so `createClient` pulled in the whole library, 25.7 kB).
const root = fileURLToPath(new URL('..', import.meta.url));

type Case = { name: string; contents: string; budget: number };
const cases: Case[] = [
  { name: 'the whole . entry', contents: "export * from 'cloud-elements-sdk';", budget: 12_000 },
  {
    name: 'createClient + unwrap',
    contents: "export { createClient, unwrap } from 'cloud-elements-sdk';",
    budget: 6_000,
  },
  { name: 'the ./webhooks entry', contents: "export * from 'cloud-elements-sdk/webhooks';", budget: 3_000 },
];

/**
 * Cases over their budget today, each with the size it may not grow past until src/ shrinks it (the figure when
 * the budget was set, plus room for the work in flight). When a case fits its budget, remove it from here: the
 * test then guards the budget itself. CONTRIBUTING.md says where the bytes go and what would bring them down.
 */
// December 2026: the secret and reliability fixes of an audit (redacted copies of causes, secrets in every
// encoding, middleware that replaces the Request) added about 0.9 kB to the client and 1.1 kB to the whole entry.
// 7 December 2026: the fixes of a bad-input audit added 1.8 kB to the client (secrets echoed altered, cut short or
// in base64: 0.75 kB; misspelt options refused, path parameters and query values checked: 1 kB) and 3.3 kB to the
// whole entry (the helpers' argument checks, offset paging, bulk and events options); the webhooks' fixes 0.2 kB.
// 7 December 2026 (second session): each entry is now one file with its own copy of the error classes, whose
// `instanceof` knows the copies of the other entries: 0.12 kB in the client, 0.14 kB in ./webhooks. Calls without a
// body go out without a Request on createUndiciFetch(): 0.07 kB.
// 7 December 2026 (third session): paging reads the next page ahead, and aborts it when the loop stops: 0.17 kB.
// OAuth, instances, bulk jobs and webhooks left `.` for entries of their own: the whole `.` went from 29.6 to 18.9 kB
// (0.5 kB of it the helpers that `.` exports for those entries, so that an app loads the client's code once).
// 7 December 2026 (fourth session): paging requests the next page from a page's headers (the transport tells them
// to a hook of the call): 0.21 kB in the whole `.`, 0.03 kB in the client. Its cycle check keeps memory flat
// however many pages go by (the first and the last thousand tokens, and Brent's method): 0.12 kB.
// 7 December 2026 (fifth session): the fixes of an audit. In `.`, 0.25 kB for paging (any top-level key that is not
// an option is refused, where it was dropped; a next-page token for GET /accounts is refused) and 0.1 kB for the
// client (a non-JSON answer's cause keeps the parser's words only; a network failure is redacted before it is cut).
// In ./webhooks, 0.15 kB: a redelivery whose first delivery's handler still runs is answered 409, not taken for a
// duplicate; headers and streams of another fetch implementation are read. Two reviews of those fixes: 0.06 kB (a
// delivery claimed by another between two questions to a shared store is in progress too; a guard with only one of
// complete and isInProgress, or with ones that are not functions, is refused).
// 7 December 2026 (sixth session): a secret is found in text with JSON's string escapes read (`\/` as PHP writes
// it, `\u002B` as .NET does, mixed as an encoder likes), where one spelling with `"` and `\` escaped was looked for;
// a body cut off mid-string is not parsed, and kept 19 characters of a base64 secret: 0.15 kB in `.` and the client.
// A streamed body dropped unfinished no longer keeps its attempt on a long-lived caller signal for good (the signal
// holds it weakly once the stream is out): 0.13 kB. ceql refuses a value inside double quotes: 0.01 kB.
// A user's audit: a 2xx file read as JSON says to pass parseAs (not that a proxy answered), and a platform call's 401
// from a client without organizationSecret says so: 0.09 kB.
// A call that may be retried is sent again when its body is cut off mid-way while read whole, as for a connection
// that failed (the docs promised it; only the headers' failures were): 0.14 kB.
// A review's mends: a response the caller keeps lets go of the retry's copy of its request body; a backslash
// that starts no JSON escape is text to redaction: 0.06 kB.
// A 404 from a client whose baseUrl is a host alone says where the API's paths start: 0.05 kB.
// 7 December 2026 (seventh session): an audit of the ./node entry. A time limit of the fetch's own dispatcher
// (undici's 300 s for headers and between chunks, also under Node's fetch) is a TimeoutError that names a fetch
// without it, not a lost connection sent three times; a 2xx body too long for one string is an InvalidResponseError
// that says to stream it, not a cut-off downloaded three times; JSON lines read as JSON say to pass parseAs or use
// readBulkRecords, not that a proxy answered: 0.39 kB in `.` and the client. A request the fetch refuses to send
// (an Expect or Upgrade header) is an error that says so, once, not a connection that may have reached the server
// sent three times: 0.09 kB. In ./webhooks, `isBulkJobCallback`, since a verified payload may be a bulk job's
// callback (signed like an event) and is typed so: 0.03 kB. A review's mends: only a header undici will not send
// counts as a request refused before it went out (the same codes come after a redirect's first hop); an error
// answer whose body is too long to read is its status's error, without a body it never read: 0.1 kB.
// 7 December 2026 (eighth session): two audits' fixes. A log record's URL is redacted with the client's secrets (a
// next-page token can carry them back); a redirect loop or headers over undici's limit are not sent again (one call
// made 63 requests); a cut-off body's error counts the attempts made after it; a problem+json error body gives its
// detail; the body kept for retries is a Blob (Node's fetch could not send a byte array again after a 307): 0.09 kB
// in the client. paginate's errors name the path called, not its template: 0.07 kB in `.`. A POST's timeout no
// longer says "of at most 3": 0.01 kB. A review's mends: the path of errors and log records is redacted (a secret
// put in a path parameter), and creating an instance is sent once without losing the retry of a 429: 0.06 kB.
// A form upload that may be retried is encoded for its attempts as a Blob whose files are not read, where
// `request.blob()` read the whole file into memory (1.6 GB of RSS for a 400 MB file): 0.34 kB.
// 7 December 2026 (ninth session): four audits' fixes and a review's. ./bulk now takes from `.` the helpers that
// follow a caller's signal, read a parser's words and describe an answer, so `.` exports them: 0.1 kB in the whole
// `.`. In the client, 1.06 kB at first: a call that changes something is sent in manual redirect mode, its 307 or 308
// followed hop by hop (no Authorization to another origin), a 301-303 its error with where it was sent (a POST became
// a GET whose answer passed for the POST's), a browser's hidden redirect sent again: 0.55 kB; node-fetch's answers
// read through a web Response of their Node stream: 0.2 kB; unwrap refuses a GET without its JSON (a gateway's empty
// 200 passed for a list): 0.15 kB; a request id on errors about a 2xx answer, a caller's abort reason of any class,
// the idle clock stopped until a stream is read: 0.15 kB. In `.`, 0.1 kB more: ceql's checks of what an operator
// takes and of an OR of nothing. In ./webhooks, 0.19 kB: an in-progress id let go after inProgressTtlMs (a hung
// handler had every redelivery refused), parse releasing an id its store failed to complete, keys described by kind
// and copied, another realm's bytes. A second review's mends, 0.21 kB in the client: a 307 or 308 off the call's origin
// or to no http(s) address is not followed (its credentials and body went there), and node-fetch's answers are
// drained when dropped (their sockets stayed stuck) with repeated Set-Cookie headers kept apart. An OAuth audit's
// fix, 0.06 kB: a helper names the secrets of its call (an OAuth code, the app's secret), which the call's errors and
// log records are scrubbed of too (a fetch that quoted the request in its error kept them).
const overBudget: Record<string, number> = {
  'the whole . entry': 22_980,
  'createClient + unwrap': 16_610,
  'the ./webhooks entry': 4_710,
};

/** A throwaway app with the built package in its node_modules (openapi-fetch comes from the repository's). */
let app: string;

beforeAll(() => {
  app = mkdtempSync(join(tmpdir(), 'ce-size-'));
  const pkg = join(app, 'node_modules/cloud-elements-sdk');
  mkdirSync(pkg, { recursive: true });
  const built = spawnSync(
    process.execPath,
    [join(root, 'scripts/build.mjs'), '--out-dir', join(pkg, 'dist'), '--no-types'],
    { cwd: root, encoding: 'utf8' },
  );
  if (built.status !== 0) throw new Error(`build failed:\n${built.stdout}${built.stderr}`);
  copyFileSync(join(root, 'package.json'), join(pkg, 'package.json'));
}, 60_000);

afterAll(() => rmSync(app, { recursive: true, force: true }));

async function measure(contents: string, resolveDir = app) {
  const result = await build({
    stdin: { contents, resolveDir, loader: 'ts', sourcefile: 'size-case.ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
    nodePaths: [join(root, 'node_modules')],
  });
  const { contents: code, text } = result.outputFiles[0]!;
  return {
    text,
    minified: code.length,
    gzipped: gzipSync(code, { level: 9 }).length,
    metafile: result.metafile,
  };
}

/**
 * The biggest source modules of the case, minified bytes each, to say where the size goes: the same case bundled
 * from src/ (the published files are one module per entry, which would name no module).
 */
async function heaviest(contents: string, count = 8): Promise<string> {
  const fromSource = contents
    .replace("'cloud-elements-sdk/webhooks'", "'./src/webhooks.ts'")
    .replace("'cloud-elements-sdk'", "'./src/index.ts'");
  const { metafile } = await measure(fromSource, root);
  const output = Object.values((metafile as Metafile).outputs)[0]!;
  return Object.entries(output.inputs)
    .sort(([, a], [, b]) => b.bytesInOutput - a.bytesInOutput)
    .slice(0, count)
    .map(([input, { bytesInOutput }]) => `${input.replace(/^.*node_modules\//, '')} ${bytesInOutput}`)
    .join(', ');
}

describe('bundle size, min+gzip with openapi-fetch', () => {
  test.each(cases)('$name: budget $budget bytes', async ({ name, contents, budget }) => {
    const { minified, gzipped } = await measure(contents);
    const ceiling = overBudget[name];
    const report =
      `${name}: ${gzipped} B min+gzip (${minified} B minified), budget ${budget}` +
      (gzipped > budget ? `, over by ${gzipped - budget}` : '') +
      `\n  heaviest: ${await heaviest(contents)}`;
    console.info(report);
    if (ceiling === undefined) {
      expect(gzipped, report).toBeLessThanOrEqual(budget);
    } else {
      expect(gzipped, `${report}\n  now within budget: remove it from overBudget`).toBeGreaterThan(budget);
      expect(
        gzipped,
        `${report}\n  grew past the ceiling of ${ceiling} while over budget`,
      ).toBeLessThanOrEqual(ceiling);
    }
  });

  test('an app that only calls the client keeps no CEQL, pagination, bulk or OAuth code', async () => {
    // Each constant built by a call at the top level (ceql's Object.assign, BULK_TERMINAL_STATUSES) kept its module's
    // code in every app until scripts/build.mjs put back the @__PURE__ that minifying drops.
    const { text: code } = await measure("export { createClient, unwrap } from 'cloud-elements-sdk';");
    const kept = {
      CEQL: 'CeqlFragment',
      'ceql.field': 'backtick or a control character',
      pagination: 'Elements-Next-Page-Token',
      'bulk statuses': 'CANCELLED',
      OAuth: 'OAuth',
    };
    expect(Object.entries(kept).filter(([, text]) => code.includes(text))).toEqual([]);
    // The same texts are there when the app uses what they belong to: the check above can fail.
    const { text: all } = await measure(
      ["'cloud-elements-sdk'", "'cloud-elements-sdk/oauth'", "'cloud-elements-sdk/bulk'"]
        .map((entry) => `export * from ${entry};`)
        .join('\n'),
    );
    expect(Object.entries(kept).filter(([, text]) => !all.includes(text))).toEqual([]);
  });

  test('an entry that takes the client from . still lets a bundler keep only what the app uses', async () => {
    // ./bulk, ./oauth and ./instances import the helpers of the client from `.` by name; an import that read them
    // out of one object made every app that parses NDJSON carry the whole client (7.9 kB instead of 1.3 kB).
    const { gzipped } = await measure("export { parseNdjson } from 'cloud-elements-sdk/bulk';");
    expect(gzipped).toBeLessThan(2_500);
    const { gzipped: withClient } = await measure("export { startOAuth } from 'cloud-elements-sdk/oauth';");
    expect(withClient).toBeLessThan(7_000);
  });

  test('openapi-fetch alone, for scale', async () => {
    const { gzipped } = await measure("export * from 'openapi-fetch';");
    console.info(`openapi-fetch alone: ${gzipped} B min+gzip`);
    expect(gzipped).toBeLessThan(4_000);
  });
});
