import { QUALIFICATION_DEFAULT } from '@olympiad/scoring';
import { qualificationRuleText } from './qualification-rule-text';

describe('qualificationRuleText', () => {
  it('writes the default rule in kk, ru and en', () => {
    expect(qualificationRuleText(QUALIFICATION_DEFAULT)).toEqual({
      kk: 'алғашқы 3 орын, әр санат пен жас тобында, нәтижесі бар (лабиринт: мәреге жеткен талпыныс)',
      ru: 'первые 3 места, в каждой категории и возрастной группе, с результатом (лабиринт: законченная попытка)',
      en: 'top 3 places, per category and age group, with a result (maze: a finished attempt)',
    });
  });

  it('inflects counts in Russian and English and writes a time as results are written', () => {
    const text = qualificationRuleText({
      selection: { mode: 'top-n', n: 5 },
      perAgeGroup: false,
      threshold: { kind: 'min-primary', value: 21 },
      carryOver: false,
    });
    expect(text.ru).toBe('первые 5 мест, в каждой категории, не менее 21 балла');
    expect(text.en).toBe('top 5 places, per category, at least 21 points');
    expect(
      qualificationRuleText({
        selection: { mode: 'top-percent', percent: 20 },
        perAgeGroup: true,
        threshold: { kind: 'max-primary', value: 95_500 },
        carryOver: false,
      }).kk,
    ).toBe('үздік 20 %, әр санат пен жас тобында, уақыты 1:35.50 аспайды');
  });
});
