import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Not } from 'typeorm';
import { StageEntity } from './stage.entity';

export type StageRow = StageEntity;

/**
 * What other features may read of stages (they never import this feature's entities). Every
 * method takes an optional `manager` to read inside the caller's transaction.
 */
@Injectable()
export class StagesQuery {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  stageById(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<StageRow | null> {
    return manager.findOneBy(StageEntity, { id });
  }

  stageExists(id: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return manager.existsBy(StageEntity, { id });
  }

  stagesByIds(
    ids: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<StageRow[]> {
    return manager.find(StageEntity, { where: { id: In(ids) } });
  }

  /** The stage a judge signs in to: codes are stored upper-case. */
  stageByCode(
    code: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<StageRow | null> {
    return manager.findOneBy(StageEntity, { code });
  }

  stagesOfOlympiad(
    olympiadId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<StageRow[]> {
    return manager.findBy(StageEntity, { olympiadId });
  }

  /** Stages that are live or closed (what the public may see), by start date, then name. */
  stagesPastDraft(manager: EntityManager = this.dataSource.manager): Promise<StageRow[]> {
    return manager.find(StageEntity, {
      where: { status: Not('draft') },
      order: { startsOn: 'ASC', name: 'ASC' },
    });
  }

  /** Every stage but the republic's, by name: the regional stages a republic links to venues. */
  regionalStagesByName(manager: EntityManager = this.dataSource.manager): Promise<StageRow[]> {
    return manager.find(StageEntity, { where: { kind: Not('republic') }, order: { name: 'ASC' } });
  }

  /** The olympiad's republic stage, or null. */
  republicStageOf(
    olympiadId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<StageRow | null> {
    return manager.findOneBy(StageEntity, { olympiadId, kind: 'republic' });
  }
}
