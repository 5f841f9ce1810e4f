/**
 * Writes the public API report of each published entry to api/<entry>.api.md: every exported name with its
 * declaration as users see it in the emitted .d.ts (comments removed). `--check` compares instead of writing
 * and fails when the surface changed without the report, so a change of the public API is always a visible diff.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('..', import.meta.url));
const entries = [
  { name: 'index', specifier: 'cloud-elements-sdk', file: 'src/index.ts' },
  { name: 'oauth', specifier: 'cloud-elements-sdk/oauth', file: 'src/oauth.ts' },
  { name: 'instances', specifier: 'cloud-elements-sdk/instances', file: 'src/instances.ts' },
  { name: 'bulk', specifier: 'cloud-elements-sdk/bulk', file: 'src/bulk.ts' },
  { name: 'webhooks', specifier: 'cloud-elements-sdk/webhooks', file: 'src/webhooks.ts' },
  { name: 'node', specifier: 'cloud-elements-sdk/node', file: 'src/node.ts' },
  { name: 'testing', specifier: 'cloud-elements-sdk/testing', file: 'src/testing/index.ts' },
];

const options: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  types: ['node'],
  strict: true,
  declaration: true,
  emitDeclarationOnly: true,
  skipLibCheck: true,
  rootDir: root,
  outDir: '/api-report-out',
};
const program = ts.createProgram(
  entries.map((entry) => root + entry.file),
  options,
);
const declarations = new Map<string, ts.SourceFile>();
program.emit(undefined, (fileName, text) => {
  const source = fileName.replace('/api-report-out/', root).replace(/\.d\.ts$/, '.ts');
  declarations.set(source, ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true));
});
const checker = program.getTypeChecker();
const printer = ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed });

function declaredName(statement: ts.Statement): string | undefined {
  if (
    ts.isFunctionDeclaration(statement) ||
    ts.isClassDeclaration(statement) ||
    ts.isTypeAliasDeclaration(statement) ||
    ts.isInterfaceDeclaration(statement) ||
    ts.isEnumDeclaration(statement)
  ) {
    return statement.name?.text;
  }
  if (ts.isVariableStatement(statement)) {
    const first = statement.declarationList.declarations[0];
    return first && ts.isIdentifier(first.name) ? first.name.text : undefined;
  }
  return undefined;
}

/** The emitted declaration(s) of one exported symbol, printed without comments. */
function describe(symbol: ts.Symbol): string {
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  const origin = target.declarations?.[0];
  if (!origin) return `// ${symbol.name}: no declaration found`;
  const emitted = declarations.get(origin.getSourceFile().fileName);
  const found = emitted?.statements.filter((statement) => declaredName(statement) === target.name) ?? [];
  if (found.length === 0) return `// ${symbol.name}: no emitted declaration found`;
  const text = found
    .map((statement) => printer.printNode(ts.EmitHint.Unspecified, statement, emitted!))
    .join('\n')
    .replace(/^export declare /gm, 'export ')
    .replace(/^declare /gm, '');
  return target.name === symbol.name ? text : `// exported as ${symbol.name}\n${text}`;
}

function report(entry: (typeof entries)[number]): string {
  const source = program.getSourceFile(root + entry.file);
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error(`cannot read the exports of ${entry.file}`);
  const exported = checker
    .getExportsOfModule(moduleSymbol)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return [
    `# API report: \`${entry.specifier}\``,
    '',
    `Every name \`${entry.file}\` exports, as its emitted declaration. Written by \`npm run api:report\`; do not edit.`,
    '`npm test` fails when the public surface changes without this file.',
    '',
    '```ts',
    ...exported.map((symbol) => describe(symbol)),
    '```',
    '',
  ].join('\n');
}

const check = process.argv.includes('--check');
const stale: string[] = [];
for (const entry of entries) {
  const path = `${root}api/${entry.name}.api.md`;
  const text = report(entry);
  if (!check) {
    writeFileSync(path, text);
    continue;
  }
  let current = '';
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    // A missing report is a stale one.
  }
  if (current !== text) stale.push(`api/${entry.name}.api.md`);
}
if (stale.length > 0) {
  console.error(
    `The public API changed without its report: ${stale.join(', ')}. Run npm run api:report, review the diff and commit it.`,
  );
  process.exit(1);
}
if (check) console.log(`✔ API reports match the exports of ${entries.length} entries`);
