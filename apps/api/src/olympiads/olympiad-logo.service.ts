import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { routePath, routes } from '@olympiad/contracts';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditRecorder, SERVER_ACTOR, type AuditActor } from '../audit/audit-recorder';
import { ApiError, notFound } from '../common/api-error';
import { checkLogo } from './logo-image';
import { OlympiadLogoEntity } from './olympiad-logo.entity';
import { OlympiadEntity } from './olympiad.entity';

/** The public address of a logo; the version in the query lets screens cache it for good. */
export const olympiadLogoUrl = (olympiadId: string, updatedAt: string) =>
  routePath(routes.olympiads.logo, { params: { id: olympiadId }, query: { v: updatedAt } });

@Injectable()
export class OlympiadLogoService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditRecorder,
  ) {}

  async put(
    olympiadId: string,
    base64: string,
    actor: AuditActor = SERVER_ACTOR,
  ): Promise<{ logoUrl: string; contentType: string; bytes: number }> {
    const olympiad = await this.olympiadOf(olympiadId);
    const checked = checkLogo(base64);
    if (!checked.ok) throw new ApiError(400, checked.key, checked.message);
    const row = Object.assign(new OlympiadLogoEntity(), {
      olympiadId,
      contentType: checked.contentType,
      data: checked.bytes.toString('base64'),
      updatedAt: new Date().toISOString(),
    });
    await this.dataSource.transaction(async (manager) => {
      const before = await manager.findOneBy(OlympiadLogoEntity, { olympiadId });
      await manager.save(OlympiadLogoEntity, row);
      await this.recordLogo(olympiad, actor, before, row, manager);
    });
    return {
      logoUrl: olympiadLogoUrl(olympiadId, row.updatedAt),
      contentType: row.contentType,
      bytes: checked.bytes.length,
    };
  }

  async remove(olympiadId: string, actor: AuditActor = SERVER_ACTOR): Promise<void> {
    const olympiad = await this.olympiadOf(olympiadId);
    await this.dataSource.transaction(async (manager) => {
      const before = await manager.findOneBy(OlympiadLogoEntity, { olympiadId });
      if (!before) return;
      await manager.delete(OlympiadLogoEntity, { olympiadId });
      await this.recordLogo(olympiad, actor, before, null, manager);
    });
  }

  /** The image itself stays out of the record: its type, size and SHA-256 say which one it was. */
  private recordLogo(
    olympiad: OlympiadEntity,
    actor: AuditActor,
    before: OlympiadLogoEntity | null,
    after: OlympiadLogoEntity | null,
    manager: EntityManager,
  ): Promise<void> {
    const describe = (logo: OlympiadLogoEntity | null) => {
      if (!logo) return null;
      const bytes = Buffer.from(logo.data, 'base64');
      return {
        contentType: logo.contentType,
        bytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      };
    };
    return this.audit.record(
      {
        actor,
        stageId: null,
        object: { kind: 'olympiad', id: olympiad.id, name: olympiad.name },
        action: 'olympiad.logo',
        before: describe(before),
        after: describe(after),
      },
      manager,
    );
  }

  async get(
    olympiadId: string,
  ): Promise<{ contentType: string; bytes: Buffer; updatedAt: string }> {
    const logo = await this.dataSource.getRepository(OlympiadLogoEntity).findOneBy({ olympiadId });
    if (!logo) throw notFound('Logo', olympiadId);
    return {
      contentType: logo.contentType,
      bytes: Buffer.from(logo.data, 'base64'),
      updatedAt: logo.updatedAt,
    };
  }

  private async olympiadOf(id: string): Promise<OlympiadEntity> {
    const olympiad = await this.dataSource.getRepository(OlympiadEntity).findOneBy({ id });
    if (!olympiad) throw notFound('Olympiad', id);
    return olympiad;
  }
}
