import { z } from 'zod';
import { ledgerEntryInputSchema } from './rest';

/**
 * Protests (appeals, docs/rules.md#protests): a team disputes an entry, a sumo match or the
 * category's ranking. The head judge records it and decides it: upheld (the correction goes through
 * the ledger and the protest names the entry it caused) or rejected (with the reason). A protest is
 * decided once; a category cannot be locked while one is open.
 */

const id = z.string().uuid();

export const protestTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('entry'), entryId: id }).strict(),
  z.object({ kind: z.literal('match'), matchId: z.string().min(1).max(80) }).strict(),
  z.object({ kind: z.literal('ranking') }).strict(),
]);
export type ProtestTarget = z.infer<typeof protestTargetSchema>;

/** Photos the tablet attaches: JPEG, PNG or WebP, at most 2 of at most 350 KB each (base64). */
export const PROTEST_PHOTO_MAX_BYTES = 350 * 1024;
export const PROTEST_PHOTOS_MAX = 2;
export const protestPhotoInputSchema = z
  .object({
    data: z
      .string()
      .min(1)
      .max(Math.ceil((PROTEST_PHOTO_MAX_BYTES * 4) / 3) + 4),
  })
  .strict();

/** POST /api/protests — by the stage's head judge (or the organiser). */
export const recordProtestSchema = z
  .object({
    categoryId: id,
    teamId: id,
    target: protestTargetSchema,
    /** Who protested: the coach's or the captain's name. */
    protestedBy: z.string().trim().min(2).max(200),
    reason: z.string().trim().min(3, 'say why, in a few words').max(1000),
    attachments: z.array(protestPhotoInputSchema).max(PROTEST_PHOTOS_MAX).default([]),
  })
  .strict();
export type RecordProtest = z.infer<typeof recordProtestSchema>;

/**
 * POST /api/protests/:id/decide. Upheld carries the head judge's correction, which goes through the
 * ledger as any correction does; rejected carries only the reason.
 */
export const decideProtestSchema = z
  .object({
    decision: z.enum(['upheld', 'rejected']),
    reason: z.string().trim().min(3, 'say why, in a few words').max(500),
    correction: ledgerEntryInputSchema.optional(),
  })
  .strict()
  .refine((body) => (body.decision === 'upheld') === (body.correction !== undefined), {
    path: ['correction'],
    message: 'an upheld protest carries its correction; a rejected one none',
  });
export type DecideProtest = z.infer<typeof decideProtestSchema>;

export const protestStatusSchema = z.enum(['open', 'upheld', 'rejected']);
export type ProtestStatus = z.infer<typeof protestStatusSchema>;

const personSchema = z.object({ id: z.string(), name: z.string() });

export const protestAttachmentSchema = z.object({
  id: z.string(),
  contentType: z.string(),
  bytes: z.number().int(),
});
export type ProtestAttachment = z.infer<typeof protestAttachmentSchema>;

export const protestSchema = z.object({
  id: z.string(),
  stageId: z.string(),
  categoryId: z.string(),
  categoryName: z.string(),
  teamId: z.string(),
  teamName: z.string(),
  target: protestTargetSchema,
  protestedBy: z.string(),
  /** ISO 8601, when the head judge recorded it. */
  receivedAt: z.string(),
  recordedBy: personSchema,
  reason: z.string(),
  attachments: z.array(protestAttachmentSchema),
  status: protestStatusSchema,
  decision: z
    .object({
      by: personSchema,
      at: z.string(),
      reason: z.string(),
      /** The ledger correction an upheld protest caused. */
      correctionEntryId: z.string().nullable(),
    })
    .nullable(),
});
export type Protest = z.infer<typeof protestSchema>;

/** A list of protests with the open ones counted per category. */
export const protestListSchema = z.object({
  protests: z.array(protestSchema),
  open: z.number().int(),
  openByCategory: z.array(z.object({ categoryId: z.string(), open: z.number().int() })),
});
export type ProtestList = z.infer<typeof protestListSchema>;

/** Whether a category still takes protests (GET /api/categories/:id/protests). */
export const categoryProtestsSchema = protestListSchema.extend({
  /** When protests close (ISO 8601); null while the results are not published. */
  deadline: z.string().nullable(),
  windowMinutes: z.number().int(),
  accepting: z.boolean(),
});
export type CategoryProtests = z.infer<typeof categoryProtestsSchema>;
