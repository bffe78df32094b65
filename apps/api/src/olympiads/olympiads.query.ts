import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { OlympiadEntity } from './olympiad.entity';

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
}
