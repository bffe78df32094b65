import type { RubricParams } from '../creative/creative-rules';
import { unfinishedTeamsOf, type MazeParams } from '../maze/maze-rules';
import type { ProgrammingParams } from '../programming/programming-rules';
import { roundRobinTiesOf, type SumoParams } from '../sumo/sumo-rules';
import { protestWindowMinutesOf } from '../protests/protest-window';
import { inspectionLimitsOf, inspectionRequiredOf } from '../inspection/inspection-rules';
import type { RuleSet } from './rule-set';

/**
 * One statement about a rule set, for people: a message key of the catalogs (`rules.*`) with
 * language-neutral values. `list` holds statements joined into the `{list}` placeholder. The apps
 * and the protocol translate them, so no reader sees a parameter name or JSON (docs/results-display.md).
 */
export interface RuleLine {
  key: string;
  params?: Record<string, string | number>;
  list?: RuleLine[];
}

/** "3:00" for 180000 ms, "1:30" for 90000; "0:02.5" keeps a fraction of a second. */
export function durationText(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  const rest = ms % 60_000;
  const seconds = Math.floor(rest / 1000);
  const fraction =
    rest % 1000 === 0 ? '' : `.${String(rest % 1000).padStart(3, '0')}`.replace(/0+$/, '');
  return `${minutes}:${String(seconds).padStart(2, '0')}${fraction}`;
}

/** Seconds as a number, for "+10 s" ("2.5" for 2500 ms). */
const seconds = (ms: number) => Number((ms / 1000).toFixed(3));
const line = (key: string, params?: RuleLine['params'], list?: RuleLine[]): RuleLine =>
  list ? { key, params, list } : params ? { key, params } : { key };

function mazeLines(p: MazeParams): RuleLine[] {
  const lines: RuleLine[] = [];
  if (p.teamResult.mode === 'best') lines.push(line('rules.maze.best', { count: p.attempts }));
  if (p.teamResult.mode === 'sum-best') {
    lines.push(line('rules.maze.sumBest', { count: p.teamResult.count, attempts: p.attempts }));
  }
  if (p.teamResult.mode === 'mean') lines.push(line('rules.maze.mean', { count: p.attempts }));
  lines.push(line('rules.timeLimit', { time: durationText(p.timeLimitMs) }));
  if (p.explorationMs !== null) {
    lines.push(line('rules.maze.exploration', { time: durationText(p.explorationMs) }));
  }
  const penalty = p.touchPenalty;
  if (penalty.mode === 'time') {
    lines.push(line('rules.maze.touchTime', { count: seconds(penalty.ms) }));
  }
  if (penalty.mode === 'points') {
    lines.push(line('rules.maze.touchPoints', { count: penalty.points }));
  }
  if (penalty.mode === 'void') lines.push(line('rules.maze.touchVoid'));
  lines.push(line('rules.maze.stall', { count: seconds(p.stallMs) }));
  if (p.checkpoints.length > 0) {
    const list = p.checkpoints.map((c) =>
      line('rules.checkpoint', { name: c.id, count: c.points }),
    );
    lines.push(line('rules.maze.checkpoints', undefined, list));
  }
  if (p.tieBreaks.length > 0) {
    const list = p.tieBreaks.map((t) => line(`rules.maze.tieBreak.${t}`));
    lines.push(line('rules.tieBreaks', undefined, list));
  }
  lines.push(line(`rules.maze.unfinishedTeams.${unfinishedTeamsOf(p)}`));
  return lines;
}

function sumoLines(p: SumoParams): RuleLine[] {
  const { class: c, match: m, tournament: t } = p;
  const lines: RuleLine[] = [
    line('rules.sumo.robot', { width: c.maxWidthMm, length: c.maxLengthMm, mass: c.maxMassG }),
    line('rules.sumo.ring', { diameter: c.ringDiameterMm, edge: c.ringEdgeMm }),
    line('rules.sumo.points', { count: m.pointsToWin, rounds: m.maxRounds }),
    m.timing === 'total'
      ? line('rules.sumo.matchTime', { time: durationText(m.matchTimeMs) })
      : line('rules.sumo.roundTime', { time: durationText(m.roundTimeMs) }),
    m.start === 'delay'
      ? line('rules.sumo.startDelay', { count: seconds(m.startDelayMs) })
      : line('rules.sumo.startRemote'),
    line('rules.sumo.betweenRounds', { count: seconds(m.betweenRoundsMs) }),
    m.extension.enabled
      ? line('rules.sumo.extension', { time: durationText(m.extension.timeMs) })
      : line('rules.sumo.noExtension'),
    line('rules.sumo.stall', { count: seconds(m.drawStallMs) }),
    line('rules.sumo.nullStarts', { count: m.nullStartReplays }),
    line('rules.sumo.warnings', { count: m.warningsPerPoint }),
    line('rules.sumo.noShow', { time: durationText(m.noShowMs) }),
  ];
  if (t.format === 'groups-playoff') {
    lines.push(
      line('rules.sumo.format.groups-playoff', {
        min: t.groupSizeMin,
        max: t.groupSizeMax,
        count: t.advancePerGroup,
      }),
    );
  } else lines.push(line(`rules.sumo.format.${t.format}`));
  if (t.format === 'groups-playoff' || t.format === 'round-robin') {
    lines.push(line(`rules.sumo.groupMatchTie.${m.groupMatchTie}`));
    lines.push(line('rules.sumo.tablePoints', { ...t.points }));
    if (t.groupTieBreaks.length > 0) {
      const list = t.groupTieBreaks.map((b) => line(`rules.sumo.tieBreak.${b}`));
      lines.push(line('rules.tieBreaks', undefined, list));
    }
    if (t.groupTieBreaks.includes('head-to-head')) {
      lines.push(line(`rules.sumo.roundRobinTies.${roundRobinTiesOf(t)}`));
    }
  }
  if (t.thirdPlaceMatch && t.format !== 'round-robin') lines.push(line('rules.sumo.thirdPlace'));
  lines.push(line(`rules.sumo.seeding.${t.seeding}`));
  return lines;
}

function rubricLines(p: RubricParams): RuleLine[] {
  const top = p.criteria.reduce((sum, c) => sum + c.max * c.weight, 0);
  const lines: RuleLine[] = [
    line('rules.rubric.criteria', { count: p.criteria.length, points: top }),
    line('rules.rubric.judges', { min: p.judgesMin, max: p.judgesMax }),
    p.combine === 'trimmed-mean'
      ? line('rules.rubric.combine.trimmed-mean', { count: p.trimFromJudges })
      : line(`rules.rubric.combine.${p.combine}`),
  ];
  if (p.commentOnTopMark) lines.push(line('rules.rubric.commentOnTopMark'));
  if (p.tieBreaks.length > 0) {
    const titles = new Map(p.criteria.map((c) => [c.id, c.title || c.id]));
    const list = p.tieBreaks.map((t) =>
      t === 'decision'
        ? line('rules.tieBreak.decision')
        : line('rules.rubric.tieBreak.criterion', {
            name: titles.get(t.slice('criterion:'.length)) ?? t,
          }),
    );
    lines.push(line('rules.tieBreaks', undefined, list));
  }
  return lines;
}

function programmingLines(p: ProgrammingParams): RuleLine[] {
  if (p.rubric) return rubricLines(p.rubric);
  const top = p.tasks.reduce((sum, task) => sum + task.maxPoints, 0);
  const lines: RuleLine[] = [
    line('rules.programming.tasks', { count: p.tasks.length, points: top }),
    line(`rules.programming.credit.${p.credit}`),
    line(`rules.programming.submissions.${p.submissions}`),
  ];
  if (p.submissions === 'icpc') {
    lines.push(line('rules.programming.penalty', { count: p.penaltyMsPerWrongTry / 60_000 }));
  }
  if (p.tieBreaks.length > 0) {
    const list = p.tieBreaks.map((t) =>
      t === 'decision'
        ? line('rules.tieBreak.decision')
        : line(`rules.programming.tieBreak.${t}.${p.submissionTime}`),
    );
    lines.push(line('rules.tieBreaks', undefined, list));
  }
  return lines;
}

/** The rule set in force as statements for people, every parameter that changes a result. */
export function describeRuleSet(ruleSet: RuleSet): RuleLine[] {
  return [
    ...disciplineLines(ruleSet),
    ...inspectionLines(ruleSet),
    line('rules.protestWindow', { count: protestWindowMinutesOf(ruleSet) }),
  ];
}

/** Said only when the rules require inspection, so rule sets without it read as before. */
function inspectionLines(ruleSet: RuleSet): RuleLine[] {
  const limits = inspectionLimitsOf(ruleSet);
  if (!limits || !inspectionRequiredOf(ruleSet)) return [];
  return ruleSet.discipline === 'maze'
    ? [line('rules.inspection.maze', { width: limits.widthMm ?? 0, length: limits.lengthMm ?? 0 })]
    : [line('rules.inspection.sumo')];
}

function disciplineLines(ruleSet: RuleSet): RuleLine[] {
  switch (ruleSet.discipline) {
    case 'maze':
      return mazeLines(ruleSet.params);
    case 'sumo':
      return sumoLines(ruleSet.params);
    case 'programming':
      return programmingLines(ruleSet.params);
    case 'creative':
      return rubricLines(ruleSet.params);
  }
}

/** Every key describeRuleSet can give, for the catalog check. */
export function ruleLineKeys(lines: readonly RuleLine[]): string[] {
  return lines.flatMap((l) => [l.key, ...ruleLineKeys(l.list ?? [])]);
}
