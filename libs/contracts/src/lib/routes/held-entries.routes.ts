import { z } from 'zod';
import { heldEntrySchema, holdEntrySchema, resolveHeldEntrySchema } from '../held-entries';
import { jsonRoute } from './route';

/** `open` (the default): the entries still waiting; `all`: with those accepted or dismissed. */
export const heldEntriesQuerySchema = z.object({ status: z.enum(['open', 'all']).optional() });
export type HeldEntriesQuery = z.infer<typeof heldEntriesQuerySchema>;

export const heldEntriesRoutes = {
  hold: jsonRoute({
    method: 'POST',
    path: '/api/held-entries',
    body: holdEntrySchema,
    response: heldEntrySchema,
    summary:
      "201 when the entry is now held, 200 when it already was (the tablet's handover resent).",
  }),
  list: jsonRoute({
    method: 'GET',
    path: '/api/stages/:stageId/held-entries',
    query: heldEntriesQuerySchema,
    response: z.array(heldEntrySchema),
    summary: 'A judge sees only the entries they handed over.',
  }),
  resolve: jsonRoute({
    method: 'POST',
    path: '/api/held-entries/:id/resolve',
    body: resolveHeldEntrySchema,
    response: heldEntrySchema,
    status: 200,
  }),
};
