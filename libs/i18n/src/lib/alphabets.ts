/**
 * The Cyrillic alphabets the collation orders by, written out letter by letter (uppercase) so the
 * order does not depend on whether the runtime's Intl has Kazakh data.
 */
const letters = (spaced: string): readonly string[] => spaced.split(' ');

export const KAZAKH_ALPHABET: readonly string[] = letters(
  'А Ә Б В Г Ғ Д Е Ё Ж З И Й К Қ Л М Н Ң О Ө П Р С Т У Ұ Ү Ф Х Һ Ц Ч Ш Щ Ъ Ы І Ь Э Ю Я',
);

export const RUSSIAN_ALPHABET: readonly string[] = letters(
  'А Б В Г Д Е Ё Ж З И Й К Л М Н О П Р С Т У Ф Х Ц Ч Ш Щ Ъ Ы Ь Э Ю Я',
);

/**
 * Russian order extended for Kazakh names in a Russian list: each Kazakh letter right after the
 * Russian letter it is built on (Ә after А, Қ after К, І after И …), which is where a Russian
 * reader looks for it.
 */
export const RUSSIAN_WITH_KAZAKH_LETTERS: readonly string[] = letters(
  'А Ә Б В Г Ғ Д Е Ё Ж З И І Й К Қ Л М Н Ң О Ө П Р С Т У Ұ Ү Ф Х Һ Ц Ч Ш Щ Ъ Ы Ь Э Ю Я',
);

/** The Kazakh letters a Russian keyboard lacks, and the Russian letter people type instead. */
export const KAZAKH_TO_RUSSIAN: Readonly<Record<string, string>> = {
  ә: 'а',
  ғ: 'г',
  қ: 'к',
  ң: 'н',
  ө: 'о',
  ұ: 'у',
  ү: 'у',
  һ: 'х',
  і: 'и',
};

/**
 * Latin (and a few other) letters that look like a Cyrillic letter, as they turn up in names typed
 * on a Latin keyboard or pasted from a spreadsheet: the Cyrillic letter each stands for.
 */
export const LOOKALIKE_TO_CYRILLIC: Readonly<Record<string, string>> = {
  A: 'А',
  a: 'а',
  B: 'В',
  C: 'С',
  c: 'с',
  E: 'Е',
  e: 'е',
  H: 'Н',
  K: 'К',
  k: 'к',
  M: 'М',
  O: 'О',
  o: 'о',
  P: 'Р',
  p: 'р',
  T: 'Т',
  X: 'Х',
  x: 'х',
  y: 'у',
  Y: 'Ү',
  I: 'І',
  i: 'і',
  h: 'һ',
  Ë: 'Ё',
  ë: 'ё',
  // Latin schwa and barred o, common stand-ins for Ә and Ө.
  Ə: 'Ә',
  ə: 'ә',
  Ɵ: 'Ө',
  ɵ: 'ө',
};
