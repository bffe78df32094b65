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

const runBaseSchema = z.object({
  fieldId: z.string(),
  runId: z.string(),
  categoryId: z.string(),
  teamId: z.string(),
  attempt: z.number().int(),
  /** Server time the judge armed the run (ISO). */
  armedAt: z.string(),
});

export const runStateSchema = z.discriminatedUnion('state', [
  z.object({ fieldId: z.string(), state: z.literal('idle') }),
  runBaseSchema.extend({ state: z.literal('armed') }),
  /**
   * `startedAt` is the server's receipt of the start gate: only for showing a running clock.
   * `serverNow`: the server's clock when this state was sent, so a tablet counts from `startedAt`
   * on the server's time, as the hall and the overlays do, whatever its own clock says
   * (docs/results-display.md#the-field-clock). Absent from a server before it was sent.
   */
  runBaseSchema.extend({
    state: z.literal('running'),
    startedAt: z.string(),
    serverNow: z.string().optional(),
  }),
  /** `entryId`: the provisional maze.attempt the finish recorded (the judge confirms, corrects or voids it). */
  runBaseSchema.extend({
    state: z.literal('finished'),
    startedAt: z.string(),
    durationMs: z.number(),
    /**
     * How far the time can be from the truth, ms: 0 when one device clock timed it, the
     * clock-offset bound when the start and finish gates are on two devices
     * (docs/sensor-contract.md#clock-offsets). Absent: a run stored before bounds were kept (one clock).
     */
    boundMs: z.number().optional(),
    entryId: z.string().nullable(),
  }),
  /**
   * Time it by hand: the device rebooted between start and finish (its boot id changed), or, with
   * the gates on two devices, the time's bound (`boundMs`, null when the clocks could not be read
   * at all) is wider than the rule set's timing tolerance.
   */
  runBaseSchema.extend({
    state: z.literal('needs-manual-timing'),
    reason: z.enum(['device-rebooted', 'device-offline', 'timing-bound']),
    boundMs: z.number().nullable().optional(),
  }),
]);
export type RunState = z.infer<typeof runStateSchema>;

/** A sensor event that arrived while nothing was armed on its field: kept, shown, attachable. */
export const unassignedSensorEventSchema = z.object({
  id: z.string(),
  fieldId: z.string().nullable(),
  deviceId: z.string(),
  gate: z.string(),
  /** Device clock, microseconds since its boot. */
  deviceTimeUs: z.number(),
  boot: z.string(),
  receivedAt: z.string(),
});
export type UnassignedSensorEvent = z.infer<typeof unassignedSensorEventSchema>;

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
