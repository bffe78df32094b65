import { isMessageKey } from '@olympiad/i18n';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [full] : [];
  });
}

/** Literals like 'ledger.categoryLocked' in the API's source that are not file names or entry kinds. */
function apiMessageKeys(): Map<string, string> {
  // Also query-builder column names ('row.stageId', 'entry.seq').
  const notKeys = /^(maze|sumo|programming|creative|team|ranking|row|entry)\.|\.(html|js|pdf|sqlite|io|json|csv|xlsx|png|crt|pem)$/;
  const keys = new Map<string, string>();
  for (const file of sourceFiles(path.join(ROOT, 'apps/api/src'))) {
    for (const match of fs.readFileSync(file, 'utf8').matchAll(/'([a-z]+\.[a-z][A-Za-z]+)'/g)) {
      if (!notKeys.test(match[1])) keys.set(match[1], path.relative(ROOT, file));
    }
  }
  return keys;
}

describe('every error key the API can send has kk, ru and en texts', () => {
  const keys = apiMessageKeys();

  it('finds the keys (the scan itself works)', () => {
    expect(keys.get('ledger.categoryLocked')).toBe('apps/api/src/ledger/record-entry.use-case.ts');
    expect(keys.size).toBeGreaterThan(25);
  });

  it.each([...keys.entries()])('%s (used in %s) is in the catalogs', (key) => {
    expect(isMessageKey(key)).toBe(true);
  });
});
