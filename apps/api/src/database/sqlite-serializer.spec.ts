import { openTempSqlite, type TempDatabase } from '../testing/temp-database';
import { AppSettingEntity } from '../settings/app-setting.entity';

describe('serialised SQLite access', () => {
  let db: TempDatabase;
  beforeAll(async () => {
    db = await openTempSqlite();
  });
  afterAll(() => db.close());

  it('keeps concurrent transactions apart: a failing one rolls back only its own writes', async () => {
    const { dataSource } = db;
    const settings = dataSource.getRepository(AppSettingEntity);
    const tick = () => new Promise((resolve) => setTimeout(resolve, 2));
    const results = await Promise.allSettled([
      ...Array.from({ length: 20 }, (_, i) =>
        dataSource.transaction(async (manager) => {
          await manager.insert(AppSettingEntity, { key: `ok-${i}`, value: 'kept' });
          await tick();
          await manager.insert(AppSettingEntity, { key: `ok-${i}-b`, value: 'kept' });
        }),
      ),
      ...Array.from({ length: 10 }, (_, i) =>
        dataSource.transaction(async (manager) => {
          await manager.insert(AppSettingEntity, { key: `bad-${i}`, value: 'rolled back' });
          await tick();
          throw new Error('refused');
        }),
      ),
      // Plain saves and reads outside any transaction, at the same moment.
      ...Array.from({ length: 10 }, (_, i) => settings.save({ key: `plain-${i}`, value: 'kept' })),
      ...Array.from({ length: 10 }, () => settings.count()),
    ]);
    expect(results.filter((result) => result.status === 'rejected')).toHaveLength(10);
    for (const result of results.filter((r) => r.status === 'rejected')) {
      expect((result as PromiseRejectedResult).reason.message).toBe('refused');
    }
    const keys = (await settings.find()).map((row) => row.key);
    expect(keys.filter((key) => key.startsWith('ok-'))).toHaveLength(40);
    expect(keys.filter((key) => key.startsWith('plain-'))).toHaveLength(10);
    expect(keys.filter((key) => key.startsWith('bad-'))).toEqual([]);
  });

  it('lets work inside a transaction use the root repositories without waiting for itself', async () => {
    const { dataSource } = db;
    await dataSource.transaction(async (manager) => {
      await manager.insert(AppSettingEntity, { key: 'nested-a', value: '1' });
      await dataSource.getRepository(AppSettingEntity).save({ key: 'nested-b', value: '2' });
      expect(await dataSource.getRepository(AppSettingEntity).countBy({ key: 'nested-a' })).toBe(1);
    });
    expect(await dataSource.getRepository(AppSettingEntity).countBy({ key: 'nested-b' })).toBe(1);
  });
});
