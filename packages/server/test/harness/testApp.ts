import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';
import { buildApp } from '../../src/app.ts';
import { type CaSettings, defaultSecurity, type SecuritySettings } from '../../src/config.ts';
import type { Db } from '../../src/platform/db/database.ts';
import { createFieldCipher } from '../../src/platform/keys/fieldCipher.ts';
import { windowCheckOnly } from '../../src/platform/realName.ts';
import type { PlatformServices } from '../../src/platform/services.ts';

export function testServices(db: Db, security: Partial<SecuritySettings> = {}): PlatformServices {
  return {
    db,
    security: { ...defaultSecurity, ...security },
    cipher: createFieldCipher(randomBytes(32)),
    realName: windowCheckOnly,
  };
}

/** The real application on a test database, driven in process with `app.inject`. */
export function createTestApp(
  db: Db,
  overrides: {
    rateLimitPerMinute?: number;
    services?: PlatformServices;
    logger?: Logger;
    ca?: CaSettings;
  } = {},
): Promise<FastifyInstance> {
  return buildApp({
    services: overrides.services ?? testServices(db),
    logger: overrides.logger ?? pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    config: {
      ...(overrides.ca ? { ca: overrides.ca } : {}),
      bodyLimitBytes: 64 * 1024,
      rateLimitPerMinute: overrides.rateLimitPerMinute ?? 10_000,
      trustProxy: false,
      webDistDir: '/nonexistent',
    },
  });
}
