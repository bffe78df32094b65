import { KAZAKH_TO_RUSSIAN } from './alphabets';
import { cyrillicTwin, inCyrillicWord, isLatin } from './script';

/**
 * The form of a text that search compares: lowercase; Ё as Е; Kazakh letters as the Russian
 * letters typed for them on a Russian keyboard (Ә→А, Ғ→Г, Қ→К, Ң→Н, Ө→О, Ұ Ү→У, Һ→Х, І→И);
 * Latin look-alikes inside Cyrillic words as their Cyrillic twins; punctuation as spaces; runs of
 * spaces as one.
 */
export function searchKey(text: string): string {
  const chars = Array.from(text.normalize('NFC'));
  const mask = inCyrillicWord(chars);
  let key = '';
  chars.forEach((char, index) => {
    const cyrillic = mask[index] && isLatin(char) ? (cyrillicTwin(char) ?? char) : char;
    const lower = cyrillic.toLowerCase();
    const folded = lower === 'ё' ? 'е' : (KAZAKH_TO_RUSSIAN[lower] ?? lower);
    key += /[\p{L}\p{N}]/u.test(folded) ? folded : ' ';
  });
  return key.replace(/\s+/g, ' ').trim();
}

/**
 * Whether `text` matches a search `query`: every word of the query appears somewhere in the text,
 * in any order, compared by `searchKey`. An empty query matches everything.
 */
export function matchesSearch(query: string, text: string): boolean {
  const words = searchKey(query).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const haystack = searchKey(text);
  return words.every((word) => haystack.includes(word));
}
