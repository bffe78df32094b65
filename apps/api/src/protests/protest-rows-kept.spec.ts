import { describeOnEachDatabase } from '../testing/each-database';
import type { TempDatabase } from '../testing/temp-database';

/** The database itself keeps protests as decided and their photos as attached (migration Protests1733860000000). */
describeOnEachDatabase('protest rows on %s', (_name, open) => {
  let db: TempDatabase;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db.close());

  it('are never deleted, and a decided protest does not change', async () => {
    await db.dataSource.query(
      `INSERT INTO "protest" ("id", "stageId", "categoryId", "teamId", "target", "protestedBy", "receivedAt", "recordedById", "recordedByName", "reason", "status")
       VALUES ('00000000-0000-4000-8000-000000000010', 's', 'c', 't', '{"kind":"ranking"}', 'Ерлан', 'now', 'j', 'Гүлнар', 'уақыт қате', 'open')`,
    );
    await expect(db.dataSource.query(`DELETE FROM "protest"`)).rejects.toThrow(/never deleted/);
    await db.dataSource.query(
      `UPDATE "protest" SET "status" = 'rejected', "decisionReason" = 'rules followed'`,
    );
    await expect(db.dataSource.query(`UPDATE "protest" SET "status" = 'upheld'`)).rejects.toThrow(
      /does not change/,
    );
    expect(await db.dataSource.query('SELECT "status", "decisionReason" FROM "protest"')).toEqual([
      { status: 'rejected', decisionReason: 'rules followed' },
    ]);
  });

  it('keep every photo as it was attached', async () => {
    await db.dataSource.query(
      `INSERT INTO "protest_attachment" ("id", "protestId", "contentType", "bytes", "data")
       VALUES ('00000000-0000-4000-8000-000000000011', '00000000-0000-4000-8000-000000000010', 'image/png', 3, 'AAAA')`,
    );
    await expect(
      db.dataSource.query(`UPDATE "protest_attachment" SET "data" = 'BBBB'`),
    ).rejects.toThrow(/append-only/);
    await expect(db.dataSource.query(`DELETE FROM "protest_attachment"`)).rejects.toThrow(
      /append-only/,
    );
    expect(await db.dataSource.query('SELECT "data" FROM "protest_attachment"')).toEqual([
      { data: 'AAAA' },
    ]);
  });
});
