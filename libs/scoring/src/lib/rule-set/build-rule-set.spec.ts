import { buildRuleSet, validateRuleSet } from './build-rule-set';
import { presetRuleSet, RULE_SET_PRESETS } from './presets';

describe('rule-set presets', () => {
  it('has the default (docs/rules.md) of every discipline, mini-sumo and a micromouse maze', () => {
    const names = RULE_SET_PRESETS.map((p) => p.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'maze-default',
        'sumo-default',
        'programming-default',
        'creative-default',
        'mini-sumo',
        'maze-micromouse',
      ]),
    );
    for (const discipline of ['maze', 'sumo', 'programming', 'creative']) {
      expect(
        RULE_SET_PRESETS.some(
          (p) => p.discipline === discipline && p.name === `${discipline}-default`,
        ),
      ).toBe(true);
    }
  });

  it.each(RULE_SET_PRESETS.map((p) => p.name))('%s passes its own validation', (name) => {
    const ruleSet = presetRuleSet(name);
    expect(validateRuleSet(ruleSet)).toEqual({ ok: true, value: ruleSet });
  });

  it('carries the maze defaults of docs/rules.md as parameters', () => {
    expect(presetRuleSet('maze-default')).toMatchObject({
      discipline: 'maze',
      schemaVersion: 1,
      params: {
        attempts: 3,
        timeLimitMs: 180_000,
        touchPenalty: { mode: 'time', ms: 10_000 },
        stallMs: 10_000,
        teamResult: { mode: 'best' },
      },
    });
  });

  it('hands out copies: editing one does not change the preset', () => {
    const copy = presetRuleSet('maze-default') as { params: { attempts: number } };
    copy.params.attempts = 9;
    expect(
      (presetRuleSet('maze-default') as { params: { attempts: number } }).params.attempts,
    ).toBe(3);
    expect(Object.isFrozen(RULE_SET_PRESETS[0].ruleSet.params)).toBe(true);
  });

  it('returns undefined for an unknown preset', () => {
    expect(presetRuleSet('chess')).toBeUndefined();
  });
});

describe('buildRuleSet', () => {
  it('applies overrides by parameter name and by dotted path', () => {
    const built = buildRuleSet('sumo-default', {
      'match.pointsToWin': 3,
      'match.maxRounds': 5,
      'tournament.format': 'double-elimination',
    });
    expect(built.ok && built.value.discipline === 'sumo' && built.value.params.match).toMatchObject(
      { pointsToWin: 3, maxRounds: 5 },
    );
    expect(built.ok && built.value.preset).toBe('sumo-default');
  });

  it('explains a value out of range: "attempts must be 1–10"', () => {
    expect(buildRuleSet('maze-default', { attempts: 11 })).toEqual({
      ok: false,
      errors: [
        {
          path: 'attempts',
          key: 'scoring.validation.range',
          message: 'attempts must be 1–10',
          params: { field: 'attempts', min: 1, max: 10 },
        },
      ],
    });
  });

  it('refuses a parameter the preset does not have, and an unknown preset', () => {
    const unknownParam = buildRuleSet('maze-default', { lives: 3 });
    expect(!unknownParam.ok && unknownParam.errors[0]).toMatchObject({
      path: 'lives',
      key: 'scoring.rules.unknownParameter',
    });
    const unknownPreset = buildRuleSet('chess-default');
    expect(!unknownPreset.ok && unknownPreset.errors[0]).toMatchObject({
      path: 'preset',
      key: 'scoring.rules.unknownPreset',
    });
  });

  it('checks parameters against each other', () => {
    const tooMany = buildRuleSet('maze-default', { teamResult: { mode: 'sum-best', count: 4 } });
    expect(!tooMany.ok && tooMany.errors[0]).toMatchObject({
      path: 'teamResult.count',
      key: 'scoring.maze.countAboveAttempts',
    });
    const rounds = buildRuleSet('sumo-default', { 'match.pointsToWin': 3 });
    expect(!rounds.ok && rounds.errors[0]).toMatchObject({
      path: 'match.maxRounds',
      key: 'scoring.sumo.tooFewRounds',
    });
    const icpc = buildRuleSet('programming-default', { submissions: 'icpc' });
    expect(!icpc.ok && icpc.errors[0]).toMatchObject({
      path: 'submissionTime',
      key: 'scoring.programming.icpcNeedsTime',
    });
    const tie = buildRuleSet('creative-default', { tieBreaks: ['criterion:speed'] });
    expect(!tie.ok && tie.errors[0]).toMatchObject({
      path: 'tieBreaks.0',
      key: 'scoring.creative.unknownCriterion',
    });
  });

  it('switches a discriminated parameter as a whole', () => {
    const built = buildRuleSet('maze-default', { touchPenalty: { mode: 'void' } });
    expect(built.ok && built.value.params).toMatchObject({ touchPenalty: { mode: 'void' } });
    const mixed = buildRuleSet('maze-default', { 'touchPenalty.mode': 'void' });
    expect(mixed.ok).toBe(false);
  });
});

describe('validateRuleSet', () => {
  it('reports the path inside the stored rule set', () => {
    const stored = {
      ...(presetRuleSet('maze-default') as object),
      params: { ...(presetRuleSet('maze-default') as { params: object }).params, attempts: 0 },
    };
    const result = validateRuleSet(stored);
    expect(!result.ok && result.errors[0]).toMatchObject({
      path: 'params.attempts',
      message: 'attempts must be 1–10',
    });
  });

  it('refuses an unknown schema version and an unknown discipline', () => {
    expect(
      validateRuleSet({ ...(presetRuleSet('maze-default') as object), schemaVersion: 2 }).ok,
    ).toBe(false);
    expect(
      validateRuleSet({ discipline: 'chess', preset: 'x', schemaVersion: 1, params: {} }).ok,
    ).toBe(false);
    expect(validateRuleSet(null).ok).toBe(false);
  });
});
