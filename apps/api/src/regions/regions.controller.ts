import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { routes, type Region } from '@olympiad/contracts';
import { Repository } from 'typeorm';
import { Public } from '../auth/auth.decorators';
import { Route } from '../common/routes/route.decorator';
import { RegionEntity } from './region.entity';

@ApiTags('regions')
@Controller()
export class RegionsController {
  constructor(@InjectRepository(RegionEntity) private readonly regions: Repository<RegionEntity>) {}

  @Public()
  @Route(routes.regions.list)
  async list(): Promise<Region[]> {
    const rows = await this.regions.find({ order: { code: 'ASC' } });
    return rows.map((row) => ({
      code: row.code,
      kind: row.kind,
      name: { kk: row.nameKk, ru: row.nameRu, en: row.nameEn },
      centre: row.centre,
    }));
  }
}
