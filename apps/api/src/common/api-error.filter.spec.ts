import { isDatabaseAway, isStorageFull } from './api-error.filter';

/** TypeORM wraps the driver's error in a QueryFailedError that keeps it as `driverError`. */
const wrapped = (driverError: object) =>
  Object.assign(new Error('QueryFailedError'), { driverError });

describe('errors of the storage that answer 503', () => {
  it('knows a full disk from SQLite, PostgreSQL and a file write, also wrapped by TypeORM', () => {
    expect(isStorageFull(wrapped({ code: 'SQLITE_FULL' }))).toBe(true);
    expect(isStorageFull(wrapped({ code: '53100' }))).toBe(true);
    expect(isStorageFull(Object.assign(new Error('write'), { code: 'ENOSPC' }))).toBe(true);
    expect(isStorageFull(wrapped({ code: 'SQLITE_CONSTRAINT' }))).toBe(false);
    expect(isStorageFull(new Error('database or disk is full'))).toBe(false);
  });

  it('knows a database server that went away, and not a refusal of the query itself', () => {
    expect(isDatabaseAway(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseAway(wrapped({ code: '57P01' }))).toBe(true);
    expect(isDatabaseAway(wrapped({ code: '08006' }))).toBe(true);
    expect(isDatabaseAway(Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }))).toBe(
      true,
    );
    expect(isDatabaseAway(wrapped({ code: '23505' }))).toBe(false);
    expect(isDatabaseAway(null)).toBe(false);
    expect(isDatabaseAway('a string')).toBe(false);
  });
});
