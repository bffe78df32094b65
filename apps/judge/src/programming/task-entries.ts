import type { LedgerEntryInput, Team } from '@olympiad/contracts';
import { type FieldError, PROGRAMMING_TASK, type RuleSet } from '@olympiad/scoring';
import { buildEntry, type EntryDraft } from '../category/new-entry';

export interface LabelledEntry {
  entry: LedgerEntryInput;
  /** What the outbox shows while the entry waits: team · task. */
  label: string;
}

/** The programming-task entries one task's payloads make for a team, or the problems that stop them. */
export function taskEntries(
  ruleSet: RuleSet,
  categoryId: string,
  team: Pick<Team, 'id' | 'name'>,
  taskName: string,
  payloads: readonly EntryDraft['payload'][],
): { entries: LabelledEntry[]; errors: FieldError[] } {
  const entries: LabelledEntry[] = [];
  const errors: FieldError[] = [];
  for (const payload of payloads) {
    const built = buildEntry(ruleSet, {
      categoryId,
      teamId: team.id,
      kind: PROGRAMMING_TASK,
      payload,
    });
    if (built.ok) entries.push({ entry: built.entry, label: `${team.name} · ${taskName}` });
    else errors.push(...built.errors);
  }
  return { entries, errors };
}
