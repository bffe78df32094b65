import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createJudgeSchema } from '@olympiad/contracts';
import { createZodDto } from 'nestjs-zod';
import { JudgesService } from './judges.service';

class CreateJudgeDto extends createZodDto(createJudgeSchema) {}

@ApiTags('judges')
@ApiBearerAuth()
@Controller()
export class JudgesController {
  constructor(private readonly judges: JudgesService) {}

  /** The answer carries the PIN once (for the printed card); it is never shown again. */
  @Post('judges')
  create(@Body() body: CreateJudgeDto) {
    return this.judges.create(body);
  }

  @Get('stages/:stageId/judges')
  list(@Param('stageId', ParseUUIDPipe) stageId: string) {
    return this.judges.list(stageId);
  }
}
