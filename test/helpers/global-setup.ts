import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { bundleSpec } from './bundle-spec.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of the spec bundled once for the whole run (see test/helpers/spec-validator.ts). */
    bundledSpecPath: string;
  }
}

// Bundling takes a second or two; a dozen test files validate against the spec, so it is done once per run.
// Every emulator of the run is strict (src/testing/README.md): an answer that breaks the spec fails its test. The
// workers inherit the environment of this process.
export default function setup(project: TestProject): () => void {
  process.env.CLOUD_ELEMENTS_EMULATOR_STRICT ??= '1';
  const dir = mkdtempSync(join(tmpdir(), 'ce-spec-'));
  const path = join(dir, 'bundle.json');
  bundleSpec(path);
  project.provide('bundledSpecPath', path);
  return () => rmSync(dir, { recursive: true, force: true });
}
