import { z } from 'zod';
import { jsonRoute } from './route';

/** What sensor ingestion counted since the start (docs/sensor-contract.md): one counter per refusal reason. */
const sensorIngestionCountsSchema = z.object({
  accepted: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.object({
    'wrong-topic': z.number().int(),
    oversized: z.number().int(),
    malformed: z.number().int(),
    'unknown-device': z.number().int(),
    flood: z.number().int(),
  }),
});

export const serverHealthSchema = z.object({
  /** `ok` when the database answers and MQTT is ready, else `degraded`. */
  status: z.enum(['ok', 'degraded']),
  database: z.object({ kind: z.string(), ready: z.boolean() }),
  mqtt: z.object({
    mode: z.enum(['embedded', 'external']),
    listening: z.boolean(),
    address: z.string(),
    ready: z.boolean(),
  }),
  sensors: sensorIngestionCountsSchema,
  live: z.object({ clients: z.number().int() }),
  uptimeSeconds: z.number().int(),
});
export type ServerHealth = z.infer<typeof serverHealthSchema>;

/** Whether the server, its database and its MQTT broker are up (public, for monitoring). */
export const healthRoutes = {
  get: jsonRoute({ method: 'GET', path: '/api/health', response: serverHealthSchema }),
};
