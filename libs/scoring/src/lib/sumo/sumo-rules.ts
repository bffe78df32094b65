import { z } from 'zod';
import { entryModeSchema } from '../double-entry/entry-mode';
import { intRange, reportDuplicates } from '../common/zod-helpers';
import { DEFAULT_SUMO_REST_MINUTES, sumoRestMinutesSchema } from '../schedule/rest-time';
import {
  DEFAULT_PROTEST_WINDOW_MINUTES,
  protestWindowMinutesSchema,
} from '../protests/protest-window';
import {
  DEFAULT_INSPECTION_REQUIRED,
  inspectionRequiredSchema,
} from '../inspection/inspection-rules';

export const SUMO_SCHEMA_VERSION = 1;

/** Physical class: the limits checked at inspection, printed on the protocol, not used in scoring. */
export const sumoClassSchema = z
  .object({
    ringDiameterMm: intRange(100, 5_000),
    ringEdgeMm: intRange(0, 200),
    maxWidthMm: intRange(10, 1_000),
    maxLengthMm: intRange(10, 1_000),
    maxMassG: intRange(10, 10_000),
  })
  .strict();

export const sumoMatchRulesSchema = z
  .object({
    /** Points (yuko) that win the match: 2 of 3 rounds, or 3 of 5. */
    pointsToWin: intRange(1, 5),
    maxRounds: intRange(1, 9),
    /** 'total': the match time covers every round; 'per-round': each round has its own limit. */
    timing: z.enum(['total', 'per-round']),
    matchTimeMs: intRange(10_000, 1_800_000),
    roundTimeMs: intRange(5_000, 600_000),
    start: z.enum(['delay', 'remote']),
    startDelayMs: intRange(0, 30_000),
    betweenRoundsMs: intRange(0, 600_000),
    /** One extra round when time runs out level: first point wins; then the judges decide. */
    extension: z.object({ enabled: z.boolean(), timeMs: intRange(5_000, 600_000) }).strict(),
    /** A level group match ends as a draw, or goes to the extension and decision like a knockout match. */
    groupMatchTie: z.enum(['draw', 'extension']),
    /** Robots locked or idle this long: the round is a draw. */
    drawStallMs: intRange(1_000, 60_000),
    /** Null starts replayed before the next null start counts as a drawn round. */
    nullStartReplays: intRange(0, 5),
    /** Every this-many warnings give the opponent one point. */
    warningsPerPoint: intRange(1, 10),
    /** A team not at the ring this long after the call loses the match. */
    noShowMs: intRange(0, 3_600_000),
  })
  .strict()
  .superRefine((match, ctx) => {
    if (match.pointsToWin * 2 - 1 > match.maxRounds) {
      ctx.addIssue({
        code: 'custom',
        path: ['maxRounds'],
        message: `maxRounds must be at least ${match.pointsToWin * 2 - 1} for ${match.pointsToWin} points to win`,
        params: { key: 'scoring.sumo.tooFewRounds', min: match.pointsToWin * 2 - 1 },
      });
    }
  });
export type SumoMatchRules = z.infer<typeof sumoMatchRulesSchema>;

export const SUMO_FORMATS = [
  'round-robin',
  'single-elimination',
  'double-elimination',
  'groups-playoff',
] as const;
export type SumoFormat = (typeof SUMO_FORMATS)[number];

export const SUMO_GROUP_TIE_BREAKS = [
  'head-to-head',
  'rounds-won',
  'rounds-lost',
  'decision',
] as const;
export type SumoGroupTieBreak = (typeof SUMO_GROUP_TIE_BREAKS)[number];

/**
 * Head-to-head among three or more teams level on points that separates some of them: the rest go
 * on down the tie-break list ('head-to-head-once'), or head-to-head is applied again among just
 * the teams still level, until it separates no more (docs/rules.md#a-tie-of-three-or-more-in-a-group-roundrobinties).
 */
export const SUMO_ROUND_ROBIN_TIES = ['head-to-head-once', 'head-to-head-reapplied'] as const;
export type SumoRoundRobinTies = (typeof SUMO_ROUND_ROBIN_TIES)[number];
/** What a rule set stored before the parameter existed did; new rule sets take the preset's. */
export const STORED_SUMO_ROUND_ROBIN_TIES: SumoRoundRobinTies = 'head-to-head-once';

export const sumoTournamentRulesSchema = z
  .object({
    format: z.enum(SUMO_FORMATS),
    groupSizeMin: intRange(2, 16),
    groupSizeMax: intRange(2, 16),
    points: z
      .object({ win: intRange(0, 10), draw: intRange(0, 10), loss: intRange(0, 10) })
      .strict(),
    /** Teams of each group going on to the playoff (groups-playoff). */
    advancePerGroup: intRange(1, 8),
    thirdPlaceMatch: z.boolean(),
    /** 'separate': random draw that keeps teams of the same school, then region, apart early. */
    seeding: z.enum(['random', 'separate']),
    groupTieBreaks: z.array(z.enum(SUMO_GROUP_TIE_BREAKS)).max(SUMO_GROUP_TIE_BREAKS.length),
    roundRobinTies: z.enum(SUMO_ROUND_ROBIN_TIES).default(STORED_SUMO_ROUND_ROBIN_TIES),
  })
  .strict()
  .superRefine((t, ctx) => {
    if (t.groupSizeMin > t.groupSizeMax) {
      ctx.addIssue({
        code: 'custom',
        path: ['groupSizeMax'],
        message: 'groupSizeMax must be at least groupSizeMin',
        params: { key: 'scoring.sumo.groupSizes' },
      });
    }
    if (t.format === 'groups-playoff' && t.advancePerGroup >= t.groupSizeMin) {
      ctx.addIssue({
        code: 'custom',
        path: ['advancePerGroup'],
        message: `advancePerGroup must be below the smallest group size (${t.groupSizeMin})`,
        params: { key: 'scoring.sumo.advanceTooMany', max: t.groupSizeMin - 1 },
      });
    }
    if (!(t.points.win > t.points.draw && t.points.draw >= t.points.loss)) {
      ctx.addIssue({
        code: 'custom',
        path: ['points'],
        message: 'points must give more for a win than a draw, and no less for a draw than a loss',
        params: { key: 'scoring.sumo.pointsOrder' },
      });
    }
    reportDuplicates(ctx, t.groupTieBreaks, 'groupTieBreaks');
  });
export type SumoTournamentRules = z.infer<typeof sumoTournamentRulesSchema>;

export const sumoParamsSchema = z
  .object({
    class: sumoClassSchema,
    match: sumoMatchRulesSchema,
    tournament: sumoTournamentRulesSchema,
    /** Minutes after publication that protests are accepted (docs/rules.md#protests). */
    protestWindowMinutes: protestWindowMinutesSchema,
    /** Minutes a team rests between its matches (docs/rules.md#schedules). */
    restMinutes: sumoRestMinutesSchema,
    /** A team plays only after passing inspection against `class` (docs/rules.md#technical-inspection). */
    inspectionRequired: inspectionRequiredSchema,
  })
  .strict();
export type SumoParams = z.infer<typeof sumoParamsSchema>;

export const sumoRuleSetSchema = z
  .object({
    discipline: z.literal('sumo'),
    preset: z.string().min(1).max(60),
    schemaVersion: z.literal(SUMO_SCHEMA_VERSION),
    /** Single (default) or double entry (docs/rules.md#double-entry). */
    entry: entryModeSchema.optional(),
    params: sumoParamsSchema,
  })
  .strict();
export type SumoRuleSet = z.infer<typeof sumoRuleSetSchema>;

export const SUMO_DEFAULT_PARAMS: SumoParams = {
  protestWindowMinutes: DEFAULT_PROTEST_WINDOW_MINUTES,
  restMinutes: DEFAULT_SUMO_REST_MINUTES,
  inspectionRequired: DEFAULT_INSPECTION_REQUIRED,
  class: {
    ringDiameterMm: 770,
    ringEdgeMm: 25,
    maxWidthMm: 150,
    maxLengthMm: 150,
    maxMassG: 1_000,
  },
  match: {
    pointsToWin: 2,
    maxRounds: 3,
    timing: 'total',
    matchTimeMs: 180_000,
    roundTimeMs: 60_000,
    start: 'delay',
    startDelayMs: 5_000,
    betweenRoundsMs: 30_000,
    extension: { enabled: true, timeMs: 180_000 },
    groupMatchTie: 'draw',
    drawStallMs: 5_000,
    nullStartReplays: 1,
    warningsPerPoint: 2,
    noShowMs: 300_000,
  },
  tournament: {
    format: 'groups-playoff',
    groupSizeMin: 3,
    groupSizeMax: 5,
    points: { win: 3, draw: 1, loss: 0 },
    advancePerGroup: 2,
    thirdPlaceMatch: true,
    seeding: 'separate',
    groupTieBreaks: ['head-to-head', 'rounds-won', 'rounds-lost', 'decision'],
    roundRobinTies: 'head-to-head-reapplied',
  },
};

/** The option of a rule set, also one that was never parsed since it was stored without it. */
export function roundRobinTiesOf(rules: SumoTournamentRules): SumoRoundRobinTies {
  return rules.roundRobinTies ?? STORED_SUMO_ROUND_ROBIN_TIES;
}
