import { z } from 'zod';

/**
 * The audit record (docs/audit.md): every action on the server that is not a score, append-only
 * like the ledger. Scores themselves are already on the ledger and are not repeated here.
 */

/** Every kind of action the record knows; a feature that records a new kind adds it here. */
export const AUDIT_ACTIONS = [
  'category.lock',
  'category.unlock',
  'category.publish',
  'category.unpublish',
  'category.params',
  'stage.update',
  'team.create',
  'team.status',
  'team.checkIn',
  'judge.create',
  'judge.update',
  'judge.deactivate',
  'judge.pinReset',
  'device.register',
  'device.revoke',
  'registration.commit',
  'sumo.draw',
  'qualification.decide',
  'awards.start',
  'awards.reveal',
  'awards.end',
  'olympiad.logo',
  'protest.record',
  'protest.decide',
  'inspection.record',
  'double.enter',
  'double.decide',
  'auth.signIn',
  'auth.signInFailed',
  'auth.passwordChange',
  'auth.signOutEverywhere',
  'staff.create',
  'staff.update',
  'staff.deactivate',
  'staff.reactivate',
  'staff.passwordSet',
] as const;
export const auditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof auditActionSchema>;

/**
 * Who acted: a signed-in person, a field device, the server itself (the demo seeder, a scheduled
 * job), or nobody proven (a failed sign-in).
 */
export const auditActorKindSchema = z.enum(['organiser', 'judge', 'device', 'system', 'anonymous']);
export type AuditActorKind = z.infer<typeof auditActorKindSchema>;

export const AUDIT_OBJECT_KINDS = [
  'category',
  'stage',
  'team',
  'judge',
  'device',
  'registration',
  'olympiad',
  'protest',
  'account',
] as const;
export const auditObjectKindSchema = z.enum(AUDIT_OBJECT_KINDS);
export type AuditObjectKind = z.infer<typeof auditObjectKindSchema>;

/** A JSON value small enough to read in a row: the fields that changed, not whole records. */
export type AuditValue = Record<string, unknown> | null;

export const auditEntrySchema = z.object({
  id: z.string(),
  /** ISO 8601, UTC, when the action was committed. */
  at: z.string(),
  actor: z.object({ kind: auditActorKindSchema, id: z.string().nullable(), name: z.string() }),
  stageId: z.string().nullable(),
  object: z.object({ kind: auditObjectKindSchema, id: z.string(), name: z.string().nullable() }),
  action: auditActionSchema,
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  /** The HTTP request's id (X-Request-Id), to find it in the server's log. */
  requestId: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** Filters of GET /api/audit and /api/audit.csv; every one optional, all of them together narrow. */
export const auditFiltersSchema = z
  .object({
    stageId: z.string().uuid().optional(),
    actorId: z.string().min(1).max(60).optional(),
    action: auditActionSchema.optional(),
    objectKind: auditObjectKindSchema.optional(),
    objectId: z.string().min(1).max(80).optional(),
    /** ISO 8601 instants; `from` inclusive, `to` exclusive. */
    from: z.string().datetime({ offset: true }).optional(),
    to: z.string().datetime({ offset: true }).optional(),
  })
  .strict();
export type AuditFilters = z.infer<typeof auditFiltersSchema>;

export const AUDIT_PAGE_SIZE = 50;

export const auditListQuerySchema = auditFiltersSchema
  .extend({
    offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
    limit: z.coerce.number().int().min(1).max(500).optional(),
  })
  .strict();
export type AuditListQuery = z.infer<typeof auditListQuerySchema>;

/** Newest first; `total` counts every row the filters match, for paging. */
export const auditPageSchema = z.object({
  entries: z.array(auditEntrySchema),
  total: z.number().int(),
  offset: z.number().int(),
  limit: z.number().int(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;
