import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { CreateStage, UpdateStage } from '@olympiad/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, Repository } from 'typeorm';
import { changedFields, pick } from '../audit/audit-change';
import { AuditRecorder, SERVER_ACTOR, type AuditActor } from '../audit/audit-recorder';
import { randomCode } from '../auth/secret-hash';
import { conflict, notFound, unknownReference } from '../common/api-error';
import { OlympiadsQuery } from '../olympiads/olympiads.query';
import { RegionsQuery } from '../regions/regions.query';
import { StageEntity } from './stage.entity';

@Injectable()
export class StagesService {
  constructor(
    @InjectRepository(StageEntity) private readonly stages: Repository<StageEntity>,
    private readonly olympiads: OlympiadsQuery,
    private readonly regions: RegionsQuery,
    private readonly audit: AuditRecorder,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async create(input: CreateStage): Promise<StageEntity> {
    if (!(await this.olympiads.olympiadExists(input.olympiadId))) {
      throw unknownReference('olympiadId', 'olympiad', input.olympiadId);
    }
    if (input.regionCode && !(await this.regions.regionExists(input.regionCode))) {
      throw unknownReference('regionCode', 'region', input.regionCode);
    }
    const code = (input.code ?? (await this.freeCode(input.regionCode ?? 'rep'))).toUpperCase();
    if (await this.stages.existsBy({ code })) {
      throw conflict('stages.codeTaken', `The stage code ${code} is already used`);
    }
    return this.stages.save({
      id: randomUUID(),
      olympiadId: input.olympiadId,
      kind: input.kind,
      regionCode: input.regionCode ?? null,
      name: input.name,
      venue: input.venue,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      code,
      status: 'draft',
    });
  }

  list(olympiadId?: string): Promise<StageEntity[]> {
    return this.stages.find({
      where: olympiadId ? { olympiadId } : {},
      order: { startsOn: 'ASC', name: 'ASC' },
    });
  }

  async get(id: string): Promise<StageEntity> {
    const stage = await this.stages.findOneBy({ id });
    if (!stage) throw notFound('Stage', id);
    return stage;
  }

  async update(
    id: string,
    input: UpdateStage,
    actor: AuditActor = SERVER_ACTOR,
  ): Promise<StageEntity> {
    const stage = await this.get(id);
    const fields = Object.keys(input) as (keyof UpdateStage)[];
    return this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(StageEntity, { ...stage, ...input });
      const change = changedFields(pick(stage, fields), pick(saved, fields));
      if (Object.keys(change.after ?? {}).length > 0) {
        await this.audit.record(
          {
            actor,
            stageId: id,
            object: { kind: 'stage', id, name: stage.name },
            action: 'stage.update',
            ...change,
          },
          manager,
        );
      }
      return saved;
    });
  }

  /** e.g. AKTOBE-7K3Q: short to type on a tablet, recognisable, and hard to guess. */
  private async freeCode(prefix: string): Promise<string> {
    const head = prefix
      .replace(/[^a-z]/gi, '')
      .slice(0, 6)
      .toUpperCase();
    for (;;) {
      const code = `${head}-${randomCode(4)}`;
      if (!(await this.stages.existsBy({ code }))) return code;
    }
  }
}
