/**
 * Name order for Kazakh and Russian names without relying on Intl locale data (the tablet's
 * browser may not have 'kk'). The Kazakh Cyrillic alphabet contains the Russian one in the same
 * relative order, so one table serves both. Digit runs compare as numbers ("Team 2" < "Team 10");
 * letter case only decides between otherwise equal names.
 */
export const KAZAKH_ALPHABET = 'аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя';

const LATIN = 'abcdefghijklmnopqrstuvwxyz';
const SEPARATOR = 1;
/** A digit run sorts after a separator and before any letter. */
const NUMBER = 2;
const CYRILLIC_BASE = 1_000;
const LATIN_BASE = 2_000;
const OTHER_BASE = 10_000;

const letterWeight = new Map<string, number>();
for (let i = 0; i < KAZAKH_ALPHABET.length; i++)
  letterWeight.set(KAZAKH_ALPHABET[i], CYRILLIC_BASE + i);
for (let i = 0; i < LATIN.length; i++) letterWeight.set(LATIN[i], LATIN_BASE + i);

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

const SEPARATOR_RE = /[\s\p{P}\p{S}]/u;

/**
 * The primary collation key: one number per letter, [NUMBER, length, digits…] per digit run, one
 * SEPARATOR per run of spaces and punctuation. Keys compare element by element.
 */
export function nameCollationKey(name: string): readonly number[] {
  const cached = keyCache.get(name);
  if (cached) return cached;
  if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
  const key = computeKey(name);
  keyCache.set(name, key);
  return key;
}

/** Team names repeat on every recompute; their keys are kept (bounded). */
const keyCache = new Map<string, readonly number[]>();
const KEY_CACHE_LIMIT = 50_000;

function computeKey(name: string): number[] {
  const text = name.normalize('NFC').toLowerCase().trim();
  const key: number[] = [];
  let afterSeparator = false;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (isDigit(code)) {
      let j = i;
      while (j < text.length && isDigit(text.charCodeAt(j))) j++;
      const digits = text.slice(i, j).replace(/^0+(?=\d)/, '');
      key.push(NUMBER, digits.length);
      for (let d = 0; d < digits.length; d++) key.push(digits.charCodeAt(d) - 48);
      afterSeparator = false;
      i = j;
      continue;
    }
    const cp = text.codePointAt(i) ?? 0;
    const char = String.fromCodePoint(cp);
    const separator = SEPARATOR_RE.test(char);
    if (!separator) key.push(letterWeight.get(char) ?? OTHER_BASE + cp);
    else if (!afterSeparator) key.push(SEPARATOR);
    afterSeparator = separator;
    i += char.length;
  }
  return key;
}

export function compareCollationKeys(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) return a[i] - b[i];
  }
  return a.length - b.length;
}

/** Same letters: lower case first, then by code unit, so that the order is total. */
export function compareNameCase(a: string, b: string): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) {
      const aLower = a[i] === a[i].toLowerCase();
      const bLower = b[i] === b[i].toLowerCase();
      if (aLower !== bLower) return aLower ? -1 : 1;
      return a.charCodeAt(i) - b.charCodeAt(i);
    }
  }
  return a.length - b.length;
}

/** Negative when `a` sorts before `b` in Kazakh/Russian name order. */
export function compareNames(a: string, b: string): number {
  return compareCollationKeys(nameCollationKey(a), nameCollationKey(b)) || compareNameCase(a, b);
}

/** A copy of `items` in name order. */
export function sortByName<T>(items: readonly T[], nameOf: (item: T) => string): T[] {
  const keyed = items.map((item) => ({
    item,
    name: nameOf(item),
    key: nameCollationKey(nameOf(item)),
  }));
  keyed.sort((x, y) => compareCollationKeys(x.key, y.key) || compareNameCase(x.name, y.name));
  return keyed.map((k) => k.item);
}
