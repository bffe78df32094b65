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

const sumoFormatSchema = z.enum([
  'round-robin',
  'single-elimination',
  'double-elimination',
  'groups-playoff',
]);
const bracketStageSchema = z.enum([
  'winners',
  'losers',
  'final',
  'third-place',
  'grand-final',
  'grand-final-reset',
]);
const matchHowSchema = z.enum([
  'points',
  'lead',
  'extension',
  'decision',
  'no-show',
  'disqualification',
  'draw',
  'double-no-show',
]);
const sidesSchema = z.object({ a: z.number(), b: z.number() });

/** A match as the rules resolve it from the ledger (libs/scoring's `ResolvedMatch`). */
const resolvedMatchSchema = z.object({
  id: z.string(),
  stage: z.union([bracketStageSchema, z.literal('group')]),
  round: z.number(),
  /** A team id; null or absent while the team is not known yet. */
  a: z.string().nullish(),
  b: z.string().nullish(),
  status: z.enum([
    'pending',
    'bye',
    'ready',
    'in-progress',
    'awaiting-decision',
    'finished',
    'not-needed',
  ]),
  outcome: z
    .object({
      winner: z.string().nullable(),
      loser: z.string().nullable(),
      how: z.union([matchHowSchema, z.literal('bye')]),
    })
    .nullable(),
  /** The match as its recorded events left it. */
  live: z
    .object({
      phase: z.enum(['regulation', 'extension', 'decision', 'finished']),
      points: sidesSchema,
      warnings: sidesSchema,
      rounds: z.number(),
      nullStarts: z.number(),
      result: z.object({ winner: z.enum(['a', 'b']).nullable(), how: matchHowSchema }).nullable(),
    })
    .nullable(),
});

/** Where a bracket match's team comes from: a drawn slot, or the winner or loser of a match before. */
const bracketSourceSchema = z.union([
  z.object({ slot: z.number() }),
  z.object({ winnerOf: z.string() }),
  z.object({ loserOf: z.string() }),
]);

/** libs/scoring's `SumoTournament`: the draw, the groups with their tables, and the bracket. */
export const sumoTournamentSchema = z.object({
  format: sumoFormatSchema,
  draw: z
    .object({
      format: sumoFormatSchema,
      seed: z.number().nullable(),
      groups: z.array(z.array(z.string())),
      bracket: z.array(z.string().nullable()),
    })
    .nullable(),
  groups: z.array(
    z.object({
      id: z.string(),
      teamIds: z.array(z.string()),
      matches: z.array(resolvedMatchSchema),
      table: z.object({
        rows: z.array(
          z.object({
            teamId: z.string(),
            place: z.number(),
            played: z.number(),
            wins: z.number(),
            draws: z.number(),
            losses: z.number(),
            points: z.number(),
            roundsWon: z.number(),
            roundsLost: z.number(),
          }),
        ),
        complete: z.boolean(),
      }),
    }),
  ),
  /** Elimination matches (the playoff in groups-playoff; empty until every group is decided). */
  bracket: z.array(resolvedMatchSchema),
  /** The bracket's structure with the values the rules use for places. */
  bracketMatches: z.array(
    z.object({
      id: z.string(),
      stage: bracketStageSchema,
      round: z.number(),
      a: bracketSourceSchema,
      b: bracketSourceSchema,
      reachValue: z.number(),
      loserValue: z.number(),
      winnerValue: z.number(),
      onlyIfBWins: z.string().optional(),
    }),
  ),
  /** Groups whose advancing places are still tied, waiting for the head judge's decision. */
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
