import { z } from 'zod';
import {
  armRunSchema,
  attachSensorEventsSchema,
  runStateSchema,
  unassignedSensorEventSchema,
} from '../runs';
import { jsonRoute } from './route';

/** A field's maze run (docs/sensor-contract.md): armed by a judge, timed by the field's gates. */
export const runsRoutes = {
  arm: jsonRoute({
    method: 'POST',
    path: '/api/fields/:fieldId/runs',
    body: armRunSchema,
    response: runStateSchema,
    summary: 'Arms "team, attempt" on the field: its next start gate starts the clock.',
  }),
  cancel: jsonRoute({
    method: 'DELETE',
    path: '/api/fields/:fieldId/runs/current',
    response: runStateSchema,
  }),
  current: jsonRoute({ method: 'GET', path: '/api/fields/:fieldId/run', response: runStateSchema }),
  unassigned: jsonRoute({
    method: 'GET',
    path: '/api/fields/:fieldId/unassigned',
    response: z.array(unassignedSensorEventSchema),
    summary: 'Gate events that arrived while nothing was armed on the field, newest first.',
  }),
  attach: jsonRoute({
    method: 'POST',
    path: '/api/fields/:fieldId/unassigned/attach',
    body: attachSensorEventsSchema,
    response: runStateSchema,
    summary: 'Times "team, attempt" with a start and a finish event that came in unarmed.',
  }),
};
