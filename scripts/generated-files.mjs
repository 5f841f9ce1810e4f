// The command line every generator of generated/ shares: `node scripts/<x>.mjs` writes its files, `--check` fails
// (exit 1) when one is missing or differs from what the spec gives now, which is how `npm run generate:check` keeps
// generated/ in step with spec/.
import { readFileSync, writeFileSync } from 'node:fs';

/** Writes `texts[kind]` to `files[kind]` for each kind of `files`. */
export function writeFiles(files, texts) {
  for (const kind of Object.keys(files)) writeFileSync(files[kind], texts[kind]);
}

/**
 * Writes `texts[kind]` to `files[kind]` for each kind, or with `--check` on the command line compares them.
 * `name` is what the messages call the output; `summary` adds a few words after "wrote".
 */
export function checkOrWrite({ files, texts, name, summary = '' }) {
  if (process.argv.includes('--check')) {
    const stale = Object.keys(files).filter((kind) => {
      try {
        return readFileSync(files[kind], 'utf8') !== texts[kind];
      } catch {
        return true; // missing counts as stale
      }
    });
    if (stale.length > 0) {
      console.error(`✘ ${name} is stale: run \`npm run generate\` and commit it.`);
      process.exit(1);
    }
    console.log(`✔ ${name} is up to date`);
  } else {
    writeFiles(files, texts);
    console.log(`✔ wrote ${name}${summary ? ` (${summary})` : ''}`);
  }
}
