import { z } from 'zod';
import { awardsStateSchema, startAwardsSchema } from '../leaderboard-live';
import { jsonRoute } from './route';

/** The awards reveal of a category, run from the console; each step reaches the hall screens at once. */
export const awardsRoutes = {
  list: jsonRoute({
    method: 'GET',
    path: '/api/stages/:stageId/awards',
    response: z.array(awardsStateSchema),
  }),
  start: jsonRoute({
    method: 'POST',
    path: '/api/categories/:id/awards/start',
    body: startAwardsSchema,
    response: awardsStateSchema,
    status: 200,
  }),
  reveal: jsonRoute({
    method: 'POST',
    path: '/api/categories/:id/awards/reveal',
    response: awardsStateSchema,
    status: 200,
    summary: 'Reveals the next place, lowest first.',
  }),
  end: jsonRoute({
    method: 'POST',
    path: '/api/categories/:id/awards/end',
    response: awardsStateSchema,
    status: 200,
  }),
};
