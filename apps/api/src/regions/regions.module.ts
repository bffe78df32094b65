import { Module } from '@nestjs/common';
import { RegionsController } from './regions.controller';
import { RegionsDataModule } from './regions-data.module';

/** Kazakhstan's oblasts and cities of republican significance (filled by the initial migration). */
@Module({ imports: [RegionsDataModule], controllers: [RegionsController] })
export class RegionsModule {}
