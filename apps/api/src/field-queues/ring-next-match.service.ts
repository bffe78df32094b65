import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FieldQueueMatch, RingNextMatch } from '@olympiad/contracts';
import {
  chooseRingMatch,
  doubleEntrySlot,
  slotsEnteredBy,
  SUMO_MATCH,
  type LedgerRecord,
  type RingChoice,
} from '@olympiad/scoring';
import type { DataSource, EntityManager } from 'typeorm';
import { CategoriesQuery, type CategoryRow } from '../categories/categories.query';
import { conflict, notFound } from '../common/api-error';
import { CategoryWriteLock } from '../common/category-write-lock';
import { FieldsQuery } from '../fields/fields.query';
import { JudgesQuery } from '../judges/judges.query';
import { LedgerQuery } from '../ledger/ledger.query';
import { SchoolsQuery } from '../schools/schools.query';
import { toLedgerRecord } from '../standings/standings.service';
import { TeamsQuery } from '../teams/teams.query';
import { categoriesOfFields } from './field-categories';
import { RingMatchClaimEntity } from './ring-match-claim.entity';
import { sumoCategorySchedule } from './sumo-schedule';

/**
 * Calls a sumo ring's next match (docs/rules.md#schedules). The choice is made and stored as a
 * claim row inside the category's write lock (docs/deploy.md#writes-that-must-take-turns), so two
 * rings asking at once, on one replica or two, are never given the same match or team.
 */
@Injectable()
export class RingNextMatchService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lock: CategoryWriteLock,
    private readonly fieldsQuery: FieldsQuery,
    private readonly categoriesQuery: CategoriesQuery,
    private readonly judges: JudgesQuery,
    private readonly teamsQuery: TeamsQuery,
    private readonly schools: SchoolsQuery,
    private readonly ledger: LedgerQuery,
  ) {}

  /**
   * `judgeId`: the judge asking. In a double-entry category (docs/rules.md#double-entry) the ring
   * keeps a match until it is settled, but a judge who has entered it is not offered it again:
   * they get no match until it is (the other judge still gets it).
   */
  async call(
    stageId: string,
    fieldId: string,
    nowMs = Date.now(),
    judgeId: string | null = null,
  ): Promise<RingNextMatch> {
    const field = await this.fieldsQuery.fieldById(fieldId);
    if (!field || field.stageId !== stageId) throw notFound('Field', fieldId);
    if (field.discipline !== 'sumo')
      throw conflict('errors.conflict', 'Only a sumo ring is called to matches.');
    const categories = await this.categoriesQuery.categoriesOfStageByDiscipline(stageId);
    const judges = await this.judges.assignmentsOfStage(stageId);
    const ids = categoriesOfFields([field], categories, judges).get(field.id) ?? [];
    const onRing = ids
      .map((id) => categories.find((category) => category.id === id))
      .filter((category): category is CategoryRow => Boolean(category));

    // A match the ring already holds, in any of its categories, before a new one.
    const heldIn = new Set(
      (await this.dataSource.manager.findBy(RingMatchClaimEntity, { fieldId })).map(
        (claim) => claim.categoryId,
      ),
    );
    for (const category of onRing.filter((one) => heldIn.has(one.id))) {
      const { match, entered } = await this.decide(category, fieldId, nowMs, false, judgeId);
      if (entered) return { match: null, restingUntil: null };
      if (match) return { match, restingUntil: null };
    }
    let restingUntil: number | null = null;
    for (const category of onRing) {
      const { choice, match, entered } = await this.decide(category, fieldId, nowMs, true, judgeId);
      if (entered) return { match: null, restingUntil: null };
      if (match) return { match, restingUntil: null };
      if (choice.kind === 'resting')
        restingUntil = Math.min(restingUntil ?? Infinity, choice.readyAtMs);
    }
    return {
      match: null,
      restingUntil: restingUntil === null ? null : new Date(restingUntil).toISOString(),
    };
  }

  /** Chooses under the category's lock; `claim`: store a new choice (else only a held one counts). */
  private decide(
    category: CategoryRow,
    fieldId: string,
    nowMs: number,
    claim: boolean,
    judgeId: string | null,
  ): Promise<{ choice: RingChoice; match: FieldQueueMatch | null; entered: boolean }> {
    return this.lock.run(category.id, () =>
      this.dataSource.transaction(async (manager) => {
        await this.lock.hold(manager, category.id);
        const { schedule, names, records } = await this.schedule(category, manager);
        const choice = chooseRingMatch({
          ...schedule,
          fieldId,
          claims: await manager.findBy(RingMatchClaimEntity, { categoryId: category.id }),
          nowMs,
        });
        if (choice.kind !== 'match') return { choice, match: null, entered: false };
        if (!choice.held) {
          if (!claim) return { choice, match: null, entered: false };
          await manager.insert(RingMatchClaimEntity, {
            categoryId: category.id,
            matchId: choice.match.id,
            fieldId,
            claimedAt: new Date(nowMs).toISOString(),
          });
        }
        const { id, a, b, underWay } = choice.match;
        const match: FieldQueueMatch = {
          categoryId: category.id,
          matchId: id,
          a: { teamId: a, name: names.get(a) ?? '' },
          b: { teamId: b, name: names.get(b) ?? '' },
          underWay,
        };
        const slot = doubleEntrySlot({ kind: SUMO_MATCH, teamId: null, payload: { matchId: id } });
        const entered =
          judgeId !== null && slot !== null && slotsEnteredBy(records, judgeId).has(slot);
        return { choice, match, entered };
      }),
    );
  }

  private async schedule(category: CategoryRow, manager: EntityManager) {
    const teams = await this.teamsQuery.teamsOfCategories([category.id], manager);
    const regionOf = new Map(
      (await this.schools.schoolsByIds([...new Set(teams.map((team) => team.schoolId))])).map(
        (school) => [school.id, school.regionCode],
      ),
    );
    const records: LedgerRecord[] = (await this.ledger.entriesOfCategory(category.id, manager)).map(
      toLedgerRecord,
    );
    const names = new Map(teams.map((team) => [team.id, team.name]));
    const schedule = sumoCategorySchedule(
      category,
      teams.map((team) => ({
        id: team.id,
        name: team.name,
        schoolId: team.schoolId,
        regionCode: regionOf.get(team.schoolId) ?? null,
        status: team.status,
      })),
      records,
    );
    return { schedule, names, records };
  }
}
