import ts from 'typescript';

/**
 * The message groups the public pages show. Other apps' texts (judge, console, validation of
 * scores they never send) are not shipped to phones; an error key outside these groups still
 * reads well, as the server's English message (translateKey's fallback).
 */
export const LEADERBOARD_GROUPS = [
  'app.',
  'language.',
  'common.',
  'connection.',
  'errors.',
  'live.',
  'stage.',
  'discipline.',
  'ageGroup.',
  'board.',
  'awards.',
  'displays.',
];

/**
 * Messages of those groups the public pages never meet: they only read, so nothing they send
 * can conflict, be too large or of the wrong type, name an unknown object or need free disk space,
 * and they make none of the console's requests.
 */
export const NOT_ON_PUBLIC_PAGES = [
  'errors.conflict',
  'errors.payloadTooLarge',
  'errors.unsupportedMediaType',
  'errors.unknownReference',
  'errors.storageFull',
  // Refusals of the organiser's console actions (pairing a screen, revealing an award place).
  'displays.codeUnknown',
  'displays.stageUnknown',
  'awards.notStarted',
  'awards.allRevealed',
  // The other apps' names.
  'app.judge',
  'app.console',
];

/**
 * Keeps only the leaderboard's messages from the kk/ru/en catalogs in the leaderboard's bundle (the
 * public view loads in ≤ 100 KB gzipped over a slow mobile link: docs/design.md#performance-budgets). Works on the syntax tree,
 * so multi-line entries and comments are handled; every other key stays as it is.
 */
export function stripCatalogKeys(
  source: string,
  keep = LEADERBOARD_GROUPS,
  skip = NOT_ON_PUBLIC_PAGES,
): string {
  const file = ts.createSourceFile('catalog.ts', source, ts.ScriptTarget.Latest, true);
  const cuts: [number, number][] = [];
  const visit = (node: ts.Node) => {
    const key =
      ts.isPropertyAssignment(node) && ts.isStringLiteral(node.name) ? node.name.text : null;
    if (key !== null && (!keep.some((group) => key.startsWith(group)) || skip.includes(key))) {
      let end = node.getEnd();
      if (source[end] === ',') end += 1;
      cuts.push([node.getFullStart(), end]);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let out = source;
  for (const [start, end] of cuts.reverse()) out = out.slice(0, start) + out.slice(end);
  return out;
}
