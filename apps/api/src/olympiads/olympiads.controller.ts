import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { createOlympiadSchema, olympiadLogoSchema } from '@olympiad/contracts';
import { createZodDto } from 'nestjs-zod';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { notFound } from '../common/api-error';
import { LiveService } from '../live/live.service';
import { StageEntity } from '../stages/stage.entity';
import { OlympiadLogoEntity } from './olympiad-logo.entity';
import { olympiadLogoUrl, OlympiadLogoService } from './olympiad-logo.service';
import { OlympiadEntity } from './olympiad.entity';

class CreateOlympiadDto extends createZodDto(createOlympiadSchema) {}
class OlympiadLogoDto extends createZodDto(olympiadLogoSchema) {}

@ApiTags('olympiads')
@ApiBearerAuth()
@Controller('olympiads')
export class OlympiadsController {
  constructor(
    @InjectRepository(OlympiadEntity) private readonly olympiads: Repository<OlympiadEntity>,
    private readonly logos: OlympiadLogoService,
    private readonly live: LiveService,
  ) {}

  @Get()
  async list() {
    const olympiads = await this.olympiads.find({ order: { createdAt: 'DESC' } });
    const logos = await this.olympiads.manager.find(OlympiadLogoEntity, {
      select: { olympiadId: true, updatedAt: true },
    });
    const logoOf = new Map(
      logos.map((logo) => [logo.olympiadId, olympiadLogoUrl(logo.olympiadId, logo.updatedAt)]),
    );
    return olympiads.map((olympiad) => ({ ...olympiad, logoUrl: logoOf.get(olympiad.id) ?? null }));
  }

  @Get(':id')
  async get(@Param('id', ParseUUIDPipe) id: string) {
    return (await this.olympiads.findOneBy({ id })) ?? Promise.reject(notFound('Olympiad', id));
  }

  @Post()
  create(@Body() body: CreateOlympiadDto) {
    return this.olympiads.save({ id: randomUUID(), ...body, createdAt: new Date().toISOString() });
  }

  /** The hall screens of every stage of the olympiad show the new logo at once. */
  @Post(':id/logo')
  @HttpCode(200)
  async putLogo(@Param('id', ParseUUIDPipe) id: string, @Body() body: OlympiadLogoDto) {
    const stored = await this.logos.put(id, body.data);
    await this.announceStages(id);
    return stored;
  }

  @Delete(':id/logo')
  @HttpCode(204)
  async removeLogo(@Param('id', ParseUUIDPipe) id: string) {
    await this.logos.remove(id);
    await this.announceStages(id);
  }

  private async announceStages(olympiadId: string): Promise<void> {
    const stages = await this.olympiads.manager.findBy(StageEntity, { olympiadId });
    for (const stage of stages) await this.live.stageChanged(stage.id);
  }
}
