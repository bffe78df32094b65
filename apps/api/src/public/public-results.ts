import { Injectable } from '@nestjs/common';
import type {
  AwardsState,
  PublicBracket,
  PublicBracketMatch,
  PublicQualifier,
  PublicStageSummary,
  PublicStageSync,
  StageSnapshot,
  StandingsSnapshot,
} from '@olympiad/contracts';
import { sumoTournamentOf, type ResolvedMatch, type SumoRuleSet } from '@olympiad/scoring';
import { AwardsService } from '../awards/awards.service';
import { CategoriesQuery, type CategoryRow } from '../categories/categories.query';
import { ApiError, notFound } from '../common/api-error';
import { FederationQuery, type VenueLinkRow } from '../federation/federation.query';
import { LedgerQuery } from '../ledger/ledger.query';
import { LiveService } from '../live/live.service';
import { publicSnapshot } from '../live/public-rows';
import { OlympiadsQuery } from '../olympiads/olympiads.query';
import { QualificationQuery } from '../qualification/qualification.query';
import { qualificationRuleText } from '../qualification/qualification-rule-text';
import { StagesQuery, type StageRow } from '../stages/stages.query';
import { CategoryTeams } from '../standings/category-teams';
import { StandingsService, toLedgerRecord } from '../standings/standings.service';
import { TeamsQuery } from '../teams/teams.query';

/**
 * What anyone may read, under the embargo: stages that are live or closed, and results of
 * published categories only (docs/design.md#live-updates). Everything else answers 404.
 */
@Injectable()
export class PublicResults {
  constructor(
    private readonly stages: StagesQuery,
    private readonly categories: CategoriesQuery,
    private readonly olympiads: OlympiadsQuery,
    private readonly federation: FederationQuery,
    private readonly qualification: QualificationQuery,
    private readonly teams: TeamsQuery,
    private readonly categoryTeams: CategoryTeams,
    private readonly ledger: LedgerQuery,
    private readonly live: LiveService,
    private readonly standings: StandingsService,
    private readonly awards: AwardsService,
  ) {}

  async stagesList(): Promise<PublicStageSummary[]> {
    const stages = await this.stages.stagesPastDraft();
    const olympiads = await this.olympiads.olympiadsByIds([
      ...new Set(stages.map((stage) => stage.olympiadId)),
    ]);
    const links = await this.federation.venueLinksOfStages(stages.map((stage) => stage.id));
    const { entries } = await this.visibleQualifications({});
    const sent = countBy(entries.map((entry) => entry.sourceStageId));
    const received = countBy(entries.map((entry) => entry.targetStageId));
    return stages.flatMap(
      ({ id, code, name, kind, regionCode, status, startsOn, endsOn, olympiadId }) => {
        const olympiad = olympiads.find((candidate) => candidate.id === olympiadId);
        if (!olympiad || status === 'draft') return [];
        return [
          {
            code,
            name,
            kind,
            regionCode,
            status,
            startsOn,
            endsOn,
            olympiad: { id: olympiad.id, name: olympiad.name, season: olympiad.season },
            qualifiers: (kind === 'republic' ? received : sent).get(id) ?? 0,
            sync: publicSync(links.find((link) => link.stageId === id)),
          },
        ];
      },
    );
  }

  async stage(code: string): Promise<StageSnapshot> {
    return this.live.stageSnapshot(await this.publicStage(code), false);
  }

  /** Awards ceremonies under way on the stage: only the places revealed so far. */
  async stageAwards(code: string): Promise<AwardsState[]> {
    return this.awards.activeForStage((await this.publicStage(code)).id);
  }

  /**
   * Qualifiers as the organiser sent them on: for a regional stage the teams it sent to the
   * republic stage, for the republic stage everyone it received. Nothing until the organiser's
   * qualification action has run.
   */
  async qualifiers(code: string): Promise<PublicQualifier[]> {
    const stage = await this.publicStage(code);
    const { entries, teams, categories, stages } = await this.visibleQualifications(
      stage.kind === 'republic' ? { targetStageId: stage.id } : { sourceStageId: stage.id },
    );
    const labels = await this.categoryTeams.labelsOf(teams);
    const stageName = (id: string) => stages.find((candidate) => candidate.id === id)?.name ?? '';
    const rules = await this.qualification.rulesByStagePair([
      ...new Set(entries.map((entry) => entry.targetStageId)),
    ]);
    const ruleTexts = new Map<string, PublicQualifier['rule']>();
    const ruleText = (entry: (typeof entries)[number]) => {
      const pair = `${entry.targetStageId} ${entry.sourceStageId}`;
      const kept = rules.get(pair);
      // An entry made before the kept rule was first used was chosen by another one.
      if (!kept || entry.enteredAt < kept.setAt) return null;
      if (!ruleTexts.has(pair)) ruleTexts.set(pair, qualificationRuleText(kept.rule));
      return ruleTexts.get(pair) ?? null;
    };
    return entries.map((entry) => {
      const team = teams.find((candidate) => candidate.id === entry.sourceTeamId);
      return {
        team: team?.name ?? '',
        school: labels[entry.sourceTeamId]?.school ?? '',
        category: categories.find((candidate) => candidate.id === team?.categoryId)?.name ?? '',
        fromStage: stageName(entry.sourceStageId),
        toStage: stageName(entry.targetStageId),
        reason: entry.reason,
        rule: ruleText(entry),
      };
    });
  }

  /** A published sumo category's playoff (the hall screen's bracket view); embargoed like its standings. */
  async categoryBracket(id: string): Promise<PublicBracket> {
    const category = await this.publishedCategory(id);
    if (category.discipline !== 'sumo')
      throw new ApiError(404, 'errors.notFound', 'Only a sumo category has a bracket');
    const teams = await this.categoryTeams.refs(category.id);
    const entries = await this.ledger.entriesOfCategory(category.id);
    const tournament = sumoTournamentOf(
      category.ruleSet as SumoRuleSet,
      teams,
      entries.map(toLedgerRecord),
    );
    return {
      categoryId: category.id,
      matches: tournament.bracket
        .filter((match) => match.status !== 'not-needed')
        .map(toPublicMatch),
      groupMatches: tournament.groups.flatMap((group) => group.matches.map(toPublicMatch)),
      teams: await this.categoryTeams.labels(category.id),
    };
  }

  async categoryStandings(id: string): Promise<StandingsSnapshot> {
    await this.publishedCategory(id);
    return publicSnapshot(await this.standings.snapshot(id));
  }

  /** A stage the public may see: codes are stored upper-case, drafts are not public. */
  private async publicStage(code: string): Promise<StageRow> {
    const stage = await this.stages.stageByCode(code.toUpperCase());
    if (!stage || stage.status === 'draft') throw notFound('Stage', code);
    return stage;
  }

  private async publishedCategory(id: string): Promise<CategoryRow> {
    const category = await this.categories.categoryById(id);
    if (!category) throw notFound('Category', id);
    if (!category.published)
      throw new ApiError(404, 'live.notPublished', 'These results are not published yet');
    return category;
  }

  /**
   * Qualification entries the public may see: from a category whose results are published, into
   * a stage that is no longer a draft. Anything else would reveal embargoed results.
   */
  private async visibleQualifications(where: { sourceStageId?: string; targetStageId?: string }) {
    const all = await this.qualification.entriesInOrder(where);
    const teams = await this.teams.teamsByIds(all.map((entry) => entry.sourceTeamId));
    const categories = await this.categories.categoriesByIds([
      ...new Set(teams.map((team) => team.categoryId)),
    ]);
    const stages = await this.stages.stagesByIds([
      ...new Set(all.flatMap((entry) => [entry.sourceStageId, entry.targetStageId])),
    ]);
    const entries = all.filter((entry) => {
      const team = teams.find((candidate) => candidate.id === entry.sourceTeamId);
      const category = categories.find((candidate) => candidate.id === team?.categoryId);
      const target = stages.find((candidate) => candidate.id === entry.targetStageId);
      return category?.published === true && target !== undefined && target.status !== 'draft';
    });
    return { entries, teams, categories, stages };
  }
}

/** A stage that a regional venue sends here: whether it is linked and how fresh its results are. */
function publicSync(link: VenueLinkRow | undefined): PublicStageSync | null {
  if (!link) return null;
  return {
    linked: link.publicKey !== null,
    resultsAsOf: link.lastDataAt,
    lastContactAt: link.lastContactAt,
  };
}

function countBy(keys: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

function toPublicMatch(match: ResolvedMatch): PublicBracketMatch {
  return {
    id: match.id,
    stage: match.stage,
    round: match.round,
    a: match.a ?? null,
    b: match.b ?? null,
    status: match.status,
    winner: match.outcome?.winner ?? null,
    score: match.live ? { points: match.live.points, warnings: match.live.warnings } : null,
  };
}
