import { isMessageKey, LANGUAGES, ruleLinesText } from '@olympiad/i18n';
import { CREATIVE_DEFAULT_PARAMS } from '../creative/creative-rules';
import { MAZE_DEFAULT_PARAMS } from '../maze/maze-rules';
import { PROGRAMMING_DEFAULT_PARAMS } from '../programming/programming-rules';
import { SUMO_DEFAULT_PARAMS } from '../sumo/sumo-rules';
import { describeRuleSet, durationText, ruleLineKeys } from './describe-rule-set';
import { presetRuleSet, RULE_SET_PRESETS } from './presets';
import type { RuleSet } from './rule-set';

const maze = presetRuleSet('maze-default') as RuleSet & { discipline: 'maze' };
const sumo = presetRuleSet('sumo-default') as RuleSet & { discipline: 'sumo' };
const programming = presetRuleSet('programming-default') as RuleSet & { discipline: 'programming' };
const creative = presetRuleSet('creative-default') as RuleSet & { discipline: 'creative' };

/** Every preset, and variants that reach the branches no preset uses. */
const ruleSets: RuleSet[] = [
  ...RULE_SET_PRESETS.map((preset) => preset.ruleSet),
  { ...maze, params: { ...MAZE_DEFAULT_PARAMS, teamResult: { mode: 'sum-best', count: 2 } } },
  { ...maze, params: { ...MAZE_DEFAULT_PARAMS, teamResult: { mode: 'mean' }, attempts: 1 } },
  {
    ...sumo,
    params: {
      ...SUMO_DEFAULT_PARAMS,
      match: {
        ...SUMO_DEFAULT_PARAMS.match,
        timing: 'per-round',
        start: 'remote',
        extension: { enabled: false, timeMs: 60_000 },
        groupMatchTie: 'extension',
        nullStartReplays: 0,
        warningsPerPoint: 1,
      },
      tournament: { ...SUMO_DEFAULT_PARAMS.tournament, format: 'round-robin', seeding: 'random' },
    },
  },
  {
    ...sumo,
    params: {
      ...SUMO_DEFAULT_PARAMS,
      tournament: { ...SUMO_DEFAULT_PARAMS.tournament, format: 'single-elimination' },
    },
  },
  {
    ...programming,
    params: { ...PROGRAMMING_DEFAULT_PARAMS, credit: 'per-group', submissions: 'last' },
  },
  {
    ...programming,
    params: { ...PROGRAMMING_DEFAULT_PARAMS, credit: 'all-or-nothing', tieBreaks: ['decision'] },
  },
  ...(['mean', 'median', 'normalised'] as const).map((combine): RuleSet => ({
    ...creative,
    params: { ...CREATIVE_DEFAULT_PARAMS, combine },
  })),
];

describe('a rule set described for people', () => {
  it('reads the default maze rules as sentences', () => {
    expect(ruleLinesText('en', describeRuleSet(maze))).toBe(
      'Best of 3 attempts; time limit 3:00; touch penalty +10 s; a robot still for 10 s ends the attempt; ties decided by: the second-best attempt, fewer touches; a team with no finish and no checkpoint gets no place; protests accepted until 30 minutes after the results are published',
    );
    expect(ruleLinesText('ru', describeRuleSet(maze))).toMatch(
      /^Лучшая из 3 попыток; лимит времени 3:00; штраф за касание \+10 с;/,
    );
    expect(ruleLinesText('kk', describeRuleSet(maze))).toMatch(
      /^3 әрекеттің үздігі; уақыт шегі 3:00; жанасу айыбы \+10 с;/,
    );
  });

  it.each(ruleSets.map((ruleSet, i) => [`${ruleSet.preset} #${i}`, ruleSet] as const))(
    'has every statement of %s in every language, with no parameter name left',
    (_name, ruleSet) => {
      const lines = describeRuleSet(ruleSet);
      for (const key of ruleLineKeys(lines))
        expect(isMessageKey(key) ? key : `missing ${key}`).toBe(key);
      for (const lang of LANGUAGES) {
        const text = ruleLinesText(lang, lines);
        expect(text).not.toMatch(/[{}]|Ms\b|"|undefined|NaN/);
      }
    },
  );

  it('says how a level group match ends only where there are groups', () => {
    const keys = (ruleSet: RuleSet) => ruleLineKeys(describeRuleSet(ruleSet));
    expect(keys(sumo)).toContain('rules.sumo.groupMatchTie.draw');
    expect(keys(presetRuleSet('mini-sumo') as RuleSet).join()).not.toContain('groupMatchTie');
  });

  it('writes durations as minutes and seconds', () => {
    expect(durationText(180_000)).toBe('3:00');
    expect(durationText(90_000)).toBe('1:30');
    expect(durationText(2_500)).toBe('0:02.5');
  });
});

describe('a preset', () => {
  it.each(RULE_SET_PRESETS.map((preset) => preset.name))(
    '%s has a name in the catalogs',
    (name) => {
      expect(isMessageKey(`preset.${name}`)).toBe(true);
    },
  );
});

describe('counts in the rules', () => {
  const ru = (ruleSet: RuleSet) => ruleLinesText('ru', describeRuleSet(ruleSet));
  const en = (ruleSet: RuleSet) => ruleLinesText('en', describeRuleSet(ruleSet));
  const mazeWith = (params: Partial<typeof MAZE_DEFAULT_PARAMS>): RuleSet => ({
    ...maze,
    params: { ...MAZE_DEFAULT_PARAMS, ...params },
  });

  it('take the plural form each number needs', () => {
    expect(ru(mazeWith({ attempts: 1 }))).toMatch(/^1 попытка;/);
    expect(ru(mazeWith({ attempts: 2 }))).toMatch(/^Лучшая из 2 попыток;/);
    expect(en(mazeWith({ attempts: 1 }))).toMatch(/^1 attempt;/);
    expect(ru(mazeWith({ touchPenalty: { mode: 'points', points: 1 } }))).toContain(
      '−1 балл за касание',
    );
    expect(ru(mazeWith({ touchPenalty: { mode: 'points', points: 5 } }))).toContain(
      '−5 баллов за касание',
    );
    expect(en(mazeWith({ touchPenalty: { mode: 'points', points: 1 } }))).toContain(
      '1 point off per touch',
    );
    const sumoWith = (match: Partial<typeof SUMO_DEFAULT_PARAMS.match>): RuleSet => ({
      ...sumo,
      params: { ...SUMO_DEFAULT_PARAMS, match: { ...SUMO_DEFAULT_PARAMS.match, ...match } },
    });
    expect(ru(sumoWith({ warningsPerPoint: 5 }))).toContain(
      'каждые 5 предупреждений дают сопернику очко',
    );
    expect(ru(sumoWith({ warningsPerPoint: 1 }))).toContain(
      'каждое предупреждение даёт сопернику очко',
    );
    expect(ru(sumoWith({ nullStartReplays: 2 }))).toContain('переигрываются 2 фальстарта');
    expect(en(sumoWith({ pointsToWin: 1, maxRounds: 1 }))).toContain('1 point wins the match');
  });
});
