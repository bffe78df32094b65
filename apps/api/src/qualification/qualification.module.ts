import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module';
import { StandingsModule } from '../standings/standings.module';
import { QualificationController } from './qualification.controller';
import { QualificationService } from './qualification.service';

@Module({ imports: [LedgerModule, StandingsModule], controllers: [QualificationController], providers: [QualificationService] })
export class QualificationModule {}
