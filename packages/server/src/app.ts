import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import { registerPortalRoutes } from './modules/portal/routes.ts';
import type { Db } from './platform/db/database.ts';
import { createHttpServer } from './platform/http/server.ts';
import { registerSystemRoutes } from './platform/http/system.ts';
import { registerWebApp } from './platform/http/web.ts';

export const defaultWebDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

export type AppDeps = {
  config: Pick<Config, 'bodyLimitBytes' | 'rateLimitPerMinute' | 'trustProxy' | 'webDistDir'>;
  db: Db;
  logger: Logger;
};

/** The composition root: the platform's HTTP server with every module's routes on it. */
export async function buildApp({ config, db, logger }: AppDeps): Promise<FastifyInstance> {
  const app = await createHttpServer({ logger, ...config });
  registerSystemRoutes(app, db);
  registerPortalRoutes(app, db);
  await registerWebApp(app, path.resolve(config.webDistDir ?? defaultWebDist));
  await app.ready();
  return app;
}
