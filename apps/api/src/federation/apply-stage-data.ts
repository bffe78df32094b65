import type { SyncOutcome } from '@olympiad/contracts';
import type { RuleSet } from '@olympiad/scoring';
import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { CategoriesQuery } from '../categories/categories.query';
import { CategoriesStore } from '../categories/categories.store';
import { JudgeAssignmentsQuery } from '../judges/judge-assignments.query';
import { JudgesQuery } from '../judges/judges.query';
import { JudgesStore } from '../judges/judges.store';
import { LedgerQuery } from '../ledger/ledger.query';
import { appendLedgerEntry } from '../ledger/ledger-statements';
import { QualificationQuery } from '../qualification/qualification.query';
import { QualificationStore } from '../qualification/qualification.store';
import { RegionsQuery } from '../regions/regions.query';
import { SchoolsQuery } from '../schools/schools.query';
import { SchoolsStore } from '../schools/schools.store';
import { StagesStore } from '../stages/stages.store';
import { TeamsQuery } from '../teams/teams.query';
import { TeamsStore } from '../teams/teams.store';
import { FederationConflictEntity } from './federation-conflict.entity';
import {
  canonicalJson,
  type BundleCategory,
  type BundleJudge,
  type BundleLedgerEntry,
  type BundleSchool,
  type BundleTeam,
  type StageBundle,
} from './stage-bundle';
import { bundleLedgerEntry } from './stage-rows';
import { VenueLinkEntity } from './venue-link.entity';

export type Via = 'online' | 'bundle';

export interface AppliedStageData {
  outcome: SyncOutcome;
  /** Categories whose standings must be rebuilt. */
  touchedCategoryIds: string[];
  /** Categories added, or locked, unlocked, published or withdrawn: every room of each is resent. */
  restatedCategoryIds: string[];
  /** A snapshot was applied: the stage's rooms hear of its new state. */
  stageChanged: boolean;
}

type ConflictReason = 'different-content' | 'other-stage' | 'unknown-reference';

/**
 * The features whose rows a venue's data changes: everything is read and written through them, in
 * the caller's transaction.
 */
@Injectable()
export class StageDataOwners {
  constructor(
    readonly stagesStore: StagesStore,
    readonly categories: CategoriesQuery,
    readonly categoriesStore: CategoriesStore,
    readonly regions: RegionsQuery,
    readonly schools: SchoolsQuery,
    readonly schoolsStore: SchoolsStore,
    readonly teams: TeamsQuery,
    readonly teamsStore: TeamsStore,
    readonly judges: JudgesQuery,
    readonly assignments: JudgeAssignmentsQuery,
    readonly judgesStore: JudgesStore,
    readonly ledger: LedgerQuery,
    readonly qualification: QualificationQuery,
    readonly qualificationStore: QualificationStore,
  ) {}
}

/**
 * Applies a venue's bundle or batch to the republic's copy of its stage (docs/federation.md,
 * "No overwrite, ever"), inside the caller's transaction:
 *
 * - the stage, categories, schools, teams and judges are the venue's to change, and change only
 *   from a snapshot newer than the last applied, so a late or older file changes nothing;
 * - ledger entries are only ever added: an id seen before with the same content is a duplicate,
 *   with other content a conflict kept aside, never an overwrite;
 * - anything that would land in another stage, or refer to what this stage lacks, is kept aside.
 */
export async function applyStageData(
  owners: StageDataOwners,
  manager: EntityManager,
  bundle: StageBundle,
  link: VenueLinkEntity,
  via: Via,
  now: Date,
): Promise<AppliedStageData> {
  const stageId = link.stageId;
  const stamp = now.toISOString();
  const touched = new Set<string>();
  const restated = new Set<string>();
  let conflicts = 0;
  const keepAside = async (
    itemKind: string,
    itemId: string,
    reason: ConflictReason,
    arriving: unknown,
    stored: unknown,
  ) => {
    conflicts += 1;
    const arrivingJson = canonicalJson(arriving);
    await manager
      .createQueryBuilder()
      .insert()
      .into(FederationConflictEntity)
      .values({
        id: randomUUID(),
        stageId,
        itemKind,
        itemId,
        reason,
        stored: stored === null ? null : canonicalJson(stored),
        arriving: arrivingJson,
        arrivingHash: createHash('sha256').update(arrivingJson).digest('hex'),
        arrivedAt: stamp,
        via,
      })
      .orIgnore()
      .execute();
  };
  const ctx: SnapshotContext = { owners, manager, stageId, touched, restated, keepAside };

  const [, categories, schools, teams, judges, ledger, qualification] = bundle.groups;
  const snapshotApplied = bundle.snapshot && bundle.snapshotNo > link.snapshotNo;
  if (snapshotApplied) {
    await owners.stagesStore.applyVenueChanges(
      stageId,
      venueStage(bundle.groups[0].items[0]),
      manager,
    );
    await applyCategories(ctx, categories.items);
    await applySchools(ctx, schools.items);
    await applyTeams(ctx, teams.items);
    await applyJudges(ctx, judges.items);
  }
  // A snapshot too old to apply may have carried the teams these entries name: an entry that
  // refers to what the stage lacks then waits at the venue for the next snapshot.
  const entries = await applyLedger(ctx, ledger.items, bundle.snapshot && !snapshotApplied);
  if (snapshotApplied) await applyQualification(ctx, link, qualification.items);

  return {
    outcome: {
      stageId,
      applied: entries.applied,
      duplicates: entries.duplicates,
      conflicts,
      conflictsHeld: await manager.countBy(FederationConflictEntity, { stageId }),
      snapshotApplied,
      republicSnapshotNo: Math.max(link.snapshotNo, snapshotApplied ? bundle.snapshotNo : 0),
      acknowledged: ledger.items.flatMap((entry) =>
        entries.deferred.has(entry.id) ? [] : [entry.id],
      ),
    },
    touchedCategoryIds: [...touched],
    restatedCategoryIds: [...restated],
    stageChanged: snapshotApplied,
  };
}

interface SnapshotContext {
  owners: StageDataOwners;
  manager: EntityManager;
  stageId: string;
  touched: Set<string>;
  restated: Set<string>;
  keepAside: (
    kind: string,
    id: string,
    reason: ConflictReason,
    arriving: unknown,
    stored: unknown,
  ) => Promise<void>;
}

/** The venue's description of its day; the republic keeps its own code, kind and region. */
function venueStage(stage: StageBundle['groups'][0]['items'][0]) {
  return {
    name: stage.name,
    venue: stage.venue,
    startsOn: stage.startsOn,
    endsOn: stage.endsOn,
    status: stage.status,
  };
}

async function applyCategories(ctx: SnapshotContext, items: BundleCategory[]) {
  const existing = await findByIds(
    items.map((item) => item.id),
    (ids) => ctx.owners.categories.categoriesByIds(ids, ctx.manager),
  );
  for (const item of items) {
    const stored = existing.get(item.id);
    if (stored && stored.stageId !== ctx.stageId) {
      await ctx.keepAside('category', item.id, 'other-stage', item, {
        id: stored.id,
        stageId: stored.stageId,
      });
      continue;
    }
    const next = {
      discipline: item.discipline,
      name: item.name,
      ageGroupLabel: item.ageGroupLabel,
      minGrade: item.minGrade,
      maxGrade: item.maxGrade,
      preset: item.preset,
      ruleSet: item.ruleSet as unknown as RuleSet,
      status: item.status,
      published: item.published,
      lockedAt: item.lockedAt,
      publishedAt: item.publishedAt,
    };
    if (!stored) {
      await ctx.owners.categoriesStore.insertCategory(
        {
          id: item.id,
          stageId: ctx.stageId,
          ...next,
          templateRuleSet: (item.templateRuleSet as unknown as RuleSet | null) ?? null,
          standingsVersion: 0,
        },
        ctx.manager,
      );
      ctx.touched.add(item.id);
      ctx.restated.add(item.id);
      continue;
    }
    const was = { ...stored, ruleSet: stored.ruleSet, published: Boolean(stored.published) };
    if (canonicalJson(pick(was, Object.keys(next))) === canonicalJson(next)) continue;
    // The republic's template stays as the republic issued it, so a changed rule set shows as a deviation.
    await ctx.owners.categoriesStore.applyVenueChanges(item.id, next, ctx.manager);
    ctx.touched.add(item.id);
    if (was.published !== next.published || was.status !== next.status) ctx.restated.add(item.id);
  }
}

async function applySchools(ctx: SnapshotContext, items: BundleSchool[]) {
  const regions = new Set(
    (await ctx.owners.regions.regionsByCode(ctx.manager)).map((region) => region.code),
  );
  const existing = await findByIds(
    items.map((item) => item.id),
    (ids) => ctx.owners.schools.schoolsByIds(ids, ctx.manager),
  );
  // Schools are shared by every stage: one another stage's team attends is not this venue's to change.
  const usedElsewhere = new Set(
    existing.size === 0
      ? []
      : await ctx.owners.teams.schoolsAttendedOutside(
          [...existing.keys()],
          ctx.stageId,
          ctx.manager,
        ),
  );
  for (const item of items) {
    if (!regions.has(item.regionCode)) {
      await ctx.keepAside('school', item.id, 'unknown-reference', item, null);
      continue;
    }
    const stored = existing.get(item.id);
    const next = { name: item.name, regionCode: item.regionCode, town: item.town };
    if (!stored)
      await ctx.owners.schoolsStore.insertSchools([{ id: item.id, ...next }], ctx.manager);
    else if (canonicalJson(pick(stored, Object.keys(next))) === canonicalJson(next)) continue;
    else if (usedElsewhere.has(item.id))
      await ctx.keepAside(
        'school',
        item.id,
        'other-stage',
        item,
        pick(stored, ['id', ...Object.keys(next)]),
      );
    else await ctx.owners.schoolsStore.updateSchool(item.id, next, ctx.manager);
  }
}

async function applyTeams(ctx: SnapshotContext, items: BundleTeam[]) {
  const { owners, manager, stageId } = ctx;
  const categories = await categoryIdsOf(ctx);
  const schools = await findByIds(
    items.map((item) => item.schoolId),
    (ids) => owners.schools.schoolsByIds(ids, manager),
  );
  const existing = await findByIds(
    items.map((item) => item.id),
    (ids) => owners.teams.teamsByIds(ids, manager),
  );
  for (const item of items) {
    const stored = existing.get(item.id);
    if (stored && stored.stageId !== stageId) {
      await ctx.keepAside('team', item.id, 'other-stage', item, {
        id: stored.id,
        stageId: stored.stageId,
      });
      continue;
    }
    if (!categories.has(item.categoryId) || !schools.has(item.schoolId)) {
      await ctx.keepAside('team', item.id, 'unknown-reference', item, null);
      continue;
    }
    const next = {
      categoryId: item.categoryId,
      schoolId: item.schoolId,
      name: item.name,
      coach: item.coach,
      status: item.status,
      checkedInAt: item.checkedInAt,
    };
    if (!stored) {
      await owners.teamsStore.insertTeams([{ id: item.id, stageId, ...next }], manager);
      ctx.touched.add(item.categoryId);
    } else if (canonicalJson(pick(stored, Object.keys(next))) !== canonicalJson(next)) {
      await owners.teamsStore.updateTeam(item.id, next, manager);
      ctx.touched.add(stored.categoryId);
      ctx.touched.add(item.categoryId);
    }
    await applyMembers(ctx, item);
  }
}

/** Members follow the venue's list: added, changed, and removed when the venue removed them. */
async function applyMembers({ owners, manager }: SnapshotContext, team: BundleTeam) {
  const stored = await owners.teams.membersOfTeam(team.id, manager);
  const arriving = new Set(team.members.map((member) => member.id));
  const gone = stored.filter((member) => !arriving.has(member.id)).map((member) => member.id);
  if (gone.length) await owners.teamsStore.deleteMembers(gone, manager);
  for (const member of team.members) {
    const was = stored.find((candidate) => candidate.id === member.id);
    const next = { name: member.name, grade: member.grade, position: member.position };
    if (!was)
      await owners.teamsStore.insertMembers([{ id: member.id, teamId: team.id, ...next }], manager);
    else if (canonicalJson(pick(was, Object.keys(next))) !== canonicalJson(next))
      await owners.teamsStore.updateMember(member.id, next, manager);
  }
}

/**
 * Judges arrive with names, roles and categories only. On the republic they cannot sign in: no
 * PIN travels, and the stored hash is one no PIN matches. Field assignments stay at the venue
 * (fields do not travel).
 */
async function applyJudges(ctx: SnapshotContext, items: BundleJudge[]) {
  const { owners, manager, stageId } = ctx;
  const categories = await categoryIdsOf(ctx);
  const existing = await findByIds(
    items.map((item) => item.id),
    (ids) => owners.judges.judgesByIds(ids, manager),
  );
  for (const item of items) {
    const stored = existing.get(item.id);
    if (stored && stored.stageId !== stageId) {
      await ctx.keepAside('judge', item.id, 'other-stage', item, {
        id: stored.id,
        stageId: stored.stageId,
      });
      continue;
    }
    const next = { name: item.name, role: item.role, active: item.active };
    if (!stored)
      await owners.judgesStore.insertJudge(
        { id: item.id, stageId, ...next, pinLookup: `venue-copy:${item.id}`, pinHash: '!' },
        manager,
      );
    else await owners.judgesStore.updateJudge(item.id, next, manager);

    const assigned = await owners.assignments.assignmentsOfJudges([item.id], manager);
    const wanted = new Set(item.categoryIds.filter((id) => categories.has(id)));
    const gone = assigned.filter((row) => row.categoryId === null || !wanted.has(row.categoryId));
    if (gone.length)
      await owners.judgesStore.deleteAssignments(
        gone.map((row) => row.id),
        manager,
      );
    for (const categoryId of wanted) {
      if (assigned.some((row) => row.categoryId === categoryId)) continue;
      await owners.judgesStore.insertAssignment(
        { id: randomUUID(), judgeId: item.id, categoryId, fieldId: null },
        manager,
      );
    }
  }
}

/** What makes two copies of an entry the same; the seq is each server's own order. */
function entryContent(entry: BundleLedgerEntry) {
  const { seq: _seq, ...content } = entry;
  return content;
}

async function applyLedger(ctx: SnapshotContext, items: BundleLedgerEntry[], defer: boolean) {
  const { owners, manager, stageId } = ctx;
  let applied = 0;
  let duplicates = 0;
  const deferred = new Set<string>();
  if (items.length === 0) return { applied, duplicates, deferred };
  const entriesByIds = (ids: string[]) => owners.ledger.entriesByIds(ids, manager);
  const stored = await findByIds(
    items.map((item) => item.id),
    entriesByIds,
  );
  const categories = await categoryIdsOf(ctx);
  const teams = new Map(
    (await owners.teams.teamsOfStage(stageId, manager)).map((team) => [team.id, team.categoryId]),
  );
  const supersededIds = items.flatMap((item) => (item.supersedes ? [item.supersedes] : []));
  const known = new Set(
    [...(await findByIds(supersededIds, entriesByIds)).values()]
      .filter((entry) => entry.stageId === stageId)
      .map((entry) => entry.id),
  );
  for (const item of items) {
    const was = stored.get(item.id);
    if (was) {
      const same =
        was.stageId === stageId &&
        canonicalJson(entryContent(bundleLedgerEntry(was))) === canonicalJson(entryContent(item));
      if (same) {
        // Sent again because no answer arrived: the republic may have stopped before rebuilding.
        duplicates += 1;
        ctx.touched.add(item.categoryId);
      } else
        await ctx.keepAside(
          'ledger',
          item.id,
          was.stageId === stageId ? 'different-content' : 'other-stage',
          entryContent(item),
          { ...entryContent(bundleLedgerEntry(was)), stageId: was.stageId },
        );
      continue;
    }
    // The team must be this stage's; not necessarily still in the entry's category, since a team
    // moved to another category at the venue keeps the entries it had.
    const teamFits = item.teamId === null || teams.has(item.teamId);
    const supersedesKnown = item.supersedes === null || known.has(item.supersedes);
    if (!categories.has(item.categoryId) || !teamFits || !supersedesKnown) {
      if (defer) deferred.add(item.id);
      else await ctx.keepAside('ledger', item.id, 'unknown-reference', entryContent(item), null);
      continue;
    }
    await appendLedgerEntry(manager, { ...entryContent(item), stageId, seq: 0 });
    known.add(item.id);
    ctx.touched.add(item.categoryId);
    applied += 1;
  }
  return { applied, duplicates, deferred };
}

/**
 * A venue's qualification decisions are kept when they name a stage and team this server has;
 * a venue that sent teams on to a stage held elsewhere has nothing here to point at. The target
 * must be a stage the same venue owns: the republic stage's entry list is the republic's own.
 */
async function applyQualification(
  { owners, manager }: SnapshotContext,
  link: VenueLinkEntity,
  items: StageBundle['groups'][6]['items'],
) {
  const stageId = link.stageId;
  for (const item of items) {
    const ownTarget = await manager.existsBy(VenueLinkEntity, {
      stageId: item.targetStageId,
      publicKey: link.publicKey ?? '',
    });
    if (!ownTarget) continue;
    const exists = await owners.qualification.decisionExists(item.id, manager);
    if (exists) continue;
    const target = await owners.teams.teamIsInStage(item.targetTeamId, item.targetStageId, manager);
    const source = await owners.teams.teamIsInStage(item.sourceTeamId, stageId, manager);
    if (!target || !source) continue;
    const taken = await owners.qualification.teamSentTo(
      item.sourceTeamId,
      item.targetStageId,
      manager,
    );
    if (!taken)
      await owners.qualificationStore.insertDecision({ ...item, sourceStageId: stageId }, manager);
  }
}

/** The ids of the stage's categories. */
async function categoryIdsOf({ owners, manager, stageId }: SnapshotContext): Promise<Set<string>> {
  return new Set(
    (await owners.categories.categoriesOfStage(stageId, manager)).map((row) => row.id),
  );
}

async function findByIds<T extends { id: string }>(
  ids: string[],
  byIds: (chunk: string[]) => Promise<T[]>,
): Promise<Map<string, T>> {
  const unique = [...new Set(ids)];
  const found = new Map<string, T>();
  // Bounded IN lists: SQLite allows 32,766 parameters, but smaller chunks keep statements cheap.
  for (let start = 0; start < unique.length; start += 500) {
    const rows = await byIds(unique.slice(start, start + 500));
    for (const row of rows) found.set(row.id, row);
  }
  return found;
}

function pick(row: object, keys: string[]): Record<string, unknown> {
  const record = row as Record<string, unknown>;
  return Object.fromEntries(keys.map((key) => [key, record[key] ?? null]));
}
