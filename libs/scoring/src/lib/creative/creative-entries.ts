import { z } from 'zod';
import { fieldError } from '../common/validated';
import { idString } from '../common/zod-helpers';
import type { FieldError } from '../ledger.types';
import type { RubricParams } from './creative-rules';

export const CREATIVE_MARKS = 'creative.marks';

/** One judge's marks for one team on every criterion of the rubric. */
export const rubricMarksPayloadSchema = z
  .object({
    /** The judge whose sheet this is (a head judge may enter a paper sheet for another judge). */
    judgeId: z.string().min(1).max(100),
    marks: z.record(idString, z.number().int()),
    /** Comments per criterion; a top mark needs one when the rules say so. */
    comments: z.record(idString, z.string().max(2_000)).default({}),
  })
  .strict();
export type RubricMarksPayload = z.infer<typeof rubricMarksPayloadSchema>;

export function checkRubricMarks(rubric: RubricParams, payload: RubricMarksPayload): FieldError[] {
  const errors: FieldError[] = [];
  const ids = new Set(rubric.criteria.map((c) => c.id));
  for (const id of Object.keys(payload.marks)) {
    if (!ids.has(id)) {
      errors.push(
        fieldError(
          `marks.${id}`,
          'scoring.creative.unknownCriterion',
          `no criterion "${id}" in the rubric`,
          { value: id },
        ),
      );
    }
  }
  for (const criterion of rubric.criteria) {
    const mark = payload.marks[criterion.id];
    const path = `marks.${criterion.id}`;
    if (mark === undefined) {
      errors.push(
        fieldError(path, 'scoring.creative.markMissing', `${criterion.id} has no mark`, {
          field: criterion.id,
        }),
      );
    } else if (mark < criterion.min || mark > criterion.max) {
      errors.push(
        fieldError(
          path,
          'scoring.creative.markOutOfScale',
          `${criterion.id} must be ${criterion.min}–${criterion.max}`,
          {
            field: criterion.id,
            min: criterion.min,
            max: criterion.max,
          },
        ),
      );
    } else if (
      rubric.commentOnTopMark &&
      mark === criterion.max &&
      !payload.comments[criterion.id]?.trim()
    ) {
      errors.push(
        fieldError(
          `comments.${criterion.id}`,
          'scoring.creative.topMarkNeedsComment',
          `a top mark on ${criterion.id} needs a comment`,
          {
            field: criterion.id,
          },
        ),
      );
    }
  }
  return errors;
}
