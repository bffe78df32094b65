import { ruleSetSchema } from '@olympiad/scoring';
import { z } from 'zod';
import { categoryStatusSchema, disciplineSchema } from '../domain';
import { createCategorySchema } from '../rest';
import { jsonRoute } from './route';

/** A discipline × age group of a stage, with the rule set in force (docs/rules.md). */
export const categorySchema = z.object({
  id: z.string(),
  stageId: z.string(),
  discipline: disciplineSchema,
  name: z.string(),
  ageGroupLabel: z.string(),
  minGrade: z.number().int(),
  maxGrade: z.number().int(),
  /** The preset the category was made from; the rule set below is what counts. */
  preset: z.string(),
  ruleSet: ruleSetSchema,
  status: categoryStatusSchema,
  published: z.boolean(),
  lockedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  /** The republic template's rule set for a category pulled from it (docs/federation.md); else null. */
  templateRuleSet: ruleSetSchema.nullable(),
  standingsVersion: z.number().int(),
});
export type Category = z.infer<typeof categorySchema>;

export const rulePresetSchema = z.object({
  name: z.string(),
  discipline: disciplineSchema,
  title: z.string(),
  ruleSet: ruleSetSchema,
});
export type RulePreset = z.infer<typeof rulePresetSchema>;

/** PATCH /api/categories/:id/params — the parameters that differ from the preset. */
export const updateCategoryParamsSchema = z
  .object({ params: z.record(z.string(), z.unknown()) })
  .strict();
export type UpdateCategoryParams = z.infer<typeof updateCategoryParamsSchema>;

/** The categories of a stage, their rule sets and the head judge's lock and publish switches. */
export const categoriesRoutes = {
  presets: jsonRoute({
    method: 'GET',
    path: '/api/rule-presets',
    query: z.object({ discipline: z.string().optional() }),
    response: z.array(rulePresetSchema),
  }),
  create: jsonRoute({
    method: 'POST',
    path: '/api/categories',
    body: createCategorySchema,
    response: categorySchema,
  }),
  list: jsonRoute({
    method: 'GET',
    path: '/api/stages/:stageId/categories',
    response: z.array(categorySchema),
  }),
  get: jsonRoute({ method: 'GET', path: '/api/categories/:id', response: categorySchema }),
  updateParams: jsonRoute({
    method: 'PATCH',
    path: '/api/categories/:id/params',
    body: updateCategoryParamsSchema,
    response: categorySchema,
    summary: 'Until the first score is recorded; after that the rule set in force is fixed.',
  }),
  lock: jsonRoute({
    method: 'POST',
    path: '/api/categories/:id/lock',
    response: categorySchema,
    status: 200,
  }),
  unlock: jsonRoute({
    method: 'POST',
    path: '/api/categories/:id/unlock',
    response: categorySchema,
    status: 200,
  }),
  publish: jsonRoute({
    method: 'POST',
    path: '/api/categories/:id/publish',
    response: categorySchema,
    status: 200,
  }),
  unpublish: jsonRoute({
    method: 'POST',
    path: '/api/categories/:id/unpublish',
    response: categorySchema,
    status: 200,
  }),
};
