// The TypeScript sample of every operation, written from the bundled spec the way the README teaches the SDK:
// `ce.GET('/instances/{id}', { params: { path: { id } } })` with `unwrap`, `forInstance` for calls as an instance,
// `paginate` for lists that page, the bulk helpers, FormData for multipart uploads, the webhook verifier for what
// Cloud Elements sends. Values come from the spec's examples.
//
// Each sample exists twice, made from one text: as shown on the docs site (`x-codeSamples`, importing
// `cloud-elements-sdk`) and as a function of `generated/samples/<tag>.ts` (the same lines, importing `src/`),
// which `tsc -p .` type-checks against `generated/schema.d.ts`. A spec change that breaks a sample fails the build.
import { code, printCall, printFlat, printImport, printValue, quote, WIDTH } from './print.mjs';

export const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options'];

const SDK = 'cloud-elements-sdk';
const SDK_OAUTH = 'cloud-elements-sdk/oauth';
const SDK_BULK = 'cloud-elements-sdk/bulk';
const SDK_WEBHOOKS = 'cloud-elements-sdk/webhooks';

/** Where each import of a sample points in the type-checked module under `generated/samples/`. */
export const SAMPLE_IMPORTS = {
  [SDK]: '../../src/index.js',
  [SDK_OAUTH]: '../../src/oauth.js',
  [SDK_BULK]: '../../src/bulk.js',
  [SDK_WEBHOOKS]: '../../src/webhooks.js',
  'cloud-elements-sdk/node': '../../src/node.js',
};

// Names a sample may not give a variable: JavaScript's reserved words and what samples already use.
const TAKEN = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if implements import in instanceof interface let new null package private protected public return ' +
    'static super switch this throw true try typeof var void while with yield await arguments eval ' +
    'ce process console form'
  ).split(' '),
);

// ---- reading the bundled spec ------------------------------------------------------------------------------

/** Follows local `$ref`s (`#/components/...`) of a bundled document. */
export function createResolver(doc) {
  return function resolve(node) {
    for (let hops = 0; node && typeof node === 'object' && typeof node.$ref === 'string'; hops++) {
      if (!node.$ref.startsWith('#/') || hops > 64) throw new Error(`cannot follow $ref ${node.$ref}`);
      node = node.$ref
        .slice(2)
        .split('/')
        .map((part) => decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~'))
        .reduce((parent, part) => parent?.[part], doc);
    }
    return node;
  };
}

/**
 * Every operation of the document, paths first then webhooks, each with its parameters (path-level and
 * operation-level merged) resolved.
 */
export function listOperations(doc) {
  const resolve = createResolver(doc);
  const operations = [];
  for (const source of ['paths', 'webhooks']) {
    for (const [name, rawItem] of Object.entries(doc[source] ?? {})) {
      const item = resolve(rawItem);
      for (const method of METHODS) {
        const op = item?.[method];
        if (!op) continue;
        const params = new Map();
        for (const raw of [...(item.parameters ?? []), ...(op.parameters ?? [])]) {
          const param = resolve(raw);
          params.set(`${param.in}:${param.name}`, param);
        }
        operations.push({ source, name, method, op, params: [...params.values()] });
      }
    }
  }
  return operations;
}

/** A file-name-safe slug of a tag: `Hub common` → `hub-common`. */
export function tagSlug(tag) {
  return tag
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

// ---- one sample ----------------------------------------------------------------------------------------------

class Sample {
  constructor() {
    /** @type {Map<string, Set<string>>} */
    this.imports = new Map();
    this.setup = [];
    this.body = [];
    this.names = new Set(TAKEN);
    /** How the site and its search name the call, e.g. `crm.GET('/hubs/crm/contacts/{id}', …)`. */
    this.call = '';
  }

  use(specifier, name) {
    const names = this.imports.get(specifier) ?? new Set();
    names.add(name);
    this.imports.set(specifier, names);
    this.names.add(name);
    return name;
  }

  /** A fresh variable name close to `wanted`. */
  name(wanted) {
    let name = /^[A-Za-z_$][\w$]*$/.test(wanted) ? wanted : 'result';
    if (this.names.has(name)) name = `${name}Result`;
    for (let n = 2; this.names.has(name); n++) name = `${wanted}${n}`;
    this.names.add(name);
    return name;
  }

  line(text = '') {
    this.body.push(text);
  }

  /** The sample as the docs site shows it: imports, client setup, the call. */
  text() {
    const specifiers = [...this.imports.keys()].sort((a, b) => {
      const rank = (s) => (s.startsWith('node:') ? 0 : 1);
      return rank(a) - rank(b) || a.localeCompare(b);
    });
    const imports = specifiers.map((specifier) => printImport(this.imports.get(specifier), specifier));
    const parts = [imports.join('\n')];
    if (this.setup.length > 0) parts.push(this.setup.join('\n'));
    parts.push(this.body.join('\n'));
    return `${parts.join('\n\n')}\n`;
  }
}

function platformClient(sample) {
  sample.use(SDK, 'createClient');
  sample.setup.push(
    'const ce = createClient({',
    '  userSecret: process.env.CE_USER_SECRET!,',
    '  organizationSecret: process.env.CE_ORGANIZATION_SECRET!,',
    '});',
  );
  return 'ce';
}

function instanceClient(sample, name) {
  platformClient(sample);
  const client = sample.name(name);
  sample.setup.push("// Calls as one instance: adds 'Element <token>' to the Authorization header.");
  sample.setup.push(`const ${client} = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);`);
  return client;
}

// ---- values from the spec's examples ----------------------------------------------------------------------

function firstExample(resolve, holder) {
  if (!holder) return undefined;
  if (holder.example !== undefined) return { value: holder.example };
  const examples = holder.examples;
  if (examples && typeof examples === 'object' && !Array.isArray(examples)) {
    const first = Object.values(examples)[0];
    if (first !== undefined) return { value: resolve(first)?.value };
  }
  return undefined;
}

function schemaExample(resolve, schema) {
  const s = resolve(schema);
  if (!s || typeof s !== 'object') return undefined;
  if (s.example !== undefined) return { value: s.example };
  if (Array.isArray(s.examples) && s.examples.length > 0) return { value: s.examples[0] };
  if (s.default !== undefined) return { value: s.default };
  if (s.const !== undefined) return { value: s.const };
  if (Array.isArray(s.enum) && s.enum.length > 0) return { value: s.enum[0] };
  return undefined;
}

function parameterValue(resolve, param) {
  const found = firstExample(resolve, param) ?? schemaExample(resolve, param.schema);
  if (found) return found.value;
  const type = resolve(param.schema)?.type;
  const types = Array.isArray(type) ? type : [type];
  if (types.includes('integer') || types.includes('number')) return 12;
  if (types.includes('boolean')) return true;
  return param.name;
}

/** Whether every form of `schema` declares `property` (so `value.property` type-checks). */
function declares(resolve, schema, property, depth = 0) {
  const s = resolve(schema);
  if (!s || typeof s !== 'object' || depth > 8) return false;
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  if (types.includes('null')) return false;
  for (const key of ['oneOf', 'anyOf']) {
    if (Array.isArray(s[key]) && !s[key].every((alt) => declares(resolve, alt, property, depth + 1))) {
      return false;
    }
  }
  if (s.properties && Object.hasOwn(s.properties, property)) return true;
  if (Array.isArray(s.allOf) && s.allOf.some((part) => declares(resolve, part, property, depth + 1)))
    return true;
  for (const key of ['oneOf', 'anyOf']) {
    if (Array.isArray(s[key]) && s[key].length > 0) return true;
  }
  return false;
}

function isArraySchema(resolve, schema) {
  const s = resolve(schema);
  if (!s) return false;
  const types = Array.isArray(s.type) ? s.type : [s.type];
  return types.includes('array') && !types.includes('null');
}

/** The success answer: its status, its JSON schema (if JSON) and how openapi-fetch should read it. */
function successOf(resolve, op) {
  const codes = Object.keys(op.responses ?? {})
    .filter((status) => /^2/.test(status))
    .sort();
  const schemas = [];
  let parseAs = 'json';
  let content = false;
  for (const status of codes) {
    const response = resolve(op.responses[status]);
    const types = Object.keys(response?.content ?? {});
    if (types.length === 0) continue;
    content = true;
    const json = types.find((type) => /json/.test(type));
    if (json) schemas.push(response.content[json].schema);
    else if (types.every((type) => type === 'text/csv' || type.startsWith('text/'))) parseAs = 'text';
    else parseAs = 'blob';
  }
  if (schemas.length > 0) parseAs = 'json';
  return { content, schemas, parseAs };
}

// ---- naming ------------------------------------------------------------------------------------------------

const GENERIC_PARAMS = new Set(['objectName', 'objectId', 'childObjectName']);

function camel(text) {
  return text.replace(/[-_ ]+([a-zA-Z0-9])/g, (_, c) => c.toUpperCase()).replace(/[^A-Za-z0-9_$]/g, '');
}

function singular(word) {
  if (/(us|is|ss|ata|ics)$/.test(word)) return word;
  if (/ies$/.test(word)) return word.replace(/ies$/, 'y');
  if (/(ss|x|ch|sh)es$/.test(word)) return word.replace(/es$/, '');
  if (/s$/.test(word)) return word.replace(/s$/, '');
  return word;
}

/** A variable name for what `path` answers: `contact` for `/hubs/crm/contacts/{id}`, `contacts` for a list. */
function resourceName(path, { many }) {
  const segments = path.split('/').filter(Boolean);
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i];
    const param = /^\{(.+)\}$/.exec(segment)?.[1];
    if (param !== undefined) {
      if (GENERIC_PARAMS.has(param)) return many ? 'records' : 'record';
      continue;
    }
    if (segment === 'hubs') break;
    const word = camel(segment);
    return many ? word : singular(word);
  }
  return many ? 'results' : 'result';
}

// ---- CEQL --------------------------------------------------------------------------------------------------

function templateText(text) {
  return text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
}

/** `lastName='Smith'` → ceql`lastName=${'Smith'}`: the README's safe way to put values into CEQL. */
function ceqlTemplate(where) {
  let out = '';
  let last = 0;
  for (const match of where.matchAll(/'((?:[^']|'')*)'/g)) {
    out += templateText(where.slice(last, match.index));
    out += `\${${quote(match[1].replace(/''/g, "'"))}}`;
    last = match.index + match[0].length;
  }
  out += templateText(where.slice(last));
  return `ceql\`${out}\``;
}

/** The fields a CEQL condition names (`lastName='Smith' AND createdDate>'…'` → lastName, createdDate). */
function ceqlFields(where) {
  const withoutValues = where.replace(/'((?:[^']|'')*)'/g, "''");
  return [...withoutValues.matchAll(/([A-Za-z_][\w.]*)\s*(?:=|!=|<>|>=|<=|>|<|\s(?:like|in|is)\b)/gi)].map(
    (m) => m[1],
  );
}

// ---- statements --------------------------------------------------------------------------------------------

/** `const name = await unwrap(call);` (or `await unwrap(call);` without a name), broken like prettier does. */
function awaitUnwrap(sample, name, callee, args) {
  sample.use(SDK, 'unwrap');
  const lead = name ? `const ${name} = await unwrap(` : 'await unwrap(';
  const flat = args.map(printFlat);
  if (!flat.includes(undefined)) {
    const line = `${lead}${callee}(${flat.join(', ')}));`;
    if (line.length <= WIDTH) return sample.line(line);
  }
  sample.line(`${lead}\n  ${printCall(callee, args, '  ', 2, ',')},\n);`);
}

/** `const name = await helper(args);` */
function awaitHelper(sample, name, callee, args, awaited = true) {
  const lead = `${name ? `const ${name} = ` : ''}${awaited ? 'await ' : ''}`;
  sample.line(`${lead}${printCall(callee, args, '', lead.length, ';')};`);
}

function forAwait(sample, item, callee, args, bodyLines) {
  const lead = `for await (const ${item} of `;
  sample.line(`${lead}${printCall(callee, args, '', lead.length, ') {')}) {`);
  for (const line of bodyLines) sample.line(`  ${line}`);
  sample.line('}');
}

function logLine(resolve, name, schemas) {
  if (schemas.length > 0 && schemas.every((schema) => declares(resolve, schema, 'id'))) {
    return `console.log(${name}.id);`;
  }
  return `console.log(${name});`;
}

function clientFor(sample, resolve, operation, pathValues) {
  const security = operation.op.security;
  const schemes = new Set((security ?? []).flatMap((entry) => Object.keys(entry)));
  if (!schemes.has('instanceAuth')) return platformClient(sample);
  const hub = /^\/hubs\/([^/{}]+)\//.exec(operation.name)?.[1];
  const name = hub ?? (typeof pathValues.hub === 'string' ? pathValues.hub : 'connected');
  return instanceClient(sample, camel(name));
}

function pathValuesOf(resolve, operation) {
  const values = {};
  for (const param of operation.params) {
    if (param.in === 'path') values[param.name] = parameterValue(resolve, param);
  }
  return values;
}

/** The call's options: path and required query parameters, the body, how to read the answer. */
function requestInit(resolve, operation, { paged, listSchema, parseAs }) {
  const path = {};
  const query = {};
  const headers = {};
  let pageSize;
  for (const param of operation.params) {
    const value = parameterValue(resolve, param);
    if (param.in === 'path') path[param.name] = value;
    else if (param.in === 'query' && param.required) query[param.name] = value;
    else if (param.in === 'header' && param.required) headers[param.name] = value;
    else if (paged && param.in === 'query' && param.name === 'pageSize') pageSize = value;
    else if (paged && param.in === 'query' && param.name === 'where' && typeof value === 'string') {
      // The spec's example condition, kept to the parts whose fields this list's records declare.
      const item = resolve(resolve(listSchema)?.items);
      const kept = value
        .split(/\s+AND\s+/i)
        .filter((part) => ceqlFields(part).every((field) => declares(resolve, item, field.split('.')[0])));
      if (kept.length > 0) query.where = code(`${ceqlTemplate(kept.join(' AND '))}.text`);
    }
  }
  const init = {};
  const params = {};
  if (Object.keys(path).length > 0) params.path = path;
  if (Object.keys(query).length > 0) params.query = query;
  if (Object.keys(params).length > 0) init.params = params;
  if (Object.keys(headers).length > 0) init.headers = headers;
  if (parseAs !== 'json') init.parseAs = parseAs;
  return { init, pageSize, usesCeql: query.where !== undefined };
}

function jsonBody(resolve, operation) {
  const body = resolve(operation.op.requestBody);
  if (!body?.content) return undefined;
  const type = Object.keys(body.content).find((t) => /json/.test(t));
  if (!type) return undefined;
  const media = body.content[type];
  const found = firstExample(resolve, media) ?? schemaExample(resolve, media.schema);
  if (found) return found;
  return body.required ? { value: {} } : undefined;
}

function multipartOf(resolve, operation) {
  const body = resolve(operation.op.requestBody);
  const media = body?.content?.['multipart/form-data'];
  if (!media) return undefined;
  return { media, example: firstExample(resolve, media)?.value ?? {} };
}

/** The standard sample: one typed call of the client, through `unwrap`, or `paginate` for a list that pages. */
function standardSample(sample, resolve, operation) {
  const { op, method, name: path } = operation;
  const pathValues = pathValuesOf(resolve, operation);
  const client = clientFor(sample, resolve, operation, pathValues);
  const success = successOf(resolve, op);
  const listSchema = success.schemas.length === 1 ? success.schemas[0] : undefined;
  const paged =
    method === 'get' &&
    operation.params.some((p) => p.in === 'query' && p.name === 'nextPage') &&
    listSchema !== undefined &&
    isArraySchema(resolve, listSchema);
  const { init, pageSize, usesCeql } = requestInit(resolve, operation, {
    paged,
    listSchema,
    parseAs: success.parseAs,
  });
  if (usesCeql) sample.use(SDK, 'ceql');
  const METHOD = method.toUpperCase();

  if (paged) {
    sample.use(SDK, 'paginate');
    const item = sample.name(resourceName(path, { many: false }));
    if (pageSize !== undefined) init.pageSize = pageSize;
    const args = [code(client), path];
    if (Object.keys(init).length > 0) args.push(init);
    sample.line('// Every page, one record at a time (follows Elements-Next-Page-Token).');
    const itemSchema = resolve(listSchema).items;
    forAwait(sample, item, 'paginate', args, [logLine(resolve, item, itemSchema ? [itemSchema] : [])]);
    sample.call = `paginate(${client}, '${path}', …)`;
    return;
  }

  const multipart = multipartOf(resolve, operation);
  if (multipart) {
    multipartUpload(sample, resolve, operation, init, multipart);
  } else {
    const body = jsonBody(resolve, operation);
    if (body) init.body = body.value;
  }
  const args = [path];
  if (Object.keys(init).length > 0) args.push(init);
  const callee = `${client}.${METHOD}`;
  if (!success.content) {
    awaitUnwrap(sample, undefined, callee, args);
  } else {
    const many = success.schemas.length > 0 && success.schemas.every((s) => isArraySchema(resolve, s));
    const result = sample.name(success.parseAs === 'blob' ? 'file' : resourceName(path, { many }));
    awaitUnwrap(sample, result, callee, args);
    if (success.parseAs === 'blob') sample.line(`console.log(${result}.size, ${result}.type);`);
    else if (success.parseAs === 'text') sample.line(`console.log(${result});`);
    else if (many) sample.line(`console.log(${result}.length);`);
    else sample.line(logLine(resolve, result, success.schemas));
  }
  sample.call = `${callee}('${path}'${args.length > 1 ? ', …' : ''})`;
}

/** A multipart upload: the parts as FormData, the body the client's types take for a form (and send as it is). */
function multipartUpload(sample, resolve, operation, init, { example }) {
  const pathParam = operation.params.find((p) => p.in === 'query' && p.name === 'path');
  const pathValue = pathParam ? String(parameterValue(resolve, pathParam)) : undefined;
  sample.line('const form = new FormData();');
  for (const [part, value] of Object.entries(example)) {
    if (typeof value === 'string' && part === 'file') {
      const binary = /^(\S+\.\w+) \(binary\)$/.exec(value)?.[1];
      if (binary) {
        sample.use('node:fs', 'openAsBlob');
        const blob = code(`await openAsBlob(${quote(binary)})`);
        sample.line(`${printCall('form.append', ['file', blob, binary], '', 0, ';')};`);
      } else {
        const fileName = pathValue?.split('/').pop() || 'hello.txt';
        const blob = code(`new Blob([${quote(value)}])`);
        sample.line(`${printCall('form.append', ['file', blob, fileName], '', 0, ';')};`);
      }
    } else {
      const json = `new Blob([JSON.stringify(${printFlat(value)})], { type: 'application/json' })`;
      sample.line(`form.append(${quote(part)}, ${json});`);
    }
  }
  init.body = code('form');
}

// ---- samples that use a helper of the SDK --------------------------------------------------------------------

function bulkRef(resolve, operation, sample) {
  const values = pathValuesOf(resolve, operation);
  const client = clientFor(sample, resolve, operation, values);
  const ref = { hub: values.hub };
  if (values.id !== undefined) ref.jobId = values.id;
  return { client, ref, values };
}

/** `select * from contacts where lastName='Smith'` → formatBulkQuery({ from: 'contacts', where: ceql`…` }). */
function bulkQueryCode(sample, q) {
  const match = /^select\s+(.+?)\s+from\s+(\w+)(?:\s+where\s+(.+))?$/i.exec(q.trim());
  if (!match) return q;
  sample.use(SDK, 'formatBulkQuery');
  const options = { from: match[2] };
  if (match[1].trim() !== '*') options.fields = match[1].split(',').map((f) => f.trim());
  if (match[3]) {
    sample.use(SDK, 'ceql');
    options.where = code(ceqlTemplate(match[3]));
  }
  return code(`formatBulkQuery(${printFlat(options)})`);
}

const HELPERS = {
  'post /hubs/{hub}/bulk/query'(sample, resolve, operation) {
    const { client, ref } = bulkRef(resolve, operation, sample);
    const qParam = operation.params.find((p) => p.name === 'q');
    const q = qParam ? String(parameterValue(resolve, qParam)) : 'select * from contacts';
    sample.use(SDK_BULK, 'startBulkQuery');
    const job = sample.name('job');
    awaitHelper(sample, job, 'startBulkQuery', [code(client), { ...ref, query: bulkQueryCode(sample, q) }]);
    sample.line(`console.log(${job}.id, ${job}.status);`);
    sample.line('// Then waitForBulkJob(…) and readBulkRecords(…) with the job id.');
    sample.call = `startBulkQuery(${client}, …)`;
  },
  'post /hubs/{hub}/bulk/{objectName}'(sample, resolve, operation) {
    const { client, ref, values } = bulkRef(resolve, operation, sample);
    const { example } = multipartOf(resolve, operation) ?? { example: {} };
    const type = /^\s*[[{]/.test(String(example.file ?? '')) ? 'application/json' : 'text/csv';
    sample.use(SDK_BULK, 'uploadBulkRecords');
    const options = { ...ref, objectName: values.objectName };
    options.file = code(`new Blob([${quote(String(example.file ?? ''))}], { type: '${type}' })`);
    if (example.metaData !== undefined) options.metaData = example.metaData;
    sample.line('// Streamed as multipart, never held in memory whole; on Node,');
    sample.line('// uploadBulkFile (cloud-elements-sdk/node) streams a file from its path.');
    const job = sample.name('job');
    awaitHelper(sample, job, 'uploadBulkRecords', [code(client), options]);
    sample.line(`console.log(${job}.id, ${job}.status);`);
    sample.call = `uploadBulkRecords(${client}, …)`;
  },
  'get /hubs/{hub}/bulk/{id}/status'(sample, resolve, operation) {
    const { client, ref } = bulkRef(resolve, operation, sample);
    sample.use(SDK_BULK, 'getBulkJobStatus');
    const status = sample.name('status');
    awaitHelper(sample, status, 'getBulkJobStatus', [code(client), ref]);
    sample.line(`console.log(${status}.status, ${status}.recordsCount);`);
    sample.line('// Or wait until it ends: await waitForBulkJob(…) with the same options.');
    sample.call = `getBulkJobStatus(${client}, …)`;
  },
  'get /hubs/{hub}/bulk/{id}/errors'(sample, resolve, operation) {
    const { client, ref } = bulkRef(resolve, operation, sample);
    sample.use(SDK_BULK, 'listBulkJobErrors');
    const failed = sample.name('failed');
    forAwait(sample, failed, 'listBulkJobErrors', [code(client), ref], [`console.log(${failed});`]);
    sample.call = `listBulkJobErrors(${client}, …)`;
  },
  'put /hubs/{hub}/bulk/{id}/cancel'(sample, resolve, operation) {
    const { client, ref } = bulkRef(resolve, operation, sample);
    sample.use(SDK_BULK, 'cancelBulkJob');
    awaitHelper(sample, undefined, 'cancelBulkJob', [code(client), ref]);
    sample.call = `cancelBulkJob(${client}, …)`;
  },
  'get /hubs/{hub}/bulk/{id}/{objectName}'(sample, resolve, operation) {
    const { client, ref, values } = bulkRef(resolve, operation, sample);
    sample.use(SDK_BULK, 'readBulkRecords');
    const record = sample.name('record');
    sample.line('// Parsed as the bytes arrive; downloadBulkResults(…) gives the raw stream.');
    forAwait(
      sample,
      record,
      'readBulkRecords',
      [code(client), { ...ref, objectName: values.objectName }],
      [`console.log(${record});`],
    );
    sample.call = `readBulkRecords(${client}, …)`;
  },
  'get /elements/{keyOrId}/oauth/url'(sample, resolve, operation) {
    const client = platformClient(sample);
    const value = (name) => {
      const param = operation.params.find((p) => p.name === name);
      return param ? parameterValue(resolve, param) : undefined;
    };
    sample.use(SDK_OAUTH, 'defineOAuthApp');
    sample.use(SDK_OAUTH, 'startOAuth');
    const settings = {
      apiKey: value('apiKey'),
      apiSecret: value('apiSecret'),
      callbackUrl: value('callbackUrl'),
    };
    sample.names.add('app');
    sample.line('// Your provider app, the same in the start and the finish.');
    awaitHelper(sample, 'app', 'defineOAuthApp', [settings], false);
    sample.line("// Redirect the user's browser to `url`; keep `state` in their session.");
    sample.line('// Then readOAuthCallback(…) and finishOAuth(…) create the instance.');
    awaitHelper(sample, '{ url, state }', 'startOAuth', [
      code(client),
      code('app'),
      { elementKey: value('keyOrId') },
    ]);
    sample.call = `startOAuth(${client}, app, …)`;
  },
  'post /authentication'(sample, resolve) {
    loginSample(sample, resolve);
  },
  'get /authentication/secrets'(sample, resolve) {
    loginSample(sample, resolve);
  },
};

/** Logging in with a username and password, then reading the secrets: both calls of the flow. */
function loginSample(sample, resolve) {
  const doc = sample.doc;
  const login = jsonBody(resolve, {
    op: doc.paths['/authentication'].post,
  })?.value ?? { username: 'jane@example.com', password: 'S3cure-Passw0rd' };
  sample.use(SDK, 'createClient');
  sample.use(SDK, 'unwrap');
  sample.line("// No secrets yet: each call replaces the client's Authorization header.");
  sample.line("const login = createClient({ userSecret: 'none' });");
  awaitUnwrap(sample, '{ token }', 'login.POST', [
    '/authentication',
    { body: login, headers: { Authorization: null } },
  ]);
  awaitUnwrap(sample, '{ userSecret, organizationSecret }', 'login.GET', [
    '/authentication/secrets',
    { headers: { Authorization: code('`Bearer ${token}`') } },
  ]);
  sample.line('const ce = createClient({ userSecret, organizationSecret });');
  sample.names.add('login');
  sample.call = "login.POST('/authentication', …); login.GET('/authentication/secrets', …)";
}

/** What Cloud Elements sends: verify the signature over the raw body, handle each delivery once. */
function webhookSample(sample, resolve, operation) {
  const schemaRef = resolve(operation.op.requestBody)?.content?.['application/json']?.schema?.$ref ?? '';
  const type = schemaRef.split('/').pop();
  const names = [
    'createReplayGuard',
    'createWebhookVerifier',
    'parseWebhookRequest',
    'WebhookVerificationError',
  ];
  for (const name of names) sample.use(SDK_WEBHOOKS, name);
  sample.setup.push(
    "// The instance's event.notification.signature.key (an array while rotating).",
    'const verifier = createWebhookVerifier({',
    '  key: process.env.CE_WEBHOOK_KEY!,',
    '  replayGuard: createReplayGuard(),',
    '});',
  );
  let handler;
  if (type === 'EventNotificationBody') {
    sample.use(SDK_WEBHOOKS, 'isEventNotification');
    handler = [
      '    if (!isEventNotification(payload)) return;',
      '    for (const event of payload.message.events ?? []) {',
      '      console.log(event.eventType, event.objectType, event.objectId);',
      '    }',
    ];
  } else if (type === 'AsyncEventNotification') {
    sample.use(SDK_WEBHOOKS, 'isAsyncEventNotification');
    handler = [
      '    if (!isAsyncEventNotification(payload)) return;',
      '    console.log(payload.eventId, payload.response);',
    ];
  } else {
    sample.use(SDK_WEBHOOKS, 'BulkJobCallback');
    handler = [
      '    // The body is a trigger: read the job with getBulkJobStatus(…).',
      '    console.log(payload);',
    ];
  }
  const generic = type === 'BulkJobCallback' ? '<BulkJobCallback>' : '';
  sample.line('// A fetch-style handler (Next.js, Hono, Deno, Bun, workers); on Node use');
  sample.line('// parseNodeWebhookRequest (cloud-elements-sdk/node) takes an IncomingMessage.');
  sample.line('async function receive(request: Request): Promise<Response> {');
  sample.line('  try {');
  sample.line(`    await parseWebhookRequest${generic}(request, verifier, async ({ payload }) => {`);
  for (const line of handler) sample.line(`  ${line}`);
  sample.line('    });');
  sample.line('    return new Response(null, { status: 200 }); // a duplicate too');
  sample.line('  } catch (error) {');
  sample.line('    const status = error instanceof WebhookVerificationError ? 401 : 500;');
  sample.line('    return new Response(null, { status });');
  sample.line('  }');
  sample.line('}');
  sample.call = 'parseWebhookRequest(request, verifier, handler)';
}

function importTypeFix(sample) {
  // Types are imported with `import type` under verbatimModuleSyntax.
  const names = sample.imports.get(SDK_WEBHOOKS);
  if (names?.has('BulkJobCallback')) {
    names.delete('BulkJobCallback');
    names.add('type BulkJobCallback');
  }
}

/** The sample of one operation: `{ text, call }`. */
export function sampleFor(doc, operation) {
  const resolve = createResolver(doc);
  const sample = new Sample();
  sample.doc = doc;
  const helper = HELPERS[`${operation.method} ${operation.name}`];
  if (operation.source === 'webhooks') webhookSample(sample, resolve, operation);
  else if (helper) helper(sample, resolve, operation);
  else standardSample(sample, resolve, operation);
  importTypeFix(sample);
  return { text: sample.text(), call: sample.call };
}

// ---- all samples, and the type-checked modules ----------------------------------------------------------------

const importPattern = /^import\s*\{([^}]*)\}\s*from\s*'([^']+)';\n/;

/**
 * The function of the type-checked module made from a sample's text: its imports taken off the top (collected
 * into `imports`), every other line kept as it is, indented into the function.
 */
export function toCheckedFunction(text, functionName, comment, imports) {
  let rest = text;
  for (let match = importPattern.exec(rest); match; match = importPattern.exec(rest)) {
    const names = imports.get(match[2]) ?? new Set();
    for (const name of match[1].split(',')) if (name.trim()) names.add(name.trim());
    imports.set(match[2], names);
    rest = rest.slice(match[0].length);
  }
  const body = rest
    .replace(/^\n+/, '')
    .replace(/\n+$/, '')
    .split('\n')
    .map((line) => (line === '' ? '' : `  ${line}`))
    .join('\n');
  return `/** ${comment} */\nexport async function ${functionName}(): Promise<void> {\n${body}\n}\n`;
}

/**
 * Every operation's sample, and the modules of `generated/samples/` (one per tag) that type-check them.
 * @returns {{ samples: Map<string, {text: string, call: string, tag: string, functionName: string, file: string}>,
 *   files: Map<string, string> }} samples keyed by `<source> <method> <name>`, files by path under `generated/`
 */
export function buildSamples(doc) {
  const samples = new Map();
  const byFile = new Map();
  const functionNames = new Set();
  for (const operation of listOperations(doc)) {
    const tag = operation.op.tags?.[0] ?? 'Other';
    const file = `samples/${tagSlug(tag)}.ts`;
    let functionName = /^[A-Za-z_$][\w$]*$/.test(operation.op.operationId ?? '')
      ? operation.op.operationId
      : camel(`${operation.method} ${operation.name.replace(/[{}]/g, '')}`.replace(/\//g, ' '));
    while (functionNames.has(functionName)) functionName += '_';
    functionNames.add(functionName);
    const { text, call } = sampleFor(doc, operation);
    // A sample may import an SDK function of the same name (getBulkJobStatus): the function takes a suffix.
    if (new RegExp(`\\b${functionName}\\b`).test(text.split('\n\n')[0])) {
      functionNames.delete(functionName);
      functionName += 'Sample';
      functionNames.add(functionName);
    }
    const key = `${operation.source} ${operation.method} ${operation.name}`;
    samples.set(key, { text, call, tag, functionName, file });
    const entry = byFile.get(file) ?? { tag, imports: new Map(), functions: [] };
    const what = operation.source === 'webhooks' ? `webhook ${operation.name}` : operation.name;
    const comment = `${operation.method.toUpperCase()} ${what}: ${operation.op.summary ?? ''}`.trim();
    entry.functions.push(
      toCheckedFunction(text, functionName, comment.replace(/\*\//g, '*\\/'), entry.imports),
    );
    byFile.set(file, entry);
  }
  const files = new Map();
  for (const [file, { tag, imports, functions }] of byFile) {
    const lines = [
      `// The TypeScript samples of the operations tagged "${tag}", as the docs site shows them, one function`,
      '// each with the imports hoisted. Written by `npm run generate` (scripts/site/samples.mjs) from the spec;',
      '// do not edit. `tsc -p .` type-checks them against the SDK and generated/schema.d.ts.',
    ];
    for (const [specifier, names] of [...imports].sort(([a], [b]) => a.localeCompare(b))) {
      const target = SAMPLE_IMPORTS[specifier] ?? specifier;
      lines.push(printImport(names, target));
    }
    files.set(file, `${lines.join('\n')}\n\n${functions.join('\n')}`);
  }
  files.set(
    'samples/index.ts',
    `// Every sample module (see scripts/site/samples.mjs). Written by \`npm run generate\`; do not edit.\n${[
      ...byFile.keys(),
    ]
      .sort()
      .map((file) => {
        const base = file.replace(/^samples\//, './').replace(/\.ts$/, '.js');
        return `export * as ${camel(base.slice(2, -3))} from '${base}';`;
      })
      .join('\n')}\n`,
  );
  return { samples, files };
}
