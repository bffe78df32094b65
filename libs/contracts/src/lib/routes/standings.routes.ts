import { z } from 'zod';
import { standingsSnapshotSchema } from '../live-events';
import { jsonRoute } from './route';

const standingsSchema = standingsSnapshotSchema.shape.standings;

export const standingsVerificationSchema = z.object({
  /** Must always be true: the live projection equals a replay of the ledger. */
  matches: z.boolean(),
  live: standingsSchema,
  rebuilt: standingsSchema,
});
export type StandingsVerification = z.infer<typeof standingsVerificationSchema>;

/** A category's standings (as the category room's snapshot), and the check that they follow from its ledger. */
export const standingsRoutes = {
  get: jsonRoute({
    method: 'GET',
    path: '/api/categories/:id/standings',
    response: standingsSnapshotSchema,
  }),
  verify: jsonRoute({
    method: 'GET',
    path: '/api/categories/:id/standings/verify',
    response: standingsVerificationSchema,
    summary: 'Replays the ledger and compares with the live projection.',
  }),
};
