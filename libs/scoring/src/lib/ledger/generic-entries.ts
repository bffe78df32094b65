import { z } from 'zod';

/** Removes the entry named in `supersedes` (and its corrections) from the results. */
export const VOID = 'void';
export const voidPayloadSchema = z.object({ reason: z.string().max(500).optional() }).strict();

/**
 * Sets a team's status from the ledger (overrides the team list): a disqualification or absence
 * decided by the head judge, with its reason kept in the ledger.
 */
export const TEAM_STATUS = 'team.status';
export const teamStatusPayloadSchema = z
  .object({
    status: z.enum(['active', 'absent', 'withdrawn', 'disqualified']),
    reason: z.string().trim().min(1).max(500),
  })
  .strict();
export type TeamStatusPayload = z.infer<typeof teamStatusPayloadSchema>;

/**
 * The head judge's order for teams still tied after every other tie-break (used where the rule
 * set's tie-breaks include 'decision'). `scope` names the ranking: 'category', or 'group:<id>' in sumo.
 */
export const RANKING_DECISION = 'ranking.decision';
export const rankingDecisionPayloadSchema = z
  .object({
    scope: z.string().regex(/^(category|group:[A-Za-z0-9_-]{1,40})$/),
    order: z.array(z.string().min(1).max(100)).min(2).max(200),
  })
  .strict()
  .refine((p) => new Set(p.order).size === p.order.length, {
    path: ['order'],
    message: 'order lists a team twice',
    params: { key: 'scoring.validation.duplicate' },
  });
export type RankingDecisionPayload = z.infer<typeof rankingDecisionPayloadSchema>;
