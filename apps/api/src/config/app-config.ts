import { isTimeZone } from '@olympiad/i18n';
import { z } from 'zod';
import * as net from 'node:net';
import * as path from 'node:path';

/**
 * Every setting the server reads from its environment, validated once at start.
 * `.env.example` at the repository root lists them with their defaults.
 */
const portSchema = z.coerce.number().int().min(0).max(65535);
const optionalText = z
  .string()
  .optional()
  .transform((value) => (value && value.trim() !== '' ? value.trim() : undefined));

const envSchema = z.object({
  PORT: portSchema.default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('data'),
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL')
      .optional(),
  ),
  MQTT_URL: optionalText.pipe(
    z
      .string()
      .regex(/^(mqtts?|wss?|tcp):\/\//, 'MQTT_URL must be an mqtt:// (or mqtts, ws, wss) URL')
      .optional(),
  ),
  REDIS_URL: optionalText.pipe(
    z
      .string()
      .regex(/^rediss?:\/\//, 'REDIS_URL must be a redis:// (or rediss://) URL')
      .optional(),
  ),
  TRUST_PROXY: optionalText.transform((value, ctx) => {
    if (value === undefined) return undefined;
    const trust = parseTrustProxy(value);
    if (trust === undefined) {
      ctx.addIssue({
        code: 'custom',
        message:
          'TRUST_PROXY must be a hop count (1, 2, …) or the balancer addresses (e.g. 10.0.0.5, 10.0.0.0/24, loopback)',
      });
      return z.NEVER;
    }
    return trust;
  }),
  MQTT_PORT: portSchema.default(1883),
  MQTT_HOST: z.string().default('0.0.0.0'),
  MQTT_TLS_PORT: portSchema.default(8883),
  MQTT_TLS: z.enum(['on', 'off']).default('on'),
  MQTT_USERNAME: optionalText,
  MQTT_PASSWORD: optionalText,
  MQTT_CLIENT_ID: optionalText,
  MQTT_SHARE_GROUP: optionalText.pipe(
    z
      .string()
      .regex(
        /^[A-Za-z0-9_-]{1,64}$/,
        'MQTT_SHARE_GROUP must be off or a group name of A-Z a-z 0-9 _ -',
      )
      .optional(),
  ),
  SENSOR_MAX_EVENTS_PER_SECOND: z.coerce.number().int().min(1).default(200),
  FEDERATION_TICK_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  FEDERATION_BATCH_ENTRIES: z.coerce.number().int().min(1).max(10_000).default(1000),
  JWT_SECRET: optionalText.pipe(
    z.string().min(32, 'JWT_SECRET must be at least 32 characters').optional(),
  ),
  JWT_SECRET_PREVIOUS: optionalText.pipe(
    z.string().min(32, 'JWT_SECRET_PREVIOUS must be at least 32 characters').optional(),
  ),
  CORS_ORIGINS: optionalText.transform((value, ctx) => {
    if (value === undefined) return [];
    const origins = parseOrigins(value);
    if (!origins) {
      ctx.addIssue({
        code: 'custom',
        message:
          'CORS_ORIGINS must be origins separated by commas, e.g. https://results.olympiad.kz,http://192.168.1.20:8080',
      });
      return z.NEVER;
    }
    return origins;
  }),
  ADMIN_USERNAME: z.string().trim().min(3).default('organiser'),
  ADMIN_PASSWORD: optionalText.pipe(
    z.string().min(10, 'ADMIN_PASSWORD must be at least 10 characters').optional(),
  ),
  PUBLIC_URL: optionalText.pipe(z.string().url('PUBLIC_URL must be a URL').optional()),
  STATIC_DIR: z.string().default('dist/apps'),
  LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'verbose']).default('log'),
  LOG_FORMAT: z.enum(['text', 'json']).default('text'),
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(120_000).default(0),
  HEAP_GROWING_PERCENT: z.coerce
    .number()
    .int()
    .min(0, 'HEAP_GROWING_PERCENT: 0 (V8 decides) or 1–400')
    .max(400, 'HEAP_GROWING_PERCENT: 0 (V8 decides) or 1–400')
    .default(30),
  LIVE_BEACON_MS: optionalText.pipe(
    z.coerce
      .number<string | undefined>()
      .int()
      .refine(
        (ms) => ms === 0 || (ms >= 200 && ms <= 600_000),
        'LIVE_BEACON_MS: 0 (off) or 200–600000',
      )
      .optional(),
  ),
  MAX_BODY: z.string().default('1mb'),
  HTTPS_PORT: portSchema.default(3443),
  HTTPS: z.enum(['on', 'off']).default('on'),
  TLS_CERT_FILE: optionalText,
  TLS_KEY_FILE: optionalText,
  TLS_CA_FILE: optionalText,
  VENUE_HOSTNAME: z
    .string()
    .trim()
    .toLowerCase()
    .transform((name) => name.replace(/\.local\.?$/, ''))
    .pipe(
      z
        .string()
        .regex(
          /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/,
          'VENUE_HOSTNAME must be one DNS label (letters, digits, hyphens)',
        ),
    )
    .default('olympiad'),
  MDNS: z.enum(['on', 'off']).default('on'),
  CONTRACT_CHECK: z.enum(['on', 'off']).default('off'),
  BACKUP_EVERY_MINUTES: optionalText.pipe(
    z.coerce
      .number<string | undefined>()
      .refine(
        (minutes) => minutes === 0 || minutes >= 0.01,
        'BACKUP_EVERY_MINUTES: 0 (off) or minutes, at least 0.01',
      )
      .optional(),
  ),
  BACKUP_KEEP: z.coerce.number().int().min(1).default(36),
  VENUE_TIME_ZONE: optionalText.refine(
    (zone) => zone === undefined || isTimeZone(zone),
    'VENUE_TIME_ZONE must be an IANA time zone such as Asia/Almaty',
  ),
});

/** The names of every variable the server reads (a deployment's files are checked against them). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(envSchema.shape);

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  mqtt:
    | {
        kind: 'embedded';
        port: number;
        host: string;
        /**
         * MQTT over TLS on this port with the HTTPS certificate (docs/venue-network.md); absent
         * when HTTPS or MQTT_TLS is off.
         */
        tlsPort?: number;
      }
    | {
        kind: 'external';
        url: string;
        username?: string;
        password?: string;
        clientId?: string;
        /**
         * The MQTT shared-subscription group the replicas split device messages in
         * (docs/deploy.md#sensors-with-several-replicas); absent: every message to this server.
         */
        shareGroup?: string;
      };
  /**
   * The Redis that several replicas share (docs/deploy.md); absent on a single venue laptop, where
   * everything stays in the one process.
   */
  redisUrl?: string;
  /**
   * Express's `trust proxy` (docs/deploy.md#behind-a-load-balancer): the balancer's hop count or
   * addresses, so the client address comes from X-Forwarded-For only when the balancer sent it.
   * Absent: the socket's address, and X-Forwarded-For is ignored (one venue laptop).
   */
  trustProxy?: number | string[];
  /** Events a single device may send per second (bursts up to twice that); more are refused as a flood. */
  sensorMaxEventsPerSecond: number;
  jwtSecret?: string;
  /**
   * The signing secret JWT_SECRET had before it was changed: its tokens are still accepted, so a
   * rotation signs nobody out (docs/security.md#token-signing-keys).
   */
  jwtSecretPrevious?: string;
  /**
   * Origins besides the server's own whose pages may call the API from a browser
   * (docs/security.md#cors), e.g. `https://results.olympiad.kz`.
   */
  corsOrigins: string[];
  admin: { username: string; password?: string };
  publicUrl: string;
  staticDir: string;
  logLevel: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
  /** `json`: one JSON line per log record and per request, with a request id (docs/deploy.md). */
  logFormat: 'text' | 'json';
  /** How long /api/health/ready answers 503 before a stopping server closes (docs/deploy.md). */
  shutdownDrainMs: number;
  /**
   * How often each replica tells its live rooms where they are; 0: never. Default 15 s with
   * REDIS_URL, off on one venue laptop, whose in-process broadcasts do not go silent
   * (docs/deploy.md#silent-rooms).
   */
  liveBeaconMs: number;
  /**
   * How far V8 lets its old generation grow past what the last full collection kept, in per cent;
   * 0 leaves it to V8 (docs/performance.md#memory-per-viewer).
   */
  heapGrowingPercent: number;
  maxBody: string;
  /** IANA zone of the venue: times of day on documents are printed in it, with the zone named. */
  venueTimeZone: string;
  /**
   * How a linked venue sends its stage to the republic server (docs/federation.md): how often it
   * looks for what waits, and how many ledger entries go in one batch.
   */
  federation: { tickMs: number; batchEntries: number };
  /** HTTPS on the LAN (docs/venue-network.md): the venue's own CA, a certificate the venue brought, or none. */
  https:
    | { kind: 'off' }
    | { kind: 'venue-ca'; port: number }
    | { kind: 'own-certificate'; port: number; certFile: string; keyFile: string; caFile?: string };
  /** The name announced by mDNS, without `.local` (e.g. `olympiad`). */
  venueHostname: string;
  mdns: boolean;
  /**
   * Whether every JSON answer is checked against its route's response schema in libs/contracts
   * (an answer that does not match becomes a 500). The test suites turn it on.
   */
  contractCheck: boolean;
  /**
   * The server's own backups into DATA_DIR/backups (docs/operations.md): every `everyMs` (0: off,
   * always off on PostgreSQL, which pg_dump backs up), the newest `keep` kept.
   */
  backups: { everyMs: number; keep: number };
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (issue) => `  ${issue.path.join('.') || 'env'}: ${issue.message}`,
    );
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(cwd, e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'sqlite', file: path.join(dataDir, 'olympiad.sqlite') },
    mqtt: e.MQTT_URL
      ? {
          kind: 'external',
          url: e.MQTT_URL,
          username: e.MQTT_USERNAME,
          password: e.MQTT_PASSWORD,
          clientId: e.MQTT_CLIENT_ID,
          shareGroup: mqttShareGroup(e.MQTT_SHARE_GROUP, Boolean(e.DATABASE_URL)),
        }
      : {
          kind: 'embedded',
          port: e.MQTT_PORT,
          host: e.MQTT_HOST,
          ...(e.HTTPS === 'on' && e.MQTT_TLS === 'on' ? { tlsPort: e.MQTT_TLS_PORT } : {}),
        },
    redisUrl: e.REDIS_URL,
    trustProxy: e.TRUST_PROXY,
    sensorMaxEventsPerSecond: e.SENSOR_MAX_EVENTS_PER_SECOND,
    jwtSecret: e.JWT_SECRET,
    jwtSecretPrevious: e.JWT_SECRET_PREVIOUS,
    corsOrigins: e.CORS_ORIGINS,
    admin: { username: e.ADMIN_USERNAME, password: e.ADMIN_PASSWORD },
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    staticDir: path.resolve(cwd, e.STATIC_DIR),
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    shutdownDrainMs: e.SHUTDOWN_DRAIN_MS,
    liveBeaconMs: e.LIVE_BEACON_MS ?? (e.REDIS_URL ? 15_000 : 0),
    heapGrowingPercent: e.HEAP_GROWING_PERCENT,
    maxBody: e.MAX_BODY,
    venueTimeZone: e.VENUE_TIME_ZONE ?? 'Asia/Almaty',
    federation: { tickMs: e.FEDERATION_TICK_MS, batchEntries: e.FEDERATION_BATCH_ENTRIES },
    https: httpsConfig(e, cwd),
    venueHostname: e.VENUE_HOSTNAME,
    mdns: e.MDNS === 'on',
    contractCheck: e.CONTRACT_CHECK === 'on',
    backups: {
      everyMs: e.DATABASE_URL ? 0 : Math.round((e.BACKUP_EVERY_MINUTES ?? 10) * 60_000),
      keep: e.BACKUP_KEEP,
    },
  };
}

function httpsConfig(e: z.infer<typeof envSchema>, cwd: string): AppConfig['https'] {
  if (e.HTTPS === 'off') return { kind: 'off' };
  if (!e.TLS_CERT_FILE && !e.TLS_KEY_FILE) return { kind: 'venue-ca', port: e.HTTPS_PORT };
  if (!e.TLS_CERT_FILE || !e.TLS_KEY_FILE) {
    throw new ConfigError(
      'Invalid configuration:\n  TLS_CERT_FILE and TLS_KEY_FILE go together: set both, or neither for the venue CA',
    );
  }
  return {
    kind: 'own-certificate',
    port: e.HTTPS_PORT,
    certFile: path.resolve(cwd, e.TLS_CERT_FILE),
    keyFile: path.resolve(cwd, e.TLS_KEY_FILE),
    caFile: e.TLS_CA_FILE ? path.resolve(cwd, e.TLS_CA_FILE) : undefined,
  };
}

/** `scheme://host[:port]` items, each written as the browser sends it in `Origin`; undefined if one is not an origin. */
function parseOrigins(value: string): string[] | undefined {
  const origins: string[] = [];
  for (const item of value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    let url: URL;
    try {
      url = new URL(item);
    } catch {
      return undefined;
    }
    const bare = url.pathname === '/' && !url.search && !url.hash && !url.username;
    if (!['http:', 'https:'].includes(url.protocol) || !bare) return undefined;
    origins.push(url.origin);
  }
  return origins;
}

const NAMED_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * A hop count, or a comma-separated list of addresses, subnets (CIDR) and the named ranges Express
 * knows; anything else (`true` = trust every hop included) is refused, as it would let any device
 * choose its own address.
 */
function parseTrustProxy(value: string): number | string[] | undefined {
  if (/^\d+$/.test(value)) return Number(value) >= 1 ? Number(value) : undefined;
  const items = value.split(',').map((item) => item.trim());
  const valid = items.every((item) => {
    if (NAMED_RANGES.includes(item)) return true;
    const [address, bits, ...rest] = item.split('/');
    const family = net.isIP(address);
    if (!family || rest.length > 0) return false;
    if (bits === undefined) return true;
    return /^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
  });
  return valid ? items : undefined;
}

/** Injection token for the validated configuration. */
export const APP_CONFIG = Symbol('APP_CONFIG');

/**
 * Replicas exist only on PostgreSQL, so there the external broker's messages are shared by
 * default; a SQLite server is one process and keeps its persistent session (docs/deploy.md).
 */
function mqttShareGroup(value: string | undefined, onPostgres: boolean): string | undefined {
  if (value === 'off') return undefined;
  return value ?? (onPostgres ? 'olympiad-api' : undefined);
}
