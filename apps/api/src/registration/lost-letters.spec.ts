import { hasLostLetters } from './lost-letters';

describe('hasLostLetters', () => {
  it.each(['?ыран', '?лихан Н?рланов', 'Жа?', 'М??', '«Ш?ар»', 'мектеп №5 (?ала)', 'Ер?али-?ызы'])(
    'in a Windows-1251 file finds the “?” of %s',
    (text) => {
      expect(hasLostLetters(text, 'windows-1251')).toBe(true);
    },
  );

  it.each(['Ёжики', 'Школа №5; корпус 2', 'Robot?', '?', 'Что ? где', '4 ?', 'Роботы — 2026', ''])(
    'in a Windows-1251 file leaves %s alone',
    (text) => {
      expect(hasLostLetters(text, 'windows-1251')).toBe(false);
    },
  );

  it.each(['?ыран', 'Н?рлан', 'Ер?али', 'М??ағали'])(
    'in UTF-8 finds the “?” inside or before the letters of %s',
    (text) => {
      expect(hasLostLetters(text, 'utf-8')).toBe(true);
      expect(hasLostLetters(text, 'utf-8-bom')).toBe(true);
      expect(hasLostLetters(text, undefined)).toBe(true);
    },
  );

  it.each(['Неге?', 'Кто мы?', 'Қыран', 'Robot?bot'])(
    'in UTF-8 takes the “?” of %s for a question mark',
    (text) => {
      expect(hasLostLetters(text, 'utf-8')).toBe(false);
      expect(hasLostLetters(text, undefined)).toBe(false);
    },
  );

  it.each(['Ким ?.', 'Серікбаев ?.?.', 'Абенов Н. ?.', 'Ли ?.?.', '?. Ким', 'Серікбаев Е.?'])(
    'finds the lost initial of %s in any encoding (Ә. Қ. Ө. Ұ. became “?.”)',
    (text) => {
      expect(hasLostLetters(text, 'windows-1251')).toBe(true);
      expect(hasLostLetters(text, 'utf-8')).toBe(true);
      expect(hasLostLetters(text, undefined)).toBe(true);
    },
  );
});
