import { computeStandings, presetRuleSet, type RuleSet } from '@olympiad/scoring';
import { randomUUID } from 'node:crypto';
import { appendLedgerEntry } from '../../ledger/ledger-statements';
import { LedgerEntryEntity } from '../../ledger/ledger-entry.entity';
import { toLedgerRecord } from '../../standings/standings.service';
import { describeOnEachDatabase } from '../../testing/each-database';
import type { TempDatabase } from '../../testing/temp-database';
import { LedgerAwaitsConfirmation1733200000000 } from './1733200000000-ledger-awaits-confirmation';

const attempt = (timeMs: number) => ({
  attempt: 1,
  outcome: 'finished',
  timeMs,
  touches: 0,
  checkpoints: [],
  lastCheckpointMs: null,
  endedBy: null,
  timing: 'sensor',
});

function gateEntry(teamId: string, timeMs: number, awaitsConfirmation: boolean): LedgerEntryEntity {
  return Object.assign(new LedgerEntryEntity(), {
    id: randomUUID(),
    stageId: 's',
    categoryId: 'c',
    teamId,
    kind: 'maze.attempt',
    payload: attempt(timeMs),
    supersedes: null,
    reason: null,
    authorId: 'device:gates-1',
    authorRole: 'device',
    deviceId: 'gates-1',
    awaitsConfirmation,
    recordedAt: '2026-11-20T09:00:00.000Z',
    receivedAt: '2026-11-20T09:00:00.000Z',
  });
}

/**
 * Before gate times awaited a judge, the tablet confirmed one by recording nothing: the gate's own
 * entry was the final result. Upgrading must not take those results away.
 */
describeOnEachDatabase('migration LedgerAwaitsConfirmation on %s', (name, open) => {
  let db: TempDatabase;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db.close());

  it('keeps counting gate times stored before it, and holds back the ones stored after', async () => {
    const migration = new LedgerAwaitsConfirmation1733200000000();
    const runner = db.dataSource.createQueryRunner();
    const p = (n: number) => (name === 'PostgreSQL' ? `$${n}` : '?');
    try {
      await migration.down(runner);
      const old = gateEntry('old', 107_981, false);
      await runner.query(
        `INSERT INTO "ledger_entry" ("id", "stageId", "categoryId", "teamId", "kind", "payload", "authorId", "authorRole", "deviceId", "recordedAt", "receivedAt") VALUES (${[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map(p).join(', ')})`,
        [
          old.id,
          's',
          'c',
          'old',
          old.kind,
          JSON.stringify(old.payload),
          old.authorId,
          'device',
          'gates-1',
          old.recordedAt,
          old.receivedAt,
        ],
      );
      await migration.up(runner);
      await appendLedgerEntry(db.dataSource.manager, gateEntry('new', 99_000, true));

      const stored = await db.dataSource
        .getRepository(LedgerEntryEntity)
        .find({ order: { seq: 'ASC' } });
      const ruleSet = presetRuleSet('maze-default') as RuleSet;
      const teams = ['old', 'new'].map((id) => ({ id, name: id, status: 'active' as const }));
      const rows = computeStandings(ruleSet, teams, stored.map(toLedgerRecord)).rows;
      const row = (teamId: string) => rows.find((candidate) => candidate.teamId === teamId);
      expect(row('old')).toMatchObject({ place: 1, primary: 107_981 });
      expect(row('old')?.unconfirmed).toBeUndefined();
      expect(row('new')).toMatchObject({ place: null, unconfirmed: { primary: 99_000 } });
    } finally {
      await runner.release();
    }
  });
});
