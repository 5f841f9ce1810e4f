// The guides of the docs site (docs-src/guides/*.md) and the README share their examples: the guides are the
// source. Each ```ts block of the README that belongs to a guide (every block of every guide does) follows a
// marker line
//
//   <!-- example: docs-src/guides/<guide>.md -->
//
// and must equal, in order, the guide's ```ts blocks. `test/docs-guides.test.ts` fails when they differ (and
// `test/readme.test.ts` runs and type-checks the README's blocks, hence the guides'); after editing a guide's
// example, `npm run docs:readme` copies the guides' blocks into the README.
//
//   node scripts/site/guides.mjs --check   exit 1 and say what differs
//   node scripts/site/guides.mjs --write   rewrite the README's marked blocks from the guides
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const GUIDES_DIR = 'docs-src/guides';
const MARKER = /^<!-- example: (docs-src\/guides\/[\w.-]+\.md) -->\n\n?```ts\n([\s\S]*?)```/gm;
const BLOCK = /^```ts\n([\s\S]*?)```/gm;

/**
 * The guides in file-name order: `{ file, slug, title, body, examples }`, the title from the first `# ` line and
 * the body the markdown after it.
 */
export function readGuides(root) {
  const dir = join(root, GUIDES_DIR);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => {
      const text = readFileSync(join(dir, name), 'utf8');
      const title = /^# (.+)$/m.exec(text)?.[1]?.trim();
      if (!title) throw new Error(`${GUIDES_DIR}/${name} must start with a "# Title" line`);
      const body = text.slice(text.indexOf('\n', text.indexOf(`# ${title}`)) + 1).replace(/^\n+/, '');
      const examples = [...text.matchAll(BLOCK)].map((match) => match[1]);
      return {
        file: `${GUIDES_DIR}/${name}`,
        slug: name.replace(/^\d+-/, '').replace(/\.md$/, ''),
        title,
        body,
        examples,
      };
    });
}

/** The README's marked blocks, in order: `{ file, code, index, length }` (`index` where the code starts). */
export function readmeExamples(readme) {
  return [...readme.matchAll(MARKER)].map((match) => ({
    file: match[1],
    code: match[2],
    index: match.index + match[0].length - 3 - match[2].length,
    length: match[2].length,
  }));
}

/** What differs between the README and the guides, as sentences; empty when they agree. */
export function compareReadme(root) {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const guides = readGuides(root);
  const marked = readmeExamples(readme);
  const problems = [];
  for (const guide of guides) {
    const inReadme = marked.filter((block) => block.file === guide.file).map((block) => block.code);
    if (inReadme.length !== guide.examples.length) {
      problems.push(
        `${guide.file} has ${guide.examples.length} \`\`\`ts blocks, README.md shows ${inReadme.length} of it.`,
      );
    }
    inReadme.forEach((code, i) => {
      if (guide.examples[i] !== undefined && guide.examples[i] !== code) {
        problems.push(`README.md's example ${i + 1} of ${guide.file} differs from the guide's.`);
      }
    });
  }
  for (const block of marked) {
    if (!guides.some((guide) => guide.file === block.file))
      problems.push(`README.md names ${block.file}, which does not exist.`);
  }
  return problems;
}

/** Rewrites the README's marked blocks with the guides' examples (the n-th block of a guide ← its n-th example). */
export function writeReadme(root) {
  const path = join(root, 'README.md');
  const readme = readFileSync(path, 'utf8');
  const guides = new Map(readGuides(root).map((guide) => [guide.file, guide]));
  const seen = new Map();
  let out = '';
  let last = 0;
  for (const block of readmeExamples(readme)) {
    const n = seen.get(block.file) ?? 0;
    seen.set(block.file, n + 1);
    const code = guides.get(block.file)?.examples[n];
    if (code === undefined)
      throw new Error(`README.md's example ${n + 1} of ${block.file} has no counterpart in the guide`);
    out += readme.slice(last, block.index) + code;
    last = block.index + block.length;
  }
  out += readme.slice(last);
  if (out !== readme) writeFileSync(path, out);
  return out !== readme;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  if (process.argv.includes('--write')) {
    console.log(
      writeReadme(root)
        ? '✔ README.md examples copied from docs-src/guides'
        : '✔ README.md already matches docs-src/guides',
    );
  } else {
    const problems = compareReadme(root);
    for (const problem of problems) console.error(`✘ ${problem}`);
    if (problems.length > 0) {
      console.error('Edit the example in docs-src/guides/, then run `npm run docs:readme`.');
      process.exit(1);
    }
    console.log('✔ README.md examples match docs-src/guides');
  }
}
