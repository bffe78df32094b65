/**
 * Splits ties that remain after every tie-break, using the head judge's decisions. A tie (a run of
 * equal places) is split by the newest decision that lists all of its teams; the tied teams then
 * take consecutive places in the decision's order. Returns new arrays.
 */
export function applyTieDecisions<T>(
  sorted: readonly T[],
  places: readonly number[],
  idOf: (item: T) => string,
  decisionsNewestFirst: readonly (readonly string[])[],
): { sorted: T[]; places: number[]; decided: Set<string> } {
  const outSorted = sorted.slice();
  const outPlaces = places.slice();
  const decided = new Set<string>();
  let i = 0;
  while (i < outSorted.length) {
    let j = i;
    while (j + 1 < outSorted.length && places[j + 1] === places[i]) j++;
    if (j > i) {
      const ids = outSorted.slice(i, j + 1).map(idOf);
      const decision = decisionsNewestFirst.find((order) => ids.every((id) => order.includes(id)));
      if (decision) {
        const cluster = outSorted
          .slice(i, j + 1)
          .sort((a, b) => decision.indexOf(idOf(a)) - decision.indexOf(idOf(b)));
        cluster.forEach((item, k) => {
          outSorted[i + k] = item;
          outPlaces[i + k] = places[i] + k;
          decided.add(idOf(item));
        });
      }
    }
    i = j + 1;
  }
  return { sorted: outSorted, places: outPlaces, decided };
}
