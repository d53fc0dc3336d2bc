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
  SHUTDOWN_TIMEOUT_MS: positiveInt.default(10_000),
  EMBEDDED_PG_FAST: z.enum(['true', 'false']).default('false'),
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
  shutdownTimeoutMs: number;
  /** Trade durability for speed in a throw-away embedded database (tests only). */
  embeddedPgFast: boolean;
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
  const problems = conflictingKeySources(e);
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
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    embeddedPgFast: e.EMBEDDED_PG_FAST === 'true',
  };
}

function describeIssue(issue: z.core.$ZodIssue, env: NodeJS.ProcessEnv): string {
  const name = String(issue.path[0]);
  const got = env[name];
  // Key material must never be echoed back, even when it is malformed.
  const shown = name.endsWith('_KEY') ? '(hidden)' : JSON.stringify(got);
  return `${name}: ${issue.message} (got ${shown})`;
}

function conflictingKeySources(e: z.infer<typeof envSchema>): string[] {
  const problems: string[] = [];
  for (const key of ['YIWANG_SESSION_KEY', 'YIWANG_DATA_KEY'] as const) {
    if (e[key] && e[`${key}_FILE`]) problems.push(`${key}: give either ${key} or ${key}_FILE, not both`);
  }
  return problems;
}
