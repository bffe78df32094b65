import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CategoryEntity } from './category.entity';
import { CategoriesQuery } from './categories.query';
import { CategoriesStore } from './categories.store';

/**
 * The categories: this feature's tables, registered here and nowhere else, and the one service other
 * features read them through (docs/architecture.md#features-own-their-data). No imports of other
 * features, so any module may import it without a cycle.
 */
@Module({
  imports: [TypeOrmModule.forFeature([CategoryEntity])],
  providers: [CategoriesQuery, CategoriesStore],
  exports: [TypeOrmModule, CategoriesQuery, CategoriesStore],
})
export class CategoriesDataModule {}
