import { z } from 'zod';
import { disciplineSchema } from '../domain';
import { createFieldSchema } from '../rest';
import { jsonRoute } from './route';

/** A maze table or sumo ring of a stage. */
export const fieldSummarySchema = z.object({
  id: z.string(),
  stageId: z.string(),
  name: z.string(),
  discipline: disciplineSchema,
});
export type FieldSummary = z.infer<typeof fieldSummarySchema>;

export const fieldsRoutes = {
  create: jsonRoute({
    method: 'POST',
    path: '/api/fields',
    body: createFieldSchema,
    response: fieldSummarySchema,
  }),
  list: jsonRoute({
    method: 'GET',
    path: '/api/stages/:stageId/fields',
    response: z.array(fieldSummarySchema),
  }),
};
