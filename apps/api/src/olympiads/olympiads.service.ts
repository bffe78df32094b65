import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { CreateOlympiad, OlympiadSummary } from '@olympiad/contracts';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import type { Actor } from '../auth/actor';
import { notFound } from '../common/api-error';
import { LiveService } from '../live/live.service';
import { StagesQuery } from '../stages/stages.query';
import { OlympiadLogoEntity } from './olympiad-logo.entity';
import { olympiadLogoUrl, OlympiadLogoService } from './olympiad-logo.service';
import { OlympiadEntity } from './olympiad.entity';

/** The seasons an organiser keeps, and their logos (a new logo shows on every stage's screens). */
@Injectable()
export class OlympiadsService {
  constructor(
    @InjectRepository(OlympiadEntity) private readonly olympiads: Repository<OlympiadEntity>,
    @InjectRepository(OlympiadLogoEntity) private readonly logoRows: Repository<OlympiadLogoEntity>,
    private readonly logos: OlympiadLogoService,
    private readonly stages: StagesQuery,
    private readonly live: LiveService,
  ) {}

  /** Newest first, each with its logo's address when it has one. */
  async list(): Promise<OlympiadSummary[]> {
    const olympiads = await this.olympiads.find({ order: { createdAt: 'DESC' } });
    const logos = await this.logoRows.find({ select: { olympiadId: true, updatedAt: true } });
    const logoOf = new Map(
      logos.map((logo) => [logo.olympiadId, olympiadLogoUrl(logo.olympiadId, logo.updatedAt)]),
    );
    return olympiads.map((olympiad) => ({ ...olympiad, logoUrl: logoOf.get(olympiad.id) ?? null }));
  }

  async get(id: string): Promise<OlympiadEntity> {
    return (await this.olympiads.findOneBy({ id })) ?? Promise.reject(notFound('Olympiad', id));
  }

  create(input: CreateOlympiad): Promise<OlympiadEntity> {
    return this.olympiads.save({ id: randomUUID(), ...input, createdAt: new Date().toISOString() });
  }

  async putLogo(id: string, base64: string, actor?: Actor) {
    const stored = await this.logos.put(id, base64, actor);
    await this.announceStages(id);
    return stored;
  }

  async removeLogo(id: string, actor?: Actor): Promise<void> {
    await this.logos.remove(id, actor);
    await this.announceStages(id);
  }

  private async announceStages(olympiadId: string): Promise<void> {
    const stages = await this.stages.stagesOfOlympiad(olympiadId);
    for (const stage of stages) await this.live.stageChanged(stage.id);
  }
}
