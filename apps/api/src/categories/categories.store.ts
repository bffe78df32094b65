import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { rawStatement } from '../database/raw-statement';
import type { CategoryRow } from './categories.query';
import { CategoryEntity } from './category.entity';

/**
 * How other features change categories: the ledger starts one, the standings raise its version,
 * qualification copies one.
 */
@Injectable()
export class CategoriesStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The first score moves a category from setup to running. */
  async markRunning(id: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.update(CategoryEntity, { id }, { status: 'running' });
  }

  /**
   * The version of the category's standings, raised with every change to them. Run after every
   * score, hence hand-written SQL: see rawStatement.
   */
  async setStandingsVersion(
    id: string,
    version: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await rawStatement(manager, 'UPDATE category SET "standingsVersion" = ? WHERE id = ?', [
      version,
      id,
    ]);
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
