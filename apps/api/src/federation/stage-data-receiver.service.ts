import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SyncOutcome } from '@olympiad/contracts';
import { DataSource } from 'typeorm';
import { ApiError } from '../common/api-error';
import { KeyedQueue } from '../common/keyed-queue';
import { LiveService } from '../live/live.service';
import { RecomputeStandingsUseCase } from '../standings/recompute-standings.use-case';
import { applyStageData, StageDataOwners, type Via } from './apply-stage-data';
import { takeStageApplyTurn } from './stage-apply-turn';
import { BundleError, decodeBundle, type StageBundle } from './stage-bundle';
import { VenueLinkEntity } from './venue-link.entity';
import { VenueLinksService } from './venue-links.service';

/**
 * On the republic server: takes a venue's signed batch (online) or bundle file (import), checks
 * that the stage's venue signed it, applies it by id and tells the rooms (docs/federation.md).
 */
@Injectable()
export class StageDataReceiverService {
  /**
   * One stage's data is applied one batch at a time, in arrival order, in this process; across
   * replicas the apply's transaction also takes the stage's turn in the database.
   */
  private readonly lanes = new KeyedQueue();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly links: VenueLinksService,
    private readonly recompute: RecomputeStandingsUseCase,
    private readonly live: LiveService,
    private readonly owners: StageDataOwners,
  ) {}

  /** A batch from a linked venue: only the key recorded for the stage is accepted. */
  async receiveBatch(stageId: string, bytes: Buffer, now = new Date()): Promise<SyncOutcome> {
    const link = await this.dataSource.manager.findOneBy(VenueLinkEntity, { stageId });
    const expectedPublicKey = link?.publicKey;
    if (!expectedPublicKey)
      throw new ApiError(
        HttpStatus.FORBIDDEN,
        'federation.notLinked',
        'This stage is not linked to a venue on the republic server: link it again with a new code',
      );
    const bundle = refuseBadBundle(() => decodeBundle(bytes, { expectedPublicKey }));
    if (bundle.stageId !== stageId)
      throw new ApiError(
        HttpStatus.BAD_REQUEST,
        'federation.damaged',
        'The batch holds another stage than its address names',
      );
    return this.apply(bundle, 'online', now);
  }

  /**
   * A bundle file chosen by the republic organiser. A venue linked by file claims its stage with
   * its first bundle: the bundle carries the link secret and its signature proves the key.
   */
  async importBundle(bytes: Buffer, now = new Date()): Promise<SyncOutcome> {
    const bundle = refuseBadBundle(() => decodeBundle(bytes));
    const link = await this.dataSource.manager.findOneBy(VenueLinkEntity, {
      stageId: bundle.stageId,
    });
    if (!link)
      throw new ApiError(
        HttpStatus.CONFLICT,
        'federation.stageNotLinked',
        'No stage on this server is waiting for this bundle: create the regional stage and give its venue a link code first',
      );
    if (link.publicKey !== bundle.venuePublicKey) {
      if (!bundle.claimSecret || !link.codeHash) throw refuseBadBundle.foreign();
      await this.links.claimStage(bundle.stageId, bundle.claimSecret, bundle.venuePublicKey, now);
    }
    return this.apply(bundle, 'bundle', now);
  }

  private async apply(bundle: StageBundle, via: Via, now: Date): Promise<SyncOutcome> {
    const stageId = bundle.stageId;
    const applied = await this.lanes.run(stageId, () =>
      this.dataSource.transaction(async (manager) => {
        await takeStageApplyTurn(manager, stageId);
        const link = await manager.findOneByOrFail(VenueLinkEntity, { stageId });
        // The key may have changed between the check and this turn (a re-link): check again.
        if (link.publicKey !== bundle.venuePublicKey) throw refuseBadBundle.foreign();
        const result = await applyStageData(this.owners, manager, bundle, link, via, now);
        const hasData =
          result.outcome.applied > 0 || result.outcome.snapshotApplied || bundle.pendingAfter === 0;
        // "Results as of" and the venue's last word: for a batch, now; for a file, when the venue
        // made it, so importing an old file again does not pass for news from the venue, and
        // never later than now: a laptop clock running ahead would otherwise freeze them there.
        const stamp = now.toISOString();
        const asOf = via === 'online' || bundle.createdAt > stamp ? stamp : bundle.createdAt;
        const lastContactAt =
          via === 'online' || !link.lastContactAt || asOf > link.lastContactAt
            ? asOf
            : link.lastContactAt;
        await manager.update(
          VenueLinkEntity,
          { stageId },
          {
            lastContactAt,
            snapshotNo: result.outcome.republicSnapshotNo,
            venuePending: via === 'online' ? bundle.pendingAfter : link.venuePending,
            ...(hasData && (!link.lastDataAt || asOf > link.lastDataAt)
              ? { lastDataAt: asOf, lastVia: via }
              : {}),
          },
        );
        return result;
      }),
    );
    // Scores reach the rooms as deltas, as a score recorded here would; a category whose
    // publication or lock changed is resent whole, so an embargo lifted or imposed shows at once.
    for (const categoryId of applied.touchedCategoryIds) await this.recompute.execute(categoryId);
    for (const categoryId of applied.restatedCategoryIds)
      await this.live.categoryChanged(categoryId);
    if (applied.stageChanged && applied.restatedCategoryIds.length === 0)
      await this.live.stageChanged(stageId);
    return applied.outcome;
  }
}

/** Turns a decoding refusal into the API's answer: 403 for another venue's key, 400 otherwise. */
function refuseBadBundle(decode: () => StageBundle): StageBundle {
  try {
    return decode();
  } catch (error) {
    if (!(error instanceof BundleError)) throw error;
    throw new ApiError(
      error.reason === 'foreign-key' ? HttpStatus.FORBIDDEN : HttpStatus.BAD_REQUEST,
      error.key,
      error.message,
    );
  }
}
refuseBadBundle.foreign = () =>
  new ApiError(
    HttpStatus.FORBIDDEN,
    'federation.foreignKey',
    'This data was signed by another venue than the one linked to the stage: nothing was stored',
  );
