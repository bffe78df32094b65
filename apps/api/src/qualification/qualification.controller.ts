import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { qualificationRuleSchema } from '@olympiad/scoring';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/auth.decorators';
import { QualificationService } from './qualification.service';
import { WritesStage } from '../federation/writes-stage.guard';

const wildcardSchema = z
  .object({ categoryId: z.string().uuid(), teamId: z.string().uuid(), reason: z.string().trim().min(3, 'a wildcard needs a reason').max(300) })
  .strict();
const previewSchema = z.object({ rule: qualificationRuleSchema.optional(), wildcards: z.array(wildcardSchema).max(500).default([]) }).strict();
class PreviewDto extends createZodDto(previewSchema) {}
class EnterDto extends createZodDto(previewSchema.extend({ targetStageId: z.string().uuid() }).strict()) {}

/** Organiser only: qualification from a regional stage into the republic stage. */
@ApiTags('qualification')
@ApiBearerAuth()
@Controller('stages/:stageId/qualification')
export class QualificationController {
  constructor(private readonly qualification: QualificationService) {}

  /** Every team of the stage with the rules' decision and its reason; writes nothing. */
  @Post('preview')
  @HttpCode(200)
  preview(@Param('stageId', ParseUUIDPipe) stageId: string, @Body() body: PreviewDto) {
    return this.qualification.preview(stageId, body);
  }

  /** Enters the qualified teams (rules + wildcards) into the republic stage; needs the regional stage closed. */
  @WritesStage({ body: 'targetStageId' })
  @Post('enter')
  @HttpCode(200)
  enter(@Param('stageId', ParseUUIDPipe) stageId: string, @Body() body: EnterDto, @CurrentActor() actor: Actor) {
    return this.qualification.enter(stageId, body.targetStageId, body, actor);
  }

  /** For a republic stage: the teams entered so far, where they came from and why. */
  @Get('entries')
  entries(@Param('stageId', ParseUUIDPipe) stageId: string) {
    return this.qualification.entries(stageId);
  }
}
