import { z } from 'zod';
import type { PublicStageSync } from './federation';

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
export interface AwardPlace {
  place: number;
  teams: { teamId: string; name: string; school: string; display: string }[];
}

/**
 * The awards reveal of one category. `revealed` places are public, lowest first (3rd, 2nd,
 * 1st); the rest stay secret on the server until the organiser reveals them.
 */
export interface AwardsState {
  categoryId: string;
  stageId: string;
  categoryName: string;
  /** How many distinct places make the podium (default 3). */
  podium: number;
  /** How many of them are revealed so far. */
  revealedCount: number;
  revealed: AwardPlace[];
  active: boolean;
}

export const startAwardsSchema = z.object({ podium: z.number().int().min(1).max(10).default(3) }).strict();
export type StartAwards = z.infer<typeof startAwardsSchema>;

export const displayModeSchema = z.enum(['hall', 'awards', 'stage']);
export type DisplayMode = z.infer<typeof displayModeSchema>;
export const displayLanguageSchema = z.enum(['kk', 'ru', 'en', 'kk+ru']);
export type DisplayLanguage = z.infer<typeof displayLanguageSchema>;

/** What a paired display shows; set from the console. */
export interface DisplayConfig {
  stageCode: string | null;
  mode: DisplayMode;
  lang: DisplayLanguage;
  /** Seconds per category in hall rotation. */
  everySeconds: number;
}

export const displayConfigSchema = z
  .object({
    stageCode: z.string().trim().min(1).max(32).nullable(),
    mode: displayModeSchema,
    lang: displayLanguageSchema,
    everySeconds: z.number().int().min(5).max(600),
  })
  .strict();

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

export const updateDisplaySchema = displayConfigSchema.partial().extend({ name: z.string().trim().min(1).max(80).optional() }).strict();
export type UpdateDisplay = z.infer<typeof updateDisplaySchema>;

/** A new display asks for a pairing code: `POST /api/displays/pairing` (public). */
export interface DisplayPairing {
  displayId: string;
  /** Kept by the display (localStorage) and sent on every `display:hello`. */
  secret: string;
  /** Six characters the organiser types into the console. */
  code: string;
}

/** The console's list entry. */
export interface DisplaySummary {
  id: string;
  name: string | null;
  /** Still waiting to be claimed: its code is on its screen. */
  code: string | null;
  paired: boolean;
  config: DisplayConfig;
  lastSeenAt: string | null;
  online: boolean;
}

/** `display:hello` answer: the display's configuration, or a refusal (unknown id or wrong secret). */
export type DisplayHelloResult =
  | { ok: true; paired: boolean; code: string | null; config: DisplayConfig }
  | { ok: false; key: string; message: string };

/**
 * `GET /api/public/stages`: every stage that is live or closed, with its olympiad (the republic
 * page groups by it) and how many teams it sent on (regional) or received (republic).
 */
export interface PublicStageSummary {
  code: string;
  name: string;
  kind: 'regional' | 'republic';
  regionCode: string | null;
  status: 'live' | 'closed';
  startsOn: string;
  endsOn: string;
  olympiad: { id: string; name: string; season: string };
  qualifiers: number;
  /** For a stage a regional venue runs and sends here (docs/federation.md); null otherwise. */
  sync: PublicStageSync | null;
}

/** `GET /api/public/stages/:code/qualifiers`: a team sent from a regional stage to the republic stage. */
export interface PublicQualifier {
  team: string;
  school: string;
  category: string;
  fromStage: string;
  toStage: string;
  /** `top-n`, `top-percent` or `wildcard`. */
  reason: string;
}

/** One elimination match as the public sees it: who meets whom, and who went through. */
export interface PublicBracketMatch {
  id: string;
  /** winners, losers, final, third-place, grand-final, grand-final-reset */
  stage: string;
  round: number;
  a: string | null;
  b: string | null;
  status: string;
  winner: string | null;
}

/** `GET /api/public/categories/:id/bracket`: a published sumo category's playoff. */
export interface PublicBracket {
  categoryId: string;
  matches: PublicBracketMatch[];
  teams: Record<string, { name: string; school: string }>;
}
