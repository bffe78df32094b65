import { meetingRound, nextPowerOfTwo, seedAtSlot, slotOfSeed } from './bracket-positions';

describe('bracket positions', () => {
  it('seeds a bracket so that the top seeds meet as late as possible', () => {
    expect(seedAtSlot(8)).toEqual([1, 8, 4, 5, 2, 7, 3, 6]);
    expect(slotOfSeed(4)).toEqual([0, 2, 3, 1]);
    const slots = slotOfSeed(16);
    expect(meetingRound(slots[0], slots[1])).toBe(4);
    expect(meetingRound(slots[0], slots[3])).toBe(3);
    expect(meetingRound(slots[0], slots[15])).toBe(1);
  });

  it('sizes the bracket to the next power of two', () => {
    expect([2, 3, 4, 5, 9, 64, 65].map(nextPowerOfTwo)).toEqual([2, 4, 4, 8, 16, 64, 128]);
  });
});
