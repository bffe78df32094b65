import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { OlympiadEntity } from './olympiad.entity';

export type NewOlympiad = Pick<OlympiadEntity, 'id' | 'name' | 'season' | 'createdAt'>;

/** How other features add olympiads: a venue takes the republic's olympiad when it is linked. */
@Injectable()
export class OlympiadsStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertOlympiad(
    olympiad: NewOlympiad,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.insert(OlympiadEntity, olympiad);
  }
}
