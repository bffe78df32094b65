import { z } from 'zod';
import { stageKindSchema, stageStatusSchema } from '../domain';
import { createStageSchema, updateStageSchema } from '../rest';
import { jsonRoute } from './route';

/** A regional stage (one oblast or city) or the republic stage of an olympiad. */
export const stageSummarySchema = z.object({
  id: z.string(),
  olympiadId: z.string(),
  kind: stageKindSchema,
  regionCode: z.string().nullable(),
  name: z.string(),
  venue: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  /** What judges type on the tablet next to their PIN; upper-case. */
  code: z.string(),
  status: stageStatusSchema,
});
export type StageSummary = z.infer<typeof stageSummarySchema>;

/** The stages of the olympiads: created, listed, opened and closed by the organiser. */
export const stagesRoutes = {
  list: jsonRoute({
    method: 'GET',
    path: '/api/stages',
    query: z.object({ olympiadId: z.string().optional() }),
    response: z.array(stageSummarySchema),
  }),
  get: jsonRoute({ method: 'GET', path: '/api/stages/:id', response: stageSummarySchema }),
  create: jsonRoute({
    method: 'POST',
    path: '/api/stages',
    body: createStageSchema,
    response: stageSummarySchema,
  }),
  update: jsonRoute({
    method: 'PATCH',
    path: '/api/stages/:id',
    body: updateStageSchema,
    response: stageSummarySchema,
  }),
};
