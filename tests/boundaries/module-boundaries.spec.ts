import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const ESLINT = path.join(ROOT, 'node_modules', '.bin', 'eslint');

/** Runs the workspace's real ESLint on a piece of code as if it were the file at `file`. */
async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const run = spawnSync(ESLINT, ['--stdin', '--stdin-filename', file, '--format', 'json'], {
    cwd: ROOT,
    input: code,
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
  return result.messages
    .filter((message) => message.ruleId === '@nx/enforce-module-boundaries')
    .map((message) => message.message);
}

describe('module boundaries (docs/design.md#module-boundaries) fail the lint', () => {
  it('libs/scoring may not import a framework', async () => {
    for (const framework of ['@nestjs/common', 'typeorm', 'react', 'mqtt', 'socket.io-client']) {
      const errors = await boundaryErrors('libs/scoring/src/lib/bad-import.ts', `import * as x from '${framework}';\nexport const y = x;\n`);
      expect(errors.join("\n")).toContain(`is not allowed to import "${framework}"`);
    }
  });

  it('an app may not import another app', async () => {
    const errors = await boundaryErrors('apps/judge/src/bad-import.ts', `import { AppModule } from '../../api/src/app.module';\nexport const y = AppModule;\n`);
    expect(errors.length).toBeGreaterThan(0);
  });

  it('a lib may not import an app', async () => {
    const errors = await boundaryErrors('libs/contracts/src/lib/bad-import.ts', `import { AppModule } from '../../../../apps/api/src/app.module';\nexport const y = AppModule;\n`);
    expect(errors.length).toBeGreaterThan(0);
  });

  it('a shared lib may not import a web-only lib', async () => {
    const errors = await boundaryErrors('libs/scoring/src/lib/bad-import.ts', `import * as ui from '@olympiad/ui';\nexport const y = ui;\n`);
    expect(errors.length).toBeGreaterThan(0);
  });

  it('allowed imports pass: the API may use the rules and the contracts', async () => {
    const errors = await boundaryErrors(
      'apps/api/src/good-import.ts',
      `import { computeStandings } from '@olympiad/scoring';\nimport { REGIONS } from '@olympiad/contracts';\nexport const y = [computeStandings, REGIONS];\n`,
    );
    expect(errors).toEqual([]);
  });
});
