import { isMessageKey, t, type MessageKey } from '@olympiad/i18n';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

/**
 * libs/scoring returns FieldErrors, standings warnings and qualification decisions with i18n keys
 * ('scoring.maze.attemptOutOfRange') and params ({ max }); the judge tablet and the console show
 * them through libs/i18n. Every key must be in the catalogs, and every {placeholder} of a text
 * must be a param that every call site of the key passes (else the tablet shows "{max}").
 */
const ROOT = path.resolve(__dirname, '..', '..');
const SCORING = path.join(ROOT, 'libs/scoring/src');
const LANGS = ['kk', 'ru', 'en'] as const;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [full] : [];
  });
}

const KEY = /^scoring\.[A-Za-z]+\.[A-Za-z]+$/;

/** A call site of a key: where it is, and the names of the params sent with it there. */
interface CallSite {
  file: string;
  line: number;
  params: Set<string>;
}

/** The key strings an expression can produce: a literal, or a template whose holes are `c ? 'x' : 'y'`. */
function keysOf(node: ts.Node): string[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node)) {
    let out = [node.head.text];
    for (const span of node.templateSpans) {
      const holes = stringsOf(span.expression);
      if (holes === null) return [];
      out = out.flatMap((prefix) => holes.map((hole) => prefix + hole + span.literal.text));
    }
    return out;
  }
  return [];
}

function stringsOf(node: ts.Expression): string[] | null {
  if (ts.isParenthesizedExpression(node)) return stringsOf(node.expression);
  if (ts.isStringLiteral(node)) return [node.text];
  if (ts.isConditionalExpression(node)) {
    const a = stringsOf(node.whenTrue);
    const b = stringsOf(node.whenFalse);
    return a && b ? [...a, ...b] : null;
  }
  return null;
}

/** Property names of an object literal; spreads and shorthands of a local `const x = { … }` are followed. */
function namesOf(node: ts.Expression | undefined, file: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  if (!node) return names;
  if (ts.isIdentifier(node)) return namesOf(localObject(node.text, file), file);
  if (!ts.isObjectLiteralExpression(node))
    throw new Error(
      `params that are not an object literal at ${file.fileName}:${line(node, file)}`,
    );
  for (const prop of node.properties) {
    if (ts.isSpreadAssignment(prop)) namesOf(prop.expression, file).forEach((n) => names.add(n));
    else if (prop.name && (ts.isIdentifier(prop.name) || ts.isStringLiteral(prop.name)))
      names.add(prop.name.text);
  }
  return names;
}

function localObject(name: string, file: ts.SourceFile): ts.Expression | undefined {
  let found: ts.Expression | undefined;
  const visit = (node: ts.Node): void => {
    if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.name.text === name &&
      node.initializer
    )
      found = node.initializer;
    ts.forEachChild(node, visit);
  };
  visit(file);
  if (!found) throw new Error(`cannot follow params "${name}" in ${file.fileName}`);
  return found;
}

function line(node: ts.Node, file: ts.SourceFile): number {
  return file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
}

function property(
  object: ts.ObjectLiteralExpression,
  name: string,
): ts.ObjectLiteralElementLike | undefined {
  return object.properties.find((p) => p.name && ts.isIdentifier(p.name) && p.name.text === name);
}

/**
 * The params a key's use passes:
 * - `fieldError(path, 'key', message, { … })`: the fourth argument;
 * - `{ key: 'key', message, params: { … } }` (warnings, qualification decisions): `params`, or none;
 * - `params: { key: 'key', … }` of a zod custom issue: the other properties, plus the `field`
 *   that zodIssuesToFieldErrors adds (common/validated.ts).
 */
function paramsAt(node: ts.Node, file: ts.SourceFile): Set<string> | null {
  const parent = node.parent;
  if (
    ts.isCallExpression(parent) &&
    ts.isIdentifier(parent.expression) &&
    parent.expression.text === 'fieldError'
  ) {
    if (parent.arguments[1] !== node) return null;
    return namesOf(parent.arguments[3], file);
  }
  if (
    ts.isPropertyAssignment(parent) &&
    ts.isIdentifier(parent.name) &&
    parent.name.text === 'key'
  ) {
    const object = parent.parent as ts.ObjectLiteralExpression;
    const holder = object.parent;
    if (
      ts.isPropertyAssignment(holder) &&
      ts.isIdentifier(holder.name) &&
      holder.name.text === 'params'
    ) {
      const names = namesOf(object, file);
      names.delete('key');
      names.add('field');
      return names;
    }
    const params = property(object, 'params');
    if (!params) return new Set();
    if (ts.isShorthandPropertyAssignment(params)) return namesOf(params.name, file);
    if (ts.isPropertyAssignment(params)) return namesOf(params.initializer, file);
  }
  return null;
}

function scoringKeys(): Map<string, CallSite[]> {
  const keys = new Map<string, CallSite[]>();
  for (const fileName of sourceFiles(SCORING)) {
    const file = ts.createSourceFile(
      fileName,
      fs.readFileSync(fileName, 'utf8'),
      ts.ScriptTarget.Latest,
      true,
    );
    const visit = (node: ts.Node): void => {
      for (const key of keysOf(node).filter((k) => KEY.test(k))) {
        const params = paramsAt(node, file);
        if (params === null) continue; // a key named in a comment-like string, not sent anywhere
        const sites = keys.get(key) ?? [];
        sites.push({ file: path.relative(ROOT, fileName), line: line(node, file), params });
        keys.set(key, sites);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return keys;
}

/** The params every call site of a key passes: a placeholder must be filled wherever the key is sent. */
function commonParams(sites: readonly CallSite[]): Set<string> {
  return new Set([...sites[0].params].filter((name) => sites.every((s) => s.params.has(name))));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
}

describe('every message key libs/scoring returns has kk, ru and en texts', () => {
  const keys = scoringKeys();

  it('finds the keys and their params (the scan itself works)', () => {
    // Literal keys as the grep in the brief lists them, plus the two built in a template.
    const grepped = new Set<string>();
    for (const file of sourceFiles(SCORING))
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/'(scoring\.[A-Za-z.]+)'/g))
        grepped.add(m[1]);
    const found = new Set(keys.keys());
    expect([...grepped].filter((k) => !found.has(k))).toEqual([]);
    expect(found.has('scoring.qualification.topN')).toBe(true);
    expect(found.has('scoring.qualification.topPercent')).toBe(true);
    expect(keys.size).toBeGreaterThanOrEqual(70);

    expect(keys.get('scoring.maze.attemptOutOfRange')?.[0].params).toEqual(new Set(['max']));
    expect(commonParams(keys.get('scoring.validation.range') ?? [])).toEqual(
      new Set(['field', 'min', 'max']),
    );
    expect(commonParams(keys.get('scoring.qualification.wildcard') ?? [])).toEqual(
      new Set(['place', 'of', 'cut', 'status', 'reason']),
    );
    expect(commonParams(keys.get('scoring.ledger.unknownKind') ?? [])).toEqual(new Set());
  });

  const cases = [...keys.entries()].sort(([a], [b]) => (a < b ? -1 : 1));

  it.each(cases)('%s is in the catalogs', (key) => {
    expect(isMessageKey(key)).toBe(true);
  });

  it.each(cases)('%s: every placeholder is a param all its call sites pass', (key, sites) => {
    const passed = commonParams(sites);
    for (const lang of LANGS) {
      const text = t(lang, key as MessageKey);
      const unknown = placeholders(text).filter((name) => !passed.has(name));
      expect({ lang, key, unknown, passed: [...passed] }).toEqual({
        lang,
        key,
        unknown: [],
        passed: [...passed],
      });
    }
  });

  it.each(cases)('%s: kk and ru use the same placeholders as en', (key) => {
    const en = new Set(placeholders(t('en', key as MessageKey)));
    for (const lang of ['kk', 'ru'] as const)
      expect(new Set(placeholders(t(lang, key as MessageKey)))).toEqual(en);
  });
});
