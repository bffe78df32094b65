import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_MAZE_TIMING_TOLERANCE_MS, type MazeRuleSet } from '@olympiad/scoring';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { rawStatement } from '../database/raw-statement';
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

  /** The stage's categories by discipline, then youngest grade first, then name. */
  categoriesOfStageByDiscipline(
    stageId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CategoryRow[]> {
    return manager.find(CategoryEntity, {
      where: { stageId },
      order: { discipline: 'ASC', minGrade: 'ASC', name: 'ASC' },
    });
  }

  /** Id and name of each of these categories. */
  categoryNames(
    ids: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Pick<CategoryRow, 'id' | 'name'>[]> {
    return manager.find(CategoryEntity, {
      select: { id: true, name: true },
      where: { id: In(ids) },
    });
  }

  /**
   * What a live join needs of a category, read twice on every join of a category room (its
   * admission, then the version its answer must show): hence hand-written SQL, see rawStatement.
   */
  async liveStateOf(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Pick<CategoryRow, 'id' | 'stageId' | 'published' | 'standingsVersion'> | null> {
    const sql = 'SELECT id, "stageId", published, "standingsVersion" FROM category WHERE id = ?';
    const [row] = (await rawStatement(manager, sql, [id])).rows;
    if (!row) return null;
    return {
      id: String(row.id),
      stageId: String(row.stageId),
      published: row.published === true || row.published === 1,
      standingsVersion: Number(row.standingsVersion),
    };
  }

  /**
   * The maze time limit of a category, or null when it is not a maze category (or is gone). Asked
   * for every finish gate, hence hand-written SQL: see rawStatement.
   */
  async mazeTimeLimitOf(
    categoryId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<number | null> {
    const sql = 'SELECT discipline, "ruleSet" FROM category WHERE id = ?';
    const [row] = (await rawStatement(manager, sql, [categoryId])).rows;
    if (row?.discipline !== 'maze') return null;
    return (JSON.parse(String(row.ruleSet)) as MazeRuleSet).params.timeLimitMs;
  }

  /** The widest bound a two-device run time may carry before it is timed by hand (docs/rules.md). */
  async mazeTimingToleranceOf(
    categoryId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<number> {
    const sql = 'SELECT "ruleSet" FROM category WHERE id = ?';
    const [row] = (await rawStatement(manager, sql, [categoryId])).rows;
    const params = row ? (JSON.parse(String(row.ruleSet)) as Partial<MazeRuleSet>).params : null;
    return params?.timingToleranceMs ?? DEFAULT_MAZE_TIMING_TOLERANCE_MS;
  }

  /** The categories of these stages in the order the database keeps them. */
  categoriesOfStages(
    stageIds: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CategoryRow[]> {
    return manager.findBy(CategoryEntity, { stageId: In(stageIds) });
  }

  stageHasCategories(
    stageId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    return manager.existsBy(CategoryEntity, { stageId });
  }

  categoryExists(id: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return manager.existsBy(CategoryEntity, { id });
  }

  /** The stage's categories that have no template rule set (defined here, not pulled). */
  categoriesWithoutTemplate(
    stageId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CategoryRow[]> {
    return manager.findBy(CategoryEntity, { stageId, templateRuleSet: IsNull() });
  }
}
