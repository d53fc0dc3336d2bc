import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { buildApp } from '../../src/app.ts';
import type { Db } from '../../src/platform/db/database.ts';

/** The real application on a test database, driven in process with `app.inject`. */
export function createTestApp(
  db: Db,
  overrides: { rateLimitPerMinute?: number } = {},
): Promise<FastifyInstance> {
  return buildApp({
    db,
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    config: {
      bodyLimitBytes: 64 * 1024,
      rateLimitPerMinute: overrides.rateLimitPerMinute ?? 10_000,
      trustProxy: false,
      webDistDir: '/nonexistent',
    },
  });
}
