import { z } from 'zod';
import { regionSchema } from '../regions';
import { jsonRoute } from './route';

/** The oblasts and cities a regional stage can be held for (public). */
export const regionsRoutes = {
  list: jsonRoute({ method: 'GET', path: '/api/regions', response: z.array(regionSchema) }),
};
