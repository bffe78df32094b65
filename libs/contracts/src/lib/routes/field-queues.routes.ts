import { z } from 'zod';
import { fieldQueueSchema } from '../field-queues';
import { jsonRoute } from './route';

export const fieldQueuesRoutes = {
  list: jsonRoute({
    method: 'GET',
    path: '/api/stages/:stageId/field-queues',
    response: z.array(fieldQueueSchema),
    summary:
      'Every field of the stage with its categories and what waits on it (maze running order, next sumo match).',
  }),
};
