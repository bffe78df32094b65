import type { LedgerRecord, TeamRef } from '../ledger.types';
import { presetRuleSet } from '../rule-set/presets';
import type { RuleSet } from '../rule-set/rule-set';
import { computeStandings } from './compute-standings';
import { rowResultText, tablePrecisionOf } from './result-text';

const teams: TeamRef[] = ['Alpha', 'Bravo', 'Charlie'].map((name) => ({
  id: name.toLowerCase(),
  name,
  status: 'active',
}));

let seq = 0;
function attempt(teamId: string, payload: Record<string, unknown>, attemptNo = 1): LedgerRecord {
  seq += 1;
  return {
    id: `e${seq}`,
    seq,
    kind: 'maze.attempt',
    teamId,
    payload: { attempt: attemptNo, outcome: 'finished', touches: 0, ...payload },
    supersedes: null,
    authorId: 'judge',
    recordedAt: '2026-05-01T09:00:00.000Z',
  };
}

function shown(ruleSet: RuleSet, entries: LedgerRecord[]): Record<string, string> {
  const { rows } = computeStandings(ruleSet, teams, entries);
  const precision = tablePrecisionOf(rows);
  return Object.fromEntries(rows.map((row) => [row.teamId, rowResultText(row, precision)]));
}

const maze = presetRuleSet('maze-default') as RuleSet;

describe('a result as a table shows it', () => {
  it('writes a whole-second hand time with thousandths beside a sensor time', () => {
    const texts = shown(maze, [
      attempt('alpha', { timeMs: 56_838, timing: 'sensor' }),
      attempt('bravo', { timeMs: 41_000, timing: null }),
    ]);
    expect(texts).toEqual({ alpha: '0:56.838', bravo: '0:41.000', charlie: '' });
  });

  it('writes hundredths when every time in the table is a stopwatch time, cut not rounded', () => {
    const texts = shown(maze, [
      attempt('alpha', { timeMs: 56_839, timing: 'stopwatch' }),
      attempt('bravo', { timeMs: 41_000, timing: 'stopwatch' }),
    ]);
    expect(texts).toEqual({ alpha: '0:56.83', bravo: '0:41.00', charlie: '' });
  });

  it('gives each row the precision of its counted time and keeps display in it', () => {
    const { rows } = computeStandings(maze, teams, [
      attempt('alpha', { timeMs: 56_838, timing: 'sensor' }),
      attempt('bravo', { timeMs: 41_000, timing: 'stopwatch' }),
    ]);
    const byTeam = Object.fromEntries(rows.map((row) => [row.teamId, row]));
    expect(byTeam['alpha']).toMatchObject({ timePrecision: 'ms', display: '0:56.838' });
    expect(byTeam['bravo']).toMatchObject({ timePrecision: 'cs', display: '0:41.00' });
    expect(byTeam['charlie'].timePrecision).toBeUndefined();
  });

  it('keeps the points and the finished count around the time', () => {
    const checkpoints = presetRuleSet('maze-checkpoints') as RuleSet;
    const texts = shown(checkpoints, [
      attempt('alpha', { timeMs: 50_125, timing: 'sensor' }),
      attempt('bravo', { timeMs: 47_000, timing: 'stopwatch' }),
    ]);
    expect(texts['alpha']).toBe('60 · 0:50.125');
    expect(texts['bravo']).toBe('60 · 0:47.000');
  });

  it('leaves results that are not times as they are', () => {
    expect(rowResultText({ display: '250', primary: 25_000 }, 'ms')).toBe('250');
    expect(tablePrecisionOf([{}, {}])).toBe('cs');
  });
});
