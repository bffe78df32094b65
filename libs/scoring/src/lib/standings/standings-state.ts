import type { LedgerRecord, Standings, TeamRef } from '../ledger.types';
import {
  allEffective,
  appendRecord,
  effectiveOfTeam,
  emptyLedger,
  ledgerFrom,
  ledgerWarnings,
  teamKeys,
  type LedgerView,
} from '../ledger/ledger-store';
import type { RuleSet } from '../rule-set/rule-set';
import { reorderRanked, sortRanked } from '../ranking/ranked-order';
import { assembleStandings, rankedKeys } from './assemble-standings';
import { unknownTeamWarning } from './compute-standings';
import type { CategoryScore, EntryWarning } from './discipline-engine';
import { engineFor } from './engines';
import { indexTeams, type TeamIndex } from './team-index';
import { teamSlot, type TeamSlot } from './team-slot';

/**
 * Standings kept up to date one ledger entry at a time. A state is immutable: applyEntry returns a
 * new state and the old one still describes the ledger it saw. standingsOf(state) always equals
 * computeStandings(ruleSet, teams, entries applied so far).
 */
export interface StandingsState {
  readonly ruleSet: RuleSet;
  readonly teams: readonly TeamRef[];
  /** Entries applied so far (duplicates by id are counted once). */
  readonly entryCount: number;
  /** @internal */
  readonly index: TeamIndex;
  /** @internal */
  readonly ledger: LedgerView;
  /** @internal */
  readonly slots: readonly TeamSlot[];
  /** @internal */
  readonly categoryScore: CategoryScore | null;
  /** @internal Ranked team indices in order, for team-scoped rule sets. */
  readonly rankedOrder: readonly number[] | null;
}

const memo = new WeakMap<StandingsState, Standings>();

export function createStandingsState(ruleSet: RuleSet, teams: readonly TeamRef[]): StandingsState {
  const index = indexTeams(teams);
  return build(ruleSet, teams, index, emptyLedger());
}

/** A state for a ledger that already has entries (e.g. on server start). */
export function standingsStateFrom(
  ruleSet: RuleSet,
  teams: readonly TeamRef[],
  entries: readonly LedgerRecord[],
): StandingsState {
  return build(ruleSet, teams, indexTeams(teams), ledgerFrom(entries));
}

function build(
  ruleSet: RuleSet,
  teams: readonly TeamRef[],
  index: TeamIndex,
  ledger: LedgerView,
): StandingsState {
  const engine = engineFor(ruleSet);
  const slots = index.teams.map((team) =>
    teamSlot(engine, ruleSet, effectiveOfTeam(ledger, team.id)),
  );
  const teamScoped = engine.scopeOf(ruleSet) === 'team';
  const categoryScore = teamScoped
    ? null
    : engine.scoreCategory(ruleSet, index.teams, allEffective(ledger));
  const rankedOrder = teamScoped
    ? sortRanked(index.teams.length, rankedKeys(slots, index, null), index.nameRank)
    : null;
  return {
    ruleSet,
    teams,
    entryCount: ledger.count,
    index,
    ledger,
    slots,
    categoryScore,
    rankedOrder,
  };
}

export function applyEntry(state: StandingsState, entry: LedgerRecord): StandingsState {
  const outcome = appendRecord(state.ledger, entry);
  if (outcome.kind === 'duplicate') return state;
  if (outcome.kind === 'out-of-order') {
    return build(state.ruleSet, state.teams, state.index, ledgerFrom(outcome.records));
  }
  const { view, affected } = outcome;
  const engine = engineFor(state.ruleSet);
  let slots = state.slots;
  const changed = new Set<number>();
  for (const teamId of affected) {
    const teamIdx = teamId === null ? undefined : state.index.position.get(teamId);
    if (teamIdx === undefined || changed.has(teamIdx)) continue;
    if (slots === state.slots) slots = state.slots.slice();
    (slots as TeamSlot[])[teamIdx] = teamSlot(
      engine,
      state.ruleSet,
      effectiveOfTeam(view, teamId as string),
    );
    changed.add(teamIdx);
  }
  if (engine.scopeOf(state.ruleSet) === 'category') {
    const categoryScore = engine.scoreCategory(
      state.ruleSet,
      state.index.teams,
      allEffective(view),
    );
    return { ...state, entryCount: view.count, ledger: view, slots, categoryScore };
  }
  const rankedOrder = reorderRanked(
    state.rankedOrder ?? [],
    changed,
    rankedKeys(slots, state.index, null),
    state.index.nameRank,
  );
  return { ...state, entryCount: view.count, ledger: view, slots, rankedOrder };
}

export function standingsOf(state: StandingsState): Standings {
  const cached = memo.get(state);
  if (cached) return cached;
  const warnings: EntryWarning[] = ledgerWarnings(state.ledger);
  for (const teamId of teamKeys(state.ledger)) {
    if (teamId === null || state.index.position.has(teamId)) continue;
    for (const entry of effectiveOfTeam(state.ledger, teamId))
      warnings.push(unknownTeamWarning(entry));
  }
  const standings = assembleStandings({
    ruleSet: state.ruleSet,
    engine: engineFor(state.ruleSet),
    index: state.index,
    slots: state.slots,
    categoryEntries: effectiveOfTeam(state.ledger, null),
    categoryScore: state.categoryScore,
    warnings,
    rankedOrder: state.rankedOrder ?? undefined,
  });
  memo.set(state, standings);
  return standings;
}
