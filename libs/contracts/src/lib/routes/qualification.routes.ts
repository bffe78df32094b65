import { qualificationRuleSchema } from '@olympiad/scoring';
import { z } from 'zod';
import { stageStatusSchema } from '../domain';
import { jsonRoute } from './route';

/** A team the organiser lets through beyond the rules, with the reason they give. */
export const qualificationWildcardSchema = z
  .object({
    categoryId: z.string().uuid(),
    teamId: z.string().uuid(),
    reason: z.string().trim().min(3, 'a wildcard needs a reason').max(300),
  })
  .strict();
export type QualificationWildcard = z.infer<typeof qualificationWildcardSchema>;

/** The rule to apply (the default when left out) and the organiser's wildcards. */
export const qualificationRequestSchema = z
  .object({
    rule: qualificationRuleSchema.optional(),
    wildcards: z.array(qualificationWildcardSchema).max(500).default([]),
  })
  .strict();
export type QualificationRequestBody = z.input<typeof qualificationRequestSchema>;

export const qualificationEnterRequestSchema = qualificationRequestSchema
  .extend({ targetStageId: z.string().uuid() })
  .strict();

/** libs/scoring's decision for one team, with the names the organiser reads. */
export const qualificationDecisionViewSchema = z.object({
  categoryId: z.string(),
  teamId: z.string(),
  ageGroup: z.string().nullable(),
  qualified: z.boolean(),
  reason: z.enum([
    'top-n',
    'top-percent',
    'wildcard',
    'outside-selection',
    'below-threshold',
    'not-ranked',
  ]),
  /** i18n key and English text of the explanation, with its parameters. */
  key: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** The regional result, when the rule carries results over. */
  carried: z
    .object({ place: z.number().nullable(), primary: z.number().nullable(), display: z.string() })
    .optional(),
  team: z.string(),
  school: z.string(),
  category: z.string(),
});
export type QualificationDecisionView = z.infer<typeof qualificationDecisionViewSchema>;

export const qualificationPreviewSchema = z.object({
  stage: z.object({ id: z.string(), name: z.string(), status: stageStatusSchema }),
  rule: qualificationRuleSchema,
  decisions: z.array(qualificationDecisionViewSchema),
});
export type QualificationPreview = z.infer<typeof qualificationPreviewSchema>;

export const qualificationEnteredSchema = z.object({
  entered: z.array(z.object({ team: z.string(), category: z.string(), reason: z.string() })),
  /** Qualified teams entered by an earlier run: nobody is entered twice. */
  alreadyEntered: z.number(),
  /** Republic categories created from the regional ones because none matched. */
  createdCategories: z.array(z.string()),
});
export type QualificationEntered = z.infer<typeof qualificationEnteredSchema>;

/** A team on the republic stage's entry list: where it came from and why. */
export const qualificationEntrySchema = z.object({
  team: z.string(),
  school: z.string(),
  category: z.string(),
  fromStage: z.string(),
  reason: z.string(),
  note: z.string(),
  enteredBy: z.string(),
  enteredAt: z.string(),
});
export type QualificationEntry = z.infer<typeof qualificationEntrySchema>;

/** Organiser only: qualification from a regional stage into the republic stage. */
export const qualificationRoutes = {
  preview: jsonRoute({
    method: 'POST',
    path: '/api/stages/:stageId/qualification/preview',
    body: qualificationRequestSchema,
    response: qualificationPreviewSchema,
    status: 200,
    summary: "Every team of the stage with the rules' decision and its reason; writes nothing.",
  }),
  enter: jsonRoute({
    method: 'POST',
    path: '/api/stages/:stageId/qualification/enter',
    body: qualificationEnterRequestSchema,
    response: qualificationEnteredSchema,
    status: 200,
    summary:
      'Enters the qualified teams (rules + wildcards) into the republic stage; needs the regional stage closed.',
  }),
  entries: jsonRoute({
    method: 'GET',
    path: '/api/stages/:stageId/qualification/entries',
    response: z.array(qualificationEntrySchema),
  }),
};
