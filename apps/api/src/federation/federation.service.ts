import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { RepublicLinkEntity } from './republic-link.entity';
import { buildStageBundle, encodeBundle, type StageBundle } from './stage-bundle';
import { StageRowsReader } from './stage-rows';
import { loadOrCreateVenueKey, type VenueKey } from './venue-key';

/** The venue's key and its stages as signed bundle files. */
@Injectable()
export class FederationService {
  private key?: VenueKey;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly stageRows: StageRowsReader,
  ) {}

  venueKey(): VenueKey {
    this.key ??= loadOrCreateVenueKey(this.config.dataDir);
    return this.key;
  }

  /**
   * The whole stage, signed. A stage linked by file carries the link secret, so the republic can
   * record this venue's key from the bundle itself; its snapshot number is taken from the link so
   * that a bundle made later always counts as newer than one made before.
   */
  async stageBundle(
    stageId: string,
    now = new Date(),
  ): Promise<{ bundle: StageBundle; bytes: Buffer; fileName: string }> {
    const key = this.venueKey();
    const snapshotNo = await this.nextSnapshotNo(stageId);
    const link = await this.dataSource.manager.findOneBy(RepublicLinkEntity, { stageId });
    const rows = await this.stageRows.read(stageId);
    const bundle = buildStageBundle(rows, key.publicKeyText, now, {
      snapshotNo,
      snapshot: true,
      complete: true,
      pendingAfter: 0,
      claimSecret: link && !link.claimed ? link.claimSecret : null,
    });
    const stamp = bundle.createdAt.replace(/[-:]/g, '').replace('T', '-').slice(0, 13);
    return {
      bundle,
      bytes: encodeBundle(bundle, key.privateKey),
      fileName: `${rows.stage.code}-${stamp}.olympiad-bundle`,
    };
  }

  /** +1 on the stage's link (or 1 when it has none: a bundle of an unlinked stage is never applied). */
  async nextSnapshotNo(stageId: string): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const link = await manager.findOneBy(RepublicLinkEntity, { stageId });
      if (!link) return 1;
      const next = link.snapshotNo + 1;
      await manager.update(RepublicLinkEntity, { stageId }, { snapshotNo: next });
      return next;
    });
  }
}
