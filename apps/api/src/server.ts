import { Logger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger as PinoLogger } from 'nestjs-pino';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { API_DOCS_PATH, API_PREFIX, routePath, routes } from '@olympiad/contracts';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import compression from 'compression';
import type { Express } from 'express';
import helmet from 'helmet';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { AppModule } from './app.module';
import { AuthService } from './auth/auth.service';
import { QuietJsonLogger } from './common/json-logging';
import { refuseNulInJson, refuseNulInUrl } from './common/nul-characters';
import { VenueLogger } from './common/venue-logger';
import { type AppConfig, loadConfig } from './config/app-config';
import { applyHeapGrowth } from './config/heap-growth';
import { SECURITY_HEADERS, corsDelegate, type OwnAddresses } from './config/http-security';
import { DemoSeeder } from './demo/demo-seeder';
import { countHttpRequests } from './metrics/venue-metrics';
import { MqttBrokerService } from './mqtt/mqtt-broker.service';
import { serveWebApps } from './static/static-apps';
import { MdnsAnnouncer } from './tls/mdns-announcer';
import {
  MultiListenerIoAdapter,
  createHttpsServer,
  listen,
  redirectPagesToHttps,
} from './tls/https-listener';
import { lanAddresses } from './tls/venue-certificates';
import { VenueTlsService } from './tls/venue-tls.service';

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

export interface StartOptions {
  demo?: boolean;
  config?: AppConfig;
}

/** Builds, configures and starts the whole venue server: API, live gateway, broker and apps. */
export async function startServer(options: StartOptions = {}): Promise<NestExpressApplication> {
  const config = options.config ?? loadConfig();
  applyHeapGrowth(config.heapGrowingPercent);
  const json = config.logFormat === 'json';
  // LOG_FORMAT=json: what is logged before the app exists waits for the JSON logger.
  if (json) Logger.attachBuffer();
  const tls = await VenueTlsService.prepare(config);
  const logLevels = LEVELS.slice(0, LEVELS.indexOf(config.logLevel) + 1);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forConfig(config, tls), {
    bodyParser: false,
    ...(json ? { bufferLogs: true } : { logger: new VenueLogger({ logLevels }) }),
  });
  if (json) app.useLogger(new QuietJsonLogger(app.get(PinoLogger), logLevels.includes('debug')));
  // docs/deploy.md#behind-a-load-balancer: req.ip (and so the sign-in limit) is the client behind
  // the trusted balancer; unset, X-Forwarded-For is ignored.
  if (config.trustProxy !== undefined) app.set('trust proxy', config.trustProxy);
  // docs/deploy.md#health-metrics-and-logs: requests by route and status for /api/metrics.
  app.use(countHttpRequests);
  // docs/security.md: helmet's headers (CSP, nosniff, frame and referrer rules, no X-Powered-By) on every answer.
  app.use(helmet(SECURITY_HEADERS));
  // docs/reliability.md#hostile-input: no NUL character reaches a guard, a handler or the database.
  app.use(refuseNulInUrl);
  app.useBodyParser('json', { limit: config.maxBody, reviver: refuseNulInJson });
  // Tablets on a weak venue Wi-Fi: gzip cuts the apps' first load about threefold.
  app.use(compression());
  app.setGlobalPrefix(API_PREFIX.slice(1));
  app.enableShutdownHooks();
  const own = ownAddresses(app, config, tls);
  app.enableCors(corsDelegate(own, config.corsOrigins));

  const openApi = new DocumentBuilder()
    .setTitle('Robotics olympiad API')
    .setDescription('Judging, scoring and live results. Errors carry a kk/ru/en message key.')
    .setVersion('1')
    .addBearerAuth()
    .build();
  // Built on the first request for it, not at start (docs/performance.md#memory-per-viewer).
  SwaggerModule.setup(API_DOCS_PATH.slice(1), app, () =>
    cleanupOpenApiDoc(SwaggerModule.createDocument(app, openApi)),
  );

  const express = app.getHttpAdapter().getInstance() as Express;
  const tlsOptions = tls.serverOptions();
  const httpsServer = tlsOptions ? createHttpsServer(express, tlsOptions) : undefined;
  // docs/venue-network.md: tablets reach the same app over HTTPS; browsers on HTTP are sent there.
  // docs/deploy.md: with REDIS_URL, broadcasts reach the viewers of every replica.
  // Loaded only with REDIS_URL (docs/performance.md#memory-per-viewer).
  const fanOut = config.redisUrl
    ? new (await import('./live/redis-fan-out')).RedisFanOut(config.redisUrl)
    : undefined;
  app.useWebSocketAdapter(
    new MultiListenerIoAdapter(
      app,
      httpsServer ? [httpsServer] : [],
      fanOut,
      corsDelegate(own, config.corsOrigins),
    ),
  );
  express.use(redirectPagesToHttps(() => tls.httpsPort));
  serveWebApps(express, config.staticDir);
  await app.init();
  const broker = app.get(MqttBrokerService);
  broker.attachWebSocket(app.getHttpServer());
  await app.listen(config.port, config.host);

  const logger = new Logger('Venue');
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  tls.setHttpPort(port);
  if (httpsServer && config.https.kind !== 'off') {
    broker.attachWebSocket(httpsServer);
    const httpsPort = await listen(httpsServer, config.https.port, config.host).catch(
      (error: NodeJS.ErrnoException) => {
        throw error.code === 'EADDRINUSE'
          ? new Error(
              `HTTPS_PORT ${config.https.kind !== 'off' ? config.https.port : ''} is in use by another program: choose another HTTPS_PORT (or HTTPS=off)`,
            )
          : error;
      },
    );
    tls.serve(httpsServer, { http: port, https: httpsPort });
    await tls.checkRenewal();
  }
  app.get(MdnsAnnouncer).start({ http: port, https: tls.httpsPort });
  if (options.demo) {
    await app.get(DemoSeeder).seedIfEmpty(config.dataDir);
  }
  const firstRun = await app.get(AuthService).prepareFirstRun();
  const base =
    config.publicUrl !== `http://localhost:${config.port}`
      ? config.publicUrl.replace(`:${config.port}`, `:${port}`)
      : (tls.httpsUrl() ?? tls.httpUrl());
  const fallback = lanAddresses().find((ip) => !ip.includes(':'));
  logger.log(
    [
      `Venue server is up on port ${port}`,
      ...(tls.httpsPort !== null
        ? [
            `HTTPS on port ${tls.httpsPort} (${tls.mode === 'venue-ca' ? 'venue CA' : 'own certificate'})`,
          ]
        : []),
      `  Leaderboard   ${base}/`,
      `  Judge tablet  ${base}/judge/`,
      `  Console       ${base}/console/`,
      ...(fallback
        ? [
            `  Without the name (${tls.name}): ${tls.httpsUrl(fallback) ?? tls.httpUrl(fallback)}/judge/`,
          ]
        : []),
      `  On this laptop http://localhost:${port}/console/`,
      `  API docs      ${base}${API_DOCS_PATH}   health ${base}${routePath(routes.health.get)}`,
      ...(firstRun.setupUrl
        ? [
            `  First run: create the organiser account at ${firstRun.setupUrl.replace(`:${config.port}`, `:${port}`)}`,
          ]
        : []),
    ].join('\n'),
  );
  // docs/diplomas.md: a diploma's QR code is printed for good; localhost only works on this laptop.
  if (config.publicUrl === `http://localhost:${config.port}`)
    logger.warn(
      'PUBLIC_URL is not set: diplomas printed now carry QR codes to http://localhost, which no phone can open. Set PUBLIC_URL to the address the public reaches (the republic server, or this venue on its LAN) before printing them.',
    );
  return app;
}

/** The names and ports this server answers on, for the CORS rule (docs/security.md#cors). */
function ownAddresses(
  app: NestExpressApplication,
  config: AppConfig,
  tls: VenueTlsService,
): OwnAddresses {
  const publicUrl = new URL(config.publicUrl);
  return {
    hostnames: () => [
      'localhost',
      '127.0.0.1',
      '::1',
      tls.name,
      publicUrl.hostname,
      ...lanAddresses(),
    ],
    ports: () => {
      const address = app.getHttpServer().address();
      const http = typeof address === 'object' && address ? address.port : config.port;
      const publicPort = Number(publicUrl.port || (publicUrl.protocol === 'https:' ? 443 : 80));
      return [http, publicPort, ...(tls.httpsPort !== null ? [tls.httpsPort] : [])];
    },
  };
}
