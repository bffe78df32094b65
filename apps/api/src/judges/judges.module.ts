import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { JudgesController } from './judges.controller';
import { JudgesService } from './judges.service';

@Module({ imports: [AuthModule], controllers: [JudgesController], providers: [JudgesService], exports: [JudgesService] })
export class JudgesModule {}
