import {
  type ClientToServerEvents,
  type HeldEntry,
  routes,
  type ServerToClientEvents,
} from '@olympiad/contracts';
import { useCallback, useEffect, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
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
  const [open, setOpen] = useState<HeldEntry[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [loaded, setLoaded] = useState(false);

  const apply = useCallback((held: HeldEntry) => {
    setOpen((current) => {
      const others = current.filter((other) => other.id !== held.id);
      if (held.status !== 'open') return others;
      return [...others, held].sort((a, b) => a.heldAt.localeCompare(b.heldAt));
    });
  }, []);

  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    const load = () =>
      api
        .call(routes.heldEntries.list, { params: { stageId }, query: { status: 'open' } })
        .then((list) => {
          if (cancelled) return;
          setOpen(list);
          setError(null);
          setLoaded(true);
        })
        .catch((caught: unknown) => {
          if (!cancelled) setError(caught);
        });
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
      path: '/socket.io',
      auth: (callback) => callback({ token: token() ?? undefined }),
    });
    let connectedBefore = false;
    socket.on('connect', () => {
      socket.emit('join', { kind: 'stage', id: stageId }, () => undefined);
      if (connectedBefore) void load();
      connectedBefore = true;
    });
    socket.on('held:changed', (held) => {
      if (held.stageId === stageId) apply(held);
    });
    void load();
    return () => {
      cancelled = true;
      socket.disconnect();
    };
  }, [enabled, api, stageId, token, apply]);

  return { open, error, loaded, apply };
}
