import { presetRuleSet } from '../rule-set/presets';
import type { RuleSet } from '../rule-set/rule-set';
import { entryKindsOf, validateEntry } from './validate-entry';

const maze = presetRuleSet('maze-default') as RuleSet;
const sumo = presetRuleSet('sumo-default') as RuleSet;

describe('validateEntry', () => {
  it('names the kinds a discipline takes when the kind is unknown', () => {
    expect(entryKindsOf(maze)).toEqual(['maze.attempt', 'void', 'team.status', 'ranking.decision']);
    const result = validateEntry(maze, { kind: 'sumo.match', teamId: null, payload: {} });
    expect(!result.ok && result.errors[0]).toMatchObject({
      path: 'kind',
      key: 'scoring.ledger.unknownKind',
      params: { value: 'sumo.match' },
    });
  });

  it('returns the parsed payload with defaults filled in', () => {
    const result = validateEntry(maze, {
      kind: 'maze.attempt',
      teamId: 't1',
      payload: { attempt: 2, outcome: 'finished', timeMs: 61_000 },
    });
    expect(result).toEqual({
      ok: true,
      value: {
        kind: 'maze.attempt',
        teamId: 't1',
        payload: {
          attempt: 2,
          outcome: 'finished',
          timeMs: 61_000,
          touches: 0,
          checkpoints: [],
          lastCheckpointMs: null,
          endedBy: null,
          timing: null,
        },
      },
    });
  });

  it('prefixes payload errors with "payload."', () => {
    const result = validateEntry(maze, {
      kind: 'maze.attempt',
      teamId: 't1',
      payload: { attempt: 1, outcome: 'finished', timeMs: 1.5 },
    });
    expect(!result.ok && result.errors.map((e) => e.path)).toEqual(['payload.timeMs']);
  });

  it('checks whether an entry names a team', () => {
    const noTeam = validateEntry(maze, {
      kind: 'maze.attempt',
      teamId: null,
      payload: { attempt: 1, outcome: 'void' },
    });
    expect(!noTeam.ok && noTeam.errors[0].key).toBe('scoring.ledger.teamRequired');
    const withTeam = validateEntry(sumo, {
      kind: 'sumo.match',
      teamId: 't1',
      payload: { matchId: 'R1-M1', a: 'x', b: 'y', events: [{ type: 'draw' }] },
    });
    expect(!withTeam.ok && withTeam.errors[0].key).toBe('scoring.ledger.teamNotAllowed');
  });

  it('wants a void to name the entry it removes, when supersedes is given', () => {
    const result = validateEntry(maze, {
      kind: 'void',
      teamId: null,
      payload: {},
      supersedes: null,
    });
    expect(!result.ok && result.errors[0].key).toBe('scoring.ledger.voidNeedsTarget');
    expect(
      validateEntry(maze, {
        kind: 'void',
        teamId: null,
        payload: { reason: 'false start' },
        supersedes: 'e1',
      }).ok,
    ).toBe(true);
  });

  it('refuses sumo events that do not exist', () => {
    const result = validateEntry(sumo, {
      kind: 'sumo.match',
      teamId: null,
      payload: { matchId: 'A-1', a: 'x', b: 'y', events: [{ type: 'yuko' }] },
    });
    expect(result.ok).toBe(false);
  });
});
