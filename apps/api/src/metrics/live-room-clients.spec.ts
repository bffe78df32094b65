import { clientsByRoomKind } from './live-room-clients';

describe('clientsByRoomKind', () => {
  it('counts each socket once per room kind and audience, every known kind even when empty', () => {
    const rooms = new Map<string, Set<string>>([
      // Socket.IO's own room of each socket: not a room kind.
      ['s1', new Set(['s1'])],
      ['s2', new Set(['s2'])],
      ['category:c1', new Set(['s1', 's2'])],
      // A hall screen in two categories' rooms counts once.
      ['category:c2', new Set(['s1'])],
      ['category:c1:staff', new Set(['s3'])],
      ['field:f1:staff', new Set(['s3', 's4'])],
      ['display:d1', new Set(['s5'])],
    ]);

    const counts = Object.fromEntries(
      clientsByRoomKind(rooms).map((row) => [`${row.roomKind}/${row.audience}`, row.clients]),
    );

    expect(counts).toEqual({
      'stage/public': 0,
      'stage/staff': 0,
      'category/public': 2,
      'category/staff': 1,
      'field/staff': 1 + 1,
      'display/public': 1,
    });
  });

  it('reports a room kind it does not know under its own name', () => {
    const rooms = new Map([['awards:a1', new Set(['s1'])]]);
    expect(clientsByRoomKind(rooms)).toContainEqual({
      roomKind: 'awards',
      audience: 'public',
      clients: 1,
    });
  });
});
