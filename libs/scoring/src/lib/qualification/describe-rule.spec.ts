import { describeQualificationRule } from './describe-rule';
import { QUALIFICATION_DEFAULT, type QualificationRule } from './qualification-rules';

const rule = (overrides: Partial<QualificationRule>): QualificationRule => ({
  ...QUALIFICATION_DEFAULT,
  ...overrides,
});

describe('describeQualificationRule', () => {
  it('says the default rule: top 3 per category and age group, a finished attempt', () => {
    expect(describeQualificationRule(QUALIFICATION_DEFAULT)).toEqual([
      { key: 'scoring.qualificationRule.topN', params: { count: 3 } },
      { key: 'scoring.qualificationRule.perAgeGroup', params: {} },
      { key: 'scoring.qualificationRule.finished', params: {} },
    ]);
  });

  it('says a top percentage over whole categories with a ranked result', () => {
    expect(
      describeQualificationRule(
        rule({
          selection: { mode: 'top-percent', percent: 20 },
          perAgeGroup: false,
          threshold: { kind: 'ranked' },
        }),
      ),
    ).toEqual([
      { key: 'scoring.qualificationRule.topPercent', params: { percent: 20 } },
      { key: 'scoring.qualificationRule.perCategory', params: {} },
      { key: 'scoring.qualificationRule.ranked', params: {} },
    ]);
  });

  it('says a minimum as points and a maximum as a result time', () => {
    expect(
      describeQualificationRule(rule({ threshold: { kind: 'min-primary', value: 40 } }))[2],
    ).toEqual({ key: 'scoring.qualificationRule.minPoints', params: { count: 40 } });
    expect(
      describeQualificationRule(rule({ threshold: { kind: 'max-primary', value: 90_000 } }))[2],
    ).toEqual({ key: 'scoring.qualificationRule.maxTime', params: { time: '1:30.00' } });
    expect(
      describeQualificationRule(rule({ threshold: { kind: 'max-primary', value: 61_234 } }))[2],
    ).toEqual({ key: 'scoring.qualificationRule.maxTime', params: { time: '1:01.234' } });
  });
});
