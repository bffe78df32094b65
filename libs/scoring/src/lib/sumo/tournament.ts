import type { TeamRef } from '../ledger.types';
import { parsePayload } from '../common/parse-payload';
import { indexTeams } from '../standings/team-index';
import type { EffectiveEntry, EntryWarning } from '../standings/discipline-engine';
import { decisionOrders } from '../standings/team-slot';
import { outcomeOf, resolveBracket, statusOf, type ResolvedMatch } from './bracket-resolve';
import {
  doubleEliminationMatches,
  singleEliminationMatches,
  type BracketMatch,
} from './bracket-structure';
import { groupTable, type GroupTable } from './group-table';
import { playMatch, type LevelMatch, type MatchState } from './match-state';
import { groupName, roundRobinSchedule } from './round-robin';
import { playoffSlots } from './seeding';
import {
  checkSumoDraw,
  sumoDrawPayloadSchema,
  sumoMatchPayloadSchema,
  SUMO_DRAW,
  SUMO_MATCH,
  type SumoDrawPayload,
  type SumoMatchPayload,
} from './sumo-entries';
import type { SumoRuleSet } from './sumo-rules';

export interface SumoGroup {
  id: string;
  teamIds: string[];
  matches: ResolvedMatch[];
  table: GroupTable;
}

/** The whole tournament as the ledger describes it: groups, bracket, and every match's state. */
export interface SumoTournament {
  format: SumoRuleSet['params']['tournament']['format'];
  draw: SumoDrawPayload | null;
  groups: SumoGroup[];
  /** Elimination matches (the playoff in groups-playoff; empty until every group is decided). */
  bracket: ResolvedMatch[];
  /** The bracket's match list with the values used for places. */
  bracketMatches: BracketMatch[];
  /** Groups whose advancing places are still tied; the playoff waits for a ranking.decision. */
  waitingForDecision: string[];
  warnings: EntryWarning[];
}

interface MatchEntry {
  entryId: string;
  payload: SumoMatchPayload;
}

function latestDraw(
  ruleSet: SumoRuleSet,
  entries: readonly EffectiveEntry[],
  warnings: EntryWarning[],
): { draw: SumoDrawPayload; entryId: string } | null {
  let draw: { draw: SumoDrawPayload; entryId: string } | null = null;
  let drawSeq = -1;
  for (const entry of entries) {
    if (entry.record.kind !== SUMO_DRAW) continue;
    const parsed = parsePayload(sumoDrawPayloadSchema, entry.record.payload);
    if (!parsed || checkSumoDraw(ruleSet, parsed).length > 0) {
      warnings.push({
        entryId: entry.record.id,
        key: 'scoring.ledger.invalidPayload',
        message: 'draw does not fit the rules; ignored',
      });
    } else if (entry.rootSeq > drawSeq) {
      draw = { draw: parsed, entryId: entry.record.id };
      drawSeq = entry.rootSeq;
    }
  }
  return draw;
}

/** Builds the tournament from the counted ledger entries (corrections and voids already applied). */
export function sumoTournament(
  ruleSet: SumoRuleSet,
  teams: readonly TeamRef[],
  entries: readonly EffectiveEntry[],
): SumoTournament {
  const { match: matchRules, tournament: rules } = ruleSet.params;
  const warnings: EntryWarning[] = [];
  const known = new Set(teams.map((t) => t.id));
  const nameRank = teamNameRank(teams);
  const nameOrder = (a: string, b: string) => (nameRank.get(a) ?? 0) - (nameRank.get(b) ?? 0);
  const latest = latestDraw(ruleSet, entries, warnings);
  const draw = latest?.draw ?? null;

  const byMatch = new Map<string, MatchEntry[]>();
  for (const entry of entries) {
    if (entry.record.kind !== SUMO_MATCH) continue;
    const parsed = parsePayload(sumoMatchPayloadSchema, entry.record.payload);
    if (!parsed || parsed.a === parsed.b) {
      warnings.push({
        entryId: entry.record.id,
        key: 'scoring.ledger.invalidPayload',
        message: 'match entry is malformed; ignored',
      });
      continue;
    }
    const list = byMatch.get(parsed.matchId) ?? [];
    list.push({ entryId: entry.record.id, payload: parsed });
    byMatch.set(parsed.matchId, list);
  }
  const used = new Set<string>();
  const play =
    (level: LevelMatch) =>
    (matchId: string, a: string, b: string): MatchState | null => {
      const list = byMatch.get(matchId);
      if (!list) return null;
      used.add(matchId);
      let state: MatchState | null = null;
      for (const { entryId, payload } of list) {
        if (payload.a !== a || payload.b !== b) {
          warnings.push({
            entryId,
            key: 'scoring.sumo.wrongTeams',
            message: `match ${matchId} is ${a} against ${b}, not ${payload.a} against ${payload.b}; ignored`,
          });
          continue;
        }
        const played = playMatch(matchRules, level, payload.events, state ?? undefined);
        if (played.rejected) {
          warnings.push({
            entryId,
            key: 'scoring.sumo.eventRejected',
            message: `event ${played.rejected.index + 1} of match ${matchId}: ${played.rejected.reason}; the events from there on are ignored`,
          });
        }
        state = played.state;
      }
      return state;
    };

  const result: SumoTournament = {
    format: rules.format,
    draw,
    groups: [],
    bracket: [],
    bracketMatches: [],
    waitingForDecision: [],
    warnings,
  };
  if (!latest || !draw) return finishWarnings(result, byMatch, used);

  const forgetUnknown = (id: string | null): string | null => {
    if (id === null || known.has(id)) return id;
    warnings.push({
      entryId: latest.entryId,
      key: 'scoring.sumo.unknownTeamInDraw',
      message: `team ${id} of the draw is not in this category`,
    });
    return null;
  };

  if (draw.format === 'round-robin' || draw.format === 'groups-playoff') {
    result.groups = draw.groups.map((members, index) => {
      const id = groupName(index);
      const teamIds = members.map(forgetUnknown).filter((t): t is string => t !== null);
      const matches = roundRobinSchedule(id, teamIds).map((pair): ResolvedMatch => {
        const live = play(matchRules.groupMatchTie)(pair.id, pair.a, pair.b);
        return {
          id: pair.id,
          stage: 'group',
          round: pair.round,
          a: pair.a,
          b: pair.b,
          status: statusOf(live),
          outcome: live?.phase === 'finished' ? outcomeOf(live, pair.a, pair.b) : null,
          live,
        };
      });
      const table = groupTable(
        rules,
        matchRules.pointsToWin,
        teamIds,
        matches,
        decisionOrders(entries, `group:${id}`),
        nameOrder,
      );
      return { id, teamIds, matches, table };
    });
    if (draw.format === 'groups-playoff' && result.groups.every((g) => g.table.complete)) {
      const tiers: { teamId: string; group: number }[][] = [];
      result.groups.forEach((group, groupIndex) => {
        const advancing = group.table.rows.filter((row) => row.place <= rules.advancePerGroup);
        const expected = Math.min(rules.advancePerGroup, group.teamIds.length);
        if (advancing.length !== expected) result.waitingForDecision.push(group.id);
        advancing.slice(0, expected).forEach((row, tier) => {
          (tiers[tier] ??= []).push({ teamId: row.teamId, group: groupIndex });
        });
      });
      if (result.waitingForDecision.length === 0 && tiers.flat().length >= 2) {
        const slots = playoffSlots(tiers);
        result.bracketMatches = singleEliminationMatches(slots.length, rules.thirdPlaceMatch);
        result.bracket = resolveBracket(result.bracketMatches, slots, play('extension'));
      }
    }
  } else {
    const slots = draw.bracket.map(forgetUnknown);
    result.bracketMatches =
      draw.format === 'single-elimination'
        ? singleEliminationMatches(slots.length, rules.thirdPlaceMatch)
        : doubleEliminationMatches(slots.length);
    result.bracket = resolveBracket(result.bracketMatches, slots, play('extension'));
  }
  return finishWarnings(result, byMatch, used);
}

function finishWarnings(
  result: SumoTournament,
  byMatch: Map<string, MatchEntry[]>,
  used: Set<string>,
): SumoTournament {
  for (const [matchId, list] of byMatch) {
    if (used.has(matchId)) continue;
    for (const { entryId } of list) {
      result.warnings.push({
        entryId,
        key: 'scoring.sumo.matchNotScheduled',
        message: `match ${matchId} is not (yet) a match of this tournament between known teams; kept but not counted`,
      });
    }
  }
  return result;
}

/** Position of each team in name order, whatever the order of the team list. */
export function teamNameRank(teams: readonly TeamRef[]): Map<string, number> {
  const index = indexTeams(teams);
  return new Map(index.teams.map((t, i) => [t.id, index.nameRank[i]]));
}
