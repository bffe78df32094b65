import { roomBeaconSchema } from '@olympiad/contracts';
import { beaconOf, heldRooms, nextBeaconDelay, type CategoryVersion } from './room-beacon';

const CATEGORY = '7c0c2f1e-0000-4000-8000-000000000001';
const STAGE = '7c0c2f1e-0000-4000-8000-000000000002';
const FIELD = '7c0c2f1e-0000-4000-8000-000000000003';

const categories = (published: boolean) =>
  new Map<string, CategoryVersion>([[CATEGORY, { id: CATEGORY, standingsVersion: 7, published }]]);

describe('room beacons (docs/deploy.md#silent-rooms)', () => {
  it('finds the live rooms among the socket rooms, not the sockets or other rooms', () => {
    const rooms = heldRooms([
      'Jx2kq9-socket-id',
      `category:${CATEGORY}`,
      `category:${CATEGORY}:staff`,
      `stage:${STAGE}`,
      `field:${FIELD}:staff`,
      `display:${STAGE}`,
    ]);
    expect(rooms).toEqual([
      { socketRoom: `category:${CATEGORY}`, ref: { kind: 'category', id: CATEGORY }, staff: false },
      {
        socketRoom: `category:${CATEGORY}:staff`,
        ref: { kind: 'category', id: CATEGORY },
        staff: true,
      },
      { socketRoom: `stage:${STAGE}`, ref: { kind: 'stage', id: STAGE }, staff: false },
      { socketRoom: `field:${FIELD}:staff`, ref: { kind: 'field', id: FIELD }, staff: true },
    ]);
  });

  it("says a category room's stored version, to staff and, once published, to the public", () => {
    const [publicRoom, staffRoom] = heldRooms([
      `category:${CATEGORY}`,
      `category:${CATEGORY}:staff`,
    ]);
    expect(beaconOf(publicRoom, categories(true), 15_000)).toEqual({
      kind: 'category',
      id: CATEGORY,
      version: 7,
      everyMs: 15_000,
    });
    expect(beaconOf(staffRoom, categories(false), 15_000)?.version).toBe(7);
  });

  it('tells the public room of an unpublished category nothing but null', () => {
    const [publicRoom] = heldRooms([`category:${CATEGORY}`]);
    expect(beaconOf(publicRoom, categories(false), 15_000)?.version).toBeNull();
  });

  it('sends rooms without a version a beacon without one, and a deleted category none', () => {
    const [stage, category] = heldRooms([`stage:${STAGE}`, `category:${CATEGORY}`]);
    expect(beaconOf(stage, new Map(), 1_000)).toEqual({ kind: 'stage', id: STAGE, everyMs: 1_000 });
    expect(beaconOf(category, new Map(), 1_000)).toBeNull();
  });

  it('sends beacons the contract accepts', () => {
    for (const room of heldRooms([`category:${CATEGORY}`, `field:${FIELD}:staff`]))
      expect(roomBeaconSchema.safeParse(beaconOf(room, categories(false), 15_000)).success).toBe(
        true,
      );
  });

  it('waits the interval ±25 % between beacons', () => {
    expect(nextBeaconDelay(15_000, () => 0)).toBe(11_250);
    expect(nextBeaconDelay(15_000, () => 0.5)).toBe(15_000);
    expect(nextBeaconDelay(15_000, () => 0.999)).toBeLessThanOrEqual(18_750);
  });
});
