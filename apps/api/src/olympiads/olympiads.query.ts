import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { OlympiadLogoEntity } from './olympiad-logo.entity';
import { OlympiadEntity } from './olympiad.entity';

export type OlympiadRow = OlympiadEntity;

/**
 * What other features may read of olympiads and their logos (they never import this feature's entities). Every
 * method takes an optional `manager` to read inside the caller's transaction.
 */
@Injectable()
export class OlympiadsQuery {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  olympiadExists(id: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return manager.existsBy(OlympiadEntity, { id });
  }

  /** Whether any olympiad exists: the demo is added only to an empty database. */
  async anyOlympiad(manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return (await manager.count(OlympiadEntity)) > 0;
  }

  olympiadById(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<OlympiadRow | null> {
    return manager.findOneBy(OlympiadEntity, { id });
  }

  olympiadsByIds(
    ids: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<OlympiadRow[]> {
    return manager.findBy(OlympiadEntity, { id: In(ids) });
  }

  /** When the olympiad's logo was last uploaded (its address's version), or null without a logo. */
  async logoUpdatedAt(
    olympiadId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string | null> {
    const logo = await manager.findOne(OlympiadLogoEntity, {
      where: { olympiadId },
      select: { olympiadId: true, updatedAt: true },
    });
    return logo?.updatedAt ?? null;
  }
}
