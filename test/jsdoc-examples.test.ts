import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { expect, test } from 'vitest';

// The `@example` blocks of the JSDoc in src/ are what users read in their editor's hover, and nothing else
// compiles them: an option renamed in the code stays in the example. This test type-checks every example against
// the exported API, as a user's module that imports the package. All examples go into one program (one compile,
// a few seconds); each is its own module under .jsdoc-examples/, which exists only in memory.
const root = fileURLToPath(new URL('..', import.meta.url));
const virtualDir = join(root, '.jsdoc-examples');

// The package's public entries, mapped to their source: an example imports them as a user writes them.
const entries: Record<string, string> = {
  'cloud-elements-sdk': 'src/index.ts',
  'cloud-elements-sdk/oauth': 'src/oauth.ts',
  'cloud-elements-sdk/instances': 'src/instances.ts',
  'cloud-elements-sdk/bulk': 'src/bulk.ts',
  'cloud-elements-sdk/webhooks': 'src/webhooks.ts',
  'cloud-elements-sdk/node': 'src/node.ts',
  'cloud-elements-sdk/testing': 'src/testing/index.ts',
};

/**
 * What an example's module holds before the example: the imports of everything the example uses, and a
 * `declare const` (or `declare function`) for each free variable it assumes, which in a user's code comes from
 * elsewhere (a client made at start-up, a request's body, a framework's `req`).
 */
type Preamble = {
  lines: string[];
  /**
   * The example is a value, not statements (a property's `@example`): it is checked as the initializer of a
   * constant of this type.
   */
  valueType?: string;
};
/** An example that cannot compile as it stands: a fragment with `…` in place of code. */
type Skip = { skip: string };

// Keyed by file and the example's number in it (from 1). Every example has an entry, so a new example comes with
// its preamble. The names declared here are those a reader of the example is expected to have already; the
// comment above each says where it would come from.
const preambles: Record<string, Preamble | Skip> = {
  'src/bulk/download.ts #1': {
    lines: [
      "import { type CloudElementsClient } from 'cloud-elements-sdk';",
      "import { downloadBulkResults, type BulkJob } from 'cloud-elements-sdk/bulk';",
      "import fs from 'node:fs';",
      "import { Readable } from 'node:stream';",
      "import { pipeline } from 'node:stream/promises';",
      // The client of one instance: `ce.forInstance(elementToken)`.
      'declare const crm: CloudElementsClient;',
      // The id of a finished job that `startBulkQuery` started.
      "declare const jobId: BulkJob['id'];",
    ],
  },
  'src/bulk/download.ts #2': {
    lines: [
      "import { type CloudElementsClient } from 'cloud-elements-sdk';",
      "import { readBulkRecords, type BulkJob } from 'cloud-elements-sdk/bulk';",
      // The client of one instance: `ce.forInstance(elementToken)`.
      'declare const crm: CloudElementsClient;',
      // The id of a finished job that `startBulkQuery` started.
      "declare const jobId: BulkJob['id'];",
      // The app's own storage.
      'declare function save(value: unknown): Promise<void>;',
    ],
  },
  'src/bulk/formats.ts #1': {
    lines: [
      "import { parseNdjson } from 'cloud-elements-sdk/bulk';",
      // The answer of a JSON bulk download the app fetched itself.
      'declare const response: Response;',
    ],
  },
  'src/bulk/formats.ts #2': {
    lines: [
      "import { parseCsvRecords } from 'cloud-elements-sdk/bulk';",
      // CSV bytes, e.g. what `downloadBulkResults(crm, { …, format: 'csv' })` resolves with.
      'declare const stream: ReadableStream<Uint8Array>;',
    ],
  },
  'src/bulk/jobs.ts #1': {
    lines: [
      "import { ceql, formatBulkQuery, type CloudElementsClient } from 'cloud-elements-sdk';",
      "import { startBulkQuery } from 'cloud-elements-sdk/bulk';",
      // The client of one instance: `ce.forInstance(elementToken)`.
      'declare const crm: CloudElementsClient;',
      // The last name to look for: user input, which `ceql` quotes.
      'declare const name: string;',
    ],
  },
  'src/bulk/jobs.ts #2': {
    lines: [
      "import { type CloudElementsClient } from 'cloud-elements-sdk';",
      "import { waitForBulkJob, type BulkJob } from 'cloud-elements-sdk/bulk';",
      // The client of one instance: `ce.forInstance(elementToken)`.
      'declare const crm: CloudElementsClient;',
      // The job `startBulkQuery` or `uploadBulkRecords` started.
      'declare const job: BulkJob;',
    ],
  },
  'src/bulk/upload.ts #1': {
    lines: [
      "import { type CloudElementsClient } from 'cloud-elements-sdk';",
      "import { uploadBulkRecords } from 'cloud-elements-sdk/bulk';",
      // The client of one instance: `ce.forInstance(elementToken)`.
      'declare const crm: CloudElementsClient;',
      // The records to upload, as CSV text with a header row.
      'declare const csvText: string;',
    ],
  },
  'src/client/client.ts #1': {
    lines: [
      "import { unwrap, type CloudElementsClient, type components } from 'cloud-elements-sdk';",
      // The client of one instance: `ce.forInstance(elementToken)` (a hub call needs the element token).
      'declare const ce: CloudElementsClient;',
      // The contact to create.
      "declare const body: components['schemas']['CrmContact'];",
    ],
  },
  'src/client/client.ts #2': { skip: 'a fragment: the third call leaves its options out (`…`)' },
  'src/client/unwrap.ts #1': {
    lines: [
      "import { unwrap, type CloudElementsClient } from 'cloud-elements-sdk';",
      // The client made with `createClient` at start-up.
      'declare const ce: CloudElementsClient;',
    ],
  },
  'src/core/authorization.ts #1': { lines: ["import { formatAuthorization } from 'cloud-elements-sdk';"] },
  'src/core/authorization.ts #2': { lines: ["import { parseAuthorization } from 'cloud-elements-sdk';"] },
  // `snippet` is internal (no entry exports it): its example is checked against the module itself.
  'src/core/checks.ts #1': { lines: ["import { snippet } from '../src/core/checks.js';"] },
  'src/instances/events.ts #1': {
    lines: [
      "import { type CloudElementsClient } from 'cloud-elements-sdk';",
      "import { buildEventsConfiguration } from 'cloud-elements-sdk/instances';",
      // The client made with `createClient` at start-up (`POST /instances` is a platform call).
      'declare const client: CloudElementsClient;',
      // The new instance's name.
      'declare const name: string;',
      // The element's own configuration entries (OAuth keys and the like) that the app already sends.
      'declare const oauthConfiguration: Record<string, string>;',
      // The app's URL for event notifications.
      'declare const callbackUrl: string;',
      // The key Cloud Elements signs notifications with, from the app's secrets.
      'declare const signatureKey: string;',
    ],
  },
  'src/instances/events.ts #2': {
    lines: [
      "import { type CloudElementsClient } from 'cloud-elements-sdk';",
      "import { enableEvents } from 'cloud-elements-sdk/instances';",
      // The client made with `createClient` at start-up.
      'declare const client: CloudElementsClient;',
    ],
  },
  'src/node/bulk.ts #1': {
    lines: [
      "import type { CloudElementsClient } from 'cloud-elements-sdk';",
      "import { uploadBulkFile } from 'cloud-elements-sdk/node';",
      // The client of one instance: `ce.forInstance(elementToken)`.
      'declare const crm: CloudElementsClient;',
    ],
  },
  'src/node/bulk.ts #2': {
    lines: [
      "import type { CloudElementsClient } from 'cloud-elements-sdk';",
      "import type { BulkJob } from 'cloud-elements-sdk/bulk';",
      "import { downloadBulkResultsToFile } from 'cloud-elements-sdk/node';",
      // The client of one instance: `ce.forInstance(elementToken)`.
      'declare const crm: CloudElementsClient;',
      // A finished job that `startBulkQuery` started.
      'declare const job: BulkJob;',
    ],
  },
  'src/node/undici.ts #1': {
    lines: [
      "import { createClient } from 'cloud-elements-sdk';",
      "import { createUndiciFetch } from 'cloud-elements-sdk/node';",
      // The account's secrets, from the app's configuration.
      'declare const userSecret: string, organizationSecret: string;',
    ],
  },
  'src/node/webhooks.ts #1': {
    lines: [
      "import { parseNodeWebhookRequest } from 'cloud-elements-sdk/node';",
      "import { WebhookVerificationError, createReplayGuard, createWebhookVerifier } from 'cloud-elements-sdk/webhooks';",
      "import http from 'node:http';",
      // The app's own handling of an event.
      'declare function save(value: unknown): Promise<void>;',
    ],
  },
  'src/oauth/app.ts #1': {
    lines: [
      "import { defineOAuthApp } from 'cloud-elements-sdk/oauth';",
      // The app's key and secret at the provider, from the app's configuration.
      'declare const apiKey: string, apiSecret: string;',
    ],
  },
  'src/oauth/callback.ts #1': {
    lines: [
      "import { type CloudElementsClient } from 'cloud-elements-sdk';",
      "import { finishOAuth, readOAuthCallback, type OAuthApp } from 'cloud-elements-sdk/oauth';",
      "import type { IncomingMessage } from 'node:http';",
      // The client made with `createClient` at start-up.
      'declare const ce: CloudElementsClient;',
      // The app's `defineOAuthApp(…)`.
      'declare const app: OAuthApp;',
      // The callback request the provider redirected the browser to.
      'declare const req: IncomingMessage;',
      // That request's cookies, as a framework parses them: any may be missing. `oauth_state` is the cookie that
      // `startOAuth`'s example sets.
      'declare const cookies: Record<string, string | undefined>;',
    ],
  },
  'src/oauth/start.ts #1': {
    lines: [
      "import { type CloudElementsClient } from 'cloud-elements-sdk';",
      "import { startOAuth, type OAuthApp } from 'cloud-elements-sdk/oauth';",
      "import type { ServerResponse } from 'node:http';",
      // The client made with `createClient` at start-up.
      'declare const ce: CloudElementsClient;',
      // The app's `defineOAuthApp(…)`.
      'declare const app: OAuthApp;',
      // The answer to the user's request to connect an account.
      'declare const res: ServerResponse;',
    ],
  },
  'src/query/ceql.ts #1': {
    lines: [
      "import { ceql } from 'cloud-elements-sdk';",
      // The time of the last sync, kept by the app.
      'declare const since: Date;',
    ],
  },
  'src/query/ceql.ts #2': {
    lines: [
      "import { ceql } from 'cloud-elements-sdk';",
      // A required filter, from user input.
      'declare const lastName: string;',
      // An optional filter: `undefined` when not given, which `ceql.join` skips.
      'declare const since: Date | undefined;',
    ],
  },
  'src/query/ceql.ts #3': {
    lines: [
      "import { ceql, type CloudElementsClient } from 'cloud-elements-sdk';",
      // The client of one instance: `ce.forInstance(elementToken)`.
      'declare const client: CloudElementsClient;',
      // The filters, from user input.
      'declare const name: string, since: Date;',
    ],
  },
  'src/query/ceql.ts #4': {
    lines: ["import type { BulkQueryOptions } from 'cloud-elements-sdk';"],
    valueType: "BulkQueryOptions['orderBy']",
  },
  'src/query/ceql.ts #5': {
    lines: [
      "import { ceql, formatBulkQuery } from 'cloud-elements-sdk';",
      // The last name to look for: user input, which `ceql` quotes.
      'declare const name: string;',
    ],
  },
  'src/query/pagination.ts #1': {
    lines: [
      "import { paginatePages, type CloudElementsClient } from 'cloud-elements-sdk';",
      // The client of one instance: `ce.forInstance(elementToken)`.
      'declare const crm: CloudElementsClient;',
      // The app's own storage.
      'declare function save(value: unknown): Promise<void>;',
      // Where the app keeps the token to resume from after a crash.
      'declare function checkpoint(nextPageToken: string | undefined): Promise<void>;',
    ],
  },
  'src/query/pagination.ts #2': {
    lines: [
      "import { ceql, paginate, type CloudElementsClient } from 'cloud-elements-sdk';",
      // The client made with `createClient` at start-up.
      'declare const client: CloudElementsClient;',
      // The token of the instance to read, from the app's store.
      'declare const elementToken: string;',
      // The last name to look for: user input, which `ceql` quotes.
      'declare const name: string;',
    ],
  },
  'src/testing/index.ts #1': { lines: ["import { startEmulator } from 'cloud-elements-sdk/testing';"] },
  'src/webhooks/replay-guard.ts #1': {
    lines: [
      "import { createReplayGuard, createWebhookVerifier } from 'cloud-elements-sdk/webhooks';",
      // The key the instance's events are signed with, from the app's secrets.
      'declare const key: string;',
    ],
  },
  'src/webhooks/request.ts #1': {
    lines: [
      "import { WebhookVerificationError, parseWebhookRequest, type WebhookVerifier } from 'cloud-elements-sdk/webhooks';",
      // The app's `createWebhookVerifier(…)`, made once at start-up.
      'declare const verifier: WebhookVerifier;',
      // The app's own handling of an event.
      'declare function save(value: unknown): Promise<void>;',
    ],
  },
  'src/webhooks/sign.ts #1': {
    lines: [
      "import { signWebhookPayload } from 'cloud-elements-sdk/webhooks';",
      // The body of a webhook a test sends to the app.
      'declare const body: string;',
    ],
  },
  'src/webhooks/types.ts #1': {
    lines: [
      "import type { WebhookVerifier } from 'cloud-elements-sdk/webhooks';",
      "import type { IncomingMessage } from 'node:http';",
      // The app's `createWebhookVerifier(…)`, made once at start-up.
      'declare const verifier: WebhookVerifier;',
      // The webhook request, and its body as read, before any JSON parsing (what `express.raw()` gives).
      'declare const req: IncomingMessage, rawBody: Buffer;',
      // The app's own handling of an event.
      'declare function save(value: unknown): Promise<void>;',
    ],
  },
  'src/webhooks/verify.ts #1': {
    lines: [
      "import { createWebhookVerifier } from 'cloud-elements-sdk/webhooks';",
      "import type { IncomingMessage } from 'node:http';",
      // The webhook request, and its body as read, before any JSON parsing (what `express.raw()` gives).
      'declare const req: IncomingMessage, rawBody: Buffer;',
    ],
  },
  'src/webhooks/verify.ts #2': {
    lines: [
      "import { verifyWebhookSignature } from 'cloud-elements-sdk/webhooks';",
      // The webhook request in a fetch-style handler, and its body as read (`await request.text()`).
      'declare const request: Request, rawBody: string;',
      // The key the instance's events are signed with, from the app's secrets.
      'declare const signatureKey: string;',
    ],
  },
  'src/webhooks/verify.ts #3': {
    lines: [
      "import { isEventNotification, parseWebhookEvent } from 'cloud-elements-sdk/webhooks';",
      "import type { IncomingMessage } from 'node:http';",
      // The webhook request, and its body as read, before any JSON parsing (what `express.raw()` gives).
      'declare const req: IncomingMessage, rawBody: Buffer;',
    ],
  },
};

type Example = {
  /** `src/…/file.ts #n`, the key of {@link preambles}. */
  key: string;
  /** The example's code, without the comment's ` * `. */
  code: string;
  /** Line in the source file of each line of `code` (from 1). */
  sourceLines: number[];
};

/**
 * The library's source files. The CLI is left out: it is an app, not an API that users call from their code.
 * Generated code (generated/) is outside src/.
 */
function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true })
    .flatMap((entry) => {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) return path === 'src/cli' ? [] : sourceFiles(path);
      return path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
    })
    .sort();
}

/**
 * The `@example` blocks of a file's JSDoc comments: the text after the tag on its line and the lines after it,
 * up to the next tag or the end of the comment. A tag counts only at the start of a comment line, so that
 * `user<n>@example.com` in a `@default` is not one.
 */
function examplesOf(file: string): Example[] {
  const text = readFileSync(join(root, file), 'utf8');
  const examples: Example[] = [];
  for (const comment of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    const firstLine = text.slice(0, comment.index).split('\n').length;
    const lines = comment[0]
      .replace(/^\/\*\*/, '')
      .replace(/\*\/$/, '')
      .split('\n')
      .map((line) => line.replace(/^\s*\* ?/, ''));
    let current: { code: string[]; sourceLines: number[] } | undefined;
    lines.forEach((line, index) => {
      const tag = /^\s*@(\w+)\s?(.*)$/.exec(line);
      if (tag) {
        if (current) examples.push(finish(file, examples.length + 1, current));
        current = tag[1] === 'example' ? { code: [], sourceLines: [] } : undefined;
        if (!current || tag[2]!.trim() === '') return;
        line = tag[2]!;
      }
      current?.code.push(line);
      current?.sourceLines.push(firstLine + index);
    });
    if (current) examples.push(finish(file, examples.length + 1, current));
  }
  return examples;
}

function finish(file: string, n: number, example: { code: string[]; sourceLines: number[] }): Example {
  // Trailing blank lines (before the next tag) are not part of the code.
  while (example.code.length > 0 && example.code.at(-1)!.trim() === '') {
    example.code.pop();
    example.sourceLines.pop();
  }
  return { key: `${file} #${n}`, code: example.code.join('\n'), sourceLines: example.sourceLines };
}

const examples = sourceFiles('src').flatMap(examplesOf);

/** The module an example is checked as, and the line of the module that holds the example's first line. */
function moduleOf(example: Example, preamble: Preamble): { text: string; firstLine: number } {
  // `export {}` makes it a module (the package is ESM), so top-level `await` is allowed, as in an app's module.
  const head = [...preamble.lines, 'export {};'];
  if (preamble.valueType) head.push(`export const example: ${preamble.valueType} =`);
  return { text: `${head.join('\n')}\n${example.code}\n`, firstLine: head.length };
}

/** The compiler options of tsconfig.json, with the package's entries mapped to their source. */
function compilerOptions(): ts.CompilerOptions {
  const configPath = join(root, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  if (config.error) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root, undefined, configPath);
  const paths = Object.fromEntries(Object.entries(entries).map(([name, path]) => [name, [join(root, path)]]));
  return { ...parsed.options, paths, noEmit: true };
}

test('every @example has an entry in the table of preambles, and every entry an example', () => {
  const keys = examples.map((example) => example.key);
  expect(keys.filter((key) => !(key in preambles))).toEqual([]);
  expect(Object.keys(preambles).filter((key) => !keys.includes(key))).toEqual([]);
  // Only a fragment may be left unchecked: an example that is whole code must compile.
  for (const example of examples) {
    if ('skip' in preambles[example.key]!) expect(example.code, example.key).toContain('…');
  }
});

test('every @example in src/ compiles against the exported API', () => {
  const modules = new Map<string, { example: Example; text: string; firstLine: number }>();
  for (const example of examples) {
    const preamble = preambles[example.key];
    if (preamble === undefined || 'skip' in preamble) continue;
    const name = example.key
      .replace(/^src\//, '')
      .replace(/\.ts #/, '-')
      .replaceAll('/', '-');
    modules.set(join(virtualDir, `${name}.ts`), { example, ...moduleOf(example, preamble) });
  }

  const options = compilerOptions();
  const host = ts.createCompilerHost(options, true);
  const { fileExists, readFile, getSourceFile, directoryExists } = host;
  host.fileExists = (path) => modules.has(path) || fileExists.call(host, path);
  host.readFile = (path) => modules.get(path)?.text ?? readFile.call(host, path);
  host.directoryExists = (path) => path === virtualDir || (directoryExists?.call(host, path) ?? true);
  host.getSourceFile = (path, language, ...rest) => {
    const module = modules.get(path);
    return module
      ? ts.createSourceFile(path, module.text, language, true)
      : getSourceFile.call(host, path, language, ...rest);
  };
  const program = ts.createProgram([...modules.keys()], options, host);

  const problems = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()].map((diagnostic) =>
    ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
  );
  for (const [path, { example, firstLine }] of modules) {
    const file = program.getSourceFile(path)!;
    const diagnostics = [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)];
    for (const diagnostic of diagnostics) {
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n  ');
      const line = file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line - firstLine;
      // A line of the example is reported where it is in the source file; a line before it is the table's.
      const where =
        line >= 0
          ? `${example.key.split(' ')[0]}:${example.sourceLines[line] ?? example.sourceLines.at(-1)}`
          : 'its preamble in the table';
      problems.push(`${example.key} (${where}): TS${diagnostic.code} ${message}`);
    }
  }
  expect(problems).toEqual([]);
});

test('the comments are read: examples are found in every part of the library that has some', () => {
  // Guards the reading of comments above: a change that finds no example would make the compile pass vacuously.
  expect(examples.length).toBeGreaterThan(30);
  for (const dir of ['src/client/', 'src/webhooks/', 'src/node/', 'src/testing/']) {
    expect(
      examples.some((example) => example.key.startsWith(dir)),
      dir,
    ).toBe(true);
  }
});
