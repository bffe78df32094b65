/**
 * Places for an already sorted list: equal neighbours share a place and the next place skips
 * (1, 2, 2, 4). `equal` compares two neighbours.
 */
export function sharedPlaces<T>(sorted: readonly T[], equal: (a: T, b: T) => boolean): number[] {
  const places: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    places.push(i > 0 && equal(sorted[i - 1], sorted[i]) ? places[i - 1] : i + 1);
  }
  return places;
}

/**
 * Re-numbers places that were computed over a larger list (ties kept, gaps closed): used when
 * some rows drop out of the ranking (a disqualified team) or when a ranking is split by age group.
 */
export function renumberPlaces(places: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < places.length; i++) {
    out.push(i > 0 && places[i] === places[i - 1] ? out[i - 1] : i + 1);
  }
  return out;
}
