import { ratio, type Ratio } from '../ranking/rank-key';

/** Plain mean of the judges' marks, exact. */
export function meanOf(marks: readonly number[]): Ratio {
  return ratio(
    marks.reduce((s, m) => s + m, 0),
    marks.length,
  );
}

/** With at least `trimFrom` judges, the highest and the lowest mark are dropped before the mean. */
export function trimmedMeanOf(marks: readonly number[], trimFrom: number): Ratio {
  if (marks.length < trimFrom || marks.length < 3) return meanOf(marks);
  const sorted = marks.slice().sort((a, b) => a - b);
  return meanOf(sorted.slice(1, -1));
}

export function medianOf(marks: readonly number[]): Ratio {
  const sorted = marks.slice().sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? ratio(sorted[mid], 1) : ratio(sorted[mid - 1] + sorted[mid], 2);
}

export function combineMarks(
  marks: readonly number[],
  method: 'mean' | 'trimmed-mean' | 'median',
  trimFrom: number,
): Ratio {
  switch (method) {
    case 'mean':
      return meanOf(marks);
    case 'trimmed-mean':
      return trimmedMeanOf(marks, trimFrom);
    case 'median':
      return medianOf(marks);
  }
}

/** Σ weight × value over ratios, exact (denominators multiplied, then reduced). */
export function weightedSum(parts: readonly { value: Ratio; weight: number }[]): Ratio {
  let num = 0;
  let den = 1;
  for (const { value, weight } of parts) {
    num = num * value.den + weight * value.num * den;
    den = den * value.den;
    const g = gcd(Math.abs(num), den);
    num /= g;
    den /= g;
  }
  return ratio(num, den);
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a || 1;
}

/** Hundredths, rounded half up, for display; the ranking uses the exact ratio. */
export function hundredths(value: Ratio): number {
  return Math.floor((value.num * 200 + value.den) / (2 * value.den));
}
