import { z } from 'zod';
import { jsonRoute } from './route';

export const sumoDrawRequestSchema = z
  .object({
    seed: z
      .number()
      .int()
      .min(1)
      .max(2 ** 31 - 1)
      .optional(),
  })
  .strict();
export type SumoDrawRequest = z.infer<typeof sumoDrawRequestSchema>;

const teamNamesSchema = z.record(z.string(), z.object({ name: z.string(), school: z.string() }));

/**
 * libs/scoring's `SumoTournament` as the ledger gives it. The draw and the groups' members are
 * spelled out (the console prints them); the match states, group tables and bracket slots are
 * the rules' own structures, passed through as they are.
 */
export const sumoTournamentSchema = z.object({
  format: z.string(),
  draw: z
    .object({
      format: z.string(),
      seed: z.number().nullable(),
      groups: z.array(z.array(z.string())),
      bracket: z.array(z.string().nullable()),
    })
    .nullable(),
  groups: z.array(
    z.object({
      id: z.string(),
      teamIds: z.array(z.string()),
      matches: z.array(z.unknown()),
      table: z.unknown(),
    }),
  ),
  bracket: z.array(z.unknown()),
  bracketMatches: z.array(z.unknown()),
  waitingForDecision: z.array(z.string()),
  warnings: z.array(z.object({ entryId: z.string(), key: z.string(), message: z.string() })),
});

/** A sumo category's groups, bracket and match states, with team names for printing. */
export const sumoBracketSchema = z.object({
  categoryId: z.string(),
  categoryName: z.string(),
  tournament: sumoTournamentSchema,
  teams: teamNamesSchema,
});
export type SumoBracket = z.infer<typeof sumoBracketSchema>;

/** The organiser's sumo draw (groups or bracket, by the rules) and the bracket it gives. */
export const sumoDrawRoutes = {
  draw: jsonRoute({
    method: 'POST',
    path: '/api/categories/:id/sumo/draw',
    body: sumoDrawRequestSchema,
    response: sumoBracketSchema,
    summary: 'Draws (or re-draws) the groups or bracket; the same seed gives the same draw.',
  }),
  bracket: jsonRoute({
    method: 'GET',
    path: '/api/categories/:id/sumo/bracket',
    response: sumoBracketSchema,
  }),
};
