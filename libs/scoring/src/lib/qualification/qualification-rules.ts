import { z } from 'zod';
import { intRange } from '../common/zod-helpers';

/**
 * How teams go from a regional stage's final standings to the republic stage: a selection (top N
 * or top percentage per category and age group), a threshold every selected team must pass, and
 * the organiser's wildcards on top.
 */
export const qualificationRuleSchema = z
  .object({
    selection: z.discriminatedUnion('mode', [
      z.object({ mode: z.literal('top-n'), n: intRange(0, 1_000) }).strict(),
      z.object({ mode: z.literal('top-percent'), percent: intRange(1, 100) }).strict(),
    ]),
    /** Apply the selection within each age group of a category (TeamRef.ageGroup). */
    perAgeGroup: z.boolean(),
    /**
     * 'ranked': has a ranked result; 'finished': maze teams must have finished an attempt (other
     * disciplines: ranked); 'min-primary' / 'max-primary': the standings' primary figure (points,
     * or a time in ms) at least / at most the value.
     */
    threshold: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('ranked') }).strict(),
      z.object({ kind: z.literal('finished') }).strict(),
      z.object({ kind: z.literal('min-primary'), value: z.number().int() }).strict(),
      z.object({ kind: z.literal('max-primary'), value: z.number().int() }).strict(),
    ]),
    /** Whether the regional result is carried over and shown on the republic entry list. */
    carryOver: z.boolean(),
  })
  .strict();
export type QualificationRule = z.infer<typeof qualificationRuleSchema>;

export const QUALIFICATION_DEFAULT: QualificationRule = {
  selection: { mode: 'top-n', n: 3 },
  perAgeGroup: true,
  threshold: { kind: 'finished' },
  carryOver: false,
};
