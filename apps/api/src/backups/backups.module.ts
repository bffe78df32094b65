import { Module } from '@nestjs/common';
import { BackupScheduleService } from './backup-schedule.service';

@Module({ providers: [BackupScheduleService] })
export class BackupsModule {}
