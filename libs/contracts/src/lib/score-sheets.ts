import { mazeTouchPenaltySchema } from '@olympiad/scoring';
import { z } from 'zod';

/**
 * Paper score sheets (README, "Paper fallback"): printed per category, field and round with a
 * code and a QR code, typed in later with entry ids derived from the sheet (`sheetEntryId` of
 * libs/scoring), so typing a sheet twice records nothing twice.
 */

export const scoreSheetRowSchema = z.object({
  row: z.number().int(),
  teamId: z.string(),
  teamName: z.string(),
  school: z.string(),
});

const side = z.object({ teamId: z.string(), name: z.string() });

/** A sumo ring sheet's line: one match still to play when the sheet was made, in running order. */
export const sumoSheetRowSchema = z.object({
  row: z.number().int(),
  matchId: z.string(),
  a: side,
  b: side,
});

const sheetBase = {
  code: z.string(),
  stageId: z.string(),
  categoryId: z.string(),
  categoryName: z.string(),
  /** The maze table or sumo ring; null when the category runs at none yet (one sheet for all). */
  fieldId: z.string().nullable(),
  fieldName: z.string().nullable(),
  /** Maze: the attempt every line records. Sumo: the number of the set of ring sheets. */
  round: z.number().int(),
  createdAt: z.string(),
};

export const mazeScoreSheetSchema = z.object({
  ...sheetBase,
  discipline: z.literal('maze'),
  rows: z.array(scoreSheetRowSchema),
  layout: z.object({
    attempt: z.number().int(),
    checkpoints: z.array(z.object({ id: z.string(), points: z.number() })),
    timeLimitMs: z.number().int(),
    touchPenalty: mazeTouchPenaltySchema,
  }),
});

export const sumoScoreSheetSchema = z.object({
  ...sheetBase,
  discipline: z.literal('sumo'),
  rows: z.array(sumoSheetRowSchema),
  layout: z.object({ maxRounds: z.number().int(), pointsToWin: z.number().int() }),
});

export const scoreSheetSchema = z.discriminatedUnion('discipline', [
  mazeScoreSheetSchema,
  sumoScoreSheetSchema,
]);
export type ScoreSheet = z.infer<typeof scoreSheetSchema>;
export type MazeScoreSheet = z.infer<typeof mazeScoreSheetSchema>;
export type SumoScoreSheet = z.infer<typeof sumoScoreSheetSchema>;

/** POST /api/categories/:id/score-sheets: the sheets of one attempt (maze) or set (sumo), made once and kept. */
export const makeScoreSheetsSchema = z.object({ round: z.number().int().min(1).max(10) }).strict();
export type MakeScoreSheets = z.infer<typeof makeScoreSheetsSchema>;

export const scoreSheetsPdfQuerySchema = z
  .object({ round: z.coerce.number().int().min(1).max(10) })
  .strict();

/** One line as typed from the paper; lines left blank are not sent. */
export const typedSheetLineSchema = z
  .object({
    row: z.number().int().min(1).max(10_000),
    outcome: z.enum(['finished', 'not-finished']),
    /** The time box: the finish time, or the time to the last checkpoint of a line not finished. */
    timeMs: z.number().int().min(0).max(86_400_000).nullable(),
    touches: z.number().int().min(0).max(1000),
    checkpoints: z.array(z.string().max(40)).max(50),
    noStart: z.boolean().optional(),
  })
  .strict();
export type TypedSheetLine = z.infer<typeof typedSheetLineSchema>;

/** One sumo match as typed from a ring sheet: each round's winner or a draw, or who did not come. */
export const typedSheetMatchSchema = z
  .object({
    row: z.number().int().min(1).max(10_000),
    rounds: z.array(z.enum(['a', 'b', 'draw'])).max(20),
    noShow: z.enum(['a', 'b', 'both']).nullable(),
  })
  .strict();
export type TypedSheetMatch = z.infer<typeof typedSheetMatchSchema>;

/** A maze sheet's `lines` or a ring sheet's `matches`, whichever the sheet has. */
export const typeInSheetSchema = z
  .object({
    lines: z.array(typedSheetLineSchema).max(500).optional(),
    matches: z.array(typedSheetMatchSchema).max(500).optional(),
  })
  .strict();
export type TypeInSheet = z.infer<typeof typeInSheetSchema>;

export const typedSheetResultSchema = z.object({
  /** Entries stored now. */
  recorded: z.number().int(),
  /** Entries this sheet had already given (typed before): nothing written for them. */
  alreadyRecorded: z.number().int(),
});
export type TypedSheetResult = z.infer<typeof typedSheetResultSchema>;
