import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module';
import { RegistrationCommitsService } from './registration-commits.service';
import { RegistrationController } from './registration.controller';
import { RegistrationService } from './registration.service';

@Module({ imports: [LedgerModule], controllers: [RegistrationController], providers: [RegistrationService, RegistrationCommitsService] })
export class RegistrationModule {}
