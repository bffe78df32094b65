import { Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { routes } from '@olympiad/contracts';
import { Route } from '../common/routes/route.decorator';
import { SensorIngestionService } from './sensor-ingestion.service';

@ApiTags('sensors')
@ApiBearerAuth()
@Controller()
export class SensorsController {
  constructor(private readonly ingestion: SensorIngestionService) {}

  @Route(routes.sensors.stats)
  stats() {
    return this.ingestion.stats();
  }
}
