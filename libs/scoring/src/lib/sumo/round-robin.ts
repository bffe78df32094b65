export interface ScheduledPair {
  id: string;
  round: number;
  a: string;
  b: string;
}

/**
 * Round-robin schedule by the circle method: every team meets every other once; with an odd count
 * one team rests each round (a bye). Sides alternate so that no team is always 'a'. Match ids are
 * "<group>-<n>" numbered in playing order.
 */
export function roundRobinSchedule(groupId: string, teamIds: readonly string[]): ScheduledPair[] {
  const ring: (string | null)[] = [...teamIds];
  if (ring.length % 2 === 1) ring.push(null);
  const n = ring.length;
  const pairs: ScheduledPair[] = [];
  for (let round = 1; round < n; round++) {
    for (let i = 0; i < n / 2; i++) {
      const x = ring[i];
      const y = ring[n - 1 - i];
      if (x === null || y === null) continue;
      const flip = i === 0 ? round % 2 === 0 : false;
      pairs.push({ id: `${groupId}-${pairs.length + 1}`, round, a: flip ? y : x, b: flip ? x : y });
    }
    // Keep the first team fixed and rotate the others by one place.
    const last = ring.pop() as string | null;
    ring.splice(1, 0, last);
  }
  return pairs;
}

/** "A", "B", … "Z", then "G27", "G28" …. */
export function groupName(index: number): string {
  return index < 26 ? String.fromCharCode(65 + index) : `G${index + 1}`;
}
