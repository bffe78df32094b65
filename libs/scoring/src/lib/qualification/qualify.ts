import type { Discipline, StandingRow, Standings, TeamRef } from '../ledger.types';
import { splitStandingsByAgeGroup } from '../ranking/age-groups';
import type { QualificationRule } from './qualification-rules';

export interface QualificationCategory {
  categoryId: string;
  discipline: Discipline;
  /** Final standings of the regional stage's category. */
  standings: Standings;
  teams: readonly TeamRef[];
}

export interface Wildcard {
  categoryId: string;
  teamId: string;
  reason: string;
}

export type QualificationReason =
  'top-n' | 'top-percent' | 'wildcard' | 'outside-selection' | 'below-threshold' | 'not-ranked';

export interface QualificationDecision {
  categoryId: string;
  teamId: string;
  ageGroup: string | null;
  qualified: boolean;
  reason: QualificationReason;
  /** i18n key and English text of the explanation, with its parameters. */
  key: string;
  message: string;
  params: Record<string, string | number>;
  /** The regional result, when the rule carries results over. */
  carried?: { place: number | null; primary: number | null; display: string };
}

function passesThreshold(
  rule: QualificationRule,
  discipline: Discipline,
  row: StandingRow,
): boolean {
  if (row.status !== 'ranked') return false;
  switch (rule.threshold.kind) {
    case 'ranked':
      return true;
    case 'finished':
      return discipline !== 'maze' || row.detail.finished === true;
    case 'min-primary':
      return row.primary !== null && row.primary >= rule.threshold.value;
    case 'max-primary':
      return row.primary !== null && row.primary <= rule.threshold.value;
  }
}

function thresholdText(rule: QualificationRule, discipline: Discipline): string {
  switch (rule.threshold.kind) {
    case 'ranked':
      return 'a ranked result';
    case 'finished':
      return discipline === 'maze' ? 'at least one finished attempt' : 'a ranked result';
    case 'min-primary':
      return `a result of at least ${rule.threshold.value}`;
    case 'max-primary':
      return `a result of at most ${rule.threshold.value}`;
  }
}

/**
 * The republic stage's entry list from regional final standings, with a reason for every team.
 * Teams sharing the last selected place all go through. Wildcards go through whatever their result.
 */
export function qualify(
  rule: QualificationRule,
  categories: readonly QualificationCategory[],
  wildcards: readonly Wildcard[] = [],
): QualificationDecision[] {
  const out: QualificationDecision[] = [];
  for (const category of categories) {
    const parts = rule.perAgeGroup
      ? splitStandingsByAgeGroup(category.standings, category.teams)
      : new Map<string | null, Standings>([[null, category.standings]]);
    for (const [ageGroup, standings] of parts) {
      const took = standings.rows.filter(
        (r) => r.status !== 'absent' && r.status !== 'withdrawn',
      ).length;
      const cut =
        rule.selection.mode === 'top-n'
          ? rule.selection.n
          : Math.ceil((took * rule.selection.percent) / 100);
      const scope = ageGroup ? ` in age group ${ageGroup}` : '';
      for (const row of standings.rows) {
        const wildcard = wildcards.find(
          (w) => w.categoryId === category.categoryId && w.teamId === row.teamId,
        );
        const base = { categoryId: category.categoryId, teamId: row.teamId, ageGroup };
        const params: Record<string, string | number> = {
          place: row.place ?? '',
          of: took,
          cut,
          status: row.status,
        };
        let decision: QualificationDecision;
        const within = row.place !== null && row.place <= cut;
        const passes = passesThreshold(rule, category.discipline, row);
        const selection =
          rule.selection.mode === 'top-n'
            ? `the top ${cut}`
            : `the top ${rule.selection.percent}% (${cut} places)`;
        if (within && passes) {
          decision = {
            ...base,
            qualified: true,
            reason: rule.selection.mode,
            key: `scoring.qualification.${rule.selection.mode === 'top-n' ? 'topN' : 'topPercent'}`,
            message: `place ${row.place} of ${took}${scope}: within ${selection}`,
            params,
          };
        } else if (wildcard) {
          decision = {
            ...base,
            qualified: true,
            reason: 'wildcard',
            key: 'scoring.qualification.wildcard',
            message: `wildcard chosen by the organiser: ${wildcard.reason}`,
            params: { ...params, reason: wildcard.reason },
          };
        } else if (row.status !== 'ranked') {
          decision = {
            ...base,
            qualified: false,
            reason: 'not-ranked',
            key: 'scoring.qualification.notRanked',
            message: `no ranked result (${row.status})`,
            params,
          };
        } else if (within) {
          decision = {
            ...base,
            qualified: false,
            reason: 'below-threshold',
            key: 'scoring.qualification.belowThreshold',
            message: `place ${row.place}${scope}, but the threshold asks for ${thresholdText(rule, category.discipline)}`,
            params,
          };
        } else {
          decision = {
            ...base,
            qualified: false,
            reason: 'outside-selection',
            key: 'scoring.qualification.outside',
            message: `place ${row.place} of ${took}${scope}: outside ${selection}`,
            params,
          };
        }
        if (rule.carryOver)
          decision.carried = { place: row.place, primary: row.primary, display: row.display };
        out.push(decision);
      }
    }
  }
  return out;
}
