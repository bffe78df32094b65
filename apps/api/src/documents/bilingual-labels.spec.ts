import { presetName, ruleSetText, inLanguages, STATUS_NAMES } from './bilingual-labels';
import { presetRuleSet, type RuleSet } from '@olympiad/scoring';

describe('document labels in the organiser’s languages', () => {
  it('write Kazakh and Russian by default, English after them when asked', () => {
    const label = { kk: 'Орын', ru: 'Место', en: 'Place' };
    expect(inLanguages('kk-ru', label)).toBe('Орын / Место');
    expect(inLanguages('kk-ru-en', label)).toBe('Орын / Место / Place');
  });

  it('write a word the languages share once, and leave out an English they lack', () => {
    expect(inLanguages('kk-ru-en', { kk: 'Команда', ru: 'Команда', en: 'Team' })).toBe(
      'Команда / Team',
    );
    expect(inLanguages('kk-ru-en', { kk: 'Матч', ru: 'Матч', en: 'Матч' })).toBe('Матч');
    expect(inLanguages('kk-ru-en', { kk: 'Ақтөбе облысы', ru: 'Актюбинская область' })).toBe(
      'Ақтөбе облысы / Актюбинская область',
    );
    expect(inLanguages('kk-ru-en', STATUS_NAMES.ranked)).toBe('');
  });

  it('have the preset and the rules in English too', () => {
    expect(presetName('maze-default').en).not.toBe(presetName('maze-default').ru);
    const rules = ruleSetText(presetRuleSet('maze-default') as RuleSet);
    expect(rules.en).toMatch(/[A-Za-z]{4}/);
    expect(rules.en).not.toMatch(/[А-Яа-я]/);
  });
});
