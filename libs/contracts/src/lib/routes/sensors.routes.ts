import { sensorIngestionStatsSchema } from '../mqtt';
import { jsonRoute } from './route';

export const sensorsRoutes = {
  stats: jsonRoute({
    method: 'GET',
    path: '/api/sensors/stats',
    response: sensorIngestionStatsSchema,
    summary: 'Accepted, duplicate and refused messages since the server started, by reason.',
  }),
};
