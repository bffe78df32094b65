import { z } from 'zod';

/**
 * Federation between regional venues and the republic server (docs/federation.md): the shapes
 * both consoles, the public pages and the two servers exchange.
 */

/** `POST /api/stages/:id/link-code` on the republic server: a one-time code for one venue. */
export interface LinkCodeIssued {
  stageId: string;
  /** `OLYMPIAD-LINK:` followed by base64url JSON; what the venue pastes or scans. */
  code: string;
  expiresAt: string;
}

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

/** A category of the republic's template, as a venue pulls it when it links. */
export interface TemplateCategory {
  id: string;
  discipline: string;
  name: string;
  ageGroupLabel: string;
  minGrade: number;
  maxGrade: number;
  preset: string;
  ruleSet: Record<string, unknown>;
}

/** The republic's answer to a claim, and the content of a link file: the stage to run. */
export interface LinkedStageDescription {
  olympiad: { id: string; name: string; season: string; createdAt: string };
  stage: {
    id: string;
    kind: 'regional' | 'republic';
    regionCode: string | null;
    name: string;
    venue: string;
    startsOn: string;
    endsOn: string;
    code: string;
  };
  categories: TemplateCategory[];
}

/** `GET /api/federation/link` on the venue: the state of its link, always in view. */
export interface RepublicLinkStatus {
  stageId: string;
  stageName: string;
  republicUrl: string | null;
  linkedAt: string;
  /** The republic has recorded this venue's key (at once online; with the first bundle by file). */
  claimed: boolean;
  /**
   * `up`: the last attempt reached the republic; `down`: it has been reached before but not now;
   * `file-only`: linked by file and never reached online yet (bundles carry the stage until then).
   */
  state: 'up' | 'down' | 'file-only';
  pendingEntries: number;
  /** The stage's teams, categories or lock/publish states changed since the last acknowledgement. */
  pendingChanges: boolean;
  lastAttemptAt: string | null;
  lastAckAt: string | null;
  lastError: string | null;
  /** Pulled categories whose rule set the venue changed. */
  deviations: { categoryId: string; name: string }[];
  /** Items the republic kept aside instead of applying: its organiser sees what they are. */
  conflicts: number;
}

/** `GET /api/federation/venues` on the republic server: one regional stage and its venue. */
export interface VenueLinkSummary {
  stageId: string;
  stageName: string;
  stageCode: string;
  regionCode: string | null;
  stageStatus: string;
  /** `not-linked`: no code yet; `code-issued`: waiting for the venue; `linked`: a key owns it. */
  linkState: 'not-linked' | 'code-issued' | 'linked';
  publicKey: string | null;
  linkedAt: string | null;
  lastContactAt: string | null;
  lastDataAt: string | null;
  lastVia: 'online' | 'bundle' | null;
  /** Items the venue reported still waiting at its last contact. */
  venuePending: number;
  entries: number;
  conflicts: number;
  deviations: { categoryId: string; name: string }[];
}

/** An item a venue sent that was kept aside instead of overwriting anything. */
export interface FederationConflictView {
  id: string;
  stageId: string;
  itemKind: string;
  itemId: string;
  reason: 'different-content' | 'other-stage' | 'unknown-reference';
  stored: unknown;
  arriving: unknown;
  arrivedAt: string;
  via: 'online' | 'bundle';
}

/** What the republic answers for a batch or an imported bundle. */
export interface SyncOutcome {
  stageId: string;
  /** Entries stored now. */
  applied: number;
  /** Entries it already had, unchanged. */
  duplicates: number;
  /** Items of this batch kept aside. */
  conflicts: number;
  /** Every item of the stage the republic holds aside, so the venue's organiser sees them too. */
  conflictsHeld: number;
  /** Whether the batch's snapshot of the stage was applied (false when older than one applied). */
  snapshotApplied: boolean;
  /** The newest venue snapshot number the republic has applied; the venue numbers on from it. */
  republicSnapshotNo: number;
  /** Every ledger id of the batch the republic now holds or has kept aside: not to be sent again. */
  acknowledged: string[];
}

/** The sync state of a regional stage on the public national view; null for a stage run here. */
export interface PublicStageSync {
  linked: boolean;
  /** When results from the venue were last applied: "results as of". */
  resultsAsOf: string | null;
  lastContactAt: string | null;
}
