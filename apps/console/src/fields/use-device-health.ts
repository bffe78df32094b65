import type { DeviceStatus, RoomRef } from '@olympiad/contracts';
import { useLiveRoom, useLiveSocket } from '@olympiad/ui';
import type { TokenSource } from '../transfer/file-transfer';

export interface DeviceHealth {
  connected: boolean;
  devices: Record<string, DeviceStatus>;
}

type Devices = Record<string, DeviceStatus>;

const put = (current: Devices | undefined, statuses: readonly DeviceStatus[]): Devices => ({
  ...current,
  ...Object.fromEntries(statuses.map((status) => [status.deviceId, status])),
});

/** Live health of every device of the given fields: a snapshot on joining each field room, then `device:status`. */
export function useDeviceHealth(fieldIds: string[], getToken: TokenSource): DeviceHealth {
  const { socket, connected } = useLiveSocket(getToken, fieldIds.length > 0);
  const rooms = fieldIds.map((id): RoomRef => ({ kind: 'field', id }));
  const live = useLiveRoom<Devices>(socket, rooms, {
    keepState: true,
    load: (joined, current) => put(current, joined.devices ?? []),
    events: { 'device:status': (current, status) => put(current, [status]) },
  });
  return { connected, devices: live.state ?? {} };
}
