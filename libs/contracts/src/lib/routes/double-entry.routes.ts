import { z } from 'zod';
import { jsonRoute } from './route';

/** One judge's blind entry of a slot, as the head judge sees it. */
export const blindEntrySchema = z.object({
  id: z.string(),
  author: z.object({ id: z.string(), name: z.string() }),
  payload: z.record(z.string(), z.unknown()),
  recordedAt: z.string(),
  receivedAt: z.string(),
});
export type BlindEntryView = z.infer<typeof blindEntrySchema>;

/**
 * An attempt, task, sheet or match of a double-entry category (docs/rules.md#double-entry): its
 * entries side by side, and the ledger entry a decision supersedes while it is not settled.
 */
export const doubleEntrySlotSchema = z.object({
  slot: z.string(),
  kind: z.string(),
  teamId: z.string().nullable(),
  /** The teams it scores (both players of a sumo match). */
  teams: z.array(z.string()),
  state: z.enum(['awaiting-second', 'in-review', 'settled']),
  /** The newest ledger entry of the slot: a decision supersedes it. */
  headEntryId: z.string(),
  entries: z.array(blindEntrySchema),
});
export type DoubleEntrySlot = z.infer<typeof doubleEntrySlotSchema>;

export const doubleEntryRoutes = {
  list: jsonRoute({
    method: 'GET',
    path: '/api/categories/:id/double-entries',
    response: z.array(doubleEntrySlotSchema),
    summary: "The head judge's view of both entries of every slot; never a judge's.",
  }),
};
