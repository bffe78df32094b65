import type { LedgerRecord, TeamRef } from '../ledger.types';
import { buildRuleSet, validateRuleSet } from '../rule-set/build-rule-set';
import { presetRuleSet } from '../rule-set/presets';
import type { MazeRuleSet } from '../rule-set/rule-set';
import { computeStandings } from '../standings/compute-standings';
import type { MazeAttemptPayload } from './maze-entries';
import { unfinishedTeamsOf, type MazeParams } from './maze-rules';

/**
 * Scenario fixtures for `unfinishedTeams` (docs/rules.md#a-team-with-no-finish-and-no-checkpoint-unfinishedteams), on the default maze rules (3
 * attempts, best counts, no checkpoints):
 *
 * - Arlan finishes in 0:41 and Tulpar in 0:56;
 * - Samuryk and Kyran start all three attempts and never finish (no checkpoint to reach);
 * - Berkut has no entry at all.
 */
const TEAMS: TeamRef[] = ['arlan', 'tulpar', 'samuryk', 'kyran', 'berkut'].map((id) => ({
  id,
  name: id,
  status: 'active',
}));

let seq = 0;
function attempt(teamId: string, n: number, timeMs: number | null): LedgerRecord {
  seq += 1;
  const payload: MazeAttemptPayload = {
    attempt: n,
    outcome: timeMs === null ? 'not-finished' : 'finished',
    timeMs,
    touches: 0,
    checkpoints: [],
    lastCheckpointMs: null,
    endedBy: timeMs === null ? 'stall' : null,
    timing: 'stopwatch',
  };
  return {
    id: `e${seq}`,
    seq,
    kind: 'maze.attempt',
    teamId,
    payload,
    supersedes: null,
    authorId: 'judge',
    recordedAt: '2026-12-05T10:00:00.000Z',
  };
}

const ENTRIES: LedgerRecord[] = [
  attempt('arlan', 1, 41_000),
  attempt('tulpar', 1, 56_000),
  ...[1, 2, 3].flatMap((n) => [attempt('samuryk', n, null), attempt('kyran', n, null)]),
];

function mazeWith(unfinishedTeams?: MazeParams['unfinishedTeams']): MazeRuleSet {
  const built = buildRuleSet('maze-default', unfinishedTeams ? { unfinishedTeams } : {});
  if (!built.ok) throw new Error('the maze preset does not build');
  return built.value as MazeRuleSet;
}

const table = (ruleSet: MazeRuleSet) =>
  computeStandings(ruleSet, TEAMS, ENTRIES).rows.map((r) => [r.teamId, r.place, r.status]);

describe('maze: a team with no finish and no checkpoint (unfinishedTeams)', () => {
  it("'unplaced' (the default): listed as not finished, after the placed teams, without a place", () => {
    expect(mazeWith().params.unfinishedTeams).toBe('unplaced');
    expect(table(mazeWith('unplaced'))).toEqual([
      ['arlan', 1, 'ranked'],
      ['tulpar', 2, 'ranked'],
      ['kyran', null, 'dnf'],
      ['samuryk', null, 'dnf'],
      ['berkut', null, 'not-scored'],
    ]);
  });

  it("'placed-after-finishers': one place shared by every such team, right after the last team with a result", () => {
    const rows = computeStandings(mazeWith('placed-after-finishers'), TEAMS, ENTRIES).rows;
    // Nothing tells Kyran from Samuryk, so they share 3rd; a team with no entry is still not scored.
    expect(rows.map((r) => [r.teamId, r.place, r.status])).toEqual([
      ['arlan', 1, 'ranked'],
      ['tulpar', 2, 'ranked'],
      ['kyran', 3, 'ranked'],
      ['samuryk', 3, 'ranked'],
      ['berkut', null, 'not-scored'],
    ]);
    expect(rows.slice(2, 4).map((r) => [r.primary, r.display])).toEqual([
      [null, '—'],
      [null, '—'],
    ]);
    expect(rows[2].detail['finished']).toBe(false);
  });

  it('reads a rule set stored before the option existed as the behaviour it had', () => {
    const stored = presetRuleSet('maze-default') as MazeRuleSet;
    const { unfinishedTeams: _dropped, ...legacyParams } = stored.params;
    const read = validateRuleSet({ ...stored, params: legacyParams });
    expect(read.ok && read.value.discipline === 'maze' && read.value.params.unfinishedTeams).toBe(
      'unplaced',
    );
    expect(unfinishedTeamsOf(legacyParams as MazeParams)).toBe('unplaced');
  });

  it('refuses a value that is not one of the two settings', () => {
    const built = buildRuleSet('maze-default', { unfinishedTeams: 'last' });
    expect(built.ok).toBe(false);
  });
});
