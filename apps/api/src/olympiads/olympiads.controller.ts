import { Body, Controller, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { routes, type OlympiadSummary } from '@olympiad/contracts';
import { createZodDto } from 'nestjs-zod';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { notFound } from '../common/api-error';
import { Route } from '../common/routes/route.decorator';
import { LiveService } from '../live/live.service';
import { StageEntity } from '../stages/stage.entity';
import { OlympiadLogoEntity } from './olympiad-logo.entity';
import { olympiadLogoUrl, OlympiadLogoService } from './olympiad-logo.service';
import { OlympiadEntity } from './olympiad.entity';

class CreateOlympiadDto extends createZodDto(routes.olympiads.create.body) {}
class OlympiadLogoDto extends createZodDto(routes.olympiads.putLogo.body) {}

@ApiTags('olympiads')
@ApiBearerAuth()
@Controller()
export class OlympiadsController {
  constructor(
    @InjectRepository(OlympiadEntity) private readonly olympiads: Repository<OlympiadEntity>,
    private readonly logos: OlympiadLogoService,
    private readonly live: LiveService,
  ) {}

  @Route(routes.olympiads.list)
  async list(): Promise<OlympiadSummary[]> {
    const olympiads = await this.olympiads.find({ order: { createdAt: 'DESC' } });
    const logos = await this.olympiads.manager.find(OlympiadLogoEntity, {
      select: { olympiadId: true, updatedAt: true },
    });
    const logoOf = new Map(
      logos.map((logo) => [logo.olympiadId, olympiadLogoUrl(logo.olympiadId, logo.updatedAt)]),
    );
    return olympiads.map((olympiad) => ({ ...olympiad, logoUrl: logoOf.get(olympiad.id) ?? null }));
  }

  @Route(routes.olympiads.get)
  async get(@Param('id', ParseUUIDPipe) id: string) {
    return (await this.olympiads.findOneBy({ id })) ?? Promise.reject(notFound('Olympiad', id));
  }

  @Route(routes.olympiads.create)
  create(@Body() body: CreateOlympiadDto) {
    return this.olympiads.save({ id: randomUUID(), ...body, createdAt: new Date().toISOString() });
  }

  @Route(routes.olympiads.putLogo)
  async putLogo(@Param('id', ParseUUIDPipe) id: string, @Body() body: OlympiadLogoDto) {
    const stored = await this.logos.put(id, body.data);
    await this.announceStages(id);
    return stored;
  }

  @Route(routes.olympiads.removeLogo)
  async removeLogo(@Param('id', ParseUUIDPipe) id: string) {
    await this.logos.remove(id);
    await this.announceStages(id);
  }

  private async announceStages(olympiadId: string): Promise<void> {
    const stages = await this.olympiads.manager.findBy(StageEntity, { olympiadId });
    for (const stage of stages) await this.live.stageChanged(stage.id);
  }
}
