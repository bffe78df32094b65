import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { ZodValidationPipe } from 'nestjs-zod';
import { ContractCheckInterceptor } from './common/routes/contract-check.interceptor';
import { SingleQueryValuePipe } from './common/single-query-value.pipe';
import { AuthGuard } from './auth/auth.guard';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { AwardsModule } from './awards/awards.module';
import { BackupsModule } from './backups/backups.module';
import { CategoriesModule } from './categories/categories.module';
import { ApiErrorFilter } from './common/api-error.filter';
import { jsonLoggingModules } from './common/json-logging';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { DemoModule } from './demo/demo.module';
import { DevicesModule } from './devices/devices.module';
import { DisplaysModule } from './displays/displays.module';
import { FieldsModule } from './fields/fields.module';
import { HealthModule } from './health/health.module';
import { HeldEntriesModule } from './held-entries/held-entries.module';
import { DoubleEntryModule } from './double-entry/double-entry.module';
import { JudgesModule } from './judges/judges.module';
import { LedgerModule } from './ledger/ledger.module';
import { LiveModule } from './live/live.module';
import { MetricsModule } from './metrics/metrics.module';
import { MqttModule } from './mqtt/mqtt.module';
import { OlympiadsModule } from './olympiads/olympiads.module';
import { ProtestsModule } from './protests/protests.module';
import { InspectionsModule } from './inspections/inspections.module';
import { PublicModule } from './public/public.module';
import { RunsModule } from './runs/runs.module';
import { SensorsModule } from './sensors/sensors.module';
import { RegistrationModule } from './registration/registration.module';
import { DocumentsModule } from './documents/documents.module';
import { ExportsModule } from './exports/exports.module';
import { FederationModule } from './federation/federation.module';
import { FieldQueuesModule } from './field-queues/field-queues.module';
import { ScoreSheetsModule } from './score-sheets/score-sheets.module';
import { SumoDrawModule } from './sumo-draw/sumo-draw.module';
import { SumoClockModule } from './sumo-clock/sumo-clock.module';
import { QualificationModule } from './qualification/qualification.module';
import { RegionsModule } from './regions/regions.module';
import { SchoolsModule } from './schools/schools.module';
import { SettingsModule } from './settings/settings.module';
import { StagesModule } from './stages/stages.module';
import { TeamsModule } from './teams/teams.module';
import { TlsModule } from './tls/tls.module';
import type { VenueTlsService } from './tls/venue-tls.service';

/** The venue server. Every request is validated (zod), authorised (AuthGuard) and answered with ApiErrorBody on failure. */
@Module({})
export class AppModule {
  static forConfig(config: AppConfig, tls: VenueTlsService): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...jsonLoggingModules(config),
        ConfigModule.forRoot(config),
        TlsModule.forRoot(tls),
        DatabaseModule,
        AuditModule,
        SettingsModule,
        AuthModule,
        OlympiadsModule,
        RegionsModule,
        SchoolsModule,
        FieldsModule,
        StagesModule,
        CategoriesModule,
        TeamsModule,
        JudgesModule,
        LedgerModule,
        HeldEntriesModule,
        DoubleEntryModule,
        ProtestsModule,
        InspectionsModule,
        LiveModule,
        PublicModule,
        RegistrationModule,
        DocumentsModule,
        ExportsModule,
        FederationModule,
        SumoDrawModule,
        SumoClockModule,
        QualificationModule,
        AwardsModule,
        DisplaysModule,
        DevicesModule,
        RunsModule,
        FieldQueuesModule,
        ScoreSheetsModule,
        SensorsModule,
        MqttModule,
        HealthModule,
        MetricsModule,
        DemoModule,
        BackupsModule,
      ],
      providers: [
        { provide: APP_PIPE, useClass: ZodValidationPipe },
        { provide: APP_PIPE, useClass: SingleQueryValuePipe },
        { provide: APP_FILTER, useClass: ApiErrorFilter },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_INTERCEPTOR, useClass: ContractCheckInterceptor },
      ],
    };
  }
}
