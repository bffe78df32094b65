import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators';
import { LiveService } from '../live/live.service';
import { MqttBrokerService } from '../mqtt/mqtt-broker.service';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  private readonly startedAt = Date.now();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly broker: MqttBrokerService,
    private readonly live: LiveService,
  ) {}

  @Get()
  async health() {
    let database = false;
    try {
      await this.dataSource.query('SELECT 1');
      database = true;
    } catch {
      database = false;
    }
    const mqtt = this.broker.health();
    return {
      status: database && mqtt.ready ? 'ok' : 'degraded',
      database: { kind: this.dataSource.options.type, ready: database },
      mqtt,
      live: { clients: this.live.connectedClients },
      uptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000),
    };
  }
}
