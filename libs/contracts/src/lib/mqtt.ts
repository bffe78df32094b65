import { z } from 'zod';

/**
 * The sensor contract over MQTT, version 1 (docs/sensor-contract.md). Firmware depends on it: change it only
 * by adding a new version next to this one.
 */
export const MQTT_CONTRACT_VERSION = 1;
export const MQTT_TOPIC_ROOT = 'olympiad/v1/dev';
/** Messages larger than this are refused before parsing. */
export const MQTT_MAX_PAYLOAD_BYTES = 1024;

export const deviceIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{2,39}$/);

/**
 * What a field controller or `bridge` needs to reach the venue broker. Device registration
 * (POST /api/devices) returns it once; the console shows it as text and as a QR code, and
 * `bridge serial|simulate --config <file>` reads the same JSON.
 */
export const bridgeConfigSchema = z
  .object({
    mqttUrl: z
      .string()
      .regex(/^(mqtts?|wss?|tcp):\/\/[^\s/]+/, 'an mqtt://host:port URL (or mqtts, ws, wss)'),
    deviceId: deviceIdSchema,
    /** The broker account: the device id on the embedded broker and on the generated Mosquitto files. */
    username: z.string().min(1).max(64),
    /** The device secret, shown once at registration. */
    password: z.string().min(8).max(200),
    /** The same broker over TLS, when it listens there (docs/venue-network.md); plain mqttUrl stays the default. */
    mqttsUrl: z
      .string()
      .regex(/^mqtts:\/\/[^\s/]+/, 'an mqtts://host:port URL')
      .optional(),
    /** SHA-256 fingerprint (AB:CD:…) of the venue CA that signs the broker's certificate, to check a CA file against. */
    caFingerprintSha256: z
      .string()
      .regex(/^[0-9A-F]{2}(:[0-9A-F]{2}){31}$/i, 'a SHA-256 fingerprint AB:CD:…')
      .optional(),
  })
  .strict();
export type BridgeConfig = z.infer<typeof bridgeConfigSchema>;

/** The answer of POST /api/devices: the only time the secret leaves the server. */
export const registeredDeviceSchema = z.object({
  id: z.string(),
  fieldId: z.string().nullable(),
  label: z.string(),
  secret: z.string(),
  bridgeConfig: bridgeConfigSchema,
});
export type RegisteredDevice = z.infer<typeof registeredDeviceSchema>;

export const mqttTopics = {
  event: (deviceId: string) => `${MQTT_TOPIC_ROOT}/${deviceId}/event`,
  status: (deviceId: string) => `${MQTT_TOPIC_ROOT}/${deviceId}/status`,
  cmd: (deviceId: string) => `${MQTT_TOPIC_ROOT}/${deviceId}/cmd`,
  /** What the server subscribes to. */
  allEvents: `${MQTT_TOPIC_ROOT}/+/event`,
  allStatus: `${MQTT_TOPIC_ROOT}/+/status`,
} as const;

/** `olympiad/v1/dev/{id}/{kind}` → its parts, or null for any other topic. */
export function parseDeviceTopic(
  topic: string,
): { deviceId: string; kind: 'event' | 'status' | 'cmd' } | null {
  const parts = topic.split('/');
  if (parts.length !== 5 || `${parts[0]}/${parts[1]}/${parts[2]}` !== MQTT_TOPIC_ROOT) return null;
  const [, , , deviceId, kind] = parts;
  if (!deviceIdSchema.safeParse(deviceId).success) return null;
  if (kind !== 'event' && kind !== 'status' && kind !== 'cmd') return null;
  return { deviceId, kind };
}

const common = {
  v: z.literal(1),
  /** Random id chosen at every power-up; device clocks are comparable only within one boot. */
  boot: z.string().regex(/^[A-Za-z0-9_-]{4,40}$/),
  /** +1 per event within a boot; with device and boot, the de-duplication key. */
  seq: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1),
  /** Device monotonic clock, microseconds since boot. */
  t: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  battery: z.number().min(0).max(100).optional(),
  rssi: z.number().int().min(-127).max(0).optional(),
};

export const sensorEventSchema = z.discriminatedUnion('type', [
  z
    .object({
      ...common,
      type: z.literal('gate'),
      gate: z.string().regex(/^(start|finish|cp\d{1,2})$/),
    })
    .strict(),
  z
    .object({
      ...common,
      type: z.literal('button'),
      button: z.enum(['start', 'stop', 'ready']).optional(),
    })
    .strict(),
  z.object({ ...common, type: z.literal('heartbeat') }).strict(),
  z.object({ ...common, type: z.literal('fault'), code: z.string().max(40).optional() }).strict(),
]);
export type SensorEvent = z.infer<typeof sensorEventSchema>;

export const deviceStatusMessageSchema = z
  .object({
    online: z.boolean(),
    fw: z.string().max(40).optional(),
    boot: z.string().max(40).optional(),
  })
  .strict();
export type DeviceStatusMessage = z.infer<typeof deviceStatusMessageSchema>;

export const deviceCommandSchema = z
  .object({ cmd: z.enum(['arm', 'reset', 'ping']) })
  .passthrough();
export type DeviceCommand = z.infer<typeof deviceCommandSchema>;

/** Why ingestion refused a message; each has a counter. */
export const sensorRejectionSchema = z.enum([
  'wrong-topic',
  'oversized',
  'malformed',
  'unknown-device',
  'flood',
]);
export type SensorRejection = z.infer<typeof sensorRejectionSchema>;

export const sensorIngestionStatsSchema = z.object({
  accepted: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.record(sensorRejectionSchema, z.number().int()),
});
export type SensorIngestionStats = z.infer<typeof sensorIngestionStatsSchema>;
