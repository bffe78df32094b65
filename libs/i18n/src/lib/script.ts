import { LOOKALIKE_TO_CYRILLIC } from './alphabets';

/** Letter-script tests on single characters, and the word-level look-alike rule. */

export function isCyrillic(char: string): boolean {
  return /\p{Script=Cyrillic}/u.test(char);
}

export function isLatin(char: string): boolean {
  return /\p{Script=Latin}/u.test(char);
}

export function isLetter(char: string): boolean {
  return /\p{L}/u.test(char);
}

export function isDigit(char: string): boolean {
  return char >= '0' && char <= '9';
}

/**
 * For each character of `chars`, whether it belongs to a word (a run of letters) that holds at
 * least one Cyrillic letter. Latin letters in such words are look-alike suspects; words wholly in
 * Latin are real Latin words and are left alone.
 */
export function inCyrillicWord(chars: readonly string[]): boolean[] {
  const mask = new Array<boolean>(chars.length).fill(false);
  let start = 0;
  while (start < chars.length) {
    if (!isLetter(chars[start])) {
      start++;
      continue;
    }
    let end = start;
    while (end < chars.length && isLetter(chars[end])) end++;
    const hasCyrillic = chars.slice(start, end).some(isCyrillic);
    for (let index = start; index < end; index++) mask[index] = hasCyrillic;
    start = end;
  }
  return mask;
}

/**
 * The Cyrillic letter a Latin look-alike stands for; a letter whose own case has no twin borrows
 * the other case's (Latin m → М → м), so that search stays case-insensitive.
 */
export function cyrillicTwin(char: string): string | null {
  const own = LOOKALIKE_TO_CYRILLIC[char];
  if (own) return own;
  const upper = LOOKALIKE_TO_CYRILLIC[char.toUpperCase()];
  if (upper) return upper.toLowerCase();
  const lower = LOOKALIKE_TO_CYRILLIC[char.toLowerCase()];
  return lower ? lower.toUpperCase() : null;
}
