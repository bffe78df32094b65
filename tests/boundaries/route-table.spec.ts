import { API_PREFIX, routes } from '@olympiad/contracts';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

/**
 * One route table for every REST call (docs/architecture.md#one-route-table): the API mounts each
 * handler with `@Route(routes.area.name)`, every route of the table has exactly one handler, and no
 * app or API module spells an `/api/` address of its own.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const API_SRC = path.join(ROOT, 'apps', 'api', 'src');
const TABLE_DIR = path.join(ROOT, 'libs', 'contracts', 'src', 'lib', 'routes');
const SOURCE_DIRS = [
  'apps/api/src',
  'apps/console/src',
  'apps/judge/src',
  'apps/leaderboard/src',
  'libs/ui/src',
  'libs/scoring/src',
  'libs/i18n/src',
  'libs/contracts/src',
];
const NEST_HTTP_DECORATORS = new Set([
  'Get',
  'Post',
  'Put',
  'Patch',
  'Delete',
  'All',
  'Options',
  'Head',
]);

const relative = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');

function sourceFiles(folder: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (/\.tsx?$/.test(entry.name) && !/\.(spec|test)\.tsx?$/.test(entry.name)) out.push(full);
  }
  return out;
}

function parse(file: string): ts.SourceFile {
  const text = fs.readFileSync(file, 'utf8');
  return ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
}

function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}

/** `@Route(routes.area.name)` → 'area.name'; every Nest HTTP decorator used directly, by place. */
function controllerDecorators(file: string): {
  mounted: string[];
  direct: string[];
  prefixed: string[];
} {
  const source = parse(file);
  const mounted: string[] = [];
  const direct: string[] = [];
  const prefixed: string[] = [];
  walk(source, (node) => {
    if (!ts.isDecorator(node) || !ts.isCallExpression(node.expression)) return;
    const call = node.expression;
    const name = call.expression.getText(source);
    const where = `${relative(file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    if (name === 'Route')
      mounted.push(call.arguments[0]?.getText(source).replace(/^routes\./, '') ?? '');
    else if (NEST_HTTP_DECORATORS.has(name)) direct.push(`${where} @${name}`);
    else if (name === 'Controller' && call.arguments.length > 0)
      prefixed.push(`${where} ${call.getText(source)}`);
  });
  return { mounted, direct, prefixed };
}

/** String and template pieces that spell an `/api/` address. */
function apiLiterals(file: string): string[] {
  const source = parse(file);
  const found: string[] = [];
  walk(source, (node) => {
    const isText =
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node);
    if (isText && /(^|[^\w.-])\/api(\/|$)/.test(node.text)) {
      const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      found.push(`${relative(file)}:${line} ${JSON.stringify(node.text)}`);
    }
  });
  return found;
}

const tableNames = Object.entries(routes).flatMap(([area, table]) =>
  Object.keys(table).map((name) => `${area}.${name}`),
);
const controllers = sourceFiles(API_SRC).filter((file) => file.endsWith('.controller.ts'));
const decorators = controllers.map(controllerDecorators);

describe('the route table', () => {
  it('is where every API handler is mounted from: no @Get/@Post… of their own, no controller prefix', () => {
    expect(decorators.flatMap((found) => [...found.direct, ...found.prefixed])).toEqual([]);
  });

  it('has exactly one handler for each of its routes, and no handler names a route it lacks', () => {
    const mounted = decorators.flatMap((found) => found.mounted).sort();
    const duplicates = mounted.filter((name, index) => mounted.indexOf(name) !== index);
    expect(duplicates).toEqual([]);
    expect(mounted.filter((name) => !tableNames.includes(name))).toEqual([]);
    expect(tableNames.filter((name) => !mounted.includes(name))).toEqual([]);
  });

  it('holds the only /api/ addresses of the apps, the libraries and the API', () => {
    const files = SOURCE_DIRS.flatMap((dir) => sourceFiles(path.join(ROOT, dir))).filter(
      (file) => !file.startsWith(TABLE_DIR + path.sep),
    );
    expect(files.flatMap(apiLiterals)).toEqual([]);
  });

  it('starts every path with the API prefix the server mounts', () => {
    const all = Object.values(routes).flatMap(
      (table) => Object.values(table) as { path: string }[],
    );
    expect(
      all.map((route) => route.path).filter((path) => !path.startsWith(`${API_PREFIX}/`)),
    ).toEqual([]);
  });

  it('gives each route a distinct method and path', () => {
    const all = Object.values(routes).flatMap(
      (table) => Object.values(table) as { method: string; path: string }[],
    );
    const keys = all.map((route) => `${route.method} ${route.path}`);
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
  });
});
