import { AUDIT_ACTIONS } from '@olympiad/contracts';
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
  // Also query-builder column names ('row.stageId', 'entry.seq', 'audit.at').
  const notKeys = /^(maze|sumo|programming|creative|team|ranking|row|entry|audit)\.|\.(html|js|pdf|sqlite|io|json|csv|xlsx|png|crt|pem)$/;
  const keys = new Map<string, string>();
  for (const file of sourceFiles(path.join(ROOT, 'apps/api/src'))) {
    for (const match of fs.readFileSync(file, 'utf8').matchAll(/'([a-z]+\.[a-z][A-Za-z]+)'/g)) {
      // An audit action ('category.lock') is shown through its own key, `audit.action.<action>`.
      const auditAction = (AUDIT_ACTIONS as readonly string[]).includes(match[1]);
      if (!notKeys.test(match[1]) && !auditAction) keys.set(match[1], path.relative(ROOT, file));
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

  it.each([...AUDIT_ACTIONS])('the audit action %s has its text', (action) => {
    expect(isMessageKey(`audit.action.${action}`)).toBe(true);
  });
});
