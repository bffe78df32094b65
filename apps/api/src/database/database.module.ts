import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSourceOptions } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';
import { openDatabase } from './open-database';
import { serializeSqliteAccess } from './sqlite-serializer';

/**
 * The database connection (migrations run at start) over every entity. Repositories are not
 * handed out here: each feature registers its own tables in its data module
 * (docs/architecture.md#features-own-their-data).
 */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => dataSourceOptions(config.database),
      dataSourceFactory: async (options) => {
        const dataSource = await openDatabase(options as DataSourceOptions);
        if (dataSource.options.type === 'better-sqlite3') serializeSqliteAccess(dataSource);
        return dataSource;
      },
    }),
  ],
})
export class DatabaseModule {}
