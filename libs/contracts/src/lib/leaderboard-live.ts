import { z } from 'zod';

/**
 * What the audience's screens get beyond standings: the public "on the field now",
 * the awards reveal, and self-configuring displays paired from the console.
 */

/**
 * A run as the public may see it: only for published categories, sent to `stage:{id}`. It
 * carries the clock (started/finished) but never penalties or an unconfirmed result: the
 * confirmed result reaches the public as a standings delta.
 */
export interface PublicRun {
  fieldId: string;
  fieldName: string;
  stageId: string;
  /** `idle` clears the field from the hall screen. */
  state: 'idle' | 'armed' | 'running' | 'finished';
  categoryId?: string;
  teamId?: string;
  teamName?: string;
  attempt?: number;
  /** Server time the start gate was seen (ISO); the screen runs its own clock from it. */
  startedAt?: string;
  /** The sensor's duration once the finish gate was seen (not yet confirmed by the judge). */
  durationMs?: number;
  /** Server time when this was sent (ISO), to correct the screen's clock offset. */
  serverNow: string;
}

/** One revealed place on the podium: everything the hall screen shows for it. */
export const awardPlaceSchema = z.object({
  place: z.number(),
  teams: z.array(
    z.object({ teamId: z.string(), name: z.string(), school: z.string(), display: z.string() }),
  ),
});
export type AwardPlace = z.infer<typeof awardPlaceSchema>;

/**
 * The awards reveal of one category. `revealed` places are public, lowest first (3rd, 2nd,
 * 1st); the rest stay secret on the server until the organiser reveals them.
 */
export const awardsStateSchema = z.object({
  categoryId: z.string(),
  stageId: z.string(),
  categoryName: z.string(),
  /** How many distinct places make the podium (default 3). */
  podium: z.number(),
  /** How many of them are revealed so far. */
  revealedCount: z.number(),
  revealed: z.array(awardPlaceSchema),
  active: z.boolean(),
});
export type AwardsState = z.infer<typeof awardsStateSchema>;

export const startAwardsSchema = z
  .object({ podium: z.number().int().min(1).max(10).default(3) })
  .strict();
export type StartAwards = z.infer<typeof startAwardsSchema>;

export const displayModeSchema = z.enum(['hall', 'awards', 'stage']);
export type DisplayMode = z.infer<typeof displayModeSchema>;
export const displayLanguageSchema = z.enum(['kk', 'ru', 'en', 'kk+ru']);
export type DisplayLanguage = z.infer<typeof displayLanguageSchema>;

/** What a paired display shows; set from the console. */
export const displayConfigSchema = z
  .object({
    stageCode: z.string().trim().min(1).max(32).nullable(),
    mode: displayModeSchema,
    lang: displayLanguageSchema,
    /** Seconds per category in hall rotation. */
    everySeconds: z.number().int().min(5).max(600),
    /** Hall sound (docs/results-display.md#hall-sound): off unless the organiser turns it on. */
    sound: z.boolean().optional(),
    /** Volume of the hall sound, 0–100. */
    volume: z.number().int().min(0).max(100).optional(),
  })
  .strict();
export type DisplayConfig = z.infer<typeof displayConfigSchema>;

/** A display's configuration as the API answers it. */
const displayConfigAnswerSchema = z.object({
  stageCode: z.string().nullable(),
  mode: displayModeSchema,
  lang: displayLanguageSchema,
  everySeconds: z.number(),
  sound: z.boolean().optional(),
  volume: z.number().optional(),
});

/** `POST /api/displays/claim` and `PATCH /api/displays/:id`: the display and what it shows now. */
export const displayConfiguredSchema = z.object({
  id: z.string(),
  config: displayConfigAnswerSchema,
});
export type DisplayConfigured = z.infer<typeof displayConfiguredSchema>;

export const claimDisplaySchema = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9]{6}$/),
    name: z.string().trim().min(1).max(80),
  })
  .merge(displayConfigSchema.partial())
  .strict();
export type ClaimDisplay = z.infer<typeof claimDisplaySchema>;

export const updateDisplaySchema = displayConfigSchema
  .partial()
  .extend({ name: z.string().trim().min(1).max(80).optional() })
  .strict();
export type UpdateDisplay = z.infer<typeof updateDisplaySchema>;

/** A new display asks for a pairing code: `POST /api/displays/pairing` (public). */
export const displayPairingSchema = z.object({
  displayId: z.string(),
  /** Kept by the display (localStorage) and sent on every `display:hello`. */
  secret: z.string(),
  /** Six characters the organiser types into the console. */
  code: z.string(),
});
export type DisplayPairing = z.infer<typeof displayPairingSchema>;

/** The console's list entry. */
export const displaySummarySchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  /** Still waiting to be claimed: its code is on its screen. */
  code: z.string().nullable(),
  paired: z.boolean(),
  config: displayConfigAnswerSchema,
  lastSeenAt: z.string().nullable(),
  online: z.boolean(),
});
export type DisplaySummary = z.infer<typeof displaySummarySchema>;

/** `display:hello` answer: the display's configuration, or a refusal (unknown id or wrong secret). */
export type DisplayHelloResult =
  | { ok: true; paired: boolean; code: string | null; config: DisplayConfig }
  | { ok: false; key: string; message: string };

/**
 * `GET /api/public/stages`: every stage that is live or closed, with its olympiad (the republic
 * page groups by it) and how many teams it sent on (regional) or received (republic).
 */
export const publicStageSummarySchema = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(['regional', 'republic']),
  regionCode: z.string().nullable(),
  status: z.enum(['live', 'closed']),
  startsOn: z.string(),
  endsOn: z.string(),
  olympiad: z.object({ id: z.string(), name: z.string(), season: z.string() }),
  qualifiers: z.number(),
  /**
   * For a stage a regional venue runs and sends here (docs/federation.md; federation.ts's
   * `PublicStageSync`); null otherwise.
   */
  sync: z
    .object({
      linked: z.boolean(),
      resultsAsOf: z.string().nullable(),
      lastContactAt: z.string().nullable(),
    })
    .nullable(),
});
export type PublicStageSummary = z.infer<typeof publicStageSummarySchema>;

/** `GET /api/public/stages/:code/qualifiers`: a team sent from a regional stage to the republic stage. */
export const publicQualifierSchema = z.object({
  team: z.string(),
  school: z.string(),
  category: z.string(),
  fromStage: z.string(),
  toStage: z.string(),
  /** `top-n`, `top-percent` or `wildcard`. */
  reason: z.string(),
  /**
   * The rule the source stage's qualifiers were chosen by, written in each language; null when it
   * was not kept (entries made before it was, or by a regional venue's own server).
   */
  rule: z.object({ kk: z.string(), ru: z.string(), en: z.string() }).nullable(),
});
export type PublicQualifier = z.infer<typeof publicQualifierSchema>;

/** One elimination match as the public sees it: who meets whom, and who went through. */
export const publicBracketMatchSchema = z.object({
  id: z.string(),
  /** winners, losers, final, third-place, grand-final, grand-final-reset */
  stage: z.string(),
  round: z.number(),
  a: z.string().nullable(),
  b: z.string().nullable(),
  status: z.string(),
  winner: z.string().nullable(),
  /** Points (warnings' points included) and warnings of the rounds recorded so far. */
  score: z
    .object({
      points: z.object({ a: z.number(), b: z.number() }),
      warnings: z.object({ a: z.number(), b: z.number() }),
    })
    .nullable()
    .optional(),
});
export type PublicBracketMatch = z.infer<typeof publicBracketMatchSchema>;

/** `GET /api/public/categories/:id/bracket`: a published sumo category's playoff. */
export const publicBracketSchema = z.object({
  categoryId: z.string(),
  matches: z.array(publicBracketMatchSchema),
  /**
   * The groups' matches, group by group, for the OBS score bug (a group match is on air as much
   * as a playoff one); the hall's bracket draws `matches` only. Absent from older servers.
   */
  groupMatches: z.array(publicBracketMatchSchema).optional(),
  teams: z.record(z.string(), z.object({ name: z.string(), school: z.string() })),
});
export type PublicBracket = z.infer<typeof publicBracketSchema>;
