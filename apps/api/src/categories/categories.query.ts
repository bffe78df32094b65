import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { CategoryEntity } from './category.entity';

export type CategoryRow = CategoryEntity;

/**
 * What other features may read of categories (they never import this feature's entities). Every
 * method takes an optional `manager` to read inside the caller's transaction.
 */
@Injectable()
export class CategoriesQuery {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  categoryById(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CategoryRow | null> {
    return manager.findOneBy(CategoryEntity, { id });
  }

  categoriesByIds(
    ids: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CategoryRow[]> {
    return manager.find(CategoryEntity, { where: { id: In(ids) } });
  }

  /** The stage's categories in the order the database keeps them. */
  categoriesOfStage(
    stageId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CategoryRow[]> {
    return manager.find(CategoryEntity, { where: { stageId } });
  }

  categoriesOfStageByName(
    stageId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CategoryRow[]> {
    return manager.find(CategoryEntity, { where: { stageId }, order: { name: 'ASC' } });
  }
}
