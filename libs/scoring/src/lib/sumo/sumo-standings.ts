import type { TeamRef } from '../ledger.types';
import type { CategoryScore, EffectiveEntry, RowDraft } from '../standings/discipline-engine';
import type { ResolvedMatch } from './bracket-resolve';
import type { BracketMatch } from './bracket-structure';
import type { SumoRuleSet } from './sumo-rules';
import { sumoTournament, teamNameRank, type SumoTournament } from './tournament';

interface Progress {
  /** Higher is a better place. */
  value: number;
  /** The place can no longer change. */
  final: boolean;
  /** Where the team is: a group, or the id of its last bracket match. */
  stage: string;
}

interface Record3 {
  wins: number;
  draws: number;
  losses: number;
}

/** Each bracket team's progress from the last bracket match it is in. */
function bracketProgress(
  bracket: readonly ResolvedMatch[],
  structure: readonly BracketMatch[],
): Map<string, Progress> {
  const values = new Map(structure.map((m) => [m.id, m]));
  const last = new Map<string, ResolvedMatch>();
  for (const match of bracket) {
    if (typeof match.a === 'string') last.set(match.a, match);
    if (typeof match.b === 'string') last.set(match.b, match);
  }
  const out = new Map<string, Progress>();
  for (const [teamId, match] of last) {
    const spec = values.get(match.id) as BracketMatch;
    const outcome = match.outcome;
    if (!outcome) out.set(teamId, { value: spec.reachValue, final: false, stage: match.id });
    else if (outcome.how === 'double-no-show')
      out.set(teamId, { value: 0, final: true, stage: match.id });
    else if (outcome.winner === teamId)
      out.set(teamId, { value: spec.winnerValue, final: true, stage: match.id });
    else out.set(teamId, { value: spec.loserValue, final: true, stage: match.id });
  }
  return out;
}

function matchRecords(tournament: SumoTournament): Map<string, Record3> {
  const out = new Map<string, Record3>();
  const add = (team: string, key: keyof Record3) => {
    const r = out.get(team) ?? { wins: 0, draws: 0, losses: 0 };
    r[key] += 1;
    out.set(team, r);
  };
  const all = [...tournament.groups.flatMap((g) => g.matches), ...tournament.bracket];
  for (const match of all) {
    if (
      !match.outcome ||
      match.outcome.how === 'bye' ||
      typeof match.a !== 'string' ||
      typeof match.b !== 'string'
    )
      continue;
    for (const team of [match.a, match.b]) {
      if (match.outcome.winner === team) add(team, 'wins');
      else if (match.outcome.how === 'draw') add(team, 'draws');
      else add(team, 'losses');
    }
  }
  return out;
}

/**
 * Places from the tournament: a team's place is 1 + the number of teams that got further (later
 * elimination, better group place), so teams out at the same stage share it (5, 5, 5, 5). While
 * the tournament runs, the places are provisional for teams still in it. Teams that have not
 * played a match yet are not scored.
 */
export function sumoStandings(
  ruleSet: SumoRuleSet,
  teams: readonly TeamRef[],
  entries: readonly EffectiveEntry[],
): CategoryScore {
  const tournament = sumoTournament(ruleSet, teams, entries);
  const records = matchRecords(tournament);
  const progress = bracketProgress(tournament.bracket, tournament.bracketMatches);
  const groupOf = new Map<
    string,
    {
      group: string;
      row: SumoTournament['groups'][number]['table']['rows'][number];
      complete: boolean;
    }
  >();
  for (const group of tournament.groups) {
    for (const row of group.table.rows)
      groupOf.set(row.teamId, { group: group.id, row, complete: group.table.complete });
  }
  const playoffBuilt = tournament.bracket.length > 0;
  const advancing = new Set(progress.keys());
  for (const [teamId, g] of groupOf) {
    if (advancing.has(teamId)) continue;
    const eliminatedForGood =
      g.complete && (ruleSet.params.tournament.format === 'round-robin' || playoffBuilt);
    progress.set(teamId, {
      value: -g.row.place,
      final: eliminatedForGood,
      stage: `group:${g.group}`,
    });
  }

  const drawn = [...progress.keys()];
  const values = drawn.map((id) => (progress.get(id) as Progress).value);
  const rows: RowDraft[] = [];
  for (const teamId of drawn) {
    const p = progress.get(teamId) as Progress;
    const record = records.get(teamId) ?? { wins: 0, draws: 0, losses: 0 };
    const played = record.wins + record.draws + record.losses;
    const group = groupOf.get(teamId);
    const detail: Record<string, unknown> = { ...record, stage: p.stage };
    if (group) {
      Object.assign(detail, {
        group: group.group,
        groupPlace: group.row.place,
        groupPoints: group.row.points,
        roundsWon: group.row.roundsWon,
        roundsLost: group.row.roundsLost,
      });
    }
    const display = group
      ? `${group.row.points} (${record.wins}-${record.draws}-${record.losses})`
      : `${record.wins}-${record.losses}`;
    if (played === 0) {
      rows.push({ teamId, status: 'not-scored', place: null, primary: null, display: '', detail });
      continue;
    }
    const place = 1 + values.filter((v) => v > p.value).length;
    rows.push({
      teamId,
      status: 'ranked',
      place,
      primary: record.wins,
      display,
      detail,
      provisional: !p.final,
    });
  }
  const nameRank = teamNameRank(teams);
  rows.sort(
    (x, y) =>
      (x.place ?? Infinity) - (y.place ?? Infinity) ||
      (nameRank.get(x.teamId) ?? 0) - (nameRank.get(y.teamId) ?? 0),
  );
  return { rows, warnings: tournament.warnings };
}
