import {
  RANKING_DECISION,
  rankingDecisionPayloadSchema,
  TEAM_STATUS,
  teamStatusPayloadSchema,
} from '../ledger/generic-entries';
import { parsePayload } from '../common/parse-payload';
import { DOUBLE_PENDING, parseDoublePending, strongerReview } from '../double-entry/double-entry';
import type { ReviewState } from '../double-entry/double-entry';
import type { TeamStatus } from '../ledger.types';
import type { RuleSet } from '../rule-set/rule-set';
import type {
  DisciplineEngine,
  EffectiveEntry,
  EntryWarning,
  TeamScore,
} from './discipline-engine';

/** What the standings keep per team: its score (team-scoped disciplines), a status set in the ledger, warnings. */
export interface TeamSlot {
  score: TeamScore | null;
  override: TeamStatus | null;
  warnings: EntryWarning[];
  /** The score with the team's unconfirmed sensor entries counted, when that differs from `score`. */
  unconfirmed?: TeamScore;
  /** An attempt of the team's still waits for its second entry or the head judge (double entry). */
  review?: ReviewState;
}

const NOT_SCORED: TeamScore = {
  status: 'not-scored',
  key: [],
  primary: null,
  display: '',
  detail: {},
  warnings: [],
};

export function unknownKindWarning(entry: EffectiveEntry, discipline: string): EntryWarning {
  return {
    entryId: entry.record.id,
    key: 'scoring.ledger.unknownKind',
    message: `a ${discipline} category does not use "${entry.record.kind}" entries for a team; ignored`,
  };
}

export function teamSlot(
  engine: DisciplineEngine<RuleSet>,
  ruleSet: RuleSet,
  entries: readonly EffectiveEntry[],
): TeamSlot {
  const own: EffectiveEntry[] = [];
  const warnings: EntryWarning[] = [];
  let override: TeamStatus | null = null;
  let overrideSeq = -1;
  let review: ReviewState | undefined;
  for (const entry of entries) {
    const kind = entry.record.kind;
    if (kind === DOUBLE_PENDING) {
      const pending = parseDoublePending(entry.record.payload);
      if (pending) review = strongerReview(review, pending.state);
    } else if (kind === TEAM_STATUS) {
      const parsed = parsePayload(teamStatusPayloadSchema, entry.record.payload);
      if (!parsed)
        warnings.push({
          entryId: entry.record.id,
          key: 'scoring.ledger.invalidPayload',
          message: 'team status entry is malformed; ignored',
        });
      else if (entry.rootSeq > overrideSeq) {
        override = parsed.status;
        overrideSeq = entry.rootSeq;
      }
    } else if (
      Object.prototype.hasOwnProperty.call(engine.kinds, kind) &&
      engine.kinds[kind].team !== 'none'
    ) {
      own.push(entry);
    } else {
      warnings.push(unknownKindWarning(entry, ruleSet.discipline));
    }
  }
  if (engine.scopeOf(ruleSet) === 'category') {
    return { score: null, override, warnings, ...(review ? { review } : {}) };
  }
  // A sensor's entry counts once a judge confirms it (docs/results-display.md).
  const confirmed = own.filter((entry) => !entry.record.unconfirmed);
  const score = confirmed.length > 0 ? engine.scoreTeam(ruleSet, confirmed) : NOT_SCORED;
  const slot: TeamSlot = { score, override, warnings: [...warnings, ...score.warnings] };
  if (review) slot.review = review;
  if (confirmed.length < own.length) {
    const withUnconfirmed = engine.scoreTeam(ruleSet, own);
    if (!sameResult(withUnconfirmed, score)) slot.unconfirmed = withUnconfirmed;
  }
  return slot;
}

/** The same row result: an unconfirmed entry a judge's own entry already replaced changes nothing. */
function sameResult(a: TeamScore, b: TeamScore): boolean {
  return (
    a.status === b.status &&
    a.primary === b.primary &&
    a.display === b.display &&
    JSON.stringify(a.key) === JSON.stringify(b.key)
  );
}

/** Decision orders from the category's entries that name no team, newest first, for one scope. */
export function decisionOrders(entries: readonly EffectiveEntry[], scope: string): string[][] {
  const found: { seq: number; order: string[] }[] = [];
  for (const entry of entries) {
    if (entry.record.kind !== RANKING_DECISION) continue;
    const parsed = parsePayload(rankingDecisionPayloadSchema, entry.record.payload);
    if (parsed && parsed.scope === scope) found.push({ seq: entry.rootSeq, order: parsed.order });
  }
  return found.sort((a, b) => b.seq - a.seq).map((f) => f.order);
}
