import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { rawStatement } from '../database/raw-statement';
import type { CategoryRow } from './categories.query';
import { CategoryEntity } from './category.entity';

export type NewCategory = Omit<CategoryRow, 'stage'>;
export type VenueCategoryChanges = Omit<
  NewCategory,
  'id' | 'stageId' | 'templateRuleSet' | 'standingsVersion'
>;

/** What a category of this server starts as: in setup, neither locked nor published, no standings. */
export const NEW_CATEGORY_STATE = {
  status: 'setup',
  published: false,
  lockedAt: null,
  publishedAt: null,
  standingsVersion: 0,
} as const;

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
      ...NEW_CATEGORY_STATE,
      templateRuleSet: null,
    });
    delete copy.stage;
    await manager.insert(CategoryEntity, copy);
    return copy;
  }

  /** A category with the given id, as the republic defined it or a venue sent it. */
  async insertCategory(
    category: NewCategory,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.insert(CategoryEntity, category);
  }

  /** What a venue changed of its category (docs/federation.md, "Receiving on the republic server"). */
  async applyVenueChanges(
    id: string,
    changes: VenueCategoryChanges,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.update(CategoryEntity, { id }, changes);
  }

  /** The rule set the venue is to keep as the category's template once its stage is claimed. */
  async setTemplateRuleSet(
    id: string,
    templateRuleSet: CategoryRow['templateRuleSet'],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.update(CategoryEntity, { id }, { templateRuleSet });
  }
}
