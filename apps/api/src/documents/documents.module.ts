import { Module } from '@nestjs/common';
import { StandingsModule } from '../standings/standings.module';
import { CategoryResultsService } from './category-results.service';
import { DocumentsController } from './documents.controller';

@Module({ imports: [StandingsModule], controllers: [DocumentsController], providers: [CategoryResultsService], exports: [CategoryResultsService] })
export class DocumentsModule {}
