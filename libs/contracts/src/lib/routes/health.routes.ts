import { z } from 'zod';
import { fileRoute, jsonRoute } from './route';

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

/** One check of a probe (docs/deploy.md#health-metrics-and-logs): `up`, or `down` with why. */
const probeCheckSchema = z.object({
  status: z.enum(['up', 'down']),
  message: z.string().optional(),
});

/**
 * A load balancer's probe: `ok` (200) or `error` (503) with each check; `shutting_down` (503) once
 * the replica is stopping, so the balancer sends no new requests before it closes.
 */
export const probeAnswerSchema = z.object({
  status: z.enum(['ok', 'error', 'shutting_down']),
  details: z.record(z.string(), probeCheckSchema),
});
export type ProbeAnswer = z.infer<typeof probeAnswerSchema>;

/** Whether the server, its database and its MQTT broker are up (public, for monitoring). */
export const healthRoutes = {
  get: jsonRoute({ method: 'GET', path: '/api/health', response: serverHealthSchema }),
  live: jsonRoute({
    method: 'GET',
    path: '/api/health/live',
    response: probeAnswerSchema,
    summary: 'The process answers (liveness).',
  }),
  ready: jsonRoute({
    method: 'GET',
    path: '/api/health/ready',
    response: probeAnswerSchema,
    summary:
      'The database, MQTT and (with REDIS_URL) Redis answer and the server is not stopping; 503 otherwise.',
  }),
  metrics: fileRoute({
    path: '/api/metrics',
    contentType: 'text/plain',
    summary: 'Prometheus metrics of this replica (text format).',
  }),
};
