import type { RegistrationPreview } from '@olympiad/contracts';

export type TextEncoding = RegistrationPreview['encoding'];

/** Encodings read today that have no Ә Ғ Қ Ң Ө Ұ Ү Һ: Excel writes "?" for each when saving. */
const WITHOUT_KAZAKH_LETTERS: ReadonlySet<TextEncoding> = new Set<TextEncoding>(['windows-1251']);

export const lacksKazakhLetters = (encoding: TextEncoding) => WITHOUT_KAZAKH_LETTERS.has(encoding);

const cyrillicLetter = (char: string | undefined) =>
  char !== undefined && /^\p{L}$/u.test(char) && /\p{Script=Cyrillic}/u.test(char);

/**
 * Whether a cell holds a "?" where a letter was: next to a Cyrillic letter (runs of "?" count as
 * one). In a file read as Windows-1251 that is any "?" inside a Cyrillic word or at either edge
 * ("?ыран", "Жа?"), since such a file cannot hold a Kazakh letter at all. In UTF-8 text and XLSX
 * cells the Kazakh letters could have been kept, so a "?" after a word ("Неге?") is taken as a
 * question mark and only one inside a word or before its letters ("?ыран", "Н?рлан") as a lost
 * letter. In any encoding a "?" standing as an initial ("Ким ?.", "Н.?.", "Е.?") is a lost letter
 * (docs/registration-import.md#lost-kazakh-letters).
 */
export function hasLostLetters(text: string, encoding: TextEncoding): boolean {
  const chars = Array.from(text);
  const atWordEnd = lacksKazakhLetters(encoding);
  for (let start = 0; start < chars.length; start++) {
    if (chars[start] !== '?') continue;
    let end = start;
    while (chars[end + 1] === '?') end++;
    const before = cyrillicLetter(chars[start - 1]);
    const after = cyrillicLetter(chars[end + 1]);
    // An initial: "Ким ?.", "Серікбаев ?.?.", "Серікбаев Е.?" (Ә. Қ. Ө. Ұ.), never a question mark.
    const initial =
      (chars[end + 1] === '.' && (start === 0 || /[\s.]/u.test(chars[start - 1]))) ||
      (chars[start - 1] === '.' &&
        /^\p{L}$/u.test(chars[start - 2] ?? '') &&
        (end + 1 === chars.length || /[\s,;]/u.test(chars[end + 1])));
    if (after || initial || (atWordEnd && before)) return true;
    start = end;
  }
  return false;
}
