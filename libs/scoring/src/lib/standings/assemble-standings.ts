import type { StandingRow, Standings, StandingStatus, TeamStatus } from '../ledger.types';
import { RANKING_DECISION } from '../ledger/generic-entries';
import {
  DOUBLE_PENDING,
  parseDoublePending,
  strongerReview,
  type ReviewState,
} from '../double-entry/double-entry';
import { compareKeys, type RankKey } from '../ranking/rank-key';
import { sortRanked, type KeyOf } from '../ranking/ranked-order';
import { renumberPlaces, sharedPlaces } from '../ranking/shared-places';
import { applyTieDecisions } from '../ranking/tie-decisions';
import type { RuleSet } from '../rule-set/rule-set';
import type {
  CategoryScore,
  DisciplineEngine,
  EffectiveEntry,
  EntryWarning,
  RowDraft,
  TeamScore,
} from './discipline-engine';
import type { TeamIndex } from './team-index';
import { decisionOrders, type TeamSlot } from './team-slot';

/** Unranked rows follow the ranked ones in this order, then by name. */
const UNRANKED_ORDER: readonly StandingStatus[] = [
  'dnf',
  'not-scored',
  'disqualified',
  'absent',
  'withdrawn',
];

export interface AssembleInput {
  ruleSet: RuleSet;
  engine: DisciplineEngine<RuleSet>;
  index: TeamIndex;
  slots: readonly TeamSlot[];
  /** Counted entries that name no team. */
  categoryEntries: readonly EffectiveEntry[];
  /** For category-scoped engines, their result over the whole ledger. */
  categoryScore: CategoryScore | null;
  /** Ledger-level warnings (unknown targets, entries for unknown teams). */
  warnings: readonly EntryWarning[];
  /** Ranked team indices already in order (kept up to date by the incremental standings). */
  rankedOrder?: readonly number[];
}

/** The rank key of each team whose score is ranked (team-scoped scores, or a category's scores). */
export function rankedKeys(
  slots: readonly TeamSlot[],
  index: TeamIndex,
  category: CategoryScore | null,
): KeyOf {
  if (category && 'scores' in category) {
    const scores = index.teams.map((t) => category.scores.get(t.id) ?? null);
    return (teamIdx) =>
      scores[teamIdx]?.status === 'ranked' ? (scores[teamIdx] as TeamScore).key : undefined;
  }
  return (teamIdx) => {
    const score = slots[teamIdx].score;
    return score?.status === 'ranked' ? score.key : undefined;
  };
}

function scoreOf(input: AssembleInput, teamIdx: number): TeamScore | null {
  const category = input.categoryScore;
  if (category && 'scores' in category)
    return category.scores.get(input.index.teams[teamIdx].id) ?? null;
  return input.slots[teamIdx].score;
}

function statusOf(input: AssembleInput, teamIdx: number): TeamStatus {
  return input.slots[teamIdx].override ?? input.index.teams[teamIdx].status;
}

function unrankedStatus(
  input: AssembleInput,
  teamIdx: number,
  fromScore: StandingStatus,
): StandingStatus {
  const teamStatus = statusOf(input, teamIdx);
  return teamStatus === 'active' ? fromScore : teamStatus;
}

/** Rows that are not ranked, by status then name. */
function sortOthers(
  input: AssembleInput,
  others: { row: StandingRow; teamIdx: number }[],
): StandingRow[] {
  const order = (o: { row: StandingRow }) => UNRANKED_ORDER.indexOf(o.row.status);
  others.sort(
    (a, b) =>
      order(a) - order(b) || input.index.nameRank[a.teamIdx] - input.index.nameRank[b.teamIdx],
  );
  return others.map((o) => o.row);
}

/** Rows from team scores: ranked teams in key order with shared places (split by decisions), then the rest. */
function rowsFromScores(input: AssembleInput): StandingRow[] {
  const { index } = input;
  const keyOf = rankedKeys(input.slots, index, input.categoryScore);
  let order = input.rankedOrder ?? sortRanked(index.teams.length, keyOf, index.nameRank);
  let places = sharedPlaces(
    order,
    (a, b) => compareKeys(keyOf(a) as RankKey, keyOf(b) as RankKey) === 0,
  );
  let decided: ReadonlySet<string> = new Set<string>();
  if (input.engine.usesDecisions(input.ruleSet)) {
    const result = applyTieDecisions(
      order,
      places,
      (i) => index.teams[i].id,
      decisionOrders(input.categoryEntries, 'category'),
    );
    order = result.sorted;
    places = result.places;
    decided = result.decided;
  }
  const ranked: StandingRow[] = [];
  const rankedPlaces: number[] = [];
  const others: { row: StandingRow; teamIdx: number }[] = [];
  const inOrder = new Uint8Array(index.teams.length);
  for (let k = 0; k < order.length; k++) {
    const teamIdx = order[k];
    inOrder[teamIdx] = 1;
    const score = scoreOf(input, teamIdx) as TeamScore;
    const teamId = index.teams[teamIdx].id;
    const status = unrankedStatus(input, teamIdx, 'ranked');
    const detail = decided.has(teamId) ? { ...score.detail, tieDecided: true } : score.detail;
    const row: StandingRow = {
      teamId,
      place: null,
      status,
      primary: score.primary,
      display: score.display,
      detail,
    };
    if (score.timePrecision) row.timePrecision = score.timePrecision;
    withUnconfirmed(row, input.slots[teamIdx]);
    if (status === 'ranked') {
      ranked.push(row);
      rankedPlaces.push(places[k]);
    } else others.push({ row, teamIdx });
  }
  const closedUp = others.length > 0 ? renumberPlaces(rankedPlaces) : rankedPlaces;
  ranked.forEach((row, k) => (row.place = closedUp[k]));
  for (let teamIdx = 0; teamIdx < index.teams.length; teamIdx++) {
    if (inOrder[teamIdx]) continue;
    const score = scoreOf(input, teamIdx);
    const status = unrankedStatus(input, teamIdx, score?.status === 'dnf' ? 'dnf' : 'not-scored');
    const row: StandingRow = {
      teamId: index.teams[teamIdx].id,
      place: null,
      status,
      primary: score?.primary ?? null,
      display: score?.display ?? '',
      detail: score?.detail ?? {},
    };
    if (score?.timePrecision) row.timePrecision = score.timePrecision;
    withUnconfirmed(row, input.slots[teamIdx]);
    others.push({ row, teamIdx });
  }
  return ranked.concat(sortOthers(input, others));
}

/** The result a sensor's entries awaiting the judge would give: shown as such, never ranked. */
function withUnconfirmed(row: StandingRow, slot: TeamSlot): void {
  const pending = slot.unconfirmed;
  if (!pending) return;
  row.unconfirmed = { primary: pending.primary, display: pending.display };
  if (pending.timePrecision) row.unconfirmed.timePrecision = pending.timePrecision;
}

/** Rows from finished drafts (sumo): places closed up over the ranked rows. */
function rowsFromDrafts(input: AssembleInput, drafts: readonly RowDraft[]): StandingRow[] {
  const { index } = input;
  const seen = new Uint8Array(index.teams.length);
  const ranked: { row: StandingRow; name: number }[] = [];
  const others: { row: StandingRow; teamIdx: number }[] = [];
  for (const draft of drafts) {
    const teamIdx = index.position.get(draft.teamId);
    if (teamIdx === undefined || seen[teamIdx]) continue;
    seen[teamIdx] = 1;
    let status = unrankedStatus(input, teamIdx, draft.status);
    if (status === 'ranked' && draft.place === null) status = 'not-scored';
    const row: StandingRow = {
      teamId: draft.teamId,
      place: status === 'ranked' ? draft.place : null,
      status,
      primary: draft.primary,
      display: draft.display,
      detail: draft.detail,
    };
    if (draft.provisional && status === 'ranked') row.provisional = true;
    if (status === 'ranked') ranked.push({ row, name: index.nameRank[teamIdx] });
    else others.push({ row, teamIdx });
  }
  for (let teamIdx = 0; teamIdx < index.teams.length; teamIdx++) {
    if (seen[teamIdx]) continue;
    const row: StandingRow = {
      teamId: index.teams[teamIdx].id,
      place: null,
      status: unrankedStatus(input, teamIdx, 'not-scored'),
      primary: null,
      display: '',
      detail: {},
    };
    others.push({ row, teamIdx });
  }
  if (!isInPlaceOrder(ranked))
    ranked.sort((a, b) => (a.row.place as number) - (b.row.place as number) || a.name - b.name);
  const places = renumberPlaces(ranked.map((r) => r.row.place as number));
  ranked.forEach((r, k) => (r.row.place = places[k]));
  return [...ranked.map((r) => r.row), ...sortOthers(input, others)];
}

/**
 * One row per team: ranked teams with shared places (closed up when a ranked team is disqualified,
 * absent or withdrawn), then the others by status and name.
 */
export function assembleStandings(input: AssembleInput): Standings {
  const category = input.categoryScore;
  const rows =
    category && 'rows' in category ? rowsFromDrafts(input, category.rows) : rowsFromScores(input);
  markReviews(input, rows);
  const standings: Standings = { rows };
  const warnings = collectWarnings(input);
  if (warnings.length > 0) standings.warnings = warnings;
  return standings;
}

/** Rows whose team waits for a double entry to settle say so (docs/rules.md#double-entry). */
function markReviews(input: AssembleInput, rows: StandingRow[]): void {
  const reviews = new Map<string, ReviewState>();
  input.slots.forEach((slot, teamIdx) => {
    if (slot.review) reviews.set(input.index.teams[teamIdx].id, slot.review);
  });
  // A sumo match names no single team: its stand-in lists both players.
  for (const entry of input.categoryEntries) {
    if (entry.record.kind !== DOUBLE_PENDING) continue;
    const pending = parseDoublePending(entry.record.payload);
    for (const teamId of pending?.teams ?? []) {
      reviews.set(teamId, strongerReview(reviews.get(teamId), pending?.state ?? 'in-review'));
    }
  }
  if (reviews.size === 0) return;
  for (const row of rows) {
    const review = reviews.get(row.teamId);
    if (review) row.review = review;
  }
}

function isInPlaceOrder(ranked: readonly { row: StandingRow; name: number }[]): boolean {
  for (let i = 1; i < ranked.length; i++) {
    const a = ranked[i - 1];
    const b = ranked[i];
    const byPlace = (a.row.place as number) - (b.row.place as number);
    if (byPlace > 0 || (byPlace === 0 && a.name > b.name)) return false;
  }
  return true;
}

function collectWarnings(input: AssembleInput): EntryWarning[] {
  const warnings = [...input.warnings];
  for (const slot of input.slots) if (slot.warnings.length > 0) warnings.push(...slot.warnings);
  if (input.categoryScore) warnings.push(...input.categoryScore.warnings);
  for (const entry of input.categoryEntries) {
    const spec = input.engine.kinds[entry.record.kind];
    const kind = entry.record.kind;
    if (kind !== RANKING_DECISION && kind !== DOUBLE_PENDING && spec?.team !== 'none') {
      warnings.push({
        entryId: entry.record.id,
        key: 'scoring.ledger.teamRequired',
        message: `a "${entry.record.kind}" entry must name its team; ignored`,
      });
    }
  }
  return warnings.sort((a, b) =>
    a.entryId < b.entryId
      ? -1
      : a.entryId > b.entryId
        ? 1
        : a.key < b.key
          ? -1
          : a.key > b.key
            ? 1
            : 0,
  );
}
