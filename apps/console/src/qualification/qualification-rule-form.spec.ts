import { RULE_DRAFT_DEFAULT, ruleOf } from './qualification-rule-form';

describe('ruleOf: the rule the organiser typed', () => {
  it('is the library default as the tab opens', () => {
    expect(ruleOf(RULE_DRAFT_DEFAULT)).toEqual({
      selection: { mode: 'top-n', n: 3 },
      perAgeGroup: true,
      threshold: { kind: 'finished' },
      carryOver: false,
    });
  });

  it('keeps a percentage within 1–100 and a number of places within 0–1000', () => {
    expect(
      ruleOf({ ...RULE_DRAFT_DEFAULT, mode: 'top-percent', topPercent: '250' })?.selection,
    ).toEqual({
      mode: 'top-percent',
      percent: 100,
    });
    expect(
      ruleOf({ ...RULE_DRAFT_DEFAULT, mode: 'top-percent', topPercent: '' })?.selection,
    ).toEqual({
      mode: 'top-percent',
      percent: 1,
    });
    expect(ruleOf({ ...RULE_DRAFT_DEFAULT, topN: '-2' })?.selection).toEqual({
      mode: 'top-n',
      n: 0,
    });
  });

  it('reads a time as results are typed, and has no rule while the time cannot be read', () => {
    const draft = { ...RULE_DRAFT_DEFAULT, threshold: 'max-primary' as const };
    expect(ruleOf({ ...draft, maxTime: '1:30.5' })?.threshold).toEqual({
      kind: 'max-primary',
      value: 90_500,
    });
    expect(ruleOf({ ...draft, maxTime: '90' })?.threshold).toEqual({
      kind: 'max-primary',
      value: 90_000,
    });
    expect(ruleOf({ ...draft, maxTime: 'бір минут' })).toBeNull();
    expect(ruleOf({ ...draft, maxTime: '' })).toBeNull();
    expect(
      ruleOf({ ...RULE_DRAFT_DEFAULT, threshold: 'min-primary', minPoints: '40' })?.threshold,
    ).toEqual({ kind: 'min-primary', value: 40 });
  });
});
