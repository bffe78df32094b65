import { buildRuleSet, validateRuleSet } from '../rule-set/build-rule-set';
import { describeRuleSet } from '../rule-set/describe-rule-set';
import { presetRuleSet } from '../rule-set/presets';
import type { RuleSet } from '../rule-set/rule-set';
import { mayFileProtest, protestDeadline, protestWindowMinutesOf } from './protest-window';

const built = (overrides: Record<string, unknown> = {}): RuleSet => {
  const result = buildRuleSet('maze-default', overrides);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
};
const at = (iso: string) => new Date(iso);

describe('the protest window', () => {
  it('is 30 minutes unless the organiser sets another, in every discipline', () => {
    expect(protestWindowMinutesOf(built())).toBe(30);
    expect(protestWindowMinutesOf(built({ protestWindowMinutes: 45 }))).toBe(45);
    for (const preset of [
      'sumo-default',
      'programming-default',
      'scratch-rubric',
      'creative-default',
    ]) {
      expect(protestWindowMinutesOf(presetRuleSet(preset) as RuleSet)).toBe(30);
    }
  });

  it('refuses a window below zero or above a day', () => {
    expect(buildRuleSet('maze-default', { protestWindowMinutes: -1 }).ok).toBe(false);
    expect(buildRuleSet('maze-default', { protestWindowMinutes: 1441 }).ok).toBe(false);
    expect(buildRuleSet('maze-default', { protestWindowMinutes: 0 }).ok).toBe(true);
  });

  it('reads a rule set stored before the parameter existed with the default', () => {
    const stored = JSON.parse(JSON.stringify(built())) as { params: Record<string, unknown> };
    delete stored.params['protestWindowMinutes'];
    const read = validateRuleSet(stored);
    expect(read.ok && protestWindowMinutesOf(read.value)).toBe(30);
    expect(protestWindowMinutesOf(stored as unknown as RuleSet)).toBe(30);
  });

  it('accepts protests at any time while the results are not published', () => {
    const timing = { ruleSet: built(), publishedAt: null };
    expect(protestDeadline(timing)).toBeNull();
    expect(mayFileProtest(timing, at('2030-01-01T00:00:00Z'))).toBe(true);
  });

  it('accepts protests until the window after publication has passed, the last instant included', () => {
    const timing = {
      ruleSet: built({ protestWindowMinutes: 20 }),
      publishedAt: '2026-12-06T10:00:00.000Z',
    };
    expect(protestDeadline(timing)).toBe('2026-12-06T10:20:00.000Z');
    expect(mayFileProtest(timing, at('2026-12-06T10:19:59.999Z'))).toBe(true);
    expect(mayFileProtest(timing, at('2026-12-06T10:20:00.000Z'))).toBe(true);
    expect(mayFileProtest(timing, at('2026-12-06T10:20:00.001Z'))).toBe(false);
  });

  it('closes protests at publication with a window of zero', () => {
    const timing = {
      ruleSet: built({ protestWindowMinutes: 0 }),
      publishedAt: '2026-12-06T10:00:00.000Z',
    };
    expect(mayFileProtest(timing, at('2026-12-06T10:00:00.000Z'))).toBe(true);
    expect(mayFileProtest(timing, at('2026-12-06T10:00:01.000Z'))).toBe(false);
  });

  it('is stated among the rules in force', () => {
    expect(describeRuleSet(built({ protestWindowMinutes: 15 }))).toContainEqual({
      key: 'rules.protestWindow',
      params: { count: 15 },
    });
  });
});
