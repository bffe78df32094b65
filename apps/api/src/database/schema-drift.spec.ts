import { openTempDatabase } from '../testing/temp-database';

describe('committed migrations', () => {
  it('produce exactly the schema the entities describe (generating a migration would yield nothing)', async () => {
    const db = await openTempDatabase();
    try {
      const pending = await db.dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((query) => query.query)).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it('fill the 17 oblasts and 3 cities with kk/ru/en names', async () => {
    const db = await openTempDatabase();
    try {
      const rows = await db.dataSource.query('SELECT code, kind, nameKk FROM region ORDER BY code');
      expect(rows).toHaveLength(20);
      expect(rows.filter((row: { kind: string }) => row.kind === 'city').map((row: { code: string }) => row.code)).toEqual([
        'almaty',
        'astana',
        'shymkent',
      ]);
      expect(rows.find((row: { code: string }) => row.code === 'aktobe').nameKk).toBe('Ақтөбе облысы');
    } finally {
      await db.close();
    }
  });

  it('refuse to update or delete a ledger entry', async () => {
    const db = await openTempDatabase();
    try {
      await db.dataSource.query(
        `INSERT INTO ledger_entry (id, stageId, categoryId, teamId, kind, payload, authorId, authorRole, recordedAt, receivedAt)
         VALUES ('00000000-0000-4000-8000-000000000001', 's', 'c', NULL, 'maze.attempt', '{}', 'j', 'judge', 'now', 'now')`,
      );
      await expect(db.dataSource.query(`UPDATE ledger_entry SET kind = 'void'`)).rejects.toThrow(/append-only/);
      await expect(db.dataSource.query(`DELETE FROM ledger_entry`)).rejects.toThrow(/append-only/);
      expect(await db.dataSource.query('SELECT kind FROM ledger_entry')).toEqual([{ kind: 'maze.attempt' }]);
    } finally {
      await db.close();
    }
  });
});
