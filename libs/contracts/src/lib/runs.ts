import { z } from 'zod';

/**
 * A maze run on a field (docs/sensor-contract.md): a judge arms "team, attempt" on the field; the next start-gate
 * event of the field's device starts it, the finish gate stops it. Durations come from the device's
 * own microsecond clock (same boot), never from network arrival times.
 */
export const armRunSchema = z
  .object({
    categoryId: z.string().uuid(),
    teamId: z.string().uuid(),
    attempt: z.number().int().min(1).max(10),
  })
  .strict();
export type ArmRun = z.infer<typeof armRunSchema>;

interface RunBase {
  fieldId: string;
  runId: string;
  categoryId: string;
  teamId: string;
  attempt: number;
  /** Server time the judge armed the run (ISO). */
  armedAt: string;
}

export type RunState =
  | { fieldId: string; state: 'idle' }
  | (RunBase & { state: 'armed' })
  /** `startedAt` is the server's receipt of the start gate: only for showing a running clock. */
  | (RunBase & { state: 'running'; startedAt: string })
  /** `entryId`: the provisional maze.attempt the finish recorded (the judge confirms, corrects or voids it). */
  | (RunBase & { state: 'finished'; startedAt: string; durationMs: number; entryId: string | null })
  /** The device rebooted between start and finish (its boot id changed): time it by hand. */
  | (RunBase & { state: 'needs-manual-timing'; reason: 'device-rebooted' | 'device-offline' });

/** A sensor event that arrived while nothing was armed on its field: kept, shown, attachable. */
export interface UnassignedSensorEvent {
  id: string;
  fieldId: string | null;
  deviceId: string;
  gate: string;
  /** Device clock, microseconds since its boot. */
  deviceTimeUs: number;
  boot: string;
  receivedAt: string;
}

export const attachSensorEventsSchema = armRunSchema
  .extend({ startEventId: z.string().uuid(), finishEventId: z.string().uuid() })
  .strict();
export type AttachSensorEvents = z.infer<typeof attachSensorEventsSchema>;

/** Start button, start signal or round timer events of a sumo ring, passed to the field's judges. */
export interface FieldSignal {
  fieldId: string;
  deviceId: string;
  type: 'button' | 'fault';
  button?: string;
  code?: string;
  deviceTimeUs: number;
  receivedAt: string;
}

export interface DeviceStatus {
  deviceId: string;
  fieldId: string | null;
  online: boolean;
  fw: string | null;
  boot: string | null;
  battery: number | null;
  rssi: number | null;
  /** Server time of the last message from the device (ISO), or null if never seen. */
  lastSeenAt: string | null;
}
