import type { AuditValue } from '@olympiad/contracts';

/**
 * The before → after of an edit, reduced to the fields that changed, so a row stays small and
 * says what happened. Values are compared as JSON (nested rule parameters included).
 */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: AuditValue; after: AuditValue } {
  const was: Record<string, unknown> = {};
  const now: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
    was[key] = before[key] ?? null;
    now[key] = after[key] ?? null;
  }
  return { before: was, after: now };
}

/** Only the named fields of a record, for a row's before or after. */
export function pick<T extends object, K extends keyof T>(
  value: T,
  keys: readonly K[],
): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const key of keys) picked[key as string] = value[key] ?? null;
  return picked;
}
