// The import rules of src/ (see src/README.md), checked on the real import graph by `npm run lint:deps`.
// Type-only imports count too (tsPreCompilationDeps), so a type cycle fails like a runtime one.
const concerns = 'client|query|bulk|instances|oauth|webhooks|node';

/** A rule that forbids `from` folder to import any of `folders`. */
const mayNotImport = (name, from, folders, comment) => ({
  name,
  comment,
  severity: 'error',
  from: { path: `^src/${from}/` },
  to: { path: `^src/(${folders})/` },
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment:
        'No import cycles, type-only ones included: lift the shared part into a leaf (types.ts) instead.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    mayNotImport(
      'core-is-the-base',
      'core',
      concerns + '|testing',
      'core/ imports no concern: every concern builds on it.',
    ),
    mayNotImport(
      'client-above-core-only',
      'client',
      'query|bulk|instances|oauth|webhooks|node|testing',
      'client/ builds on core/ only.',
    ),
    mayNotImport(
      'query-below-bulk',
      'query',
      'bulk|instances|oauth|webhooks|node|testing',
      'query/ builds on client/ and core/.',
    ),
    mayNotImport(
      'instances-below-oauth',
      'instances',
      'query|bulk|oauth|webhooks|node|testing',
      'instances/ builds on client/ and core/; oauth/ builds on it.',
    ),
    mayNotImport(
      'oauth-no-bulk',
      'oauth',
      'query|bulk|webhooks|node|testing',
      'oauth/ builds on instances/, client/ and core/.',
    ),
    mayNotImport(
      'bulk-no-oauth',
      'bulk',
      'instances|oauth|webhooks|node|testing',
      'bulk/ builds on query/, client/ and core/.',
    ),
    mayNotImport(
      'webhooks-without-client',
      'webhooks',
      'client|query|bulk|instances|oauth|node|testing',
      'webhooks/ needs only core/: verifying a webhook must not load the client.',
    ),
    mayNotImport('node-no-testing', 'node', 'testing', 'The emulator is for tests only.'),
    {
      name: 'webhooks-without-openapi-fetch',
      comment: 'webhooks/ (and core/, which it uses) must not load openapi-fetch.',
      severity: 'error',
      from: { path: '^src/(webhooks|core)/' },
      to: { path: 'openapi-fetch' },
    },
    {
      name: 'no-node-builtins-outside-node',
      comment:
        'Only node/ (the ./node entry), testing/ and the command line (cli/) may import node:* modules; the rest runs in any runtime.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(node|testing|cli)/|^src/(node|testing)\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'nothing-imports-testing',
      comment:
        'No runtime module imports the emulator (the command line runs it: `cloud-elements emulator`).',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(testing|cli)/|^src/testing\\.ts$' },
      to: { path: '^src/testing/' },
    },
    // ---- The command line (src/cli/, the `cloud-elements` bin) -------------------------------------------------
    {
      name: 'nothing-imports-cli',
      comment:
        'The command line is a bin of its own: no entry and no folder imports it, so its dependencies (parseArgs, ' +
        'the Swagger converter, openapi-typescript) stay out of the library.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'cli-through-entry-folders',
      comment:
        'The command line uses the SDK as the entries do: through the index.ts of their folders, never spec/ ' +
        '(absent from the published package); its path list comes from generated/cli-paths.js.',
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: '^spec/|^src/[^/]+\\.ts$' },
    },
    {
      name: 'openapi-typescript-only-in-types-command',
      comment:
        'openapi-typescript (an optional peer of the command line; it brings TypeScript) is loaded by `cloud-elements types` alone.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/cli/types-command\\.ts$' },
      to: { path: '(^|/)node_modules/(openapi-typescript|typescript)/' },
    },
    {
      name: 'testing-stands-alone',
      comment: "The emulator imports nothing from the SDK, so it cannot hide the SDK's mistakes.",
      severity: 'error',
      from: { path: '^src/testing/' },
      to: { path: '^src/(?!testing/)' },
    },
    {
      name: 'other-folders-through-their-index',
      comment:
        'A folder uses another folder through its index.ts only; its other modules are its own business.',
      severity: 'error',
      from: { path: '^src/([^/]+)/', pathNot: '^src/(webhooks|node)/' },
      to: { path: '^src/[^/]+/', pathNot: ['^src/$1/', '^src/[^/]+/index\\.ts$'] },
    },
    {
      name: 'webhooks-and-node-take-core-by-module',
      comment:
        'webhooks/ and node/ import the modules of core/ they use, not its index: esbuild puts a module into the ' +
        'chunk of every entry that reaches it, also through an index that only re-exports it, so through ' +
        "core/index.ts the ./webhooks entry loaded the client's transport (26 kB instead of 12 kB). Other " +
        'folders still go through their index.',
      severity: 'error',
      from: { path: '^src/(webhooks|node)/' },
      to: { path: '^src/[^/]+/', pathNot: ['^src/$1/', '^src/[^/]+/index\\.ts$', '^src/core/[^/]+\\.ts$'] },
    },
    {
      name: 'entries-through-folder-indexes',
      comment: 'The entry files at the top of src/ re-export folder indexes only.',
      severity: 'error',
      from: { path: '^src/[^/]+\\.ts$' },
      to: { path: '^src/[^/]+/', pathNot: '^src/[^/]+/index\\.ts$' },
    },
    {
      name: 'emulator-model-and-ceql-are-leaves',
      comment: 'In the emulator, model/ and ceql/ import neither the server nor the handlers.',
      severity: 'error',
      from: { path: '^src/testing/(model|ceql)/' },
      to: { path: '^src/testing/(server|handlers)/' },
    },
    {
      name: 'emulator-server-below-handlers',
      comment: 'In the emulator, server/ (router, HTTP, faults) does not import the handlers.',
      severity: 'error',
      from: { path: '^src/testing/server/' },
      to: { path: '^src/testing/handlers/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
