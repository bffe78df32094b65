import { type HeldEntry, routes } from '@olympiad/contracts';
import { useLiveRoom, useLiveSocket } from '@olympiad/ui';
import { useCallback } from 'react';
import { useJudge } from '../app/judge-context';

export interface HeldEntriesState {
  /** The stage's open held entries, oldest first. */
  open: HeldEntry[];
  error: unknown;
  loaded: boolean;
  /** Takes in an entry the server answered with (a resolve) before its live event arrives. */
  apply: (held: HeldEntry) => void;
}

/**
 * The stage's review queue for the head judge: `GET /api/stages/:id/held-entries`, then kept
 * current by `held:changed` in the stage's staff room. Every (re)connect reads the list again, so
 * events missed while the tablet was offline do not leave the list stale.
 */
export function useHeldEntries(enabled: boolean): HeldEntriesState {
  const { api, me, token } = useJudge();
  const stageId = me.judge.stageId;
  const { socket } = useLiveSocket(token, enabled);
  const room = useLiveRoom<HeldEntry[]>(socket, enabled ? { kind: 'stage', id: stageId } : null, {
    // Every (re)join reads the list again, after the room is joined so no change falls between.
    load: () =>
      api.call(routes.heldEntries.list, { params: { stageId }, query: { status: 'open' } }),
    events: {
      'held:changed': (current, held) =>
        current && held.stageId === stageId ? withHeld(current, held) : undefined,
    },
  });
  const { update } = room;
  const apply = useCallback(
    (held: HeldEntry) => update((current) => withHeld(current ?? [], held)),
    [update],
  );
  const error = room.status === 'error' ? room.error : null;

  return { open: room.state ?? [], error, loaded: room.state !== undefined, apply };
}

function withHeld(current: readonly HeldEntry[], held: HeldEntry): HeldEntry[] {
  const others = current.filter((other) => other.id !== held.id);
  if (held.status !== 'open') return others;
  return [...others, held].sort((a, b) => a.heldAt.localeCompare(b.heldAt));
}
