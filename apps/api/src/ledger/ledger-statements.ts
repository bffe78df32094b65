import type { EntityManager } from 'typeorm';
import { rawStatement } from '../database/raw-statement';
import type { LedgerEntryEntity } from './ledger-entry.entity';

// Every score goes through these (a sensor's finish among them), hence hand-written SQL: see rawStatement.

export async function ledgerEntryExists(manager: EntityManager, id: string): Promise<boolean> {
  return (
    (await rawStatement(manager, 'SELECT 1 AS found FROM ledger_entry WHERE id = ?', [id])).rows
      .length > 0
  );
}

/** Whether an entry other than `authorId`'s already supersedes `id`. */
export async function correctedByOthers(
  manager: EntityManager,
  id: string,
  categoryId: string,
  authorId: string,
): Promise<boolean> {
  const sql =
    'SELECT 1 AS found FROM ledger_entry WHERE "categoryId" = ? AND supersedes = ? AND "authorId" <> ? LIMIT 1';
  return (await rawStatement(manager, sql, [categoryId, id, authorId])).rows.length > 0;
}

const COLUMNS = [
  'id',
  'stageId',
  'categoryId',
  'teamId',
  'kind',
  'payload',
  'supersedes',
  'reason',
  'authorId',
  'authorRole',
  'deviceId',
  'recordedAt',
  'receivedAt',
] as const;
// The flag as a SQL literal: better-sqlite3 binds no booleans, and TRUE/FALSE mean the same to both databases.
const append = (awaitsConfirmation: boolean) =>
  `INSERT INTO ledger_entry (${COLUMNS.map((column) => `"${column}"`).join(', ')}, "awaitsConfirmation") VALUES (${COLUMNS.map(() => '?').join(', ')}, ${awaitsConfirmation ? 'TRUE' : 'FALSE'}) RETURNING seq`;
const APPEND = { awaiting: append(true), settled: append(false) };

/** Appends the entry and fills in the `seq` the database gave it. */
export async function appendLedgerEntry(
  manager: EntityManager,
  entry: LedgerEntryEntity,
): Promise<void> {
  const values = COLUMNS.map((column) =>
    column === 'payload' ? JSON.stringify(entry.payload) : entry[column],
  );
  const [row] = (
    await rawStatement(manager, entry.awaitsConfirmation ? APPEND.awaiting : APPEND.settled, values)
  ).rows;
  entry.seq = Number(row?.seq);
}
