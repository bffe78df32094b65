import { describeOnEachDatabase } from '../../testing/each-database';
import type { TempDatabase } from '../../testing/temp-database';
import { StaffAccounts1733840000000 } from './1733840000000-staff-accounts';

describeOnEachDatabase('migration StaffAccounts on %s', (_name, open) => {
  let db: TempDatabase;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db.close());

  it('makes the accounts of an upgraded server active administrators named as they signed in', async () => {
    const migration = new StaffAccounts1733840000000();
    const runner = db.dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      await runner.query(
        `INSERT INTO "organiser_account" ("id", "username", "passwordHash", "createdAt") VALUES ('00000000-0000-4000-8000-000000000003', 'organiser', 'hash', '2026-01-01T00:00:00.000Z')`,
      );
      await migration.up(runner);
      const [stored] = await runner.query(
        'SELECT "displayName", "staffRole", "active", "sessionVersion", "lastSignInAt" FROM "organiser_account"',
      );
      expect({ ...stored, active: Boolean(stored.active) }).toEqual({
        displayName: 'organiser',
        staffRole: 'admin',
        active: true,
        sessionVersion: 0,
        lastSignInAt: null,
      });
    } finally {
      await runner.release();
    }
  });
});
