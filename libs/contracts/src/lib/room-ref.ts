/**
 * A live room (docs/design.md#live-updates) and its name. Kept apart from live-events.ts, whose
 * schemas bring zod: a web app that only names rooms should not download it.
 */
export type RoomRef =
  { kind: 'stage'; id: string } | { kind: 'category'; id: string } | { kind: 'field'; id: string };

export function roomName(room: RoomRef): string {
  return `${room.kind}:${room.id}`;
}
