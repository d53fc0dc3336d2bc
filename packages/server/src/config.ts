import path from 'node:path';
import { z } from 'zod';
import { OperatorError } from './platform/errors.ts';

/**
 * Every setting comes from the environment, is checked once at start, and every bad value is
 * reported on its own line so an operator can fix them all in one go.
 */
const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();

const envSchema = z.object({
  PORT: port.default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  NODE_ENV: z.string().optional(),
  YIWANG_SESSION_KEY: z.string().optional(),
  YIWANG_SESSION_KEY_FILE: z.string().optional(),
  YIWANG_DATA_KEY: z.string().optional(),
  YIWANG_DATA_KEY_FILE: z.string().optional(),
  BODY_LIMIT_BYTES: positiveInt.default(1_048_576),
  RATE_LIMIT_PER_MINUTE: positiveInt.default(600),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  WEB_DIST_DIR: z.string().optional(),
  YIWANG_AUDIT_SIGNING_KEY_FILE: z.string().optional(),
  AUDIT_CHECKPOINT_SECONDS: positiveInt.default(60),
  SHUTDOWN_TIMEOUT_MS: positiveInt.default(10_000),
  EMBEDDED_PG_FAST: z.enum(['true', 'false']).default('false'),
  PASSWORD_MIN_LENGTH: z.coerce.number().int().min(8).max(128).default(8),
  PASSWORD_MIN_CLASSES: z.coerce.number().int().min(1).max(4).default(3),
  PASSWORD_MAX_AGE_DAYS: positiveInt.default(90),
  LOGIN_MAX_FAILURES: positiveInt.default(5),
  LOGIN_LOCK_MINUTES: positiveInt.default(15),
  LOGIN_ATTEMPTS_PER_MINUTE: positiveInt.default(30),
  SESSION_IDLE_MINUTES: positiveInt.default(30),
  SESSION_ABSOLUTE_HOURS: positiveInt.default(12),
  CITIZEN_SECOND_FACTOR: z.enum(['required', 'optional']).default('optional'),
  SECURE_COOKIES: z.enum(['auto', 'true', 'false']).default('auto'),
  FILE_STORE: z.enum(['local', 's3']).default('local'),
  FILE_DIR: z.string().min(1).optional(),
  UPLOAD_MAX_BYTES: positiveInt.default(20 * 1_048_576),
  S3_ENDPOINT: z.url().optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_BUCKET: z.string().min(1).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).default('true'),
  CLAMD_HOST: z.string().min(1).optional(),
  CLAMD_PORT: port.default(3310),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('一网政务平台 <noreply@yiwang.invalid>'),
  SMS_GATEWAY_URL: z.url().optional(),
  SMS_GATEWAY_TOKEN: z.string().min(1).optional(),
  NOTIFY_MAX_ATTEMPTS: positiveInt.default(8),
  SWEEP_SECONDS: positiveInt.default(30),
  CASE_WARN_SHARE: z.coerce.number().gt(0).lt(1).default(0.2),
  RATING_FOLLOW_UP_WORKDAYS: positiveInt.default(5),
  PUBLIC_URL: z.url().optional(),
  CA_NAME: z.string().trim().min(2).max(40).default('黑龙江省电子政务认证中心'),
  CA_BASE_URL: z.url().optional(),
  CA_SEAL_ALGORITHM: z.enum(['SM2-SM3', 'ECDSA-P256-SHA256']).default('SM2-SM3'),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  logFormat: 'json' | 'pretty';
  production: boolean;
  keySources: { session: KeySource; data: KeySource };
  bodyLimitBytes: number;
  rateLimitPerMinute: number;
  trustProxy: boolean;
  webDistDir: string | undefined;
  /** The checkpoint signing key shared by all nodes; generated per node when absent. */
  auditSigningKeyFile: string | undefined;
  auditCheckpointSeconds: number;
  shutdownTimeoutMs: number;
  /** Trade durability for speed in a throw-away embedded database (tests only). */
  embeddedPgFast: boolean;
  security: SecuritySettings;
  files: FileSettings;
  notify: NotifySettings;
  cases: CaseSettings;
  ca: CaSettings;
};

/** The CA centre: its name in certificates, where relying parties reach it, the suite seals use. */
export type CaSettings = {
  name: string;
  /** Written into every certificate (CRL, OCSP and issuer URLs), so it must outlive them. */
  baseUrl: string;
  sealAlgorithm: 'SM2-SM3' | 'ECDSA-P256-SHA256';
};

/** Where uploaded materials go and how they are checked; secrets stay in here, never in logs. */
export type FileSettings = {
  store: 'local' | 's3';
  /** The local store's folder (default DATA_DIR/files). */
  dir: string;
  maxUploadBytes: number;
  s3?: {
    endpoint?: string;
    region: string;
    bucket: string;
    accessKeyId?: string;
    secretAccessKey?: string;
    forcePathStyle: boolean;
  };
  /** ClamAV's clamd, when configured; otherwise uploads are recorded as not scanned. */
  clamd?: { host: string; port: number };
};

export type NotifySettings = {
  smtpUrl?: string;
  mailFrom: string;
  sms?: { url: string; token?: string };
  maxAttempts: number;
};

export type CaseSettings = {
  sweepSeconds: number;
  /** Warn when this share of a clock's time is left (0.2: a fifth). */
  warnShare: number;
  /** Where people open the platform, for links in e-mail and SMS. */
  publicUrl?: string;
  /** Working days a department has to follow up a bad review (no national figure; local rules say 5 or 15). */
  ratingFollowUpWorkdays?: number;
};

/** Graded protection level 3 in numbers: the common settings, every one configurable. */
export type SecuritySettings = {
  password: { minLength: number; minClasses: number; maxAgeDays: number };
  lockout: { maxFailures: number; lockMinutes: number; attemptsPerMinute: number };
  session: { idleMinutes: number; absoluteHours: number };
  citizenSecondFactor: 'required' | 'optional';
  secureCookies: 'auto' | 'always' | 'never';
};

export const defaultSecurity: SecuritySettings = {
  password: { minLength: 8, minClasses: 3, maxAgeDays: 90 },
  lockout: { maxFailures: 5, lockMinutes: 15, attemptsPerMinute: 30 },
  session: { idleMinutes: 30, absoluteHours: 12 },
  citizenSecondFactor: 'optional',
  secureCookies: 'auto',
};

export type KeySource = { value?: string; file?: string };

export class ConfigError extends OperatorError {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => describeIssue(i, env)));
  }
  const e = parsed.data;
  const problems = [...conflictingKeySources(e), ...incompleteStores(e)];
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT ?? (process.stdout.isTTY && e.NODE_ENV !== 'production' ? 'pretty' : 'json'),
    production: e.NODE_ENV === 'production',
    keySources: {
      session: { value: e.YIWANG_SESSION_KEY, file: e.YIWANG_SESSION_KEY_FILE },
      data: { value: e.YIWANG_DATA_KEY, file: e.YIWANG_DATA_KEY_FILE },
    },
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    trustProxy: e.TRUST_PROXY === 'true',
    webDistDir: e.WEB_DIST_DIR,
    auditSigningKeyFile: e.YIWANG_AUDIT_SIGNING_KEY_FILE,
    auditCheckpointSeconds: e.AUDIT_CHECKPOINT_SECONDS,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    embeddedPgFast: e.EMBEDDED_PG_FAST === 'true',
    security: {
      password: {
        minLength: e.PASSWORD_MIN_LENGTH,
        minClasses: e.PASSWORD_MIN_CLASSES,
        maxAgeDays: e.PASSWORD_MAX_AGE_DAYS,
      },
      lockout: {
        maxFailures: e.LOGIN_MAX_FAILURES,
        lockMinutes: e.LOGIN_LOCK_MINUTES,
        attemptsPerMinute: e.LOGIN_ATTEMPTS_PER_MINUTE,
      },
      session: { idleMinutes: e.SESSION_IDLE_MINUTES, absoluteHours: e.SESSION_ABSOLUTE_HOURS },
      citizenSecondFactor: e.CITIZEN_SECOND_FACTOR,
      secureCookies: e.SECURE_COOKIES === 'auto' ? 'auto' : e.SECURE_COOKIES === 'true' ? 'always' : 'never',
    },
    files: fileSettings(e),
    notify: {
      smtpUrl: e.SMTP_URL,
      mailFrom: e.MAIL_FROM,
      sms: e.SMS_GATEWAY_URL ? { url: e.SMS_GATEWAY_URL, token: e.SMS_GATEWAY_TOKEN } : undefined,
      maxAttempts: e.NOTIFY_MAX_ATTEMPTS,
    },
    cases: {
      sweepSeconds: e.SWEEP_SECONDS,
      warnShare: e.CASE_WARN_SHARE,
      publicUrl: e.PUBLIC_URL,
      ratingFollowUpWorkdays: e.RATING_FOLLOW_UP_WORKDAYS,
    },
    ca: {
      name: e.CA_NAME,
      baseUrl: (e.CA_BASE_URL ?? e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
      sealAlgorithm: e.CA_SEAL_ALGORITHM,
    },
  };
}

type Env = z.infer<typeof envSchema>;

function fileSettings(e: Env): FileSettings {
  return {
    store: e.FILE_STORE,
    dir: path.resolve(e.FILE_DIR ?? path.join(e.DATA_DIR, 'files')),
    maxUploadBytes: e.UPLOAD_MAX_BYTES,
    s3: e.S3_BUCKET
      ? {
          endpoint: e.S3_ENDPOINT,
          region: e.S3_REGION,
          bucket: e.S3_BUCKET,
          accessKeyId: e.S3_ACCESS_KEY_ID,
          secretAccessKey: e.S3_SECRET_ACCESS_KEY,
          forcePathStyle: e.S3_FORCE_PATH_STYLE === 'true',
        }
      : undefined,
    clamd: e.CLAMD_HOST ? { host: e.CLAMD_HOST, port: e.CLAMD_PORT } : undefined,
  };
}

/** Settings that hold key material or credentials: never echoed back, even when malformed. */
const SECRET_NAMES = /_KEY$|_TOKEN$|^SMTP_URL$/;

function describeIssue(issue: z.core.$ZodIssue, env: NodeJS.ProcessEnv): string {
  const name = String(issue.path[0]);
  const got = env[name];
  const shown = SECRET_NAMES.test(name) ? '(hidden)' : JSON.stringify(got);
  return `${name}: ${issue.message} (got ${shown})`;
}

function incompleteStores(e: Env): string[] {
  if (e.FILE_STORE === 's3' && !e.S3_BUCKET) return ['S3_BUCKET: FILE_STORE=s3 needs a bucket'];
  return [];
}

function conflictingKeySources(e: z.infer<typeof envSchema>): string[] {
  const problems: string[] = [];
  for (const key of ['YIWANG_SESSION_KEY', 'YIWANG_DATA_KEY'] as const) {
    if (e[key] && e[`${key}_FILE`]) problems.push(`${key}: give either ${key} or ${key}_FILE, not both`);
  }
  return problems;
}
