import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { StageEntity } from './stage.entity';

export type NewStage = Pick<
  StageEntity,
  | 'id'
  | 'olympiadId'
  | 'kind'
  | 'regionCode'
  | 'name'
  | 'venue'
  | 'startsOn'
  | 'endsOn'
  | 'code'
  | 'status'
>;

/** What a venue may change of its stage's copy on the republic server (docs/federation.md). */
export type VenueStageChanges = Pick<
  StageEntity,
  'name' | 'venue' | 'startsOn' | 'endsOn' | 'status'
>;

/** How other features change stages: a venue creating the stage the republic linked it to, and the republic applying the venue's changes. */
@Injectable()
export class StagesStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertStage(
    stage: NewStage,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.insert(StageEntity, stage);
  }

  async applyVenueChanges(
    id: string,
    changes: VenueStageChanges,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.update(StageEntity, { id }, changes);
  }
}
