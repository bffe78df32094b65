import { LANGUAGES, ruleLinesText } from '@olympiad/i18n';
import { describeRuleSet } from '../rule-set/describe-rule-set';
import { presetRuleSet } from '../rule-set/presets';
import { validateRuleSet } from '../rule-set/build-rule-set';
import type { RuleSet } from '../rule-set/rule-set';
import {
  checkInspection,
  inspectionLimitsOf,
  inspectionRequiredOf,
  sumoMatchPlayers,
  type InspectionLimits,
} from './inspection-rules';

const sumo: InspectionLimits = { massG: 1_000, widthMm: 150, lengthMm: 150 };

describe('checkInspection', () => {
  it('passes a robot within every limit, the limit itself included', () => {
    expect(checkInspection(sumo, { massG: 1_000, widthMm: 150, lengthMm: 149 })).toEqual({
      passed: true,
      failures: [],
    });
  });

  it('names each limit the robot exceeds with the measurement and the maximum', () => {
    expect(checkInspection(sumo, { massG: 1_012, widthMm: 150, lengthMm: 151 })).toEqual({
      passed: false,
      failures: [
        { limit: 'massG', measured: 1_012, max: 1_000 },
        { limit: 'lengthMm', measured: 151, max: 150 },
      ],
    });
  });

  it('fails a limit that applies but was not measured', () => {
    const verdict = checkInspection(sumo, { massG: null, widthMm: 100, lengthMm: 100 });
    expect(verdict.failures).toEqual([{ limit: 'massG', measured: null, max: 1_000 }]);
  });

  it('does not check a limit the rules do not set', () => {
    const maze: InspectionLimits = { massG: null, widthMm: 250, lengthMm: 250 };
    expect(checkInspection(maze, { massG: 5_000, widthMm: 200, lengthMm: 250 }).passed).toBe(true);
  });
});

describe('inspection in the rule set', () => {
  it('takes the sumo limits from the class and the maze ones from the robot size', () => {
    expect(inspectionLimitsOf(presetRuleSet('mini-sumo') as RuleSet)).toEqual({
      massG: 500,
      widthMm: 100,
      lengthMm: 100,
    });
    expect(inspectionLimitsOf(presetRuleSet('maze-default') as RuleSet)).toEqual({
      massG: null,
      widthMm: 250,
      lengthMm: 250,
    });
    expect(inspectionLimitsOf(presetRuleSet('programming-default') as RuleSet)).toBeNull();
  });

  it('reads a stored rule set without the keys as not requiring inspection, with default limits', () => {
    const stored = presetRuleSet('maze-default') as RuleSet & { params: Record<string, unknown> };
    delete stored.params['inspectionRequired'];
    delete stored.params['robot'];
    const read = validateRuleSet(stored);
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    expect(inspectionRequiredOf(read.value)).toBe(false);
    expect(inspectionLimitsOf(read.value)?.widthMm).toBe(250);
    const raw = presetRuleSet('sumo-default') as RuleSet & { params: Record<string, unknown> };
    delete raw.params['inspectionRequired'];
    expect(inspectionRequiredOf(raw)).toBe(false);
  });

  it('requires inspection where the organiser turns it on', () => {
    const sumoRules = presetRuleSet('sumo-default') as RuleSet;
    if (sumoRules.discipline !== 'sumo') throw new Error('sumo preset');
    sumoRules.params.inspectionRequired = true;
    expect(inspectionRequiredOf(sumoRules)).toBe(true);
  });
});

describe('sumoMatchPlayers', () => {
  it('lists both teams of a match that is played', () => {
    const payload = {
      matchId: 'G1-1',
      a: 'red',
      b: 'white',
      events: [{ type: 'point' as const, side: 'a' as const }],
    };
    expect(sumoMatchPlayers(payload)).toEqual(['red', 'white']);
  });

  it('leaves out a side that loses by no-show or disqualification without playing', () => {
    expect(
      sumoMatchPlayers({
        matchId: 'G1-1',
        a: 'red',
        b: 'white',
        events: [{ type: 'no-show', side: 'b' }],
      }),
    ).toEqual(['red']);
    expect(
      sumoMatchPlayers({
        matchId: 'G1-1',
        a: 'red',
        b: 'white',
        events: [{ type: 'no-show', side: 'both' }],
      }),
    ).toEqual([]);
    expect(
      sumoMatchPlayers({
        matchId: 'G1-1',
        a: 'red',
        b: 'white',
        events: [{ type: 'disqualification', side: 'a' }],
      }),
    ).toEqual(['white']);
  });
});

describe('inspection in the rules in words', () => {
  it('says nothing of inspection while the rules do not require it', () => {
    const keys = describeRuleSet(presetRuleSet('maze-default') as RuleSet).map((l) => l.key);
    expect(keys.filter((key) => key.startsWith('rules.inspection'))).toEqual([]);
  });

  it('states the maze robot size and the sumo weigh-in when inspection is required', () => {
    const maze = presetRuleSet('maze-default') as RuleSet;
    const sumo = presetRuleSet('mini-sumo') as RuleSet;
    if (maze.discipline !== 'maze' || sumo.discipline !== 'sumo') throw new Error('presets');
    maze.params.inspectionRequired = true;
    sumo.params.inspectionRequired = true;
    expect(describeRuleSet(maze)).toContainEqual({
      key: 'rules.inspection.maze',
      params: { width: 250, length: 250 },
    });
    expect(describeRuleSet(sumo)).toContainEqual({ key: 'rules.inspection.sumo' });
    for (const lang of LANGUAGES) {
      expect(ruleLinesText(lang, describeRuleSet(maze))).toMatch(/250×250/);
    }
  });
});
