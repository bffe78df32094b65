import { describeOnEachDatabase } from '../testing/each-database';
import type { TempDatabase } from '../testing/temp-database';

/** The same checks on each database the server supports. */
describeOnEachDatabase('committed migrations on %s', (_name, open) => {
  let db: TempDatabase;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db.close());

  it('produce exactly the schema the entities describe (generating a migration would yield nothing)', async () => {
    const pending = await db.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('fill the 17 oblasts and 3 cities with kk/ru/en names', async () => {
    const rows: { code: string; kind: string; nameKk: string }[] = await db.dataSource.query(
      'SELECT "code", "kind", "nameKk" FROM "region" ORDER BY "code"',
    );
    expect(rows).toHaveLength(20);
    expect(rows.filter((row) => row.kind === 'city').map((row) => row.code)).toEqual(['almaty', 'astana', 'shymkent']);
    expect(rows.find((row) => row.code === 'aktobe')?.nameKk).toBe('Ақтөбе облысы');
  });

  it('refuse to update or delete a ledger entry', async () => {
    await db.dataSource.query(
      `INSERT INTO "ledger_entry" ("id", "stageId", "categoryId", "teamId", "kind", "payload", "authorId", "authorRole", "recordedAt", "receivedAt")
       VALUES ('00000000-0000-4000-8000-000000000001', 's', 'c', NULL, 'maze.attempt', '{}', 'j', 'judge', 'now', 'now')`,
    );
    await expect(db.dataSource.query(`UPDATE "ledger_entry" SET "kind" = 'void'`)).rejects.toThrow(/append-only/);
    await expect(db.dataSource.query(`DELETE FROM "ledger_entry"`)).rejects.toThrow(/append-only/);
    expect(await db.dataSource.query('SELECT "kind" FROM "ledger_entry"')).toEqual([{ kind: 'maze.attempt' }]);
  });

  it('keep every held entry, and a settled one as it was settled', async () => {
    await db.dataSource.query(
      `INSERT INTO "held_entry" ("id", "stageId", "categoryId", "entry", "refusalKey", "refusalMessage", "heldById", "heldByName", "heldByRole", "heldAt", "status")
       VALUES ('00000000-0000-4000-8000-000000000002', 's', 'c', '{}', 'ledger.categoryLocked', 'locked', 'j', 'Асқар', 'judge', 'now', 'open')`,
    );
    await expect(db.dataSource.query(`DELETE FROM "held_entry"`)).rejects.toThrow(/never deleted/);
    await db.dataSource.query(`UPDATE "held_entry" SET "status" = 'dismissed', "resolvedReason" = 'no show'`);
    await expect(db.dataSource.query(`UPDATE "held_entry" SET "status" = 'open'`)).rejects.toThrow(/does not change/);
    expect(await db.dataSource.query('SELECT "status", "resolvedReason" FROM "held_entry"')).toEqual([{ status: 'dismissed', resolvedReason: 'no show' }]);
  });
});
