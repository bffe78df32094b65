import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

/**
 * The project explains itself (docs/design.md): the pages in docs/ name only paths that exist, and
 * no source comment sends a reader to a document outside the repository or to an issue number.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const SOURCE_ROOTS = ['apps', 'libs', 'tests', 'firmware-bridge', 'tools'];
const SKIPPED_FOLDERS = new Set([
  'node_modules',
  'dist',
  'artifacts',
  'coverage',
  '.nx',
  'dev-dist',
]);
const TOP_FOLDERS = ['apps', 'libs', 'tests', 'tools', 'firmware-bridge', 'docs'];

/** What a comment may not cite: the design and rule books outside the repository, issue numbers. */
const FORBIDDEN_CITATIONS: { name: string; pattern: RegExp }[] = [
  { name: 'an outside design document', pattern: /\b(?:DESIGN|RULES|STACK|STYLE)\.md\b/ },
  { name: 'a path outside the repository', pattern: /\.\.\/shared\b/ },
  { name: 'an issue number', pattern: /\b[Ii]ssues? #?\d/ },
  { name: 'an issue number', pattern: /(?:^|[\s(,])#\d{1,4}(?=[\s).,;:]|$)/ },
];

function filesUnder(folder: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    if (SKIPPED_FOLDERS.has(entry.name)) continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(full));
    else out.push(full);
  }
  return out;
}

const relative = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');

/** Every comment of a TypeScript or JavaScript file, as the compiler reads them. */
function scriptComments(file: string, text: string): string[] {
  const kind = /\.[jt]sx$/.test(file) ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, kind);
  const seen = new Set<number>();
  const comments: string[] = [];
  const collect = (ranges: ts.CommentRange[] | undefined) => {
    for (const range of ranges ?? []) {
      if (seen.has(range.pos)) continue;
      seen.add(range.pos);
      comments.push(text.slice(range.pos, range.end));
    }
  };
  const visit = (node: ts.Node) => {
    collect(ts.getLeadingCommentRanges(text, node.pos));
    collect(ts.getTrailingCommentRanges(text, node.end));
    node.forEachChild(visit);
  };
  visit(source);
  collect(ts.getLeadingCommentRanges(text, source.endOfFileToken.pos));
  return comments;
}

/** Comments of C-like text: `/* … *\/` always, `//` lines when the language has them; strings skipped. */
function cLikeComments(text: string, lineComments: boolean): string[] {
  const comments: string[] = [];
  let i = 0;
  while (i < text.length) {
    const two = text.slice(i, i + 2);
    if (two === '/*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      comments.push(text.slice(i, stop));
      i = stop;
    } else if (lineComments && two === '//') {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      comments.push(text.slice(i, stop));
      i = stop;
    } else if (text[i] === '"' || (lineComments && text[i] === "'")) {
      const quote = text[i++];
      while (i < text.length && text[i] !== quote && text[i] !== '\n')
        i += text[i] === '\\' ? 2 : 1;
      i++;
    } else i++;
  }
  return comments;
}

/** `#` comments of a shell or Python file (a `#` inside quotes on the same line is not one). */
function hashComments(text: string): string[] {
  return text.split('\n').flatMap((line) => {
    const unquoted = line.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, (s) =>
      ' '.repeat(s.length),
    );
    const at = unquoted.indexOf('#');
    return at < 0 ? [] : [line.slice(at)];
  });
}

/** The comments of a source file, or its whole text for a page of documentation; null for data. */
function commentsOf(file: string, text: string): string[] | null {
  if (/\.(?:[cm]?[jt]s|tsx|jsx|mts)$/.test(file)) return scriptComments(file, text);
  if (/\.(?:css|html)$/.test(file))
    return [...cLikeComments(text, false), ...(text.match(/<!--[\s\S]*?-->/g) ?? [])];
  if (/\.(?:h|cpp|ino)$/.test(file)) return cLikeComments(text, true);
  if (/\.(?:py|sh)$/.test(file)) return hashComments(text);
  if (/\.md$/.test(file)) return [text];
  return null;
}

/** GitHub's id for a heading: lower case, punctuation dropped, spaces to hyphens. */
function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  for (const match of markdown.matchAll(/^#{1,6}\s+(.+)$/gm)) {
    anchors.add(
      match[1]
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, '')
        .replace(/\s/g, '-'),
    );
  }
  return anchors;
}

/**
 * Why a repository path named in a page or a comment does not hold: missing file, or a `#anchor`
 * that is no heading of the page. Parts after `…`, `*`, `<` or `{` are placeholders: the folder
 * before them must exist.
 */
function brokenPath(reference: string): string | null {
  const [target, anchor] = reference.split('#');
  const placeholder = target.search(/[…*<{]/);
  const fixed =
    placeholder < 0 ? target : target.slice(0, target.lastIndexOf('/', placeholder) + 1);
  const full = path.join(ROOT, fixed);
  if (!fs.existsSync(full))
    return `${reference}: no such ${fixed.endsWith('/') ? 'folder' : 'file'}`;
  if (
    anchor &&
    placeholder < 0 &&
    target.endsWith('.md') &&
    !headingAnchors(fs.readFileSync(full, 'utf8')).has(anchor)
  ) {
    return `${reference}: ${target} has no heading #${anchor}`;
  }
  return null;
}

/** Repository paths in a piece of text: tokens starting with one of the project's top folders. */
function repositoryPaths(text: string): string[] {
  const pattern = new RegExp(
    `(?:^|[\\s(\\[=\`"'])((?:${TOP_FOLDERS.join('|')})(?:/[^\\s\`'"),\\]]*)?)(?=[\\s\`'"),\\]]|$)`,
    'g',
  );
  return [...text.matchAll(pattern)].map((match) =>
    match[1].replace(/[.:;]+$/, '').replace(/:\d+$/, ''),
  );
}

/**
 * Folders listed in the first column of a table under a heading that names its root, e.g. the
 * `config/` row under "The API (`apps/api/src`)": each is checked under that root.
 */
function tableFolders(markdown: string): string[] {
  const out: string[] = [];
  for (const section of markdown.split(/^(?=#{2,6} )/m)) {
    const root = section.match(
      /^#{2,6} .*`((?:apps|libs|tests|tools|firmware-bridge)\/[^`]*)`/,
    )?.[1];
    if (!root) continue;
    for (const row of section.match(/^\|[^|\n]*\|/gm) ?? []) {
      for (const cell of row.matchAll(/`([\w.-]+\/)`/g))
        out.push(`${root.replace(/\/$/, '')}/${cell[1]}`);
    }
  }
  return out;
}

const DOCS = fs
  .readdirSync(path.join(ROOT, 'docs'))
  .filter((name) => name.endsWith('.md'))
  .map((name) => `docs/${name}`);

describe('the project explains itself', () => {
  it('has its own pages for the sensor contract, the rule defaults and the design', () => {
    expect(DOCS).toEqual(
      expect.arrayContaining([
        'docs/sensor-contract.md',
        'docs/rules.md',
        'docs/design.md',
        'docs/architecture.md',
      ]),
    );
  });

  it('finds the paths architecture.md names, its folder tables included', () => {
    const text = fs.readFileSync(path.join(ROOT, 'docs/architecture.md'), 'utf8');
    const backticked = [...text.matchAll(/```[\s\S]*?```|`[^`\n]+`/g)].map((match) => match[0]);
    expect(backticked.flatMap(repositoryPaths)).toEqual(
      expect.arrayContaining(['apps/api', 'libs/scoring', 'tests']),
    );
    expect(tableFolders(text)).toEqual(
      expect.arrayContaining(['apps/api/src/ledger/', 'apps/judge/src/outbox/']),
    );
  });

  it.each(DOCS)('%s names only repository paths that exist', (page) => {
    const text = fs.readFileSync(path.join(ROOT, page), 'utf8');
    const backticked = [...text.matchAll(/```[\s\S]*?```|`[^`\n]+`/g)].map((match) => match[0]);
    const named = [
      ...backticked.flatMap(repositoryPaths),
      ...tableFolders(text),
      ...(text.match(/\bdocs\/[\w-]+\.md(?:#[\w-]+)?/g) ?? []),
    ];
    expect([...new Set(named)].map(brokenPath).filter(Boolean)).toEqual([]);
  });

  it('no source comment cites a document outside the repository or an issue number', () => {
    const problems: string[] = [];
    let scanned = 0;
    for (const root of SOURCE_ROOTS) {
      for (const file of filesUnder(path.join(ROOT, root))) {
        const text = fs.readFileSync(file, 'utf8');
        const comments = commentsOf(file, text);
        if (!comments) continue;
        scanned++;
        for (const comment of comments) {
          for (const { name, pattern } of FORBIDDEN_CITATIONS) {
            const hit = comment.match(pattern);
            if (hit)
              problems.push(
                `${relative(file)} cites ${name}: "${comment.slice(Math.max(0, (hit.index ?? 0) - 30), (hit.index ?? 0) + 40).replace(/\s+/g, ' ')}"`,
              );
          }
        }
      }
    }
    expect(scanned).toBeGreaterThan(500);
    expect(problems).toEqual([]);
  });

  it('every docs/ page a source comment points to exists, with the heading it names', () => {
    const broken: string[] = [];
    for (const root of SOURCE_ROOTS) {
      for (const file of filesUnder(path.join(ROOT, root))) {
        const comments = commentsOf(file, fs.readFileSync(file, 'utf8')) ?? [];
        for (const reference of comments.flatMap(
          (comment) => comment.match(/\bdocs\/[\w-]+\.md(?:#[\w-]+)?/g) ?? [],
        )) {
          const problem = brokenPath(reference);
          if (problem) broken.push(`${relative(file)}: ${problem}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });
});
