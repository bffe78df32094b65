import { z } from 'zod';

/**
 * Technical inspection (docs/rules.md#technical-inspection): the head judge weighs and measures a
 * team's robot against the rule set's limits. Each inspection is a new record; a team's latest
 * counts, so a re-inspection after a repair keeps the history.
 */

const id = z.string().uuid();
const measure = z.number().int().min(0).max(100_000).nullable();

export const INSPECTION_LIMIT_NAMES = ['massG', 'widthMm', 'lengthMm'] as const;
export const inspectionLimitNameSchema = z.enum(INSPECTION_LIMIT_NAMES);

/** POST /api/inspections — by the stage's head judge (or staff). */
export const recordInspectionSchema = z
  .object({
    categoryId: id,
    teamId: id,
    massG: measure.default(null),
    widthMm: measure.default(null),
    lengthMm: measure.default(null),
    /** The inspector fails the robot for this reason even within the limits (e.g. a sharp edge). */
    failReason: z.string().trim().min(3).max(500).nullable().default(null),
    notes: z.string().trim().max(1000).default(''),
  })
  .strict();
export type RecordInspection = z.infer<typeof recordInspectionSchema>;

export const inspectionFailureSchema = z.object({
  limit: inspectionLimitNameSchema,
  measured: z.number().nullable(),
  max: z.number(),
});
export type InspectionFailureView = z.infer<typeof inspectionFailureSchema>;

export const inspectionSchema = z.object({
  id,
  categoryId: id,
  teamId: id,
  massG: z.number().nullable(),
  widthMm: z.number().nullable(),
  lengthMm: z.number().nullable(),
  passed: z.boolean(),
  /** The limits the measurements exceed (or left unmeasured). */
  failures: z.array(inspectionFailureSchema),
  failReason: z.string().nullable(),
  notes: z.string(),
  inspectedById: z.string(),
  inspectedByName: z.string(),
  inspectedAt: z.string(),
});
export type Inspection = z.infer<typeof inspectionSchema>;

export const inspectionLimitsSchema = z.object({
  massG: z.number().nullable(),
  widthMm: z.number().nullable(),
  lengthMm: z.number().nullable(),
});
export type InspectionLimitsView = z.infer<typeof inspectionLimitsSchema>;

/** GET /api/categories/:id/inspections: the rules' limits and every record, newest first. */
export const categoryInspectionsSchema = z.object({
  categoryId: id,
  required: z.boolean(),
  /** Null: the discipline has no robot to inspect. */
  limits: inspectionLimitsSchema.nullable(),
  inspections: z.array(inspectionSchema),
});
export type CategoryInspections = z.infer<typeof categoryInspectionsSchema>;
