// The docs site: the spec bundled once, each operation given its TypeScript sample (`x-codeSamples`) and its SDK
// call in the description (so the search finds it), the guides of docs-src/guides/ as sections, a link to the SDK
// reference (TypeDoc, docs/sdk/), then Redoc's offline page.
//
//   node scripts/site/site.mjs --out <dir>    writes <dir>/openapi.json and <dir>/index.html (the browser test)
//   node scripts/site/site.mjs --check        exit 1 when generated/samples/ is not what the spec gives
//
// `npm run generate` runs the same steps (scripts/generate.mjs) into generated/ and docs/.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readGuides } from './guides.mjs';
import { buildSamples, createResolver, listOperations } from './samples.mjs';

const ENTRY = 'spec/cloud-elements.yaml';

/**
 * Bundles the multi-file spec into one document with `@redocly/openapi-core` (the engine openapi-typescript uses),
 * in this process: `$ref`s to other files become `#/components/...`.
 */
export async function bundleSpec(root) {
  const { bundle, loadConfig } = await import('@redocly/openapi-core');
  const config = await loadConfig({ configPath: join(root, 'redocly.yaml') });
  const result = await bundle({ ref: join(root, ENTRY), config, dereference: false });
  const errors = result.problems.filter((problem) => problem.severity === 'error');
  if (errors.length > 0) {
    throw new Error(`bundling ${ENTRY} failed:\n${errors.map((problem) => problem.message).join('\n')}`);
  }
  return result.bundle.parsed;
}

/** Writes generated/samples/*.ts (and removes stale ones); returns the samples by operation. */
export function writeSamples(root, doc) {
  const { samples, files } = buildSamples(doc);
  const dir = join(root, 'generated/samples');
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(dir)) {
    if (!files.has(`samples/${name}`)) rmSync(join(dir, name));
  }
  for (const [file, text] of files) {
    const path = join(root, 'generated', file);
    if (!existsSync(path) || readFileSync(path, 'utf8') !== text) writeFileSync(path, text);
  }
  return samples;
}

/** The files of generated/samples/ that differ from what the spec gives now (missing, changed or extra). */
export function staleSamples(root, doc) {
  const { files } = buildSamples(doc);
  const dir = join(root, 'generated/samples');
  const present = existsSync(dir) ? readdirSync(dir).map((name) => `samples/${name}`) : [];
  const stale = present.filter((file) => !files.has(file));
  for (const [file, text] of files) {
    const path = join(root, 'generated', file);
    if (!existsSync(path) || readFileSync(path, 'utf8') !== text) stale.push(file);
  }
  return stale;
}

function isHubTag(doc, tag) {
  const ops = listOperations(doc).filter((op) => op.source === 'paths' && op.op.tags?.includes(tag));
  return (
    ops.length > 0 &&
    ops.every(
      (op) => op.name.startsWith('/hubs/') && (op.op.security ?? []).some((entry) => 'instanceAuth' in entry),
    )
  );
}

/**
 * The document the site shows: a copy of `doc` with each operation's `x-codeSamples` and SDK call, the guides as
 * sections (tags with `x-traitTag`), and the tags grouped (`x-tagGroups`): guides, platform, hubs, webhooks.
 */
export function decorate(doc, samples, guides) {
  const site = structuredClone(doc);
  const resolve = createResolver(site);
  for (const [key, sample] of samples) {
    const [source, method, ...name] = key.split(' ');
    const op = resolve(site[source][name.join(' ')])[method];
    op['x-codeSamples'] = [{ lang: 'TypeScript', label: 'TypeScript', source: sample.text }];
    op.description = `${(op.description ?? '').trimEnd()}\n\n**TypeScript SDK:** \`${sample.call}\``;
    // Redoc's panel offers only the payload for a webhook: its sample goes in the description.
    if (source === 'webhooks') op.description += `\n\n\`\`\`ts\n${sample.text}\`\`\`\n`;
  }
  const webhookTags = new Set(Object.values(site.webhooks ?? {}).flatMap((item) => item.post?.tags ?? []));
  const apiTags = (site.tags ?? []).map((tag) => tag.name);
  site.tags = [
    ...guides.map((guide) => ({ name: guide.title, 'x-traitTag': true, description: guide.body })),
    ...(site.tags ?? []),
  ];
  site['x-tagGroups'] = [
    { name: 'Guides', tags: guides.map((guide) => guide.title) },
    { name: 'Platform API', tags: apiTags.filter((tag) => !webhookTags.has(tag) && !isHubTag(doc, tag)) },
    { name: 'Hub API', tags: apiTags.filter((tag) => !webhookTags.has(tag) && isHubTag(doc, tag)) },
    { name: 'Webhooks', tags: apiTags.filter((tag) => webhookTags.has(tag)) },
  ];
  const guideList = guides.map((guide) => `*${guide.title}*`).join(', ');
  site.info.description =
    `${site.info.description.trimEnd()}\n\n` +
    '**The TypeScript SDK.** Every operation shows how to call it with `cloud-elements-sdk`, in a sample written ' +
    "from the spec's examples and type-checked with the SDK. The guides explain the rest: " +
    `${guideList}. The [SDK reference](sdk/index.html) documents the SDK's own API: \`createClient\` and its ` +
    'options, `paginate`, CEQL, the bulk helpers, the error classes, the webhook verifier and the emulator.\n';
  return site;
}

/** Runs `redocly build-docs` on `<outDir>/openapi.json` into `<outDir>/index.html`; resolves when it is written. */
export function buildDocs(root, outDir) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      join(root, 'node_modules/.bin/redocly'),
      ['build-docs', join(outDir, 'openapi.json'), '--inlineBundle', '--output', join(outDir, 'index.html')],
      { cwd: root, env: { ...process.env, REDOCLY_TELEMETRY: 'off', NO_COLOR: '1' } },
    );
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (status) =>
      status === 0 ? resolve() : reject(new Error(`redocly build-docs failed (exit ${status}):\n${output}`)),
    );
  });
}

/** Writes the decorated document to `<outDir>/openapi.json` and starts building the page from it. */
export function startSite(root, doc, samples, outDir) {
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'openapi.json'), JSON.stringify(decorate(doc, samples, readGuides(root))));
  return buildDocs(root, outDir);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const args = process.argv.slice(2);
  const doc = await bundleSpec(root);
  if (args.includes('--check')) {
    const stale = staleSamples(root, doc);
    if (stale.length > 0) {
      console.error(`✘ generated/ is stale: ${stale.join(', ')}; run \`npm run generate\``);
      process.exit(1);
    }
    console.log('✔ generated/samples/ matches the spec');
  } else {
    const out = args[args.indexOf('--out') + 1];
    if (!args.includes('--out') || !out)
      throw new Error('usage: node scripts/site/site.mjs --out <dir> | --check');
    const { samples } = buildSamples(doc);
    await startSite(root, doc, samples, out);
    console.log(`✔ built ${join(out, 'index.html')}`);
  }
}
