import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';

// The guides of the docs site (docs-src/guides/) are the source of the README's examples: each README ```ts block
// follows an `<!-- example: docs-src/guides/<guide>.md -->` marker and equals that guide's block, in order
// (scripts/site/guides.mjs). test/readme.test.ts runs and type-checks the README's blocks, so the guides' too.
const root = fileURLToPath(new URL('..', import.meta.url));

type Guide = { file: string; slug: string; title: string; body: string; examples: string[] };
type GuidesModule = {
  readGuides(root: string): Guide[];
  compareReadme(root: string): string[];
};

describe('guides', () => {
  let module: GuidesModule;
  let guides: Guide[];

  beforeAll(async () => {
    module = (await import(pathToFileURL(join(root, 'scripts/site/guides.mjs')).href)) as GuidesModule;
    guides = module.readGuides(root);
  });

  test('cover credentials, OAuth, paging and CEQL, bulk, webhooks, errors and the emulator, in this order', () => {
    expect(guides.map((guide) => guide.slug)).toEqual([
      'authentication',
      'oauth',
      'paging-and-ceql',
      'bulk',
      'events-and-webhooks',
      'errors-retries-timeouts',
      'testing-with-the-emulator',
    ]);
    for (const guide of guides) {
      expect(guide.title, guide.file).not.toBe('');
      expect(guide.examples.length, `${guide.file} has examples`).toBeGreaterThan(0);
      expect(guide.body, `${guide.file} has prose beside its examples`).toMatch(/\n\n[A-Za-z`*-]/);
    }
  });

  test("the README's examples are the guides' (edit docs-src/guides/, then npm run docs:readme)", () => {
    expect(module.compareReadme(root)).toEqual([]);
  });
});
