// Runs the bundled worker in workerd through miniflare (run by the Node that miniflare's `engines` asks for) and
// prints its answer as one JSON line. Usage: node workerd-host.mjs <miniflare entry> <worker bundle> <env JSON>
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';

const [miniflareEntry, bundle, env] = process.argv.slice(2);
const { Miniflare } = await import(pathToFileURL(miniflareEntry).href);
const mf = new Miniflare({
  modules: true,
  script: readFileSync(bundle, 'utf8'),
  scriptPath: bundle,
  modulesRoot: dirname(bundle),
  compatibilityDate: '2026-07-01',
  bindings: { CE_SMOKE_ENV: env },
});
try {
  const response = await mf.dispatchFetch('http://smoke.local/');
  console.log(JSON.stringify(await response.json()));
} finally {
  await mf.dispose();
}
