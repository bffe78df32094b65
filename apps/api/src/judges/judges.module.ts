import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { JudgeAssignmentsQuery } from './judge-assignments.query';
import { JudgesController } from './judges.controller';
import { JudgesService } from './judges.service';

@Module({ imports: [AuthModule], controllers: [JudgesController], providers: [JudgesService, JudgeAssignmentsQuery], exports: [JudgesService, JudgeAssignmentsQuery] })
export class JudgesModule {}
