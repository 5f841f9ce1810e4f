// `cloud-elements request`: one API call from the shell, checked against the spec's paths first.
import { readFile } from 'node:fs/promises';
import { STATUS_CODES } from 'node:http';
import { unwrapWithout } from '../client/index.js';
import { TimeoutError, isSecretName, parserWords } from '../core/index.js';
import {
  CliError,
  EXIT,
  UsageError,
  sdkMessage,
  secondsOption,
  shownValue,
  stringList,
  stringOption,
  type CommandSpec,
  type ParsedCommand,
} from './args.js';
import { lookBeforeRetrying, note, readStdin, type CliContext, type Command } from './context.js';
import { ENVIRONMENT_HELP, clientFromEnv, sayAsUserWroteIt } from './env.js';
import { editDistance, matchPath, nearestPaths, type PathMatch } from './spec-paths.js';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const API_BASE = '/elements/api-v2';

const spec: CommandSpec = {
  name: 'request',
  brief: 'One API call, checked against the spec; the JSON answer on stdout',
  usage:
    '<METHOD> <path> [--data <json|@file>] [--query <k=v>]... [--instance <token>] [--timeout <seconds>]',
  summary:
    'Makes one API call and prints the JSON answer on stdout, indented, with its numbers and strings as the ' +
    'server wrote them. The method and path are checked against the spec first; an unknown path is refused with ' +
    'the nearest ones.',
  details: [
    'Hub calls (/hubs/...) act as an instance: pass its element token with --instance or set CE_ELEMENT_TOKEN. ' +
      ENVIRONMENT_HELP,
    'A failed call prints the error, with its request id, on stderr and exits 1.',
  ],
  options: {
    data: {
      type: 'string',
      value: '<json|@file>',
      description: 'JSON body: the text, @file to read it from a file, @- for stdin',
    },
    query: {
      type: 'string',
      multiple: true,
      value: '<k=v>',
      description: 'Query parameter, e.g. --query pageSize=50',
    },
    instance: {
      type: 'string',
      value: '<token>',
      description: 'Element token of the instance (default CE_ELEMENT_TOKEN)',
    },
    timeout: {
      type: 'string',
      value: '<seconds>',
      description: 'Give up on the whole call, retries and waits included, after this long (default 60)',
    },
  },
  positionals: ['<METHOD>', '<path>'],
  examples: [
    'cloud-elements request GET /instances --query pageSize=5',
    'cloud-elements request POST /hubs/crm/contacts --data \'{"lastName":"Lovelace"}\'',
    'cloud-elements request GET /hubs/crm/contacts --query "where=lastName = \'Lovelace\'"',
  ],
};

type Query = Record<string, string | string[]>;

function addQuery(query: Query, key: string, value: string): void {
  const current = query[key];
  query[key] = current === undefined ? value : [...(Array.isArray(current) ? current : [current]), value];
}

/** The path without a host, API base or query string, and the query it carried. */
function splitTarget(raw: string): { path: string; query: Query; host?: string } {
  let target = raw;
  let host: string | undefined;
  if (/^https?:\/\//i.test(target)) {
    const url = new URL(target);
    target = url.pathname + url.search;
    host = url.host;
  }
  const question = target.indexOf('?');
  const query: Query = {};
  let path = question === -1 ? target : target.slice(0, question);
  if (question !== -1)
    for (const [key, value] of new URLSearchParams(target.slice(question + 1))) addQuery(query, key, value);
  if (!path.startsWith('/')) path = `/${path}`;
  if (path === API_BASE || path.startsWith(`${API_BASE}/`)) path = path.slice(API_BASE.length) || '/';
  // `//instances` (a base URL ending in / joined with a path) is /instances, as checked against the spec: sent so.
  path = path.replace(/\/{2,}/g, '/').replace(/(.)\/+$/, '$1');
  return host === undefined ? { path, query } : { path, query, host };
}

/**
 * Refuses a full URL whose host is not the one the command calls: its path would go, with the credentials, to the
 * region CE_ENVIRONMENT or CE_BASE_URL names (a URL copied from the EU's docs, called on the US API). Only hosts are
 * shown: a URL may hold a user and password.
 */
function checkHost(host: string | undefined, baseUrl: string): void {
  const calls = new URL(baseUrl).host;
  if (host === undefined || host.toLowerCase() === calls.toLowerCase()) return;
  throw new UsageError(
    `the URL is on ${host}, but this command calls ${calls} (CE_BASE_URL, or CE_ENVIRONMENT): set the one you mean, ` +
      'or pass the path alone.',
  );
}

/**
 * Refuses a path copied from the docs with its placeholders (`/instances/{id}`): it would match the template and
 * go to the SDK, whose message asks for `params.path.id`, which a shell user cannot pass.
 */
function checkNoTemplate(path: string): void {
  // A parameter's name in braces; an id in braces (a Dynamics GUID, `{3F2504E0-…}`) is a value.
  const placeholders = path.split('/').filter((segment) => /^\{[A-Za-z_]\w*\}$/.test(segment));
  if (placeholders.length === 0) return;
  const list = placeholders.join(' and ');
  throw new UsageError(
    `${path} still has ${list} of the template: write the value in place of ${list}, ` +
      `e.g. ${path.replace(/\{[^/]*\}/g, (segment) => (segment === '{id}' ? '12345' : segment.slice(1, -1).toUpperCase()))}.`,
  );
}

/** The operation of the spec that `METHOD path` is; a usage error naming the nearest ones when there is none. */
function operationOf(method: string, path: string, ctx: CliContext): { match: PathMatch; auth: string } {
  const matches = matchPath(path);
  if (matches.length === 0) {
    const near = nearestPaths(path);
    throw new UsageError(
      `${path} is not a path of the Cloud Elements API${near.length > 0 ? `. Did you mean ${near.join(' or ')}?` : '.'}`,
    );
  }
  const match = matches.find((candidate) => Object.hasOwn(candidate.methods, method));
  if (!match) {
    const allowed = [...new Set(matches.flatMap((candidate) => Object.keys(candidate.methods)))];
    throw new UsageError(
      `${method} ${path} is not an operation of the API: ${matches[0]!.template} takes ${allowed.join(', ')}.`,
    );
  }
  // `/hubs/{hub}/{objectName}` matches any name (custom objects too): a near standard path is worth a word.
  if (match.template.startsWith('/hubs/{hub}/')) {
    const near = nearestPaths(path, { literalsOnly: true, limit: 1 })[0];
    if (near !== undefined && editDistance(path, near) <= 2) {
      note(
        ctx,
        `note: ${path} is no standard path of its hub (did you mean ${near}?); sending it as a custom object.`,
      );
    }
  }
  return { match, auth: match.methods[method]! };
}

/** The body of `--data`: its value, for the checks, and its text as written, which is what is sent. */
async function readBody(data: string, ctx: CliContext): Promise<{ value: unknown; text: string }> {
  let text = data;
  let from = '--data';
  if (data === '@-') {
    text = new TextDecoder().decode(await readStdin(ctx));
    from = 'stdin';
  } else if (data.startsWith('@')) {
    from = data.slice(1);
    try {
      text = await readFile(from, 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read the body from ${from}: ${(error as Error).message}`);
    }
  }
  // An editor's byte order mark is no part of the JSON (stdin's TextDecoder drops it; readFile keeps it).
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  try {
    return { value: JSON.parse(text), text };
  } catch (error) {
    // Without the parser's excerpt of the text: a body can carry secrets (POST /instances takes the provider app's),
    // and so can a value that went to --data by mistake. The position stays; it is enough to find the mistake.
    throw new UsageError(`the body (${from}) is not JSON: ${parserWords((error as Error).message)}.`);
  }
}

/**
 * The values of `body` that must not appear in an error, as createInstance keeps them out of its own: every value
 * under a `providerData` (an OAuth code, an app's secret) and every value under a secret-like name
 * (`oauth.api.secret`, `password`, `clientSecret`), at any depth, since the API or the provider may echo the body
 * it refused.
 */
function bodySecrets(body: unknown): string[] {
  const found: string[] = [];
  const collect = (value: unknown, secret: boolean, depth: number): void => {
    if (depth > 64) return;
    if (typeof value === 'string' || typeof value === 'number') {
      if (secret) found.push(String(value));
    } else if (Array.isArray(value)) {
      for (const item of value) collect(item, secret, depth + 1);
    } else if (value !== null && typeof value === 'object') {
      const entry = value as Record<string, unknown>;
      // One configuration entry (`PATCH /instances/{id}/configuration/{configId}`): its value is secret when its
      // key names a secret.
      const named = [entry.key, entry.propertyKey].some(
        (key) => typeof key === 'string' && isSecretName(key),
      );
      for (const [key, item] of Object.entries(entry))
        collect(
          item,
          secret ||
            key === 'providerData' ||
            isSecretName(key) ||
            (named && (key === 'propertyValue' || key === 'value')),
          depth + 1,
        );
    }
  };
  collect(body, false, 0);
  return found;
}

/**
 * The values of `query` that must not appear in an error, by the rule {@link bodySecrets} applies to the body's
 * keys: `--query apiSecret=…` (GET /elements/{key}/oauth/url takes the provider app's) or a `?code=` in the path
 * comes back in the message of a server that echoes what it refused.
 */
function querySecrets(query: Query): string[] {
  return Object.entries(query).flatMap(([key, value]) => (isSecretName(key) ? [value].flat() : []));
}

/** The whitespace JSON allows between tokens. */
const JSON_SPACE = new Set([' ', '\t', '\n', '\r']);

/**
 * Valid JSON `text` indented by two spaces, as `JSON.stringify(value, null, 2)` lays it out, but token by token:
 * numbers, string escapes and repeated keys stay as the server wrote them (a parse and stringify would turn
 * 9007199254740993 into 9007199254740992, 1.10 into 1.1, and keep one of two equal keys).
 */
function reindent(text: string): string {
  let out = '';
  let depth = 0;
  const newline = () => `\n${'  '.repeat(depth)}`;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '"') {
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      out += text.slice(i, end + 1);
      i = end;
    } else if (char === '{' || char === '[') {
      let next = i + 1;
      while (JSON_SPACE.has(text[next] ?? '')) next++;
      if (text[next] === '}' || text[next] === ']') {
        out += char + text[next];
        i = next;
      } else {
        depth++;
        out += char + newline();
      }
    } else if (char === '}' || char === ']') {
      depth--;
      out += newline() + char;
    } else if (char === ',') out += `,${newline()}`;
    else if (char === ':') out += ': ';
    else if (!JSON_SPACE.has(char)) out += char;
  }
  return out;
}

/** An HTML page by its start: a login page or proxy answers so, with or without a content type. */
const HTML_START = /^\s*<(?:!doctype\s+html|html)[\s>]/i;

type Sender = (
  method: string,
  path: string,
  init: Record<string, unknown>,
) => Promise<{
  data?: unknown;
  error?: unknown;
  response: Response;
}>;

async function run(parsed: ParsedCommand, ctx: CliContext): Promise<number> {
  const method = parsed.positionals[0]!.toUpperCase();
  if (!METHODS.includes(method))
    throw new UsageError(`${parsed.positionals[0]} is not a method; use one of ${METHODS.join(', ')}.`);
  const { path, query, host } = splitTarget(parsed.positionals[1]!);
  for (const pair of stringList(parsed, 'query')) {
    const equals = pair.indexOf('=');
    if (equals <= 0) throw new UsageError(`--query takes key=value, got ${shownValue(pair)}.`);
    addQuery(query, pair.slice(0, equals), pair.slice(equals + 1));
  }
  checkNoTemplate(path);
  const { auth } = operationOf(method, path, ctx);
  const given = stringOption(parsed, 'instance');
  const token = given ?? (ctx.env.CE_ELEMENT_TOKEN || undefined);
  // --timeout in milliseconds, or undefined for the client's default (60 s).
  const timeoutSeconds = secondsOption(parsed, 'timeout');
  const timeoutMs = timeoutSeconds === undefined ? undefined : Math.ceil(timeoutSeconds * 1000);
  if (auth === 'instance' && token === undefined) {
    throw new UsageError(
      `${method} ${path} acts as an instance: pass its element token with --instance <token>, or set CE_ELEMENT_TOKEN.`,
    );
  }
  const data = stringOption(parsed, 'data');
  if (data !== undefined && method === 'GET') {
    throw new UsageError('GET takes no body: leave --data out, or pass values with --query k=v.');
  }
  const written = data === undefined ? undefined : await readBody(data, ctx);
  const body = written?.value;

  let client = clientFromEnv(ctx, { organization: auth === 'platform' ? 'required' : 'optional' });
  checkHost(host, client.baseUrl);
  if (token !== undefined && (auth === 'instance' || given !== undefined)) {
    try {
      client = client.forInstance(token);
    } catch (error) {
      // The SDK names its own argument (elementToken), never the value: say the option or variable instead.
      throw sayAsUserWroteIt(error, {
        elementToken: given === undefined ? 'CE_ELEMENT_TOKEN' : '--instance',
      });
    }
  }
  if (timeoutMs !== undefined) client = client.withOptions({ timeoutMs });
  const send = (client as unknown as { request: Sender }).request;
  const init: Record<string, unknown> = { parseAs: 'arrayBuffer' };
  if (Object.keys(query).length > 0) init.params = { query };
  if (written !== undefined) {
    init.body = body;
    // Sent as written: parsed and serialized again, 9007199254740993 would go out as 9007199254740992.
    init.bodySerializer = () => written.text;
  }
  let result: Awaited<ReturnType<Sender>>;
  let answer: ArrayBuffer | undefined;
  try {
    // Braces left in the path are part of a value (an id in braces): openapi-fetch would take them for a parameter.
    result = await send(
      method,
      path.replace(/[{}]/g, (brace) => (brace === '{' ? '%7B' : '%7D')),
      init,
    );
    answer = (await unwrapWithout(result, [
      ...querySecrets(query),
      ...(written ? bodySecrets(body) : []),
    ])) as ArrayBuffer | undefined;
  } catch (error) {
    // The SDK's message says how long it waited; only this command knows the option that changes it. A call that
    // changes something may have been carried out all the same: it must be looked for before it is sent again,
    // with a longer wait or not.
    if (error instanceof TimeoutError) {
      const look = lookBeforeRetrying(error);
      throw new CliError(
        look === undefined
          ? `${sdkMessage(error.message)}; pass --timeout <seconds> to wait longer.`
          : `${sdkMessage(error.message)}; it may have taken effect all the same: ${look}, and pass --timeout ` +
              '<seconds> to wait longer.',
      );
    }
    throw error;
  }
  const bytes = answer === undefined ? new Uint8Array() : new Uint8Array(answer);
  const { status } = result.response;
  if (bytes.length === 0) {
    // Nothing for stdout (it may be piped into jq), but a word on stderr that the call succeeded with no body; the
    // reason is Node's for the status, not the server's status text, which a gateway may fill with anything.
    const reason = STATUS_CODES[status] ?? 'Success';
    note(ctx, `${method} ${path}: ${status} ${reason}${status === 204 ? '' : ', no body'}`);
    return EXIT.ok;
  }
  const text = new TextDecoder().decode(bytes);
  const type = result.response.headers.get('content-type') ?? '';
  try {
    JSON.parse(text);
  } catch (error) {
    // A file download is printed as it came; a page or broken JSON where the API answers JSON is no success.
    const html = /text\/html/i.test(type) || HTML_START.test(text);
    // The SDK's words for JSON lines (its InvalidResponseError, when a call reads them as JSON): the API's answer.
    // Told as the client tells it (typedError), by V8's words for a JSON value followed by more, not by parsing
    // every line again.
    if (!html && /json/i.test(type) && /after JSON at/.test((error as SyntaxError).message)) {
      throw new CliError(
        `${method} ${path} answered ${status} with a body that is not JSON (${type}); it is JSON lines (as bulk ` +
          'results are), one JSON value a line, which this command does not print as its answer: read them with ' +
          "readBulkRecords of cloud-elements-sdk/bulk, or the client's call with parseAs: 'text' or 'stream'.",
        EXIT.failed,
      );
    }
    if (html || /json/i.test(type)) {
      throw new CliError(
        `${method} ${path} answered ${status} with ${html ? 'an HTML page' : 'a body that is not JSON'} ` +
          `(${type || 'no content type'}), not the API's answer; is a proxy or a login page answering instead of Cloud Elements?`,
        EXIT.failed,
      );
    }
    ctx.stdout.write(bytes);
    return EXIT.ok;
  }
  let shown: string;
  try {
    shown = reindent(text);
  } catch {
    // Nested too deep to indent (the indents outgrow a string): printed as it came.
    shown = text;
  }
  ctx.stdout.write(`${shown}\n`);
  return EXIT.ok;
}

export const requestCommand: Command = { spec, run };
