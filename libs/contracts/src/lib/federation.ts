import { z } from 'zod';
import { categorySchema } from './routes/categories.routes';

/**
 * Federation between regional venues and the republic server (docs/federation.md): the shapes
 * both consoles, the public pages and the two servers exchange.
 */

/** `POST /api/stages/:id/link-code` on the republic server: a one-time code for one venue. */
export const linkCodeIssuedSchema = z.object({
  stageId: z.string(),
  /** `OLYMPIAD-LINK:` followed by base64url JSON; what the venue pastes or scans. */
  code: z.string(),
  expiresAt: z.string(),
});
export type LinkCodeIssued = z.infer<typeof linkCodeIssuedSchema>;

/** What a link code holds once decoded. */
export const linkCodeContentSchema = z.strictObject({
  v: z.literal(1),
  /** The republic server's base address as the issuing organiser reached it. */
  url: z.string().url().max(500),
  stageId: z.string().uuid(),
  secret: z.string().regex(/^[A-Za-z0-9_-]{22,100}$/),
});
export type LinkCodeContent = z.infer<typeof linkCodeContentSchema>;

/** `POST /api/federation/link` on the venue: the code as pasted, or the link file's text. */
export const linkVenueSchema = z.strictObject({ code: z.string().min(10).max(200_000) });
export type LinkVenue = z.infer<typeof linkVenueSchema>;

/** `POST /api/federation/claims` from venue to republic: the venue proves it holds the code. */
export const venueClaimSchema = z.strictObject({
  stageId: z.string().uuid(),
  secret: z.string().max(100),
  publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  /** Ed25519 signature (base64url) of `claim:<stageId>:<secret>` with the venue's key. */
  proof: z.string().max(200),
});
export type VenueClaim = z.infer<typeof venueClaimSchema>;

/**
 * A category of the republic's template, as a venue pulls it when it links. The venue judges by
 * this rule set, so it is read as the rules library reads a stored one (every range) and must be
 * for the category's discipline.
 */
export const templateCategorySchema = categorySchema
  .pick({
    id: true,
    discipline: true,
    name: true,
    ageGroupLabel: true,
    minGrade: true,
    maxGrade: true,
    preset: true,
    ruleSet: true,
  })
  .refine((category) => category.ruleSet.discipline === category.discipline, {
    path: ['ruleSet', 'discipline'],
    message: "the rule set is not for the category's discipline",
  });
export type TemplateCategory = z.infer<typeof templateCategorySchema>;

/** The republic's answer to a claim, and the content of a link file: the stage to run. */
export const linkedStageDescriptionSchema = z.object({
  olympiad: z.object({
    id: z.string(),
    name: z.string(),
    season: z.string(),
    createdAt: z.string(),
  }),
  stage: z.object({
    id: z.string(),
    kind: z.enum(['regional', 'republic']),
    regionCode: z.string().nullable(),
    name: z.string(),
    venue: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    code: z.string(),
  }),
  categories: z.array(templateCategorySchema),
});
export type LinkedStageDescription = z.infer<typeof linkedStageDescriptionSchema>;

/** Pulled categories whose rule set the venue changed. */
const categoryDeviationsSchema = z.array(z.object({ categoryId: z.string(), name: z.string() }));

/** `GET /api/federation/link` on the venue: the state of its link, always in view. */
export const republicLinkStatusSchema = z.object({
  stageId: z.string(),
  stageName: z.string(),
  republicUrl: z.string().nullable(),
  linkedAt: z.string(),
  /** The republic has recorded this venue's key (at once online; with the first bundle by file). */
  claimed: z.boolean(),
  /**
   * `up`: the last attempt reached the republic; `down`: it has been reached before but not now;
   * `file-only`: linked by file and never reached online yet (bundles carry the stage until then).
   */
  state: z.enum(['up', 'down', 'file-only']),
  pendingEntries: z.number(),
  /** The stage's teams, categories or lock/publish states changed since the last acknowledgement. */
  pendingChanges: z.boolean(),
  lastAttemptAt: z.string().nullable(),
  lastAckAt: z.string().nullable(),
  lastError: z.string().nullable(),
  deviations: categoryDeviationsSchema,
  /** Items the republic kept aside instead of applying: its organiser sees what they are. */
  conflicts: z.number(),
});
export type RepublicLinkStatus = z.infer<typeof republicLinkStatusSchema>;

/** `GET /api/federation/venues` on the republic server: one regional stage and its venue. */
export const venueLinkSummarySchema = z.object({
  stageId: z.string(),
  stageName: z.string(),
  stageCode: z.string(),
  regionCode: z.string().nullable(),
  stageStatus: z.string(),
  /** `not-linked`: no code yet; `code-issued`: waiting for the venue; `linked`: a key owns it. */
  linkState: z.enum(['not-linked', 'code-issued', 'linked']),
  publicKey: z.string().nullable(),
  linkedAt: z.string().nullable(),
  lastContactAt: z.string().nullable(),
  lastDataAt: z.string().nullable(),
  lastVia: z.enum(['online', 'bundle']).nullable(),
  /** Items the venue reported still waiting at its last contact. */
  venuePending: z.number(),
  entries: z.number(),
  conflicts: z.number(),
  deviations: categoryDeviationsSchema,
});
export type VenueLinkSummary = z.infer<typeof venueLinkSummarySchema>;

/** An item a venue sent that was kept aside instead of overwriting anything. */
export const federationConflictViewSchema = z.object({
  id: z.string(),
  stageId: z.string(),
  itemKind: z.string(),
  itemId: z.string(),
  reason: z.enum(['different-content', 'other-stage', 'unknown-reference']),
  stored: z.unknown(),
  arriving: z.unknown(),
  arrivedAt: z.string(),
  via: z.enum(['online', 'bundle']),
});
export type FederationConflictView = z.infer<typeof federationConflictViewSchema>;

/** What the republic answers for a batch or an imported bundle. */
export const syncOutcomeSchema = z.object({
  stageId: z.string(),
  /** Entries stored now. */
  applied: z.number(),
  /** Entries it already had, unchanged. */
  duplicates: z.number(),
  /** Items of this batch kept aside. */
  conflicts: z.number(),
  /** Every item of the stage the republic holds aside, so the venue's organiser sees them too. */
  conflictsHeld: z.number(),
  /** Whether the batch's snapshot of the stage was applied (false when older than one applied). */
  snapshotApplied: z.boolean(),
  /** The newest venue snapshot number the republic has applied; the venue numbers on from it. */
  republicSnapshotNo: z.number(),
  /** Every ledger id of the batch the republic now holds or has kept aside: not to be sent again. */
  acknowledged: z.array(z.string()),
});
export type SyncOutcome = z.infer<typeof syncOutcomeSchema>;

/** The sync state of a regional stage on the public national view; null for a stage run here. */
export const publicStageSyncSchema = z.object({
  linked: z.boolean(),
  /** When results from the venue were last applied: "results as of". */
  resultsAsOf: z.string().nullable(),
  lastContactAt: z.string().nullable(),
});
export type PublicStageSync = z.infer<typeof publicStageSyncSchema>;

/** `GET /api/federation/venue-key` on the venue: the public half of its signing key. */
export const venuePublicKeySchema = z.object({
  algorithm: z.literal('Ed25519'),
  publicKey: z.string(),
});
export type VenuePublicKey = z.infer<typeof venuePublicKeySchema>;
