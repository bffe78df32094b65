import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { routePath, routes } from '@olympiad/contracts';
import { DataSource } from 'typeorm';
import { ApiError, notFound } from '../common/api-error';
import { checkLogo } from './logo-image';
import { OlympiadLogoEntity } from './olympiad-logo.entity';
import { OlympiadEntity } from './olympiad.entity';

/** The public address of a logo; the version in the query lets screens cache it for good. */
export const olympiadLogoUrl = (olympiadId: string, updatedAt: string) =>
  routePath(routes.olympiads.logo, { params: { id: olympiadId }, query: { v: updatedAt } });

@Injectable()
export class OlympiadLogoService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async put(
    olympiadId: string,
    base64: string,
  ): Promise<{ logoUrl: string; contentType: string; bytes: number }> {
    await this.olympiadOf(olympiadId);
    const checked = checkLogo(base64);
    if (!checked.ok) throw new ApiError(400, checked.key, checked.message);
    const row = Object.assign(new OlympiadLogoEntity(), {
      olympiadId,
      contentType: checked.contentType,
      data: checked.bytes.toString('base64'),
      updatedAt: new Date().toISOString(),
    });
    await this.dataSource.getRepository(OlympiadLogoEntity).save(row);
    return {
      logoUrl: olympiadLogoUrl(olympiadId, row.updatedAt),
      contentType: row.contentType,
      bytes: checked.bytes.length,
    };
  }

  async remove(olympiadId: string): Promise<void> {
    await this.olympiadOf(olympiadId);
    await this.dataSource.getRepository(OlympiadLogoEntity).delete({ olympiadId });
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
