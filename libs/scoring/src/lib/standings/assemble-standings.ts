import type { StandingRow, Standings, StandingStatus, TeamStatus } from '../ledger.types';
import { RANKING_DECISION } from '../ledger/generic-entries';
import { compareKeys } from '../ranking/rank-key';
import { renumberPlaces, sharedPlaces } from '../ranking/shared-places';
import { applyTieDecisions } from '../ranking/tie-decisions';
import type { RuleSet } from '../rule-set/rule-set';
import type { CategoryScore, DisciplineEngine, EffectiveEntry, EntryWarning, RowDraft } from './discipline-engine';
import type { TeamIndex } from './team-index';
import { decisionOrders, type TeamSlot } from './team-slot';

/** Unranked rows follow the ranked ones in this order, then by name. */
const UNRANKED_ORDER: readonly StandingStatus[] = ['dnf', 'not-scored', 'disqualified', 'absent', 'withdrawn'];

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
}

function statusOf(input: AssembleInput, teamIdx: number): TeamStatus {
  return input.slots[teamIdx].override ?? input.index.teams[teamIdx].status;
}

function rankedDrafts(input: AssembleInput, slots: readonly TeamSlot[]): RowDraft[] {
  const { index } = input;
  const ranked: number[] = [];
  const drafts: RowDraft[] = [];
  slots.forEach((slot, i) => {
    if (slot.score?.status === 'ranked') ranked.push(i);
    else drafts.push(draftOf(input, slots, i, null));
  });
  ranked.sort((a, b) => compareKeys(keyOf(slots, a), keyOf(slots, b)) || index.nameRank[a] - index.nameRank[b]);
  let order = ranked;
  let places = sharedPlaces(ranked, (a, b) => compareKeys(keyOf(slots, a), keyOf(slots, b)) === 0);
  let decided = new Set<string>();
  if (input.engine.usesDecisions(input.ruleSet)) {
    const result = applyTieDecisions(ranked, places, (i) => index.teams[i].id, decisionOrders(input.categoryEntries, 'category'));
    order = result.sorted;
    places = result.places;
    decided = result.decided;
  }
  const rankedDrafts = order.map((teamIdx, k) => {
    const draft = draftOf(input, slots, teamIdx, places[k]);
    return decided.has(draft.teamId) ? { ...draft, detail: { ...draft.detail, tieDecided: true } } : draft;
  });
  return [...rankedDrafts, ...drafts];
}

function keyOf(slots: readonly TeamSlot[], teamIdx: number) {
  return (slots[teamIdx].score as NonNullable<TeamSlot['score']>).key;
}

function draftOf(input: AssembleInput, slots: readonly TeamSlot[], teamIdx: number, place: number | null): RowDraft {
  const score = slots[teamIdx].score;
  return {
    teamId: input.index.teams[teamIdx].id,
    status: score?.status ?? 'not-scored',
    place,
    primary: score?.primary ?? null,
    display: score?.display ?? '',
    detail: score?.detail ?? {},
  };
}

/** One row per team: ranked teams with shared places, then the others by status and name. */
export function assembleStandings(input: AssembleInput): Standings {
  const { index } = input;
  const category = input.categoryScore;
  let drafts: RowDraft[];
  if (category && 'rows' in category) drafts = category.rows;
  else if (category) {
    const scores = category.scores;
    drafts = rankedDrafts(
      input,
      input.slots.map((slot, i) => ({ ...slot, score: scores.get(index.teams[i].id) ?? null })),
    );
  } else drafts = rankedDrafts(input, input.slots);
  const seen = new Set<string>();
  const rankedRows: StandingRow[] = [];
  const rankedPlaces: number[] = [];
  const others: { row: StandingRow; order: number; name: number }[] = [];
  for (const draft of drafts) {
    const teamIdx = index.position.get(draft.teamId);
    if (teamIdx === undefined || seen.has(draft.teamId)) continue;
    seen.add(draft.teamId);
    const teamStatus = statusOf(input, teamIdx);
    const status: StandingStatus = teamStatus === 'active' ? draft.status : teamStatus;
    const row: StandingRow = {
      teamId: draft.teamId,
      place: null,
      status,
      primary: draft.primary,
      display: draft.display,
      detail: draft.detail,
    };
    if (draft.provisional && status === 'ranked') row.provisional = true;
    if (status === 'ranked' && draft.place !== null) {
      rankedRows.push(row);
      rankedPlaces.push(draft.place);
    } else {
      if (status === 'ranked') row.status = 'not-scored';
      others.push({ row, order: UNRANKED_ORDER.indexOf(row.status), name: index.nameRank[teamIdx] });
    }
  }
  index.teams.forEach((team, teamIdx) => {
    if (seen.has(team.id)) return;
    const teamStatus = statusOf(input, teamIdx);
    const status: StandingStatus = teamStatus === 'active' ? 'not-scored' : teamStatus;
    const row: StandingRow = { teamId: team.id, place: null, status, primary: null, display: '', detail: {} };
    others.push({ row, order: UNRANKED_ORDER.indexOf(status), name: index.nameRank[teamIdx] });
  });
  const places = renumberPlaces(rankedPlaces);
  rankedRows.forEach((row, k) => (row.place = places[k]));
  others.sort((a, b) => a.order - b.order || a.name - b.name);

  const warnings = [...input.warnings];
  input.slots.forEach((slot) => warnings.push(...slot.warnings));
  if (input.categoryScore) warnings.push(...input.categoryScore.warnings);
  for (const entry of input.categoryEntries) {
    const spec = input.engine.kinds[entry.record.kind];
    if (entry.record.kind !== RANKING_DECISION && spec?.team !== 'none') {
      warnings.push({
        entryId: entry.record.id,
        key: 'scoring.ledger.teamRequired',
        message: `a "${entry.record.kind}" entry must name its team; ignored`,
      });
    }
  }
  warnings.sort((a, b) => (a.entryId < b.entryId ? -1 : a.entryId > b.entryId ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const standings: Standings = { rows: [...rankedRows, ...others.map((o) => o.row)] };
  if (warnings.length > 0) standings.warnings = warnings;
  return standings;
}
