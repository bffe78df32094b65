export function nextPowerOfTwo(n: number): number {
  let size = 2;
  while (size < n) size *= 2;
  return size;
}

/**
 * seedAtSlot[i] is the seed (1-based) that bracket slot i holds in a standard seeded bracket: seeds
 * 1 and 2 can only meet in the final, 1–4 only in the semi-finals, and byes (seeds above the number
 * of teams) face the top seeds.
 */
export function seedAtSlot(size: number): number[] {
  let order = [1, 2];
  while (order.length < size) {
    const total = order.length * 2 + 1;
    order = order.flatMap((seed) => [seed, total - seed]);
  }
  return order;
}

/** The slot that holds each seed: slotOfSeed[seed - 1]. */
export function slotOfSeed(size: number): number[] {
  const out = new Array<number>(size);
  seedAtSlot(size).forEach((seed, slot) => (out[seed - 1] = slot));
  return out;
}

/** The round (1 = first) in which teams in slots x and y of a bracket would meet. */
export function meetingRound(x: number, y: number): number {
  let diff = x ^ y;
  let round = 0;
  while (diff > 0) {
    diff >>= 1;
    round++;
  }
  return round;
}
