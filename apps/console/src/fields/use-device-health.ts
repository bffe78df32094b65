import type { ClientToServerEvents, DeviceStatus, ServerToClientEvents } from '@olympiad/contracts';
import { useEffect, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { TokenSource } from '../transfer/file-transfer';

export interface DeviceHealth {
  connected: boolean;
  devices: Record<string, DeviceStatus>;
}

/** Live health of every device of the given fields: a snapshot on joining each field room, then `device:status`. */
export function useDeviceHealth(fieldIds: string[], getToken: TokenSource): DeviceHealth {
  const [health, setHealth] = useState<DeviceHealth>({ connected: false, devices: {} });
  const key = fieldIds.join(',');

  useEffect(() => {
    if (!key) return;
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
      path: '/socket.io',
      auth: (callback) => callback({ token: getToken() ?? undefined }),
    });
    const put = (statuses: DeviceStatus[]) =>
      setHealth((current) => ({ ...current, devices: { ...current.devices, ...Object.fromEntries(statuses.map((status) => [status.deviceId, status])) } }));
    socket.on('connect', () => {
      setHealth((current) => ({ ...current, connected: true }));
      for (const id of key.split(',')) {
        socket.emit('join', { kind: 'field', id }, (result) => {
          if (result.ok) put(result.devices ?? []);
        });
      }
    });
    socket.on('disconnect', () => setHealth((current) => ({ ...current, connected: false })));
    socket.on('device:status', (status) => put([status]));
    return () => {
      socket.disconnect();
    };
  }, [key, getToken]);

  return health;
}
