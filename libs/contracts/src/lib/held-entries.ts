import { z } from 'zod';
import { ledgerEntryInputSchema } from './rest';

/**
 * Entries the server refused for a reason a person must settle (the category was locked while the
 * tablet was offline, a correction of an entry someone else corrected first…). The tablet hands
 * them to the head judge instead of dropping them: they wait in the stage's review
 * queue until the head judge accepts one (it then enters the ledger as it was made) or dismisses
 * it with a reason. Nothing is deleted: a dismissed entry stays visible in the queue's history.
 */

/** POST /api/held-entries — the tablet's copy of a refused entry and the server's reason. */
export const holdEntrySchema = z
  .object({
    entry: ledgerEntryInputSchema,
    refusal: z.object({ key: z.string().min(1).max(80), message: z.string().max(500) }).strict(),
  })
  .strict();
export type HoldEntry = z.infer<typeof holdEntrySchema>;

export const heldEntryStatusSchema = z.enum(['open', 'accepted', 'dismissed']);
export type HeldEntryStatus = z.infer<typeof heldEntryStatusSchema>;

/** POST /api/held-entries/:id/resolve — by the head judge or the organiser. */
export const resolveHeldEntrySchema = z
  .object({
    action: z.enum(['accept', 'dismiss']),
    reason: z.string().trim().min(3, 'say why, in a few words').max(500),
  })
  .strict();
export type ResolveHeldEntry = z.infer<typeof resolveHeldEntrySchema>;

const heldEntryPersonSchema = z.object({ id: z.string(), name: z.string() });

/** One held entry as the API returns it (GET /api/stages/:id/held-entries, the live `held:changed` event). */
export const heldEntrySchema = z.object({
  /** The entry's own UUID: holding the same entry twice keeps one. */
  id: z.string(),
  stageId: z.string(),
  categoryId: z.string(),
  categoryName: z.string(),
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  entry: ledgerEntryInputSchema,
  refusal: z.object({ key: z.string(), message: z.string() }),
  heldBy: heldEntryPersonSchema,
  heldAt: z.string(),
  status: heldEntryStatusSchema,
  resolution: z
    .object({
      action: z.enum(['accept', 'dismiss']),
      reason: z.string(),
      by: heldEntryPersonSchema,
      at: z.string(),
    })
    .nullable(),
});
export type HeldEntry = z.infer<typeof heldEntrySchema>;
