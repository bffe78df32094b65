import type { LedgerEntryInput } from '@olympiad/contracts';
import { type FieldError, type RuleSet, validateEntry } from '@olympiad/scoring';

/**
 * A v4 UUID from `crypto.getRandomValues`, which browsers offer on plain http too (the venue
 * Wi-Fi serves the app from a laptop's address; `crypto.randomUUID` needs a secure context).
 */
export function newEntryId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface EntryDraft {
  /** The entry's UUID when the screen made one already: a repeated save then stores nothing twice. */
  id?: string;
  categoryId: string;
  teamId: string | null;
  kind: string;
  payload: Record<string, unknown>;
  supersedes?: string | null;
  reason?: string | null;
}

/**
 * Checks a draft with the same rules the server applies and returns the entry to send, or the
 * problems to show. The payload is sent as the judge made it; the server applies the defaults.
 */
export function buildEntry(
  ruleSet: RuleSet,
  draft: EntryDraft,
): { ok: true; entry: LedgerEntryInput } | { ok: false; errors: FieldError[] } {
  const checked = validateEntry(ruleSet, {
    kind: draft.kind,
    teamId: draft.teamId,
    payload: draft.payload,
    supersedes: draft.supersedes ?? null,
  });
  if (!checked.ok) return { ok: false, errors: checked.errors };
  return {
    ok: true,
    entry: {
      id: draft.id ?? newEntryId(),
      categoryId: draft.categoryId,
      teamId: draft.teamId,
      kind: draft.kind,
      payload: draft.payload,
      supersedes: draft.supersedes ?? null,
      reason: draft.reason ?? null,
      recordedAt: new Date().toISOString(),
      deviceId: null,
    },
  };
}
