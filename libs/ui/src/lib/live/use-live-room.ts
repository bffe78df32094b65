import { roomName, type RoomRef } from '@olympiad/contracts';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { io } from 'socket.io-client';
import {
  LiveRoom,
  socketLink,
  type LiveLink,
  type LiveRoomOptions,
  type LiveRoomView,
  type LiveSocket,
} from './live-room';

export interface LiveSocketState {
  socket: LiveSocket | null;
  /** The link itself is up (a room may still be joining). */
  connected: boolean;
}

/**
 * The app's Socket.IO connection (same origin, /socket.io), opened while `enabled` and closed when
 * the component goes; the token is read at each (re)connect.
 */
export function useLiveSocket(
  getToken: () => string | null | undefined,
  enabled = true,
): LiveSocketState {
  const socket = useMemo<LiveSocket | null>(
    () =>
      enabled
        ? io({
            path: '/socket.io',
            autoConnect: false,
            auth: (callback) => callback({ token: getToken() ?? undefined }),
          })
        : null,
    [enabled, getToken],
  );
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    if (!socket) return;
    const up = () => setConnected(true);
    const down = () => setConnected(false);
    socket.on('connect', up);
    socket.on('disconnect', down);
    socket.connect();
    return () => {
      socket.off('connect', up);
      socket.off('disconnect', down);
      socket.disconnect();
      setConnected(false);
    };
  }, [socket]);
  return { socket, connected };
}

export interface LiveRoomHandle<S> extends LiveRoomView<S> {
  /** Changes the state from outside (an answer the app got before its live event). */
  update: (change: (state: S | undefined) => S | undefined) => void;
  resync: () => void;
}

const IDLE: LiveRoomView<never> = { status: 'connecting', state: undefined, error: null };

/**
 * Joins `rooms` on `socket` (again after every reconnect), loads the snapshot through
 * `options.load`, applies the events in `options.events` (versioned deltas in order, a gap
 * resyncs) and gives the state with an honest status. No socket or no rooms: nothing is joined.
 * The options are read at each use, so inline callbacks do not re-join.
 */
export function useLiveRoom<S>(
  socket: LiveSocket | LiveLink | null,
  rooms: RoomRef | readonly RoomRef[] | null,
  options: LiveRoomOptions<S>,
): LiveRoomHandle<S> {
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  const list =
    rooms === null ? [] : Array.isArray(rooms) ? (rooms as readonly RoomRef[]) : [rooms as RoomRef];
  const key = list.map(roomName).join(',');
  const live = useMemo(() => {
    if (!socket || !key) return null;
    const link = 'request' in socket ? socket : socketLink(socket);
    const refs = key.split(',').map((name) => {
      const [kind, id] = name.split(':') as [RoomRef['kind'], string];
      return { kind, id } as RoomRef;
    });
    return new LiveRoom<S>(link, refs, latest);
  }, [socket, key]);

  const previous = useRef<LiveRoom<S> | null>(null);
  useEffect(() => {
    if (!live) return;
    if (latest.current.keepState && previous.current && previous.current !== live)
      live.seed(previous.current.getView().state);
    previous.current = live;
    live.start();
    return () => live.close();
  }, [live]);

  const subscribe = useCallback(
    (listener: () => void) => (live ? live.subscribe(listener) : () => undefined),
    [live],
  );
  const getView = useCallback(() => (live ? live.getView() : (IDLE as LiveRoomView<S>)), [live]);
  const view = useSyncExternalStore(subscribe, getView, getView);
  const update = useCallback(
    (change: (state: S | undefined) => S | undefined) => live?.update(change),
    [live],
  );
  const resync = useCallback(() => live?.resync(), [live]);
  return { ...view, update, resync };
}
