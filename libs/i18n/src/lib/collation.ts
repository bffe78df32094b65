import { KAZAKH_ALPHABET, RUSSIAN_WITH_KAZAKH_LETTERS } from './alphabets';
import type { Lang } from './languages';
import { cyrillicTwin, inCyrillicWord, isCyrillic, isDigit, isLatin, isLetter } from './script';

/**
 * Name ordering for team, school and person names.
 *
 * - kk: the Kazakh alphabet (А Ә Б … Ы І Ь Э Ю Я); ru: the Russian alphabet with each Kazakh
 *   letter after its base letter; en: Latin A–Z first, then Cyrillic in Kazakh order.
 * - Cyrillic before Latin in kk and ru. Case only breaks ties (lowercase first).
 * - Digit runs compare as numbers: "Команда 2" before "Команда 10".
 * - Spaces and punctuation sort before letters: "Ақ Бота" before "Ақбота".
 * - A Latin look-alike inside a Cyrillic word sorts as the Cyrillic letter it imitates.
 */

const UnitClass = {
  Separator: 0,
  Number: 1,
  FirstScript: 2,
  SecondScript: 3,
  OtherLetter: 4,
} as const;
type UnitClass = (typeof UnitClass)[keyof typeof UnitClass];

interface Unit {
  cls: UnitClass;
  /** Rank inside the class: alphabet position, numeric value (as a padded string) or code point. */
  rank: number | string;
  /** 0 lowercase or caseless, 1 uppercase; compared only when everything else is equal. */
  upper: 0 | 1;
}

function rankTable(alphabet: readonly string[]): Map<string, number> {
  const table = new Map<string, number>();
  alphabet.forEach((letter, index) => table.set(letter, index));
  return table;
}

const cyrillicOrder: Record<Lang, Map<string, number>> = {
  kk: rankTable(KAZAKH_ALPHABET),
  ru: rankTable(RUSSIAN_WITH_KAZAKH_LETTERS),
  en: rankTable(KAZAKH_ALPHABET),
};

/** Letters of a Cyrillic alphabet not in the table (Ukrainian Ї, Serbian Ђ …) go after Я. */
const UNLISTED_CYRILLIC = 1000;

function letterUnit(char: string, lang: Lang, inCyrillicWordNow: boolean): Unit {
  const folded = inCyrillicWordNow && isLatin(char) ? (cyrillicTwin(char) ?? char) : char;
  const upperChar = folded.toUpperCase();
  const upper: 0 | 1 = folded !== folded.toLowerCase() && folded === upperChar ? 1 : 0;
  if (isCyrillic(folded)) {
    const rank =
      cyrillicOrder[lang].get(upperChar) ?? UNLISTED_CYRILLIC + (upperChar.codePointAt(0) ?? 0);
    return { cls: lang === 'en' ? UnitClass.SecondScript : UnitClass.FirstScript, rank, upper };
  }
  if (isLatin(folded)) {
    const base = upperChar.normalize('NFD')[0] ?? upperChar;
    return {
      cls: lang === 'en' ? UnitClass.FirstScript : UnitClass.SecondScript,
      rank: base.codePointAt(0) ?? 0,
      upper,
    };
  }
  return { cls: UnitClass.OtherLetter, rank: upperChar.codePointAt(0) ?? 0, upper };
}

/** The form two names are compared in: NFC, trimmed, inner runs of spaces as one. */
function tidy(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ');
}

/** Splits a name into comparable units. */
function collationUnits(text: string, lang: Lang): Unit[] {
  const chars = Array.from(tidy(text));
  const mask = inCyrillicWord(chars);
  const units: Unit[] = [];
  for (let index = 0; index < chars.length; index++) {
    const char = chars[index];
    if (isDigit(char)) {
      let end = index;
      while (end < chars.length && isDigit(chars[end])) end++;
      const digits = chars
        .slice(index, end)
        .join('')
        .replace(/^0+(?=\d)/, '');
      units.push({ cls: UnitClass.Number, rank: digits.padStart(20, '0'), upper: 0 });
      index = end - 1;
    } else if (isLetter(char)) {
      units.push(letterUnit(char, lang, mask[index]));
    } else {
      units.push({ cls: UnitClass.Separator, rank: char.codePointAt(0) ?? 0, upper: 0 });
    }
  }
  return units;
}

function compareRank(a: number | string, b: number | string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** Orders two names for `lang`; 0 only for identical strings (after NFC and space trimming). */
export function compareNames(a: string, b: string, lang: Lang): number {
  const left = collationUnits(a, lang);
  const right = collationUnits(b, lang);
  const length = Math.min(left.length, right.length);
  for (let index = 0; index < length; index++) {
    const byClass = left[index].cls - right[index].cls;
    if (byClass !== 0) return byClass < 0 ? -1 : 1;
    const byRank = compareRank(left[index].rank, right[index].rank);
    if (byRank !== 0) return byRank;
  }
  if (left.length !== right.length) return left.length < right.length ? -1 : 1;
  for (let index = 0; index < length; index++) {
    const byCase = left[index].upper - right[index].upper;
    if (byCase !== 0) return byCase;
  }
  return compareRank(tidy(a), tidy(b));
}

/** A copy of `items` sorted by the name `nameOf` gives, in `lang` order. */
export function sortByName<T>(items: readonly T[], nameOf: (item: T) => string, lang: Lang): T[] {
  return [...items].sort((a, b) => compareNames(nameOf(a), nameOf(b), lang));
}
