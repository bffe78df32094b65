import { LOOKALIKE_TO_CYRILLIC } from './alphabets';
import { inCyrillicWord, isLatin } from './script';

export interface LatinLookalike {
  /** Index in the NFC form of the string (UTF-16 code units, as `String.prototype.slice` counts). */
  index: number;
  /** The Latin character found. */
  char: string;
  /** The Cyrillic letter it most likely stands for, or null when it looks like none. */
  cyrillic: string | null;
}

/**
 * Latin letters inside words that also hold Cyrillic letters: "Aқбота" typed with a Latin A,
 * "Бiлiм" with Latin i. Such a name looks right but neither sorts nor searches right, so the CSV
 * import flags it. Words written wholly in Latin are left alone.
 */
export function findLatinLookalikes(text: string): LatinLookalike[] {
  const normalised = text.normalize('NFC');
  const chars = normalised.split('');
  const mask = inCyrillicWord(chars);
  const found: LatinLookalike[] = [];
  chars.forEach((char, index) => {
    if (mask[index] && isLatin(char)) {
      found.push({ index, char, cyrillic: LOOKALIKE_TO_CYRILLIC[char] ?? null });
    }
  });
  return found;
}

/** `text` with every flagged look-alike that has a Cyrillic twin replaced by it. */
export function replaceLatinLookalikes(text: string): string {
  const chars = text.normalize('NFC').split('');
  for (const found of findLatinLookalikes(text)) {
    if (found.cyrillic) chars[found.index] = found.cyrillic;
  }
  return chars.join('');
}
