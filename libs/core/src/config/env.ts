import 'reflect-metadata';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : /^-?\d+$/.test(String(value)) ? Number(value) : value;
const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : value === true || value === 'true' || value === '1' ? true : value === false || value === 'false' || value === '0' ? false : value;

/**
 * Every environment variable Jalin reads, validated once at boot.
 * Defaults work on a developer machine where PostgreSQL and Redis listen on localhost.
 * `.env.example` documents each one; keep the two in step.
 */
export class Env {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt) @IsInt() @Min(1) @Max(65535)
  PORT = 3000;

  @IsString() @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/jalin';

  @IsOptional() @IsString() @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_READ_URL must be a postgres:// URL' })
  DATABASE_READ_URL?: string;

  @Transform(toInt) @IsInt() @Min(1) @Max(200)
  DATABASE_POOL_SIZE = 10;

  @IsString() @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /**
   * Prefix of every Redis key (queues, rate limits). At most one `{hash tag}`: with the default
   * `{jalin}` every key of a deployment lands in one Redis Cluster slot, so BullMQ's multi-key
   * scripts and MULTI transactions are legal on a cluster.
   */
  @IsString()
  @Matches(/^(?=.)[A-Za-z0-9:_-]*(?:\{[A-Za-z0-9:_-]+\})?[A-Za-z0-9:_-]*$/, {
    message: 'REDIS_PREFIX may hold letters, digits, ":", "_" and "-", and at most one non-empty {hash tag}',
  })
  REDIS_PREFIX = '{jalin}';

  @IsString() @Matches(/^smtps?:\/\//, { message: 'SMTP_URL must be an smtp:// URL' })
  SMTP_URL = 'smtp://127.0.0.1:1025';

  /** The From header of every e-mail Jalin sends. */
  @IsString() @MinLength(3)
  MAIL_FROM = 'Jalin <no-reply@jalin.local>';

  /** How often the worker's outbox relay publishes pending rows to the queues (ms). */
  @Transform(toInt) @IsInt() @Min(200) @Max(3_600_000)
  OUTBOX_RELAY_INTERVAL_MS = 2_000;

  /** The relay's own timeout around each publish to Redis (ms): past it, rows stay pending for the next run. */
  @Transform(toInt) @IsInt() @Min(100) @Max(60_000)
  OUTBOX_PUBLISH_TIMEOUT_MS = 3_000;

  @IsString() @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET = 'dev-only-secret-change-me-0123456789abcdef';

  @IsString() @MinLength(1)
  JWT_ISSUER = 'jalin';

  @IsString() @MinLength(1)
  JWT_AUDIENCE = 'jalin-api';

  @Transform(toInt) @IsInt() @Min(30) @Max(86_400)
  JWT_ACCESS_TTL_SECONDS = 900;

  @Transform(toInt) @IsInt() @Min(60) @Max(31_536_000)
  JWT_REFRESH_TTL_SECONDS = 2_592_000;

  @IsOptional() @IsEmail({}, { message: 'ADMIN_EMAIL must be an e-mail address' })
  ADMIN_EMAIL?: string;

  @IsOptional() @IsString() @MinLength(10, { message: 'ADMIN_PASSWORD must be at least 10 characters' })
  ADMIN_PASSWORD?: string;

  @IsIn(['uu-9-1995', 'uu-20-2008', 'pp-7-2021'])
  SIZE_REGIME: 'uu-9-1995' | 'uu-20-2008' | 'pp-7-2021' = 'pp-7-2021';

  @Transform(toInt) @IsInt() @Min(1) @Max(10_000)
  LOGIN_LIMIT_PER_EMAIL = 5;

  @Transform(toInt) @IsInt() @Min(1) @Max(100_000)
  LOGIN_LIMIT_PER_IP = 20;

  @Transform(toInt) @IsInt() @Min(1) @Max(86_400)
  LOGIN_LIMIT_WINDOW_SECONDS = 900;

  /** Comma-separated origins allowed by CORS; empty = same origin only; `*` = any. */
  @IsString()
  CORS_ORIGINS = '';

  @Transform(toInt) @IsInt() @Min(1024) @Max(104_857_600)
  BODY_LIMIT_BYTES = 1_048_576;

  @Transform(toInt) @IsInt() @Min(1024) @Max(1_073_741_824)
  UPLOAD_LIMIT_BYTES = 10_485_760;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' = 'info';

  @Transform(toBool) @IsBoolean()
  SEED_DEMO_ON_EMPTY = true;

  @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  WORKER_HEALTH_PORT = 3001;

  @Transform(toInt) @IsInt() @Min(1000) @Max(60_000)
  SHUTDOWN_TIMEOUT_MS = 10_000;

  /** Jobs each worker process runs at once, per queue. */
  @Transform(toInt) @IsInt() @Min(1) @Max(100)
  WORKER_CONCURRENCY = 4;

  /** Where the local evidence storage keeps uploaded files (created if missing). */
  @IsString() @MinLength(1)
  EVIDENCE_DIR = 'var/evidence';

  /** Matching: candidate sets up to this size are scored in one query; larger ones walk score tiers. */
  @Transform(toInt) @IsInt() @Min(0) @Max(1_000_000)
  MATCH_SMALL_SET = 1500;

  /** Matching: serve GET /opportunities/:id/matches from the match cache when it is current (false: always rank live). */
  @Transform(toBool) @IsBoolean()
  MATCH_CACHE_READS = true;

  /** Matching: how many best-ranked firms the match cache keeps per OPEN opportunity (later pages rank live). */
  @Transform(toInt) @IsInt() @Min(1) @Max(100_000)
  MATCH_CACHE_SIZE = 500;

  /** Matching: how often the worker maintains the match cache (re-scores changed firms, builds missing caches). */
  @Transform(toInt) @IsInt() @Min(1) @Max(3_600)
  MATCH_CACHE_SWEEP_SECONDS = 5;

  /** How often the worker's sweep runs (closing expired opportunities; later: obligations, reminders). */
  @Transform(toInt) @IsInt() @Min(1) @Max(86_400)
  SWEEP_INTERVAL_SECONDS = 300;

  /** How often the worker's reminder sweep runs (seconds): finds due reminders, writes the ledger, enqueues deliveries. */
  @Transform(toInt) @IsInt() @Min(5) @Max(86_400)
  REMINDER_SWEEP_INTERVAL_SECONDS = 300;

  /** Tests and benchmarks only: a fixed instant (ISO 8601) the reminder sweep takes as "now". Unset in production. */
  @IsOptional() @IsISO8601({ strict: true }, { message: 'REMINDER_NOW must be an ISO 8601 instant' })
  REMINDER_NOW?: string;

  /** The web app's address, for links in e-mails. */
  @IsString() @Matches(/^https?:\/\/[^\s]+$/, { message: 'APP_URL must be an http(s):// URL' })
  APP_URL = 'http://localhost:3000';
}

export class EnvError extends Error {}

/** Validates `raw` (normally process.env); throws an EnvError naming every bad variable. */
export function validateEnv(raw: Record<string, unknown>): Env {
  const known = new Set([...Object.keys(new Env()), 'DATABASE_READ_URL', 'ADMIN_EMAIL', 'ADMIN_PASSWORD', 'REMINDER_NOW']);
  const present = Object.fromEntries(Object.entries(raw).filter(([k, v]) => known.has(k) && v !== undefined && v !== ''));
  const env = plainToInstance(Env, present, { exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: false });
  if (errors.length) {
    const lines = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new EnvError(`Invalid configuration — ${lines.join(' | ')}`);
  }
  return env;
}

let cached: Env | undefined;
/** The process-wide validated configuration (process.env validated on first use). */
export function loadEnv(): Env {
  cached ??= validateEnv(process.env);
  return cached;
}
export function resetEnvCache(): void {
  cached = undefined;
}
