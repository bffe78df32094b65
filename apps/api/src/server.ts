import { Logger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import compression from 'compression';
import type { Express } from 'express';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { AppModule } from './app.module';
import { AuthService } from './auth/auth.service';
import { type AppConfig, loadConfig } from './config/app-config';
import { DemoSeeder } from './demo/demo-seeder';
import { MqttBrokerService } from './mqtt/mqtt-broker.service';
import { serveWebApps } from './static/static-apps';

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

export interface StartOptions {
  demo?: boolean;
  config?: AppConfig;
}

/** Builds, configures and starts the whole venue server: API, live gateway, broker and apps. */
export async function startServer(options: StartOptions = {}): Promise<NestExpressApplication> {
  const config = options.config ?? loadConfig();
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forConfig(config), {
    bodyParser: false,
    logger: LEVELS.slice(0, LEVELS.indexOf(config.logLevel) + 1),
  });
  app.useBodyParser('json', { limit: config.maxBody });
  // Tablets on a weak venue Wi-Fi: gzip cuts the apps' first load about threefold.
  app.use(compression());
  app.setGlobalPrefix('api');
  app.enableShutdownHooks();
  app.enableCors({ origin: true });

  const openApi = new DocumentBuilder()
    .setTitle('Robotics olympiad API')
    .setDescription('Judging, scoring and live results. Errors carry a kk/ru/en message key.')
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, cleanupOpenApiDoc(SwaggerModule.createDocument(app, openApi)));

  serveWebApps(app.getHttpAdapter().getInstance() as Express, config.staticDir);
  await app.init();
  app.get(MqttBrokerService).attachWebSocket(app.getHttpServer());
  await app.listen(config.port, config.host);

  const logger = new Logger('Venue');
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const base = config.publicUrl.replace(`:${config.port}`, `:${port}`);
  if (options.demo) {
    await app.get(DemoSeeder).seedIfEmpty(config.dataDir);
  }
  const firstRun = await app.get(AuthService).prepareFirstRun();
  logger.log(
    [
      `Venue server is up on port ${port}`,
      `  Leaderboard   ${base}/`,
      `  Judge tablet  ${base}/judge/`,
      `  Console       ${base}/console/`,
      `  API docs      ${base}/api/docs   health ${base}/api/health`,
      ...(firstRun.setupUrl ? [`  First run: create the organiser account at ${firstRun.setupUrl.replace(`:${config.port}`, `:${port}`)}`] : []),
    ].join('\n'),
  );
  return app;
}
