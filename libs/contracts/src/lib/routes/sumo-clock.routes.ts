import { z } from 'zod';
import { jsonRoute } from './route';

/**
 * What a ring's tablet tells the server when the judge starts, pauses, resumes or ends a round:
 * a display hint for the overlays, never a score (docs/results-display.md#the-sumo-round-clock).
 */
export const sumoClockReportSchema = z
  .object({
    categoryId: z.uuid(),
    matchId: z.string().min(1).max(64),
    /** The round under way (1 for the first). */
    round: z.number().int().min(1).max(50),
    state: z.enum(['running', 'paused', 'ended']),
    /** The round's (or, with total timing, the match's) time used when the judge pressed. */
    elapsedMs: z.number().int().min(0).max(1_800_000),
    /** What is left of the rules' start delay: the clock counts after it. */
    startsInMs: z.number().int().min(0).max(30_000),
    /** The time one clock counts down, as the category's rules give it. */
    roundMs: z.number().int().min(5_000).max(1_800_000),
  })
  .strict();
export type SumoClockReport = z.infer<typeof sumoClockReportSchema>;

/** The report as screens get it (`sumo:clock`), stamped with the server's time. */
export const sumoClockSchema = sumoClockReportSchema.extend({
  stageId: z.string(),
  fieldId: z.string(),
  /** Server time the state was taken at (when the report arrived). */
  at: z.string(),
  /** Server time this copy was sent at: the screen's clock offset. */
  serverNow: z.string(),
});
export type SumoClock = z.infer<typeof sumoClockSchema>;

export const sumoClockRoutes = {
  report: jsonRoute({
    method: 'POST',
    path: '/api/fields/:fieldId/sumo-clock',
    body: sumoClockReportSchema,
    response: sumoClockSchema,
    status: 200,
    summary:
      'The ring tablet’s match clock (started, paused, ended) for the overlays; kept in memory only.',
  }),
};
