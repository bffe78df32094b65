import { z } from 'zod';
import { createSchoolSchema } from '../rest';
import { jsonRoute } from './route';

export const schoolSchema = z.object({
  id: z.string(),
  name: z.string(),
  regionCode: z.string(),
  town: z.string(),
});
export type School = z.infer<typeof schoolSchema>;

/** The schools teams come from, by region. */
export const schoolsRoutes = {
  list: jsonRoute({
    method: 'GET',
    path: '/api/schools',
    query: z.object({ regionCode: z.string().optional() }),
    response: z.array(schoolSchema),
  }),
  create: jsonRoute({
    method: 'POST',
    path: '/api/schools',
    body: createSchoolSchema,
    response: schoolSchema,
  }),
};
