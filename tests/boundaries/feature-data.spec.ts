import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

/**
 * Features own their data (docs/architecture.md#features-own-their-data): the lint refuses a
 * feature file that imports another feature's entity, and lets the owner, its specs and entity
 * relations do so.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const ESLINT = path.join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');

interface LintResult {
  filePath: string;
  messages: { ruleId: string | null; message: string; line: number }[];
}

/** The project's own ESLint (its config is an ES module, which jest's VM cannot load itself). */
function eslint(args: string[], input?: string): LintResult[] {
  try {
    return JSON.parse(
      execFileSync(process.execPath, [ESLINT, '-f', 'json', ...args], {
        cwd: ROOT,
        input,
        encoding: 'utf8',
      }),
    );
  } catch (error) {
    // Exit code 1 means "problems found"; the report is still on stdout.
    const stdout = (error as { stdout?: string }).stdout;
    if (stdout) return JSON.parse(stdout);
    throw error;
  }
}

const restricted = (results: LintResult[]) =>
  results.flatMap((result) =>
    result.messages
      .filter((message) => message.ruleId === 'import/no-restricted-paths')
      .map((message) => ({ ...message, file: path.relative(ROOT, result.filePath) })),
  );

function restrictedImports(file: string, code: string): string[] {
  return restricted(eslint(['--stdin', '--stdin-filename', file], code)).map(
    (message) => message.message,
  );
}

const importStage =
  "import { StageEntity } from '../stages/stage.entity';\nexport const entity = StageEntity;\n";

describe("another feature's entity", () => {
  it('is refused in a feature file, pointing to the owner’s query service', () => {
    const found = restrictedImports('apps/api/src/teams/team-count.service.ts', importStage);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('query service');
  });

  it('is allowed to its owner, to specs and to an entity’s relation', () => {
    const own =
      "import { StageEntity } from './stage.entity';\nexport const entity = StageEntity;\n";
    expect(restrictedImports('apps/api/src/stages/stage-count.service.ts', own)).toEqual([]);
    expect(restrictedImports('apps/api/src/teams/team-count.spec.ts', importStage)).toEqual(
      [],
    );
    expect(restrictedImports('apps/api/src/teams/team-note.entity.ts', importStage)).toEqual(
      [],
    );
  });

  it('is imported by no feature file today', () => {
    const found = restricted(eslint(['apps/api/src'])).map(
      (message) => `${message.file}:${message.line}`,
    );
    expect(found).toEqual([]);
  });
});
