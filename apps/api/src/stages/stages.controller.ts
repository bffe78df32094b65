import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createStageSchema, updateStageSchema } from '@olympiad/contracts';
import { createZodDto } from 'nestjs-zod';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { assertStageAccess } from '../auth/stage-access';
import { StagesService } from './stages.service';
import { WritesStage } from '../federation/writes-stage.guard';

class CreateStageDto extends createZodDto(createStageSchema) {}
class UpdateStageDto extends createZodDto(updateStageSchema) {}

@ApiTags('stages')
@ApiBearerAuth()
@Controller('stages')
export class StagesController {
  constructor(private readonly stages: StagesService) {}

  @Get()
  list(@Query('olympiadId') olympiadId?: string) {
    return this.stages.list(olympiadId);
  }

  @Roles('organiser', 'head-judge', 'judge')
  @Get(':id')
  async get(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    assertStageAccess(actor, id);
    return this.stages.get(id);
  }

  @Post()
  create(@Body() body: CreateStageDto) {
    return this.stages.create(body);
  }

  @WritesStage({ param: 'id' })
  @Patch(':id')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateStageDto) {
    return this.stages.update(id, body);
  }
}
