export * from './lib/ledger.types';

// Rule sets
export type {
  RuleSet,
  RuleSetPreset,
  MazeRuleSet,
  SumoRuleSet,
  ProgrammingRuleSet,
  CreativeRuleSet,
} from './lib/rule-set/rule-set';
export { ruleSetSchema } from './lib/rule-set/rule-set';
export { RULE_SET_PRESETS, presetRuleSet } from './lib/rule-set/presets';
export { buildRuleSet, validateRuleSet } from './lib/rule-set/build-rule-set';
export {
  describeRuleSet,
  durationText,
  ruleLineKeys,
  type RuleLine,
} from './lib/rule-set/describe-rule-set';
export * from './lib/maze/maze-rules';
export * from './lib/sumo/sumo-rules';
export * from './lib/programming/programming-rules';
export * from './lib/creative/creative-rules';

// Ledger entries
export * from './lib/ledger/generic-entries';
export { validateEntry, entryKindsOf, type EntryInput } from './lib/ledger/validate-entry';
export { correctionMismatch, type CorrectionSide } from './lib/ledger/correction-target';
export { resolveLedger, type ResolvedLedger } from './lib/ledger/resolve-ledger';
export * from './lib/double-entry/entry-mode';
export * from './lib/double-entry/double-entry';
export * from './lib/maze/maze-entries';
export * from './lib/programming/programming-entries';
export { PROGRAMMING_RUBRIC } from './lib/programming/programming-engine';
export * from './lib/creative/creative-entries';

// Standings
export type { EffectiveEntry, EntryWarning, TeamScore } from './lib/standings/discipline-engine';
export { computeStandings } from './lib/standings/compute-standings';
export {
  createStandingsState,
  applyEntry,
  standingsOf,
  standingsStateFrom,
  type StandingsState,
} from './lib/standings/standings-state';
export { rowResultText, tablePrecisionOf } from './lib/standings/result-text';
export { unsettledReason } from './lib/standings/unsettled';

// Maze calculators
export * from './lib/maze/maze-attempt';
export * from './lib/maze/maze-team-result';
export * from './lib/maze/maze-queue';
export * from './lib/maze/provisional-attempt';

// Device clocks (docs/sensor-contract.md#clock-offsets)
export * from './lib/clock/clock-offset';

// Paper score sheets (README, "Paper fallback")
export * from './lib/score-sheets';

// Programming and creative calculators
export {
  icpcTasksOf,
  scoreProgrammingTeam,
  type IcpcTaskState,
} from './lib/programming/programming-score';
export * from './lib/programming/contest-time';
export * from './lib/programming/task-draft';
export {
  checkCheckerLine,
  parseCheckerCsv,
  readCheckerCsv,
  type CheckerColumn,
  type CheckerLine,
  type CheckerRow,
  type CheckerTable,
} from './lib/programming/checker-csv';
export * from './lib/creative/combine-judges';
export { scoreRubricTeam, scoreRubricNormalised } from './lib/creative/rubric-score';

// Rankings in general
export * from './lib/ranking/rank-key';
export * from './lib/ranking/shared-places';
export * from './lib/ranking/name-collation';
export * from './lib/ranking/tie-decisions';
export * from './lib/ranking/age-groups';

// Sumo: match state machine, tournaments, draws
export * from './lib/sumo/sumo-entries';
export * from './lib/sumo/match-state';
export { roundRobinSchedule, groupName, type ScheduledPair } from './lib/sumo/round-robin';
export * from './lib/sumo/bracket-positions';
export * from './lib/sumo/bracket-structure';
export * from './lib/sumo/bracket-resolve';
export * from './lib/sumo/group-table';
export * from './lib/sumo/seeding';
export { sumoTournament, type SumoTournament, type SumoGroup } from './lib/sumo/tournament';
export { sumoTournamentOf } from './lib/sumo/sumo-tournament-of';
export { nextSumoMatch, sumoMatchesInOrder } from './lib/sumo/next-sumo-match';
export * from './lib/sumo/round-clock';

// Protests
export * from './lib/protests/protest-window';
export * from './lib/protests/protest-correction';
export * from './lib/inspection/inspection-rules';

// Qualification
export * from './lib/qualification/qualification-rules';
export * from './lib/qualification/qualify';
export * from './lib/qualification/describe-rule';

// Utilities
export {
  finestPrecision,
  formatResultTime,
  parseResultTime,
  timePrecisionOf,
  type TimePrecision,
  type TimingSource,
} from './lib/common/format-time';
export { seededRandom, type SeededRandom } from './lib/common/seeded-random';
export * from './lib/common/crockford-code';

// Schedules: rings sharing a category, rest, estimated turns
export * from './lib/schedule/rest-time';
export * from './lib/schedule/ring-match-choice';
export * from './lib/schedule/pace-estimate';
export * from './lib/schedule/sumo-match-times';
export * from './lib/schedule/maze-attempt-times';
