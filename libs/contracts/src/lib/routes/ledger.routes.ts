import { z } from 'zod';
import { ledgerEntryInputSchema } from '../rest';
import { jsonRoute } from './route';

/** A stored row of the score ledger (docs/design.md#the-score-ledger). */
export const ledgerEntrySchema = z.object({
  /** Order of acceptance on this server. */
  seq: z.number().int(),
  id: z.string(),
  stageId: z.string(),
  categoryId: z.string(),
  teamId: z.string().nullable(),
  kind: z.string(),
  payload: z.record(z.string(), z.unknown()),
  supersedes: z.string().nullable(),
  reason: z.string().nullable(),
  /** Judge or organiser id, or `device:{id}` for sensor events. */
  authorId: z.string(),
  authorRole: z.string(),
  deviceId: z.string().nullable(),
  recordedAt: z.string(),
  /** A finish gate's time that counts once a judge confirms it (docs/results-display.md). */
  awaitsConfirmation: z.boolean(),
  receivedAt: z.string(),
});
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;

export const recordedEntrySchema = z.object({
  entry: ledgerEntrySchema,
  /** True when this UUID was already stored: nothing new was written. */
  duplicate: z.boolean(),
});
export type RecordedEntry = z.infer<typeof recordedEntrySchema>;

/** The score ledger: tablets append to it, the rules compute every result from it. */
export const ledgerRoutes = {
  record: jsonRoute({
    method: 'POST',
    path: '/api/ledger',
    body: ledgerEntryInputSchema,
    response: recordedEntrySchema,
    summary:
      '201 when stored, 200 when this UUID was already stored (a resend from an offline tablet).',
  }),
  list: jsonRoute({
    method: 'GET',
    path: '/api/categories/:id/ledger',
    response: z.array(ledgerEntrySchema),
  }),
};
