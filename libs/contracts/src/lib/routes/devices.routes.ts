import { z } from 'zod';
import { registeredDeviceSchema } from '../mqtt';
import { createDeviceSchema } from '../rest';
import { jsonRoute } from './route';

/** A registered sensor controller as the stage's device list shows it (never its secret). */
export const deviceSummarySchema = z.object({
  id: z.string(),
  fieldId: z.string().nullable(),
  label: z.string(),
  createdAt: z.string(),
  online: z.boolean(),
  /** Server time of the last message from the device (ISO), or null if never seen. */
  lastSeenAt: z.string().nullable(),
  fw: z.string().nullable(),
  boot: z.string().nullable(),
  battery: z.number().nullable(),
  rssi: z.number().nullable(),
});
export type DeviceSummary = z.infer<typeof deviceSummarySchema>;

/** POST /api/devices/mosquitto-files — the server's own broker account for an external Mosquitto (MQTT_URL). */
export const mosquittoFilesRequestSchema = z
  .object({
    serverUsername: z.string().regex(/^[A-Za-z0-9_-]{3,64}$/),
    serverPassword: z.string().min(12).max(200),
    port: z.number().int().min(1).max(65535).default(1883),
  })
  .strict();
export type MosquittoFilesRequest = z.infer<typeof mosquittoFilesRequestSchema>;

export const mosquittoFilesSchema = z.object({
  passwd: z.string(),
  acl: z.string(),
  conf: z.string(),
});
export type MosquittoFiles = z.infer<typeof mosquittoFilesSchema>;

export const devicesRoutes = {
  register: jsonRoute({
    method: 'POST',
    path: '/api/devices',
    body: createDeviceSchema,
    response: registeredDeviceSchema,
    summary:
      'Registers a sensor controller; its MQTT secret is in this answer and nowhere else, ever.',
  }),
  mosquittoFiles: jsonRoute({
    method: 'POST',
    path: '/api/devices/mosquitto-files',
    body: mosquittoFilesRequestSchema,
    response: mosquittoFilesSchema,
    status: 200,
    summary:
      "Password, ACL and config files for an external Mosquitto that enforce the embedded broker's rules.",
  }),
  list: jsonRoute({
    method: 'GET',
    path: '/api/stages/:stageId/devices',
    response: z.array(deviceSummarySchema),
  }),
};
