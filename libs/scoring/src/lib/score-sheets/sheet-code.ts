/**
 * Score sheet codes and the ledger ids derived from them (README, "Paper fallback"). A code is ten
 * Crockford base-32 characters (50 random bits), short enough to type from the paper; each entry
 * typed from a sheet gets an id made from the code, the row and the attempt, so typing the same
 * sheet twice sends the same ids and the ledger stores each entry once.
 */

import {
  CROCKFORD_ALPHABET,
  CROCKFORD_CODE_LENGTH,
  crockfordCodeFrom,
  normaliseCrockfordCode,
} from '../common/crockford-code';

export const SHEET_CODE_LENGTH = CROCKFORD_CODE_LENGTH;

/** A new code from `randomBytes` (at least 7 bytes; the server passes crypto's). */
export const sheetCodeFrom = crockfordCodeFrom;

/** The code as typed, read the way Crockford base 32 reads it; null when it is not a code. */
export const normaliseSheetCode = normaliseCrockfordCode;

/** "ABCDE-FGHJK": how a code is printed, in two halves a judge can read aloud. */
export function printedSheetCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

// A fixed prefix marks the derived ids; the version nibble 8 is RFC 9562's "custom" UUID.
const ID_PREFIX = '5c0e5bee7';

/**
 * The ledger id of the entry typed from row `row` (1-based) and attempt `attempt` of sheet `code`:
 * a UUID (version 8) holding the code's 50 bits, the row and the attempt, so different sheets,
 * rows or attempts never share an id and the same ones always do.
 */
export function sheetEntryId(code: string, row: number, attempt: number): string {
  const normal = normaliseSheetCode(code);
  if (!normal) throw new RangeError(`not a sheet code: ${code}`);
  if (!Number.isInteger(row) || row < 1 || row > 0xffff) throw new RangeError('row out of range');
  if (!Number.isInteger(attempt) || attempt < 0 || attempt > 0xff) {
    throw new RangeError('attempt out of range');
  }
  let bits = 0n;
  for (const char of normal) bits = (bits << 5n) | BigInt(CROCKFORD_ALPHABET.indexOf(char));
  const hex =
    ID_PREFIX.padEnd(11, '0') +
    bits.toString(16).padStart(13, '0') +
    row.toString(16).padStart(4, '0') +
    attempt.toString(16).padStart(2, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(12, 15)}-8${hex.slice(15, 18)}-${hex.slice(18, 30)}`;
}
