import { Injectable } from '@nestjs/common';
import {
  REGIONS,
  type InspectionFailureView,
  type ProtestStatus,
  type ProtestTarget,
} from '@olympiad/contracts';
import { resolveLedger, type RuleSet, type StandingRow } from '@olympiad/scoring';
import { AuditQuery } from '../audit/audit.query';
import type { Actor } from '../auth/actor';
import { assertStageAccess } from '../auth/stage-access';
import { CategoriesQuery } from '../categories/categories.query';
import { notFound } from '../common/api-error';
import { InspectionsQuery } from '../inspections/inspections.query';
import { JudgesQuery } from '../judges/judges.query';
import { LedgerQuery } from '../ledger/ledger.query';
import { RunsQuery } from '../runs/runs.query';
import { OlympiadsQuery } from '../olympiads/olympiads.query';
import { ProtestsQuery } from '../protests/protests.query';
import { StagesQuery } from '../stages/stages.query';
import { CategoryTeams } from '../standings/category-teams';
import { StandingsService, toLedgerRecord } from '../standings/standings.service';
import { TeamsQuery } from '../teams/teams.query';
import { type TimingNote, timingNotes } from './timing-notes';

export interface ResultRow extends StandingRow {
  team: string;
  school: string;
  regionCode: string | null;
  town: string;
  coach: string;
  members: { name: string; grade: number }[];
}

/** Everything a protocol, a diploma or an export prints about one category, read in one place. */
export interface CategoryResults {
  olympiad: { name: string; season: string };
  stage: {
    id: string;
    name: string;
    kind: string;
    code: string;
    venue: string;
    startsOn: string;
    endsOn: string;
    regionName: { kk: string; ru: string } | null;
  };
  category: {
    id: string;
    name: string;
    discipline: string;
    ageGroupLabel: string;
    status: string;
    published: boolean;
    preset: string;
    ruleSet: RuleSet;
    standingsVersion: number;
  };
  rows: ResultRow[];
  judges: { name: string; role: 'head-judge' | 'judge' }[];
  /** The category's protests and their decisions, oldest first (docs/rules.md#protests). */
  protests: {
    team: string;
    target: ProtestTarget;
    protestedBy: string;
    receivedAt: string;
    reason: string;
    status: ProtestStatus;
    decision: { by: string; at: string; reason: string } | null;
  }[];
  /** Each team's latest technical inspection (docs/rules.md#technical-inspection). */
  inspections: {
    team: string;
    passed: boolean;
    massG: number | null;
    widthMm: number | null;
    lengthMm: number | null;
    failures: InspectionFailureView[];
    failReason: string | null;
    by: string;
    at: string;
  }[];
  /** The category's locks, unlocks, publications and withdrawals, oldest first (docs/audit.md). */
  history: { action: LockPublishAction; at: string; by: string }[];
  /** Attempts timed between two controllers (their bound) or by stopwatch because of them. */
  timing?: (TimingNote & { team: string })[];
}

export const LOCK_PUBLISH_ACTIONS = [
  'category.lock',
  'category.unlock',
  'category.publish',
  'category.unpublish',
] as const;
export type LockPublishAction = (typeof LOCK_PUBLISH_ACTIONS)[number];

@Injectable()
export class CategoryResultsService {
  constructor(
    private readonly standings: StandingsService,
    private readonly categories: CategoriesQuery,
    private readonly stages: StagesQuery,
    private readonly olympiads: OlympiadsQuery,
    private readonly teams: TeamsQuery,
    private readonly categoryTeams: CategoryTeams,
    private readonly judgesQuery: JudgesQuery,
    private readonly audit: AuditQuery,
    private readonly protests: ProtestsQuery,
    private readonly inspections: InspectionsQuery,
    private readonly ledger: LedgerQuery,
    private readonly runs: RunsQuery,
  ) {}

  async load(categoryId: string, actor?: Actor): Promise<CategoryResults> {
    const category = await this.categories.categoryById(categoryId);
    if (!category) throw notFound('Category', categoryId);
    if (actor) assertStageAccess(actor, category.stageId);
    const stage = await this.stages.stageById(category.stageId);
    if (!stage) throw notFound('Stage', category.stageId);
    const olympiad = await this.olympiads.olympiadById(stage.olympiadId);
    if (!olympiad) throw notFound('Olympiad', stage.olympiadId);
    const snapshot = await this.standings.snapshot(categoryId);
    const teams = await this.teams.teamsOfCategoryWithMembers(categoryId);
    const teamById = new Map(teams.map((team) => [team.id, team]));
    const schools = await this.categoryTeams.schoolsOf(teams);
    const rows = snapshot.standings.rows.map((row): ResultRow => {
      const team = teamById.get(row.teamId);
      const school = team ? schools.get(team.schoolId) : undefined;
      return {
        ...row,
        team: team?.name ?? '',
        school: school?.name ?? '',
        regionCode: school?.regionCode ?? null,
        town: school?.town ?? '',
        coach: team?.coach ?? '',
        members: (team?.members ?? []).map((member) => ({
          name: member.name,
          grade: member.grade,
        })),
      };
    });

    // The category's own judges, and the stage's head judges, who sign every protocol.
    const judges = await this.judgesQuery.judgesSigningCategory(categoryId, stage.id);
    const region = REGIONS.find((candidate) => candidate.code === stage.regionCode);
    return {
      olympiad: { name: olympiad.name, season: olympiad.season },
      stage: {
        id: stage.id,
        name: stage.name,
        kind: stage.kind,
        code: stage.code,
        venue: stage.venue,
        startsOn: stage.startsOn,
        endsOn: stage.endsOn,
        regionName: region ? { kk: region.name.kk, ru: region.name.ru } : null,
      },
      category: {
        id: category.id,
        name: category.name,
        discipline: category.discipline,
        ageGroupLabel: category.ageGroupLabel,
        status: category.status,
        published: category.published,
        preset: category.preset,
        ruleSet: category.ruleSet,
        standingsVersion: snapshot.version,
      },
      rows,
      judges: judges
        .filter((judge) => judge.active)
        .map((judge) => ({ name: judge.name, role: judge.role })),
      timing: await this.timingOf(categoryId, (teamId) => teamById.get(teamId)?.name ?? ''),
      protests: (await this.protests.protestsOf(categoryId)).map((protest) => ({
        team: teamById.get(protest.teamId)?.name ?? '',
        target: protest.target,
        protestedBy: protest.protestedBy,
        receivedAt: protest.receivedAt,
        reason: protest.reason,
        status: protest.status,
        decision:
          protest.status !== 'open' && protest.decidedAt
            ? {
                by: protest.decidedByName ?? '',
                at: protest.decidedAt,
                reason: protest.decisionReason ?? '',
              }
            : null,
      })),
      inspections: (await this.inspections.latestOf(categoryId)).map((row) => ({
        team: teamById.get(row.teamId)?.name ?? '',
        passed: Boolean(row.passed),
        massG: row.massG,
        widthMm: row.widthMm,
        lengthMm: row.lengthMm,
        failures: row.failures,
        failReason: row.failReason,
        by: row.inspectedByName,
        at: row.inspectedAt,
      })),
      history: (await this.audit.history(categoryId, LOCK_PUBLISH_ACTIONS)).map((entry) => ({
        action: entry.action as LockPublishAction,
        at: entry.at,
        by: entry.actor.name,
      })),
    };
  }

  async categoryIdsOfStage(stageId: string, actor?: Actor): Promise<string[]> {
    const stage = await this.stages.stageById(stageId);
    if (!stage) throw notFound('Stage', stageId);
    if (actor) assertStageAccess(actor, stageId);
    const categories = await this.categories.categoriesOfStageByName(stageId);
    return categories.map((category) => category.id);
  }

  /** Timing notes of a maze category's attempts (docs/sensor-contract.md#clock-offsets). */
  private async timingOf(
    categoryId: string,
    teamName: (teamId: string) => string,
  ): Promise<(TimingNote & { team: string })[]> {
    const runs = await this.runs.gateTimingsOfCategory(categoryId);
    if (runs.length === 0) return [];
    const records = (await this.ledger.entriesOfCategory(categoryId)).map(toLedgerRecord);
    return timingNotes(resolveLedger(records).effective, runs).map((note) => ({
      ...note,
      team: teamName(note.teamId),
    }));
  }
}
