import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityNotFoundError } from 'typeorm';
import { CategoriesQuery } from '../categories/categories.query';
import { CategoryWriteLock } from '../common/category-write-lock';
import { LiveService } from '../live/live.service';
import { StandingsService } from './standings.service';

/** After a team joins a category or changes status: rebuild its standings and tell the rooms. */
@Injectable()
export class RecomputeStandingsUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly standings: StandingsService,
    private readonly live: LiveService,
    private readonly lock: CategoryWriteLock,
    private readonly categories: CategoriesQuery,
  ) {}

  async execute(categoryId: string): Promise<void> {
    const outcome = await this.lock.run(categoryId, async () => {
      try {
        const result = await this.dataSource.transaction(async (manager) => {
          await this.lock.hold(manager, categoryId);
          const category = await this.categories.categoryById(categoryId, manager);
          if (!category) throw new EntityNotFoundError('CategoryEntity', { id: categoryId });
          return {
            delta: await this.standings.recompute(manager, category),
            published: category.published,
          };
        });
        this.standings.commitCache(categoryId);
        return result;
      } catch (error) {
        this.standings.discardCache(categoryId);
        throw error;
      }
    });
    if (outcome.delta) this.live.standingsChanged(outcome.delta, outcome.published);
  }
}
