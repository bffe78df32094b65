import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { routes, type ServerHealth } from '@olympiad/contracts';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators';
import { Route } from '../common/routes/route.decorator';
import { LiveService } from '../live/live.service';
import { MqttBrokerService } from '../mqtt/mqtt-broker.service';
import { MqttConnectionService } from '../mqtt/mqtt-connection.service';
import { SensorIngestionService } from '../sensors/sensor-ingestion.service';

@ApiTags('health')
@Public()
@Controller()
export class HealthController {
  private readonly startedAt = Date.now();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly broker: MqttBrokerService,
    private readonly connection: MqttConnectionService,
    private readonly ingestion: SensorIngestionService,
    private readonly live: LiveService,
  ) {}

  @Route(routes.health.get)
  async health(): Promise<ServerHealth> {
    let database = false;
    try {
      await this.dataSource.query('SELECT 1');
      database = true;
    } catch {
      database = false;
    }
    const broker = this.broker.health();
    const mqtt = {
      ...broker,
      ready: this.connection.connected && (broker.mode === 'external' || broker.listening),
    };
    return {
      status: database && mqtt.ready ? 'ok' : 'degraded',
      database: { kind: this.dataSource.options.type, ready: database },
      mqtt,
      sensors: this.ingestion.stats(),
      live: { clients: this.live.connectedClients },
      uptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000),
    };
  }
}
