// `cloud-elements types`: TypeScript types of one instance's (or element's) own API, from the Swagger 2.0 docs
// Cloud Elements serves for it, converted to OpenAPI 3 (swagger.ts) and written by openapi-typescript, which is
// loaded only here and only when the command runs (installed by the user; not a dependency of the package).
import { createHash } from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { unwrap } from '../client/index.js';
import {
  CliError,
  EXIT,
  UsageError,
  shownValue,
  stringOption,
  type CommandSpec,
  type ParsedCommand,
} from './args.js';
import { note, type CliContext, type Command } from './context.js';
import { ENVIRONMENT_HELP, clientFromEnv } from './env.js';
import {
  convertSwagger,
  SwaggerDocumentError,
  type SwaggerConversion,
  type SwaggerWarning,
} from './swagger.js';

const spec: CommandSpec = {
  name: 'types',
  brief: "Types of an instance's own API (records, custom fields and objects)",
  usage: '(--instance <id> | --element <key>) --out <file> [--check]',
  summary:
    "Writes TypeScript types of an instance's own API (its hub paths and records, custom fields and objects " +
    'included) from its Swagger 2.0 docs, for a client typed by them: ce.forInstance<paths>(token).',
  details: [
    'Reads GET /instances/{id}/docs (or GET /elements/{key}/docs), converts the Swagger 2.0 document to OpenAPI 3 ' +
      '(repairing the quirks such documents have, with a warning each) and writes the types with ' +
      'openapi-typescript, which must be installed: npm install --save-dev openapi-typescript typescript.',
    '--check writes nothing and exits 1 when the file no longer matches the live docs (for CI). The file ' +
      'carries a fingerprint of the docs it was written from, so reformatting it does not make it stale.',
    ENVIRONMENT_HELP,
  ],
  options: {
    instance: { type: 'string', value: '<id>', description: 'Numeric id of the instance whose docs to read' },
    element: {
      type: 'string',
      value: '<key>',
      description: 'Key or id of an element, for its standard docs',
    },
    out: { type: 'string', value: '<file>', description: 'File to write, e.g. src/crm-types.ts' },
    check: {
      type: 'boolean',
      description: 'Compare with the live docs instead of writing; exit 1 when stale',
    },
  },
  positionals: [],
  examples: [
    'cloud-elements types --instance 1001 --out src/crm-types.ts',
    'cloud-elements types --instance 1001 --out src/crm-types.ts --check',
    'cloud-elements types --element sfdc --out sfdc-types.ts',
  ],
};

/**
 * An element key (`sfdc`, `sfdcmarketingcloud`) or numeric id: what `--element` may be before it goes into a URL
 * and messages. Element tokens are longer (40 to 44 characters of base64), so one passed here by mistake is refused.
 */
const ELEMENT_KEY = /^[A-Za-z0-9_.-]{1,36}$/;

/** Refuses an --out that is a directory before any call, rather than fail when writing (EISDIR). */
async function checkOut(out: string): Promise<void> {
  const found = await stat(out).catch(() => undefined);
  if (found?.isDirectory())
    throw new UsageError(
      `--out ${out} is a directory; give the file to write, e.g. --out ${join(out, 'types.ts')}.`,
    );
}

/** The line of the header that `--check` compares. */
const FINGERPRINT = /docs-fingerprint: (sha256:[0-9a-f]{64})/;
/** Most repair warnings printed one by one; the rest are counted. */
const SHOWN_WARNINGS = 20;

/** A fingerprint of what the types are made of: the paths and schemas, not the host or the titles. */
export function fingerprintOf(conversion: SwaggerConversion): string {
  const { paths, components } = conversion.document;
  return `sha256:${createHash('sha256').update(JSON.stringify({ paths, components })).digest('hex')}`;
}

/**
 * openapi-typescript, installed by the user: loaded here, when `types` runs, and nowhere else. Not a peer
 * dependency (a project on version 6 could not install the SDK at all), so the version is checked here.
 */
async function loadOpenApiTypescript(): Promise<typeof import('openapi-typescript')> {
  try {
    const loaded = await import('openapi-typescript');
    if (typeof loaded.astToString !== 'function') {
      throw new CliError(
        'cloud-elements types needs openapi-typescript 7 or later; the installed one is older: npm install --save-dev openapi-typescript@7',
        EXIT.usage,
      );
    }
    return loaded;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      throw new CliError(
        'cloud-elements types needs openapi-typescript and typescript: npm install --save-dev openapi-typescript typescript',
        EXIT.usage,
      );
    }
    throw error;
  }
}

function header(source: string, command: string, title: string, fingerprint: string): string {
  const safe = (text: string) => text.replace(/\*\//g, '* /').replace(/[\r\n]+/g, ' ');
  return [
    '/**',
    ` * Types of ${safe(title)}, from ${source}.`,
    ` * Written by \`${command}\`; do not edit, run it again (add --check in CI).`,
    " * Use: import type { paths } from './this-file.js'; const client = ce.forInstance<paths>(token);",
    ` * docs-fingerprint: ${fingerprint}`,
    ' */',
    '',
    '',
  ].join('\n');
}

/** Declaration lines of a types file, without comments, indentation or quote style (formatting does not count). */
function declarationLines(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const raw of text.split('\n')) {
    const line = raw.trim().replace(/'/g, '"');
    if (line === '' || line.startsWith('*') || line.startsWith('/*') || line.startsWith('//')) continue;
    counts.set(line, (counts.get(line) ?? 0) + 1);
  }
  return counts;
}

/** A few lines that `after` has and `before` lacks (`+`), and the other way round (`-`), to say what changed. */
function changedLines(before: string, after: string, limit = 6): string[] {
  const old = declarationLines(before);
  const now = declarationLines(after);
  const diff = (a: Map<string, number>, b: Map<string, number>, sign: string) =>
    [...a].filter(([line, n]) => n > (b.get(line) ?? 0)).map(([line]) => `${sign} ${line}`);
  return [...diff(now, old, '+'), ...diff(old, now, '-')].slice(0, limit);
}

function printWarnings(ctx: CliContext, warnings: SwaggerWarning[]): void {
  for (const warning of warnings.slice(0, SHOWN_WARNINGS))
    note(ctx, `  warning: repaired: ${warning.message}`);
  if (warnings.length > SHOWN_WARNINGS)
    note(ctx, `  warning: … and ${warnings.length - SHOWN_WARNINGS} more repairs`);
}

async function run(parsed: ParsedCommand, ctx: CliContext): Promise<number> {
  const instance = stringOption(parsed, 'instance');
  const element = stringOption(parsed, 'element');
  const out = stringOption(parsed, 'out');
  const check = parsed.values.check === true;
  if ((instance === undefined) === (element === undefined))
    throw new UsageError(
      'cloud-elements types needs either --instance <id> or --element <key> (one of them).',
    );
  if (out === undefined || out === '')
    throw new UsageError('cloud-elements types needs --out <file>, the file to write (or to --check).');
  if (instance !== undefined && !/^\d+$/.test(instance))
    throw new UsageError(
      // Not its element token, which `request --instance` takes: a mix-up that must not print the token.
      `--instance takes the numeric id of an instance (GET /instances lists them), got ${shownValue(instance)}.`,
    );
  // A longer number would be called as another (99999999999999999999 as 100000000000000000000).
  if (instance !== undefined && !Number.isSafeInteger(Number(instance)))
    throw new UsageError(
      `--instance takes the numeric id of an instance (GET /instances lists them), at most ${Number.MAX_SAFE_INTEGER}; ` +
        `got a number of ${instance.length} digits.`,
    );
  // Checked before it goes into a URL and into messages: a token or secret passed here by mistake must not show.
  // An organization or user secret (32 hexadecimal characters) fits the pattern of a key: refused by what it is.
  const secrets = [ctx.env.CE_USER_SECRET, ctx.env.CE_ORGANIZATION_SECRET, ctx.env.CE_ELEMENT_TOKEN];
  if (
    element !== undefined &&
    (!ELEMENT_KEY.test(element) || /^[0-9a-f]{32}$/i.test(element) || secrets.includes(element))
  )
    throw new UsageError(
      `--element takes an element key such as sfdc, or a numeric element id, got ${shownValue(element)}.`,
    );
  await checkOut(out);

  const client = clientFromEnv(ctx, { organization: 'required' });
  const source = instance !== undefined ? `GET /instances/${instance}/docs` : `GET /elements/${element}/docs`;
  note(ctx, `[1/3] fetching ${source} (${client.baseUrl})`);
  const docs =
    instance !== undefined
      ? await unwrap(client.GET('/instances/{id}/docs', { params: { path: { id: Number(instance) } } }))
      : await unwrap(client.GET('/elements/{keyOrId}/docs', { params: { path: { keyOrId: element! } } }));

  note(
    ctx,
    `[2/3] converting Swagger 2.0 to OpenAPI 3${check ? '' : ', then to TypeScript (openapi-typescript)'}`,
  );
  let conversion: SwaggerConversion;
  try {
    conversion = convertSwagger(docs);
  } catch (error) {
    if (error instanceof SwaggerDocumentError)
      throw new CliError(`${source} did not answer Swagger docs: ${error.message}`);
    throw error;
  }
  printWarnings(ctx, conversion.warnings);
  const fingerprint = fingerprintOf(conversion);
  const info = conversion.document.info as { title?: string };
  const title =
    instance !== undefined
      ? `instance ${instance} (${info.title ?? 'Cloud Elements'})`
      : `element ${element} (${info.title ?? element})`;
  const command = `cloud-elements types ${instance !== undefined ? `--instance ${instance}` : `--element ${element}`} --out ${out}`;
  const render = async () => {
    const { default: openapiTS, astToString } = await loadOpenApiTypescript();
    const document = structuredClone(conversion.document) as unknown as Parameters<typeof openapiTS>[0];
    let ast;
    try {
      ast = await openapiTS(document, { emptyObjectsUnknown: true, silent: true });
    } catch (error) {
      // The converter repairs what it knows of; anything else is reported, not thrown at the user.
      throw new CliError(
        `openapi-typescript could not type the docs after conversion: ${(error as Error).message}. ` +
          `Please report it with the document that ${source} answers.`,
      );
    }
    return header(source, command, title, fingerprint) + astToString(ast);
  };
  const { paths, operations, schemas } = conversion.stats;
  const counts = `${paths} paths, ${operations} operations, ${schemas} schemas`;
  const file = resolve(out);

  if (check) {
    let current: string;
    try {
      current = await readFile(file, 'utf8');
    } catch {
      note(ctx, `✘ ${out} does not exist: run the command without --check to write it.`);
      return EXIT.failed;
    }
    // The fingerprint decides; openapi-typescript is loaded only to show what changed.
    const written = FINGERPRINT.exec(current)?.[1];
    if (written === fingerprint) {
      note(ctx, `✔ ${out} matches the live docs (${counts})`);
      return EXIT.ok;
    }
    if (written === undefined) {
      note(ctx, `✘ ${out} was not written by cloud-elements types (no docs-fingerprint line).`);
      return EXIT.failed;
    }
    note(ctx, `✘ ${out} is stale: the docs changed since it was written. Run \`${command}\` to update it.`);
    const text = await render().catch(() => undefined);
    if (text !== undefined) for (const line of changedLines(current, text)) note(ctx, `  ${line}`);
    return EXIT.failed;
  }

  const text = await render();
  note(ctx, `[3/3] writing ${out}`);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, text);
  const repairs = conversion.warnings.length;
  note(
    ctx,
    `✔ wrote ${out}: ${counts}${repairs > 0 ? ` (${repairs} repair${repairs === 1 ? '' : 's'})` : ''}`,
  );
  return EXIT.ok;
}

export const typesCommand: Command = { spec, run };
