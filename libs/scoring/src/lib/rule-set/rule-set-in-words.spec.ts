import { ruleLinesText, type Lang } from '@olympiad/i18n';
import { buildRuleSet } from './build-rule-set';
import { describeRuleSet } from './describe-rule-set';
import { presetRuleSet } from './presets';
import type { RuleSet } from './rule-set';

/** Each discipline's default rules in words, in every language, with the two tie options. */
const words = (lang: Lang, ruleSet: RuleSet) => ruleLinesText(lang, describeRuleSet(ruleSet));
const preset = (name: string) => presetRuleSet(name) as RuleSet;
function built(name: string, overrides: Record<string, unknown>): RuleSet {
  const result = buildRuleSet(name, overrides);
  if (!result.ok) throw new Error(`${name} does not build`);
  return result.value;
}

describe('the rule set in words, per discipline and language', () => {
  it.each([
    [
      'en',
      'Best of 3 attempts; time limit 3:00; touch penalty +10 s;',
      'a team with no finish and no checkpoint gets no place',
    ],
    [
      'ru',
      'Лучшая из 3 попыток; лимит времени 3:00; штраф за касание +10 с;',
      'команда без финиша и без контрольной точки не получает места',
    ],
    [
      'kk',
      '3 әрекеттің үздігі; уақыт шегі 3:00; жанасу айыбы +10 с;',
      'мәреге жетпеген және бақылау нүктесінен өтпеген команда орын алмайды',
    ],
  ] as const)(
    'maze (%s) says what happens to a team that never finished',
    (lang, start, unplaced) => {
      expect(words(lang, preset('maze-default'))).toContain(start);
      expect(words(lang, preset('maze-default'))).toContain(unplaced);
      const placed = words(
        lang,
        built('maze-default', { unfinishedTeams: 'placed-after-finishers' }),
      );
      expect(placed).not.toContain(unplaced);
      expect(placed).toContain(
        {
          en: 'teams with no finish and no checkpoint share the place after the last team with a result',
          ru: 'команды без финиша и без контрольной точки делят место после последней команды с результатом',
          kk: 'мәреге жетпеген және бақылау нүктесінен өтпеген командалар нәтижесі бар соңғы командадан кейінгі орынды бөліседі',
        }[lang],
      );
    },
  );

  it.each([
    [
      'en',
      'Robot up to 150×150 mm and 1000 g;',
      'the match results between teams level on points are applied again to those still level',
      'the match results between teams level on points count once, among all of them',
    ],
    [
      'ru',
      'Робот до 150×150 мм и 1000 г;',
      'личные встречи применяются повторно к командам, которые остались равными',
      'личные встречи команд с равными очками учитываются один раз, среди всех этих команд',
    ],
    [
      'kk',
      'Робот 150×150 мм және 1000 г дейін;',
      'өзара кездесулер әлі тең қалған командаларға қайта қолданылады',
      'ұпайы тең командалардың өзара кездесулері барлығының арасында бір рет ескеріледі',
    ],
  ] as const)(
    'sumo (%s) says how head-to-head breaks a tie of three',
    (lang, start, reapplied, once) => {
      const text = words(lang, preset('sumo-default'));
      expect(text.startsWith(start)).toBe(true);
      expect(text).toContain(reapplied);
      expect(text).not.toContain(once);
      const onceText = words(
        lang,
        built('sumo-default', { 'tournament.roundRobinTies': 'head-to-head-once' }),
      );
      expect(onceText).toContain(once);
      // Without head-to-head in the list, and in a knockout, there is nothing to say about it.
      const noHeadToHead = built('sumo-default', { 'tournament.groupTieBreaks': ['rounds-won'] });
      expect(words(lang, noHeadToHead)).not.toContain(reapplied);
      expect(words(lang, preset('mini-sumo'))).not.toContain(reapplied);
    },
  );

  it.each([
    [
      'en',
      '5 tasks, 500 points at most; partial points per task; the best submission per task counts',
      '20 min per wrong try',
    ],
    [
      'ru',
      '5 задач, максимум 500; частичные баллы за задачу; засчитывается лучшая посылка по задаче',
      '20 мин за неверную попытку',
    ],
    [
      'kk',
      '5 есеп, ең көбі 500 ұпай; есеп үшін ішінара ұпай; әр есептің үздік жіберілімі есептеледі',
      'әр қате әрекетке 20 мин',
    ],
  ] as const)(
    'programming (%s): tasks and, under ICPC, the penalty per wrong try',
    (lang, tasks, penalty) => {
      expect(words(lang, preset('programming-default'))).toContain(tasks);
      expect(words(lang, preset('programming-default'))).not.toContain(penalty);
      expect(words(lang, preset('programming-icpc'))).toContain(penalty);
    },
  );

  it.each([
    ['en', '6 criteria, 60 points at most; 3–5 judges;', '7 criteria, 40 points at most'],
    ['ru', '6 критериев, максимум 60; 3–5 судей;', '7 критериев, максимум 40'],
    ['kk', '6 критерий, ең көбі 60 ұпай; 3–5 төреші;', '7 критерий, ең көбі 40 ұпай'],
  ] as const)(
    'creative and the Scratch rubric (%s): criteria, maximum, judges',
    (lang, creative, scratch) => {
      expect(words(lang, preset('creative-default'))).toMatch(new RegExp(`^${creative}`));
      expect(words(lang, preset('scratch-rubric'))).toMatch(new RegExp(`^${scratch}`));
    },
  );
});
