import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { CategoryRow } from './categories.query';
import { CategoryEntity } from './category.entity';

/** How other features change categories: the ledger starts one, qualification copies one. */
@Injectable()
export class CategoriesStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The first score moves a category from setup to running. */
  async markRunning(id: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.update(CategoryEntity, { id }, { status: 'running' });
  }

  /**
   * A new category of `stageId` with the source's discipline, age group and rules: a category of
   * this server, so not locked, published or pulled from a template yet.
   */
  async copyToStage(
    source: CategoryRow,
    stageId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CategoryRow> {
    const copy = Object.assign(new CategoryEntity(), {
      ...source,
      id: randomUUID(),
      stageId,
      status: 'setup',
      published: false,
      lockedAt: null,
      publishedAt: null,
      templateRuleSet: null,
      standingsVersion: 0,
    });
    delete copy.stage;
    await manager.insert(CategoryEntity, copy);
    return copy;
  }
}
