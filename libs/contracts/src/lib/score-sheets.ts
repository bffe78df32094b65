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

export const scoreSheetSchema = z.object({
  code: z.string(),
  stageId: z.string(),
  categoryId: z.string(),
  categoryName: z.string(),
  /** The maze table the sheet is for; null when the category runs at no table yet (one sheet for all). */
  fieldId: z.string().nullable(),
  fieldName: z.string().nullable(),
  discipline: z.literal('maze'),
  round: z.number().int(),
  rows: z.array(scoreSheetRowSchema),
  layout: z.object({
    attempt: z.number().int(),
    checkpoints: z.array(z.object({ id: z.string(), points: z.number() })),
    timeLimitMs: z.number().int(),
    touchPenalty: mazeTouchPenaltySchema,
  }),
  createdAt: z.string(),
});
export type ScoreSheet = z.infer<typeof scoreSheetSchema>;

/** POST /api/categories/:id/score-sheets: the sheets of one round, made once and kept. */
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

export const typeInSheetSchema = z
  .object({ lines: z.array(typedSheetLineSchema).min(1).max(500) })
  .strict();
export type TypeInSheet = z.infer<typeof typeInSheetSchema>;

export const typedSheetResultSchema = z.object({
  /** Entries stored now. */
  recorded: z.number().int(),
  /** Entries this sheet had already given (typed before): nothing written for them. */
  alreadyRecorded: z.number().int(),
});
export type TypedSheetResult = z.infer<typeof typedSheetResultSchema>;
