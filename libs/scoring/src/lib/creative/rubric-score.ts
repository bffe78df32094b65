import type { TeamRef } from '../ledger.types';
import { parsePayload } from '../common/parse-payload';
import { negate, ratio, type KeyPart, type Ratio } from '../ranking/rank-key';
import type {
  CategoryScore,
  EffectiveEntry,
  EntryWarning,
  TeamScore,
} from '../standings/discipline-engine';
import { combineMarks, hundredths, meanOf, weightedSum } from './combine-judges';
import {
  checkRubricMarks,
  rubricMarksPayloadSchema,
  type RubricMarksPayload,
} from './creative-entries';
import type { RubricParams } from './creative-rules';

/** Each judge's sheet for the team; a judge's sheet first recorded later replaces an earlier one. */
export function sheetsOf(
  rubric: RubricParams,
  kind: string,
  entries: readonly EffectiveEntry[],
): { sheets: RubricMarksPayload[]; warnings: EntryWarning[] } {
  const byJudge = new Map<string, { seq: number; sheet: RubricMarksPayload }>();
  const warnings: EntryWarning[] = [];
  for (const entry of entries) {
    if (entry.record.kind !== kind) continue;
    const parsed = parsePayload(rubricMarksPayloadSchema, entry.record.payload);
    if (!parsed || checkRubricMarks(rubric, parsed).length > 0) {
      warnings.push({
        entryId: entry.record.id,
        key: 'scoring.ledger.invalidPayload',
        message: 'marks do not fit the rubric; ignored',
      });
      continue;
    }
    const seen = byJudge.get(parsed.judgeId);
    if (seen && seen.seq > entry.rootSeq) continue;
    byJudge.set(parsed.judgeId, { seq: entry.rootSeq, sheet: parsed });
  }
  const sheets = [...byJudge.values()]
    .map((v) => v.sheet)
    .sort((a, b) => (a.judgeId < b.judgeId ? -1 : 1));
  return { sheets, warnings };
}

function tieBreakParts(rubric: RubricParams, sheets: readonly RubricMarksPayload[]): KeyPart[] {
  const parts: KeyPart[] = [];
  for (const tieBreak of rubric.tieBreaks) {
    if (!tieBreak.startsWith('criterion:')) continue;
    const id = tieBreak.slice('criterion:'.length);
    const marks = sheets.map((s) => s.marks[id]);
    parts.push(
      negate(
        rubric.combine === 'normalised'
          ? meanOf(marks)
          : combineMarks(marks, rubric.combine, rubric.trimFromJudges),
      ),
    );
  }
  return parts;
}

function criteriaDetail(
  rubric: RubricParams,
  sheets: readonly RubricMarksPayload[],
): Record<string, number> {
  const method = rubric.combine === 'normalised' ? 'mean' : rubric.combine;
  return Object.fromEntries(
    rubric.criteria.map((c) => [
      c.id,
      hundredths(
        combineMarks(
          sheets.map((s) => s.marks[c.id]),
          method,
          rubric.trimFromJudges,
        ),
      ) / 100,
    ]),
  );
}

function scoreFrom(
  rubric: RubricParams,
  sheets: readonly RubricMarksPayload[],
  total: Ratio,
  warnings: EntryWarning[],
): TeamScore {
  const primary = hundredths(total);
  return {
    status: 'ranked',
    key: [negate(total), ...tieBreakParts(rubric, sheets)],
    primary,
    display: (primary / 100).toFixed(2),
    detail: {
      total: primary / 100,
      criteria: criteriaDetail(rubric, sheets),
      judges: sheets.map((s) => s.judgeId),
      incomplete: sheets.length < rubric.judgesMin,
    },
    warnings,
  };
}

/** Mean, trimmed mean or median per criterion, then the weighted total; exact. */
export function scoreRubricTeam(
  rubric: RubricParams,
  kind: string,
  entries: readonly EffectiveEntry[],
): TeamScore {
  const { sheets, warnings } = sheetsOf(rubric, kind, entries);
  if (sheets.length === 0)
    return { status: 'not-scored', key: [], primary: null, display: '', detail: {}, warnings };
  const method = rubric.combine === 'normalised' ? 'mean' : rubric.combine;
  const total = weightedSum(
    rubric.criteria.map((c) => ({
      value: combineMarks(
        sheets.map((s) => s.marks[c.id]),
        method,
        rubric.trimFromJudges,
      ),
      weight: c.weight,
    })),
  );
  return scoreFrom(rubric, sheets, total, warnings);
}

/**
 * Per-judge normalisation: each judge's weighted totals are shifted by (overall mean − that judge's
 * mean), removing a lenient or strict judge's bias; a team's score is the mean of its shifted totals.
 * The shift needs every team's marks, so this is computed for the whole category. The score is
 * kept in ten-thousandths of a point (the only rounding in the rubric rules).
 */
export function scoreRubricNormalised(
  rubric: RubricParams,
  kind: string,
  teams: readonly TeamRef[],
  entries: readonly EffectiveEntry[],
): CategoryScore {
  const byTeam = new Map<string, EffectiveEntry[]>();
  for (const entry of entries) {
    if (entry.record.kind !== kind || entry.record.teamId === null) continue;
    const list = byTeam.get(entry.record.teamId) ?? [];
    list.push(entry);
    byTeam.set(entry.record.teamId, list);
  }
  const perTeam = teams.map((team) => ({
    team,
    ...sheetsOf(rubric, kind, byTeam.get(team.id) ?? []),
  }));
  const totalOf = (sheet: RubricMarksPayload) =>
    rubric.criteria.reduce((s, c) => s + c.weight * sheet.marks[c.id], 0);
  const judgeSum = new Map<string, { sum: number; n: number }>();
  let allSum = 0;
  let allN = 0;
  for (const { sheets } of perTeam) {
    for (const sheet of sheets) {
      const t = totalOf(sheet);
      const j = judgeSum.get(sheet.judgeId) ?? { sum: 0, n: 0 };
      judgeSum.set(sheet.judgeId, { sum: j.sum + t, n: j.n + 1 });
      allSum += t;
      allN += 1;
    }
  }
  const overall = allN > 0 ? allSum / allN : 0;
  const scores = new Map<string, TeamScore>();
  const warnings: EntryWarning[] = [];
  for (const { team, sheets, warnings: teamWarnings } of perTeam) {
    warnings.push(...teamWarnings);
    if (sheets.length === 0) continue;
    const shifted = sheets.map((sheet) => {
      const j = judgeSum.get(sheet.judgeId) as { sum: number; n: number };
      return totalOf(sheet) - j.sum / j.n + overall;
    });
    const mean = shifted.reduce((s, v) => s + v, 0) / shifted.length;
    scores.set(team.id, scoreFrom(rubric, sheets, ratio(Math.round(mean * 10_000), 10_000), []));
  }
  return { scores, warnings };
}
