import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { SDK_VERSION } from '../src/index.js';

// package.json as published. Building, packing and installing it is test/pack.test.ts.
const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  version: string;
  license: string;
  main: string;
  types: string;
  files: string[];
  keywords: string[];
  repository: { type: string; url: string };
  homepage: string;
  bugs: { url: string };
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  exports: Record<string, string | { types: string; default: string }>;
  typesVersions: Record<string, Record<string, string[]>>;
};

describe('package.json', () => {
  test('sends the package version in its User-Agent', () => {
    expect(SDK_VERSION).toBe(pkg.version);
  });

  test('depends on openapi-fetch only', () => {
    expect(Object.keys(pkg.dependencies)).toEqual(['openapi-fetch']);
  });

  test('says where the project lives, and its licence is in the package', () => {
    expect(pkg.repository.url).toBe('git+https://github.com/cloud-elements-sdk/cloud-elements-sdk.git');
    expect(pkg.homepage).toMatch(/^https:\/\/github\.com\/cloud-elements-sdk\/cloud-elements-sdk/);
    expect(pkg.bugs.url).toBe('https://github.com/cloud-elements-sdk/cloud-elements-sdk/issues');
    expect(pkg.keywords.length).toBeGreaterThan(3);
    expect(pkg.license).toBe('MIT');
    expect(readFileSync(join(root, 'LICENSE'), 'utf8')).toMatch(
      /^MIT License\n\nCopyright \(c\) \d{4} Cloud Elements SDK contributors\n/,
    );
  });

  test('builds before packing, and ships dist/ and the generated types only', () => {
    expect(pkg.scripts.prepack).toBe('npm run build');
    expect(pkg.scripts.build).toBe('node scripts/build.mjs');
    expect(pkg.files).toEqual(['dist', 'generated/schema.d.ts', 'generated/list-paths.d.ts']);
  });

  test('every export is built from its source (scripts/build.mjs), and node10 finds the same declarations', () => {
    const subpaths = Object.keys(pkg.exports).filter((key) => key !== './package.json');
    expect(subpaths.sort()).toEqual([
      '.',
      './bulk',
      './instances',
      './node',
      './oauth',
      './testing',
      './webhooks',
    ]);
    for (const subpath of subpaths) {
      const target = pkg.exports[subpath] as { types: string; default: string };
      const out = target.default.replace(/\.js$/, '');
      expect(target.default, subpath).toMatch(/^\.\/dist\/.+\.js$/);
      expect(existsSync(join(root, out.replace(/^\.\/dist\//, 'src/') + '.ts')), subpath).toBe(true);
      expect(target).toEqual({ types: `${out}.d.ts`, default: `${out}.js` });
      if (subpath === '.') {
        expect(pkg.main).toBe(`${out}.js`);
        expect(pkg.types).toBe(`${out}.d.ts`);
      } else {
        expect(pkg.typesVersions['*']?.[subpath.slice(2)]).toEqual([`${out}.d.ts`]);
      }
    }
  });
});
