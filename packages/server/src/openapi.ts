import pino from 'pino';
import { buildApp } from './app.ts';
import { defaultSecurity } from './config.ts';
import { createDb } from './platform/db/database.ts';
import { createFieldCipher } from './platform/keys/fieldCipher.ts';
import { windowCheckOnly } from './platform/realName.ts';

/**
 * The OpenAPI document as the server generates it from the zod contracts. Building the app
 * opens no database connection: the pool connects on first query, and none is made here.
 */
export async function generateOpenApi(): Promise<unknown> {
  const db = createDb('postgres://openapi@127.0.0.1:1/none', { max: 1 });
  const app = await buildApp({
    services: {
      db,
      security: defaultSecurity,
      cipher: createFieldCipher(Buffer.alloc(32)),
      realName: windowCheckOnly,
    },
    logger: pino({ level: 'silent' }),
    config: { bodyLimitBytes: 1, rateLimitPerMinute: 1, trustProxy: false, webDistDir: '/nonexistent' },
  });
  const doc = app.swagger();
  await app.close();
  await db.destroy();
  return doc;
}
