import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { ExportsController } from './exports.controller';

@Module({ imports: [DocumentsModule], controllers: [ExportsController] })
export class ExportsModule {}
