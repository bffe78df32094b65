import type { StandingRow, TeamRef } from '../ledger.types';
import {
  QUALIFICATION_DEFAULT,
  qualificationRuleSchema,
  type QualificationRule,
} from './qualification-rules';
import { qualify } from './qualify';

const row = (
  teamId: string,
  place: number | null,
  extra: Partial<StandingRow> = {},
): StandingRow => ({
  teamId,
  place,
  status: place === null ? 'dnf' : 'ranked',
  primary: place === null ? null : 60_000 + place,
  display: '',
  detail: { finished: true },
  ...extra,
});
const teams = (ids: string[], ageGroup: string | null = null): TeamRef[] =>
  ids.map((id) => ({ id, name: id, status: 'active', ageGroup }));

describe('qualify', () => {
  it('takes the top 3 by default, teams sharing the 3rd place included, and explains every decision', () => {
    const rows = [row('a', 1), row('b', 2), row('c', 3), row('d', 3), row('e', 5), row('f', null)];
    const result = qualify(QUALIFICATION_DEFAULT, [
      {
        categoryId: 'maze-34',
        discipline: 'maze',
        standings: { rows },
        teams: teams(['a', 'b', 'c', 'd', 'e', 'f']),
      },
    ]);
    expect(result.map((d) => [d.teamId, d.qualified, d.reason])).toEqual([
      ['a', true, 'top-n'],
      ['b', true, 'top-n'],
      ['c', true, 'top-n'],
      ['d', true, 'top-n'],
      ['e', false, 'outside-selection'],
      ['f', false, 'not-ranked'],
    ]);
    expect(result[1].message).toBe('place 2 of 6: within the top 3');
    expect(result[4].message).toBe('place 5 of 6: outside the top 3');
  });

  it('applies the threshold: a maze team that never finished does not go through on its place', () => {
    const rows = [row('a', 1), row('b', 2, { detail: { finished: false } })];
    const result = qualify(QUALIFICATION_DEFAULT, [
      { categoryId: 'm', discipline: 'maze', standings: { rows }, teams: teams(['a', 'b']) },
    ]);
    expect(result[1]).toMatchObject({
      qualified: false,
      reason: 'below-threshold',
      key: 'scoring.qualification.belowThreshold',
    });
    expect(result[1].message).toContain('at least one finished attempt');
  });

  it('selects a top percentage of the teams that took part, per age group', () => {
    const rule: QualificationRule = {
      ...QUALIFICATION_DEFAULT,
      selection: { mode: 'top-percent', percent: 25 },
      threshold: { kind: 'ranked' },
    };
    const rows = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((id, i) => row(id, i + 1));
    const list = [...teams(['a', 'c', 'e', 'g'], '1–2'), ...teams(['b', 'd', 'f', 'h'], '3–4')];
    const result = qualify(rule, [
      { categoryId: 'p', discipline: 'programming', standings: { rows }, teams: list },
    ]);
    expect(result.filter((d) => d.qualified).map((d) => [d.teamId, d.ageGroup])).toEqual([
      ['a', '1–2'],
      ['b', '3–4'],
    ]);
    expect(result.find((d) => d.teamId === 'c')?.message).toBe(
      'place 2 of 4 in age group 1–2: outside the top 25% (1 places)',
    );
  });

  it('adds wildcards whatever their result, and carries results over when asked', () => {
    const rule: QualificationRule = {
      ...QUALIFICATION_DEFAULT,
      selection: { mode: 'top-n', n: 1 },
      carryOver: true,
    };
    const rows = [row('a', 1), row('b', 2)];
    const result = qualify(
      rule,
      [{ categoryId: 'm', discipline: 'maze', standings: { rows }, teams: teams(['a', 'b']) }],
      [{ categoryId: 'm', teamId: 'b', reason: 'best rookie team' }],
    );
    expect(result[1]).toMatchObject({
      qualified: true,
      reason: 'wildcard',
      message: 'wildcard chosen by the organiser: best rookie team',
      carried: { place: 2 },
    });
  });

  it('uses min-primary / max-primary thresholds', () => {
    const rule: QualificationRule = {
      ...QUALIFICATION_DEFAULT,
      threshold: { kind: 'min-primary', value: 150 },
    };
    const rows = [row('a', 1, { primary: 200 }), row('b', 2, { primary: 120 })];
    const result = qualify(rule, [
      { categoryId: 'p', discipline: 'programming', standings: { rows }, teams: teams(['a', 'b']) },
    ]);
    expect(result.map((d) => d.qualified)).toEqual([true, false]);
  });

  it('validates the rule with clear messages', () => {
    const parsed = qualificationRuleSchema.safeParse({
      ...QUALIFICATION_DEFAULT,
      selection: { mode: 'top-percent', percent: 0 },
    });
    expect(parsed.success).toBe(false);
  });
});
