import { z } from 'zod';
import { entryModeSchema } from '../double-entry/entry-mode';
import { idString, intRange, reportDuplicates } from '../common/zod-helpers';
import {
  DEFAULT_PROTEST_WINDOW_MINUTES,
  protestWindowMinutesSchema,
} from '../protests/protest-window';

export const CREATIVE_SCHEMA_VERSION = 1;

export const rubricCriterionSchema = z
  .object({
    id: idString,
    title: z.string().max(200),
    min: intRange(0, 1_000),
    max: intRange(1, 1_000),
    /** Integer weight of the criterion in the total. */
    weight: intRange(0, 100),
  })
  .strict()
  .refine((c) => c.min < c.max, {
    path: ['max'],
    message: 'max must be above min',
    params: { key: 'scoring.creative.scale' },
  });
export type RubricCriterion = z.infer<typeof rubricCriterionSchema>;

/** 'criterion:<id>' compares that criterion's combined mark (higher first); 'decision' asks the head judge. */
export const rubricTieBreakSchema = z.string().regex(/^(criterion:[A-Za-z0-9_-]{1,40}|decision)$/, {
  message: 'a tie-break is "criterion:<id>" or "decision"',
});

const rubricFields = {
  criteria: z.array(rubricCriterionSchema).min(1).max(30),
  judgesMin: intRange(1, 30),
  judgesMax: intRange(1, 30),
  /** How the judges' marks of one criterion are combined. */
  combine: z.enum(['mean', 'trimmed-mean', 'median', 'normalised']),
  /** trimmed-mean drops the highest and lowest mark when at least this many judges marked. */
  trimFromJudges: intRange(3, 30),
  /** A top mark on a criterion needs a written comment. */
  commentOnTopMark: z.boolean(),
  tieBreaks: z.array(rubricTieBreakSchema).max(31),
};

function checkRubric(
  params: {
    criteria: RubricCriterion[];
    tieBreaks: string[];
    judgesMin: number;
    judgesMax: number;
  },
  ctx: z.RefinementCtx,
) {
  reportDuplicates(
    ctx,
    params.criteria.map((c) => c.id),
    'criteria',
  );
  reportDuplicates(ctx, params.tieBreaks, 'tieBreaks');
  if (params.judgesMin > params.judgesMax) {
    ctx.addIssue({
      code: 'custom',
      path: ['judgesMax'],
      message: 'judgesMax must be at least judgesMin',
      params: { key: 'scoring.creative.judges' },
    });
  }
  const ids = new Set(params.criteria.map((c) => c.id));
  params.tieBreaks.forEach((tieBreak, index) => {
    const id = tieBreak.startsWith('criterion:') ? tieBreak.slice('criterion:'.length) : null;
    if (id !== null && !ids.has(id)) {
      ctx.addIssue({
        code: 'custom',
        path: ['tieBreaks', index],
        message: `tie-break names criterion "${id}", which is not in the criteria`,
        params: { key: 'scoring.creative.unknownCriterion', value: id },
      });
    }
  });
}

export const rubricParamsSchema = z.object(rubricFields).strict().superRefine(checkRubric);
export type RubricParams = z.infer<typeof rubricParamsSchema>;

/** A creative category's rubric and the protest window of its rules. */
export const creativeParamsSchema = z
  .object({ ...rubricFields, protestWindowMinutes: protestWindowMinutesSchema })
  .strict()
  .superRefine(checkRubric);
export type CreativeParams = z.infer<typeof creativeParamsSchema>;

export const creativeRuleSetSchema = z
  .object({
    discipline: z.literal('creative'),
    preset: z.string().min(1).max(60),
    schemaVersion: z.literal(CREATIVE_SCHEMA_VERSION),
    /** Single (default) or double entry (docs/rules.md#double-entry). */
    entry: entryModeSchema.optional(),
    params: creativeParamsSchema,
  })
  .strict();
export type CreativeRuleSet = z.infer<typeof creativeRuleSetSchema>;

const criterion = (id: string, title: string, max = 10): RubricCriterion => ({
  id,
  title,
  min: 0,
  max,
  weight: 1,
});

const DEFAULT_RUBRIC: RubricParams = {
  criteria: [
    criterion('research', 'Problem and research'),
    criterion('originality', 'Originality'),
    criterion('engineering', 'Engineering'),
    criterion('programming', 'Programming and automation'),
    criterion('presentation', 'Presentation and answers'),
    criterion('teamwork', 'Teamwork'),
  ],
  judgesMin: 3,
  judgesMax: 5,
  combine: 'trimmed-mean',
  trimFromJudges: 5,
  commentOnTopMark: true,
  tieBreaks: ['criterion:originality', 'criterion:engineering', 'decision'],
};

export const CREATIVE_DEFAULT_PARAMS: CreativeParams = {
  ...DEFAULT_RUBRIC,
  protestWindowMinutes: DEFAULT_PROTEST_WINDOW_MINUTES,
};

/** The Scratch project rubric of docs/rules.md (maximum 40). */
export const SCRATCH_RUBRIC_PARAMS: RubricParams = {
  ...DEFAULT_RUBRIC,
  criteria: [
    criterion('fit', 'Fit to the task', 2),
    criterion('originality', 'Originality', 5),
    criterion('creativity', 'Creativity', 5),
    criterion('complexity', 'Complexity', 5),
    criterion('workmanship', 'Workmanship', 8),
    criterion('algorithm', 'Algorithm quality', 10),
    criterion('no-bugs', 'No bugs', 5),
  ],
  tieBreaks: ['decision'],
};
