import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createJudgeSchema, updateJudgeSchema } from '@olympiad/contracts';
import { createZodDto } from 'nestjs-zod';
import { JudgesService } from './judges.service';
import { WritesStage } from '../federation/writes-stage.guard';

class CreateJudgeDto extends createZodDto(createJudgeSchema) {}
class UpdateJudgeDto extends createZodDto(updateJudgeSchema) {}

@ApiTags('judges')
@ApiBearerAuth()
@Controller()
export class JudgesController {
  constructor(private readonly judges: JudgesService) {}

  /** The answer carries the PIN once (for the printed card); it is never shown again. */
  @WritesStage({ body: 'stageId' })
  @Post('judges')
  create(@Body() body: CreateJudgeDto) {
    return this.judges.create(body);
  }

  @WritesStage({ param: 'id', of: 'judge' })
  @Patch('judges/:id')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateJudgeDto) {
    return this.judges.update(id, body);
  }

  @HttpCode(200)
  @WritesStage({ param: 'id', of: 'judge' })
  @Post('judges/:id/pin')
  resetPin(@Param('id', ParseUUIDPipe) id: string) {
    return this.judges.resetPin(id);
  }

  @Get('stages/:stageId/judges')
  list(@Param('stageId', ParseUUIDPipe) stageId: string) {
    return this.judges.list(stageId);
  }
}
