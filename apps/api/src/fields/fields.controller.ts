import { Body, Controller, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { routes } from '@olympiad/contracts';
import { createZodDto } from 'nestjs-zod';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { assertStageAccess } from '../auth/stage-access';
import { unknownReference } from '../common/api-error';
import { Route } from '../common/routes/route.decorator';
import { StageEntity } from '../stages/stage.entity';
import { FieldEntity } from './field.entity';
import { WritesStage } from '../federation/writes-stage.guard';

class CreateFieldDto extends createZodDto(routes.fields.create.body) {}

@ApiTags('fields')
@ApiBearerAuth()
@Controller()
export class FieldsController {
  constructor(
    @InjectRepository(FieldEntity) private readonly fields: Repository<FieldEntity>,
    @InjectRepository(StageEntity) private readonly stages: Repository<StageEntity>,
  ) {}

  @WritesStage({ body: 'stageId' })
  @Route(routes.fields.create)
  async create(@Body() body: CreateFieldDto) {
    if (!(await this.stages.existsBy({ id: body.stageId })))
      throw unknownReference('stageId', 'stage', body.stageId);
    return this.fields.save({ id: randomUUID(), ...body });
  }

  @Roles('organiser', 'head-judge', 'judge')
  @Route(routes.fields.list)
  list(@Param('stageId', ParseUUIDPipe) stageId: string, @CurrentActor() actor: Actor) {
    assertStageAccess(actor, stageId);
    return this.fields.find({ where: { stageId }, order: { name: 'ASC' } });
  }
}
