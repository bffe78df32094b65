/**
 * A ranking key is compared component by component; lower is better. A component is an integer
 * or an exact ratio (means of marks), so no result depends on floating-point rounding.
 */
export interface Ratio {
  num: number;
  den: number;
}

export type KeyPart = number | Ratio;
export type RankKey = readonly KeyPart[];

export function ratio(num: number, den: number): Ratio {
  if (den <= 0) throw new RangeError('a ratio needs a positive denominator');
  return { num, den };
}

export function negate(part: KeyPart): KeyPart {
  return typeof part === 'number' ? -part : { num: -part.num, den: part.den };
}

export function compareParts(a: KeyPart, b: KeyPart): number {
  if (typeof a === 'number' && typeof b === 'number') return a === b ? 0 : a < b ? -1 : 1;
  const an = typeof a === 'number' ? a : a.num;
  const ad = typeof a === 'number' ? 1 : a.den;
  const bn = typeof b === 'number' ? b : b.num;
  const bd = typeof b === 'number' ? 1 : b.den;
  const left = an * bd;
  const right = bn * ad;
  return left === right ? 0 : left < right ? -1 : 1;
}

/** Lexicographic; a shorter key that is a prefix of a longer one compares equal on the missing parts. */
export function compareKeys(a: RankKey, b: RankKey): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareParts(a[i], b[i]);
    if (c !== 0) return c;
  }
  return 0;
}
