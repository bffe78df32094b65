import { LANGUAGES } from '@olympiad/i18n';
import { presetRuleSet, RULE_SET_PRESETS } from '@olympiad/scoring';
import { presetLabel, ruleSetSentence } from './rule-set-text';

describe('rule sets in the console', () => {
  it.each(LANGUAGES)('name every preset in %s, never by its id', (lang) => {
    for (const preset of RULE_SET_PRESETS) {
      const label = presetLabel(lang, preset.name);
      expect(label).not.toContain(preset.name);
      expect(label).not.toMatch(/^preset\./);
    }
    expect(presetLabel('ru', 'maze-default')).toBe(
      'Лабиринт: 3 попытки, засчитывается лучшая, +10 с за касание',
    );
  });

  it('state the rules in words, and nothing for a value that is not a rule set', () => {
    expect(ruleSetSentence('en', presetRuleSet('maze-default'))).toMatch(
      /^Best of 3 attempts; time limit 3:00;/,
    );
    expect(ruleSetSentence('kk', { preset: 'maze-default' })).toBeNull();
  });
});
