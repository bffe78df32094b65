import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Region } from '@olympiad/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { RegionEntity } from './region.entity';

/**
 * What other features may read of regions (they never import this feature's entities). Every
 * method takes an optional `manager` to read inside the caller's transaction.
 */
@Injectable()
export class RegionsQuery {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  regionExists(code: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return manager.existsBy(RegionEntity, { code });
  }

  /** Every region by code, named in the three languages. */
  async regionsByCode(manager: EntityManager = this.dataSource.manager): Promise<Region[]> {
    const rows = await manager.find(RegionEntity, { order: { code: 'ASC' } });
    return rows.map((row) => ({
      code: row.code,
      kind: row.kind,
      name: { kk: row.nameKk, ru: row.nameRu, en: row.nameEn },
      centre: row.centre,
    }));
  }
}
