import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  FederationConflictView,
  LinkCodeIssued,
  LinkedStageDescription,
  VenueClaim,
  VenueLinkSummary,
} from '@olympiad/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { CategoriesQuery, type CategoryRow } from '../categories/categories.query';
import { CategoriesStore, NEW_CATEGORY_STATE } from '../categories/categories.store';
import { ApiError, notFound } from '../common/api-error';
import { countPerStage } from '../database/count-per-stage';
import { LedgerQuery } from '../ledger/ledger.query';
import { OlympiadsQuery } from '../olympiads/olympiads.query';
import { StagesQuery, type StageRow } from '../stages/stages.query';
import { categoryDefinition, stageDefinition, templateRuleSetOf } from './stage-definition';
import { FederationConflictEntity } from './federation-conflict.entity';
import { canonicalJson } from './stage-bundle';
import {
  claimIsSigned,
  encodeLinkCode,
  LINK_FILE_FORMAT,
  newLinkSecret,
  secretHash,
} from './link-code';
import { VenueLinkEntity } from './venue-link.entity';
import { takeStageApplyTurn } from './stage-apply-turn';

/** A link code stays good this long: a venue with no connection may wait for days to claim by file. */
const CODE_VALID_MS = 30 * 24 * 60 * 60 * 1000;

const badCode = () =>
  new ApiError(
    HttpStatus.FORBIDDEN,
    'federation.badLinkCode',
    'This link code is not valid (used, replaced or expired): ask the republic organiser for a new one',
  );

/** On the republic server: which venue owns which regional stage (docs/federation.md, "Linking"). */
@Injectable()
export class VenueLinksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly stages: StagesQuery,
    private readonly olympiads: OlympiadsQuery,
    private readonly categories: CategoriesQuery,
    private readonly categoriesStore: CategoriesStore,
    private readonly ledger: LedgerQuery,
  ) {}

  /**
   * A new one-time code for the stage. On a stage already linked it is how a replaced laptop
   * takes over: the old key keeps the stage until the new venue claims it with this code.
   */
  async issueCode(stageId: string, republicUrl: string, now = new Date()): Promise<LinkCodeIssued> {
    const stage = await this.stages.stageById(stageId);
    if (!stage) throw notFound('Stage', stageId);
    if (stage.kind === 'republic')
      throw new ApiError(
        HttpStatus.CONFLICT,
        'federation.republicStageNotLinked',
        'The republic stage is run on this server; only regional stages are linked to a venue',
      );
    await this.adoptOlympiadTemplate(stage);
    const secret = newLinkSecret();
    const expiresAt = new Date(now.getTime() + CODE_VALID_MS).toISOString();
    const existing = await this.dataSource.manager.findOneBy(VenueLinkEntity, { stageId });
    await this.dataSource.manager.save(VenueLinkEntity, {
      ...(existing ?? emptyLink(stageId)),
      codeHash: secretHash(secret),
      codeExpiresAt: expiresAt,
    });
    return {
      stageId,
      code: encodeLinkCode({ v: 1, url: republicUrl.replace(/\/+$/, ''), stageId, secret }),
      expiresAt,
    };
  }

  /**
   * The olympiad's disciplines, age groups and rule sets are defined once, on its republic stage. A
   * regional stage the organiser gave no categories of its own takes a copy of them (new ids, the
   * rule sets as its template) before its venue is linked, so every oblast judges by the same rules.
   */
  private async adoptOlympiadTemplate(stage: StageRow): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      if (await this.categories.stageHasCategories(stage.id, manager)) return;
      const republic = await this.stages.republicStageOf(stage.olympiadId, manager);
      if (!republic) return;
      const template = await this.categories.categoriesOfStage(republic.id, manager);
      for (const category of template) {
        await this.categoriesStore.insertCategory(
          {
            id: randomUUID(),
            stageId: stage.id,
            ...categoryDefinition(category),
            ruleSet: templateRuleSetOf(category),
            templateRuleSet: templateRuleSetOf(category),
            ...NEW_CATEGORY_STATE,
          },
          manager,
        );
      }
    });
  }

  /** The code and the stage in one file, for a venue that cannot reach this server. */
  async linkFile(stageId: string, republicUrl: string) {
    const issued = await this.issueCode(stageId, republicUrl);
    return {
      format: LINK_FILE_FORMAT,
      code: issued.code,
      expiresAt: issued.expiresAt,
      stage: await this.describe(stageId),
    };
  }

  /**
   * Records the venue's key for the stage when the claim carries the stage's current code and is
   * signed by that key. The code is spent; the venue's snapshot numbering starts over.
   */
  async claim(claim: VenueClaim, now = new Date()): Promise<LinkedStageDescription> {
    await this.claimStage(claim.stageId, claim.secret, claim.publicKey, now, claim.proof);
    return this.describe(claim.stageId);
  }

  /** Shared by the online claim and a bundle carrying the link secret (then the bundle's signature is the proof). */
  async claimStage(
    stageId: string,
    secret: string,
    publicKey: string,
    now: Date,
    proof?: string,
  ): Promise<VenueLinkEntity> {
    return this.dataSource.transaction(async (manager) => {
      // Two claims of one code on two replicas: the second reads the code the first spent.
      await takeStageApplyTurn(manager, stageId);
      const link = await manager.findOneBy(VenueLinkEntity, { stageId });
      const repeated = link?.publicKey === publicKey && link.claimedCodeHash === secretHash(secret);
      if (link && repeated) {
        if (proof !== undefined && !claimIsSigned(stageId, secret, publicKey, proof))
          throw badCode();
        return link;
      }
      const expired = !link?.codeExpiresAt || link.codeExpiresAt < now.toISOString();
      if (!link || !link.codeHash || link.codeHash !== secretHash(secret) || expired)
        throw badCode();
      if (proof !== undefined && !claimIsSigned(stageId, secret, publicKey, proof)) throw badCode();
      const claimed = {
        ...link,
        publicKey,
        codeHash: null,
        codeExpiresAt: null,
        claimedCodeHash: link.codeHash,
        linkedAt: now.toISOString(),
        lastContactAt: now.toISOString(),
        // The same venue re-linking numbers on; a new key starts its own numbering.
        snapshotNo: link.publicKey === publicKey ? link.snapshotNo : 0,
      };
      await manager.save(VenueLinkEntity, claimed);
      // What the republic defined for the stage is the template its venue judges by.
      const categories = await this.categories.categoriesWithoutTemplate(stageId, manager);
      for (const category of categories)
        await this.categoriesStore.setTemplateRuleSet(category.id, category.ruleSet, manager);
      return claimed;
    });
  }

  async unlink(stageId: string): Promise<void> {
    const link = await this.dataSource.manager.findOneBy(VenueLinkEntity, { stageId });
    if (!link) throw notFound('Venue link of stage', stageId);
    await this.dataSource.manager.update(
      VenueLinkEntity,
      { stageId },
      { publicKey: null, codeHash: null, codeExpiresAt: null },
    );
  }

  /** The stage and its template categories, as the venue creates them. */
  async describe(stageId: string): Promise<LinkedStageDescription> {
    const stage = await this.stages.stageById(stageId);
    if (!stage) throw notFound('Stage', stageId);
    const olympiad = await this.olympiads.olympiadById(stage.olympiadId);
    if (!olympiad) throw notFound('Olympiad', stage.olympiadId);
    const categories = await this.categories.categoriesOfStageByName(stageId);
    return {
      olympiad: {
        id: olympiad.id,
        name: olympiad.name,
        season: olympiad.season,
        createdAt: olympiad.createdAt,
      },
      stage: { id: stage.id, ...stageDefinition(stage) },
      categories: categories.map((category) => ({
        id: category.id,
        ...categoryDefinition(category),
        ruleSet: templateRuleSetOf(category),
      })),
    };
  }

  /** Every regional stage on this server with its venue's link, for the republic console. */
  async venues(): Promise<VenueLinkSummary[]> {
    const manager = this.dataSource.manager;
    const stages = await this.stages.regionalStagesByName(manager);
    const ids = stages.map((stage) => stage.id);
    if (ids.length === 0) return [];
    const links = await manager.findBy(VenueLinkEntity, { stageId: In(ids) });
    const entryCounts = await this.ledger.entryCountsOfStages(ids, manager);
    const conflictCounts = await countPerStage(manager, FederationConflictEntity, ids);
    const categories = await this.categories.categoriesOfStages(ids, manager);
    return stages.map((stage) => {
      const link = links.find((candidate) => candidate.stageId === stage.id);
      return {
        stageId: stage.id,
        stageName: stage.name,
        stageCode: stage.code,
        regionCode: stage.regionCode,
        stageStatus: stage.status,
        linkState: link?.publicKey ? 'linked' : link?.codeHash ? 'code-issued' : 'not-linked',
        publicKey: link?.publicKey ?? null,
        linkedAt: link?.linkedAt ?? null,
        lastContactAt: link?.lastContactAt ?? null,
        lastDataAt: link?.lastDataAt ?? null,
        lastVia: (link?.lastVia as 'online' | 'bundle' | null) ?? null,
        venuePending: link?.venuePending ?? 0,
        entries: entryCounts.get(stage.id) ?? 0,
        conflicts: conflictCounts.get(stage.id) ?? 0,
        deviations: deviationsOf(categories.filter((category) => category.stageId === stage.id)),
      };
    });
  }

  async conflicts(stageId?: string): Promise<FederationConflictView[]> {
    const rows = await this.dataSource.manager.find(FederationConflictEntity, {
      where: stageId ? { stageId } : {},
      order: { arrivedAt: 'DESC' },
      take: 500,
    });
    return rows.map((row) => ({
      id: row.id,
      stageId: row.stageId,
      itemKind: row.itemKind,
      itemId: row.itemId,
      reason: row.reason as FederationConflictView['reason'],
      stored: row.stored === null ? null : JSON.parse(row.stored),
      arriving: JSON.parse(row.arriving),
      arrivedAt: row.arrivedAt,
      via: row.via as FederationConflictView['via'],
    }));
  }
}

/** Pulled categories whose rule set in force is not the template's. */
export function deviationsOf(categories: CategoryRow[]): { categoryId: string; name: string }[] {
  return categories
    .filter(
      (category) =>
        category.templateRuleSet !== null &&
        canonicalJson(category.templateRuleSet) !== canonicalJson(category.ruleSet),
    )
    .map((category) => ({ categoryId: category.id, name: category.name }));
}

function emptyLink(stageId: string): VenueLinkEntity {
  return {
    stageId,
    publicKey: null,
    codeHash: null,
    codeExpiresAt: null,
    claimedCodeHash: null,
    linkedAt: null,
    lastContactAt: null,
    lastDataAt: null,
    snapshotNo: 0,
    venuePending: 0,
    lastVia: null,
  };
}
