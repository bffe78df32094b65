import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PrometheusModule } from '@willsoto/nestjs-prometheus';
import { Counter, Gauge, register } from 'prom-client';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { LiveModule } from '../live/live.module';
import { LiveService } from '../live/live.service';
import { SensorIngestionService } from '../sensors/sensor-ingestion.service';
import { SensorsModule } from '../sensors/sensors.module';
import { timeDatabaseQueries } from './database-timing';
import { liveRoomClientsGauge } from './live-room-clients';
import { MetricsController } from './metrics.controller';

/**
 * GET /api/metrics (docs/deploy.md#health-metrics-and-logs): the process's default metrics, the
 * counters of venue-metrics.ts, the timings of fan-out, database and Redis (each timed where it
 * happens), and what sensor ingestion and the live rooms already count, read at each scrape.
 */
@Module({
  imports: [
    // Our controller, mounted from the route table, instead of the package's own /metrics.
    PrometheusModule.register({ controller: MetricsController, path: '/' }),
    SensorsModule,
    LiveModule,
  ],
})
export class MetricsModule implements OnModuleInit {
  constructor(
    private readonly ingestion: SensorIngestionService,
    private readonly live: LiveService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const { ingestion, live } = this;
    const collected = [
      'olympiad_heap_growing_percent',
      'olympiad_sensor_events_total',
      'olympiad_live_clients',
      'olympiad_live_room_clients',
    ];
    for (const name of collected) register.removeSingleMetric(name);
    timeDatabaseQueries(this.dataSource);
    liveRoomClientsGauge(() => live.localRooms);
    new Counter({
      name: 'olympiad_sensor_events_total',
      help: 'Sensor events this replica accepted, took as duplicates or refused (with the reason), since it started',
      labelNames: ['outcome', 'reason'] as const,
      collect() {
        const stats = ingestion.stats();
        this.reset();
        this.inc({ outcome: 'accepted', reason: '' }, stats.accepted);
        this.inc({ outcome: 'duplicate', reason: '' }, stats.duplicates);
        for (const [reason, count] of Object.entries(stats.rejected)) {
          this.inc({ outcome: 'refused', reason }, count);
        }
      },
    });
    const heapGrowingPercent = this.config.heapGrowingPercent;
    new Gauge({
      name: 'olympiad_heap_growing_percent',
      help: 'How far V8 lets the old generation grow before a full collection (HEAP_GROWING_PERCENT; 0: V8 decides)',
      collect() {
        this.set(heapGrowingPercent);
      },
    });
    new Gauge({
      name: 'olympiad_live_clients',
      help: 'Socket.IO clients (tablets, screens, consoles) connected to this replica',
      collect() {
        this.set(live.connectedClients);
      },
    });
  }
}
