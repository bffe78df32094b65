import { z } from 'zod';
import { fieldQueueSchema, publicTurnSchema, ringNextMatchSchema } from '../field-queues';
import { jsonRoute } from './route';

export const fieldQueuesRoutes = {
  list: jsonRoute({
    method: 'GET',
    path: '/api/stages/:stageId/field-queues',
    response: z.array(fieldQueueSchema),
    summary:
      'Every field of the stage with its categories and what waits on it (maze running order, next sumo match).',
  }),
  nextMatch: jsonRoute({
    method: 'POST',
    path: '/api/stages/:stageId/fields/:fieldId/next-match',
    response: ringNextMatchSchema,
    summary:
      'Calls the next sumo match to this ring: the one it holds, else the first free one (no match or team on two rings, rests kept).',
  }),
  publicTurn: jsonRoute({
    method: 'GET',
    path: '/api/public/categories/:id/teams/:teamId/turn',
    response: publicTurnSchema,
    summary:
      'Public: about when a team of a live stage runs or plays next (no results, so also before publication).',
  }),
};
