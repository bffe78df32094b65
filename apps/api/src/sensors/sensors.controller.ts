import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { SensorIngestionService } from './sensor-ingestion.service';

@ApiTags('sensors')
@ApiBearerAuth()
@Controller('sensors')
export class SensorsController {
  constructor(private readonly ingestion: SensorIngestionService) {}

  /** Accepted, duplicate and refused messages since the server started, by reason. */
  @Get('stats')
  stats() {
    return this.ingestion.stats();
  }
}
