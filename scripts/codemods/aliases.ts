// Node script: rewrites relative imports that climb two or more folders (`'../../api/client'`)
// or that cross from one source root into another (renderer → shared) into the path aliases of
// tsconfig.base.json (`'@renderer/api/client'`, `'@shared/api'`). Neighbours (`'./x'`, `'../x'`
// inside the same root) stay relative: they move together with their folder.
//
// Idempotent: an alias is not relative, so a second run changes nothing. The aliases are read
// from tsconfig.base.json `paths`, the one definition tsc, vite, vitest, tsx and eslint share.
//
//   npx tsx scripts/codemods/aliases.ts [--check] DIR_OR_FILE...
//
// --check rewrites nothing and exits 1 when some file would change (for CI or a lint step).
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface AliasRoot {
  /** '@shared/' */
  prefix: string;
  /** absolute folder the prefix stands for, without a trailing slash */
  dir: string;
}

const SOURCE = /\.(ts|tsx|mts|cts|js|mjs)$/;
const RESOLVABLE = ['', '.ts', '.tsx', '.js', '.mjs', '/index.ts', '/index.tsx'];

/** The aliases of a tsconfig's `paths` that map `@x/*` to one folder `./dir/*`. */
export function readAliasRoots(tsconfigPath: string): AliasRoot[] {
  const parsed = ts.readConfigFile(tsconfigPath, (file) => ts.sys.readFile(file));
  if (parsed.error) throw new Error(`DS_CODEMOD_TSCONFIG: ${ts.flattenDiagnosticMessageText(parsed.error.messageText, '\n')}`);
  const paths = (parsed.config as { compilerOptions?: { paths?: Record<string, string[]> } }).compilerOptions?.paths ?? {};
  const base = path.dirname(tsconfigPath);
  const roots: AliasRoot[] = [];
  for (const [key, targets] of Object.entries(paths)) {
    const target = targets[0];
    if (!key.endsWith('/*') || targets.length !== 1 || !target?.endsWith('/*')) continue;
    roots.push({ prefix: key.slice(0, -1), dir: path.resolve(base, target.slice(0, -2)) });
  }
  // The longest folder wins (src/renderer/src before a hypothetical src/renderer).
  return roots.sort((a, b) => b.dir.length - a.dir.length);
}

function rootOf(file: string, roots: readonly AliasRoot[]): AliasRoot | undefined {
  return roots.find((root) => file === root.dir || file.startsWith(root.dir + path.sep));
}

/** The alias spelling of a relative specifier, or null when it should stay as it is. */
export function aliasFor(fromFile: string, specifier: string, roots: readonly AliasRoot[]): string | null {
  if (!specifier.startsWith('../')) return null;
  const target = path.resolve(path.dirname(fromFile), specifier);
  const targetRoot = rootOf(target, roots);
  if (!targetRoot) return null;
  const climbsFar = specifier.startsWith('../../');
  const crossesRoot = rootOf(fromFile, roots) !== targetRoot;
  if (!climbsFar && !crossesRoot) return null;
  const rest = path.relative(targetRoot.dir, target).split(path.sep).join('/');
  return rest === '' ? null : targetRoot.prefix + rest;
}

function exists(target: string): boolean {
  return RESOLVABLE.some((suffix) => fs.existsSync(target + suffix));
}

/** Rewrites one file's text; returns the new text (the same string when nothing changed). */
export function rewriteSource(fileName: string, text: string, roots: readonly AliasRoot[]): string {
  const source = ts.createSourceFile(
    fileName,
    text,
    ts.ScriptTarget.Latest,
    true,
    fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const edits: { start: number; end: number; value: string }[] = [];
  const consider = (literal: ts.Node | undefined) => {
    if (!literal || !ts.isStringLiteralLike(literal)) return;
    const alias = aliasFor(fileName, literal.text, roots);
    // Only rewrite what resolves: a wrong import stays visibly wrong instead of turning into another.
    if (!alias || !exists(path.resolve(path.dirname(fileName), literal.text))) return;
    const quote = text[literal.getStart(source)] ?? "'";
    edits.push({ start: literal.getStart(source), end: literal.getEnd(), value: `${quote}${alias}${quote}` });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) consider(node.moduleSpecifier);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) consider(node.argument.literal);
    else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const isImport = callee.kind === ts.SyntaxKind.ImportKeyword;
      // vi.mock('../x') / vi.importActual('../x') name modules too.
      const isViModule =
        ts.isPropertyAccessExpression(callee) &&
        ts.isIdentifier(callee.expression) &&
        callee.expression.text === 'vi' &&
        ['mock', 'doMock', 'unmock', 'importActual', 'importMock'].includes(callee.name.text);
      if (isImport || isViModule) consider(node.arguments[0]);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  let out = text;
  for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.value + out.slice(edit.end);
  return out;
}

function* sourceFiles(target: string): Generator<string> {
  const stat = fs.statSync(target);
  if (stat.isFile()) {
    if (SOURCE.test(target)) yield target;
    return;
  }
  for (const entry of fs.readdirSync(target, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    yield* sourceFiles(path.join(target, entry.name));
  }
}

function main(argv: readonly string[]): number {
  const check = argv.includes('--check');
  const targets = argv.filter((arg) => arg !== '--check');
  if (targets.length === 0) {
    console.error('DS_CODEMOD_USAGE: name the folders or files to rewrite, e.g. `npx tsx scripts/codemods/aliases.ts src test`.');
    return 2;
  }
  const roots = readAliasRoots(path.resolve('tsconfig.base.json'));
  let changed = 0;
  for (const target of targets) {
    for (const file of sourceFiles(path.resolve(target))) {
      const text = fs.readFileSync(file, 'utf8');
      const next = rewriteSource(file, text, roots);
      if (next === text) continue;
      changed += 1;
      if (check) console.log(`would rewrite ${path.relative(process.cwd(), file)}`);
      else fs.writeFileSync(file, next);
    }
  }
  console.log(`${check ? 'would rewrite' : 'rewrote'} ${changed} file(s)`);
  return check && changed > 0 ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.dirname, 'aliases.ts')) {
  process.exitCode = main(process.argv.slice(2));
}
