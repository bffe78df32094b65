import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  routePath,
  routes,
  type LinkedStageDescription,
  type RepublicLinkStatus,
  type VenueClaim,
} from '@olympiad/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { CategoriesQuery } from '../categories/categories.query';
import { CategoriesStore, NEW_CATEGORY_STATE } from '../categories/categories.store';
import { ApiError, invalid, notFound } from '../common/api-error';
import { OlympiadsQuery } from '../olympiads/olympiads.query';
import { OlympiadsStore } from '../olympiads/olympiads.store';
import { StagesQuery } from '../stages/stages.query';
import { StagesStore } from '../stages/stages.store';
import { randomCode } from '../auth/secret-hash';
import { FederationService } from './federation.service';
import { decodeLinkText, readStageDescription, signClaim } from './link-code';
import { Outbox } from './outbox';
import { RepublicLinkEntity } from './republic-link.entity';
import { deviationsOf } from './venue-links.service';

/** How long the venue waits for the republic to answer a claim. */
const CLAIM_TIMEOUT_MS = 20_000;

/** On the venue: linking to the republic server, and the link's state for the console. */
@Injectable()
export class RepublicLinkService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly federation: FederationService,
    private readonly outbox: Outbox,
    private readonly stages: StagesQuery,
    private readonly stagesStore: StagesStore,
    private readonly olympiads: OlympiadsQuery,
    private readonly olympiadsStore: OlympiadsStore,
    private readonly categories: CategoriesQuery,
    private readonly categoriesStore: CategoriesStore,
  ) {}

  /**
   * Takes a link code (claimed online at once) or a link file (no connection needed: the stage
   * comes from the file and is claimed by the first bundle). Creates the stage, its olympiad and
   * the template's categories here with the republic's ids, so both sides name them alike.
   */
  async link(text: string, now = new Date()): Promise<RepublicLinkStatus> {
    const decoded = decodeLinkText(text);
    if (!decoded.ok) throw invalid(decoded.message, undefined, 'federation.badLinkText');
    const { content } = decoded;
    let description = decoded.description;
    let claimed = false;
    if (!description) {
      description = await this.claimOnline(content.url, content.stageId, content.secret);
      claimed = true;
    }
    await this.dataSource.transaction(async (manager) => {
      await this.createLinkedStage(manager, description);
      const previous = await manager.findOneBy(RepublicLinkEntity, { stageId: content.stageId });
      await manager.save(RepublicLinkEntity, {
        stageId: content.stageId,
        republicUrl: content.url,
        claimSecret: claimed ? null : content.secret,
        claimed,
        linkedAt: now.toISOString(),
        lastAttemptAt: claimed ? now.toISOString() : null,
        lastAckAt: claimed ? now.toISOString() : null,
        lastError: null,
        // Numbering goes on across a re-link, so the republic never takes a later snapshot as older.
        snapshotNo: previous?.snapshotNo ?? 0,
        ackedSnapshotHash: null,
        conflicts: 0,
      });
    });
    const [status] = (await this.status()).filter((link) => link.stageId === content.stageId);
    return status;
  }

  /** Proves to the republic that this venue's key is the one to record for the stage. */
  async claimOnline(url: string, stageId: string, secret: string): Promise<LinkedStageDescription> {
    const key = this.federation.venueKey();
    let response: Response;
    try {
      const claim: VenueClaim = {
        stageId,
        secret,
        publicKey: key.publicKeyText,
        proof: signClaim(stageId, secret, key.privateKey),
      };
      response = await fetch(`${url}${routePath(routes.federation.claim)}`, {
        method: routes.federation.claim.method,
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(claim),
        signal: AbortSignal.timeout(CLAIM_TIMEOUT_MS),
      });
    } catch (error) {
      throw new ApiError(
        HttpStatus.BAD_GATEWAY,
        'federation.republicUnreachable',
        `The republic server at ${url} cannot be reached (${(error as Error).message}): try again, or link with a link file`,
      );
    }
    const body: unknown = await response.json().catch(() => ({}));
    if (!response.ok) {
      const refusal = body as { key?: string; message?: string };
      throw new ApiError(
        response.status === 403 ? HttpStatus.FORBIDDEN : HttpStatus.BAD_GATEWAY,
        refusal.key ?? 'federation.republicRefused',
        `The republic server refused the link: ${refusal.message ?? response.status}`,
      );
    }
    const read = readStageDescription(body);
    if (!read.ok)
      throw new ApiError(
        HttpStatus.BAD_GATEWAY,
        'federation.republicAnswerInvalid',
        `The republic server answered with a stage this server cannot use, so nothing was created: ${read.problems}`,
      );
    return read.description;
  }

  async status(): Promise<RepublicLinkStatus[]> {
    const manager = this.dataSource.manager;
    const links = await manager.find(RepublicLinkEntity, { order: { linkedAt: 'ASC' } });
    const statuses: RepublicLinkStatus[] = [];
    for (const link of links) {
      const stage = await this.stages.stageById(link.stageId, manager);
      const categories = await this.categories.categoriesOfStage(link.stageId, manager);
      statuses.push({
        stageId: link.stageId,
        stageName: stage?.name ?? '',
        republicUrl: link.republicUrl,
        linkedAt: link.linkedAt,
        claimed: link.claimed,
        // Never acknowledged online: linked by file, sending bundles until the republic is reachable.
        state: !link.republicUrl || !link.lastAckAt ? 'file-only' : link.lastError ? 'down' : 'up',
        pendingEntries: await this.outbox.pendingEntryCount(link.stageId, manager),
        pendingChanges:
          (await this.outbox.snapshotDigest(link.stageId, manager)) !== link.ackedSnapshotHash,
        lastAttemptAt: link.lastAttemptAt,
        lastAckAt: link.lastAckAt,
        lastError: link.lastError,
        deviations: deviationsOf(categories),
        conflicts: link.conflicts,
      });
    }
    return statuses;
  }

  async unlink(stageId: string): Promise<void> {
    const result = await this.dataSource.manager.delete(RepublicLinkEntity, { stageId });
    if (!result.affected) throw notFound('Republic link of stage', stageId);
  }

  /** The republic's olympiad, stage and template categories, created here when missing. */
  private async createLinkedStage(
    manager: EntityManager,
    description: LinkedStageDescription,
  ): Promise<void> {
    const { olympiad, stage, categories } = description;
    if (!(await this.olympiads.olympiadExists(olympiad.id, manager)))
      await this.olympiadsStore.insertOlympiad(olympiad, manager);
    const local = await this.stages.stageById(stage.id, manager);
    if (!local) {
      // Judges type the code at this venue only (the republic keeps its own), so a code another
      // stage here already uses is replaced by a free one rather than failing a link already claimed.
      let code = stage.code;
      while (await this.stages.stageByCode(code, manager))
        code = `${stage.code}-${randomCode(2)}`.slice(0, 32);
      await this.stagesStore.insertStage(
        { ...stage, code, olympiadId: olympiad.id, status: 'draft' },
        manager,
      );
    }
    for (const category of categories) {
      if (await this.categories.categoryExists(category.id, manager)) continue;
      await this.categoriesStore.insertCategory(
        {
          ...category,
          stageId: stage.id,
          templateRuleSet: category.ruleSet,
          ...NEW_CATEGORY_STATE,
        },
        manager,
      );
    }
  }
}
