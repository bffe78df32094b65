import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { routes, type Region } from '@olympiad/contracts';
import { Public } from '../auth/auth.decorators';
import { Route } from '../common/routes/route.decorator';
import { RegionsQuery } from './regions.query';

@ApiTags('regions')
@Controller()
export class RegionsController {
  constructor(private readonly regions: RegionsQuery) {}

  @Public()
  @Route(routes.regions.list)
  list(): Promise<Region[]> {
    return this.regions.regionsByCode();
  }
}
