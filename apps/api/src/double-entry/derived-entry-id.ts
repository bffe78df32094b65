import { createHash } from 'node:crypto';

/**
 * The id of a ledger entry the server writes for a blind entry (its slot's stand-in, the agreed
 * result): derived from the blind entry's own id (name-based, RFC 4122 version 5 layout), so every
 * replica writes the same row and the tablet's UUID is never reused for a different entry.
 */
export function derivedEntryId(
  blindEntryId: string,
  role: 'pending' | 'review' | 'agreed',
): string {
  return nameBasedId(`double-entry:${role}:${blindEntryId}`);
}

/**
 * The id of one judge's entry typed from a paper sheet line in a double-entry category: the sheet
 * gives the line one id, and each of the two judges who type it needs an entry of their own to pair
 * (typing it again is still that judge's duplicate).
 */
export function judgeSheetEntryId(sheetEntryId: string, judgeId: string): string {
  return nameBasedId(`double-entry:sheet:${sheetEntryId}:${judgeId}`);
}

function nameBasedId(name: string): string {
  const hash = createHash('sha1').update(name).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
