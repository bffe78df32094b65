import { statementKind } from './database-timing';

describe('statementKind', () => {
  it.each([
    ['SELECT 1 AS found FROM ledger_entry WHERE id = $1', 'select'],
    ['  insert INTO ledger_entry ("id") VALUES ($1) RETURNING seq', 'insert'],
    ['UPDATE "category" SET "standingsVersion" = $1', 'update'],
    ['DELETE FROM standing WHERE "categoryId" = $1', 'delete'],
    ['START TRANSACTION', 'begin'],
    ['BEGIN TRANSACTION', 'begin'],
    ['COMMIT', 'commit'],
    ['ROLLBACK', 'rollback'],
    ['SAVEPOINT typeorm_1', 'other'],
    ['WITH x AS (SELECT 1) SELECT * FROM x', 'other'],
    ['', 'other'],
  ])('%s → %s', (sql, kind) => {
    expect(statementKind(sql)).toBe(kind);
  });
});
