import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { buildCaseEngine, defaultCaseSettings, PROCESSES, scratchFileSettings } from './caseEngine.ts';
import { registerCalendarRoutes, registerTaskRoutes } from './cases/adminRoutes.ts';
import { listAttachments, missingMaterials, registerAttachmentRoutes } from './cases/attachments.ts';
import { registerCaseRoutes } from './cases/routes.ts';
import type { Config } from './config.ts';
import { registerServiceCatalogueRoutes } from './modules/approval/catalogue/routes.ts';
import { registerApprovalRoutes } from './modules/approval/routes.ts';
import { registerIdentityAdminRoutes } from './modules/identity/adminRoutes.ts';
import { registerAuthRoutes } from './modules/identity/authRoutes.ts';
import { registerOrgRoutes } from './modules/orgs/routes.ts';
import { registerPortalRoutes } from './modules/portal/routes.ts';
import { recordEvent } from './platform/audit/record.ts';
import { registerAuditRoutes } from './platform/audit/routes.ts';
import { registerCaAdminRoutes } from './platform/ca/adminRoutes.ts';
import { defaultCaSettings, openCa } from './platform/ca/index.ts';
import { registerCaPublicRoutes } from './platform/ca/routes.ts';
import { registerSealRoutes } from './platform/ca/sealing/routes.ts';
import { inTransaction } from './platform/db/transaction.ts';
import { openFileStore, registerMultipart } from './platform/files/index.ts';
import { registerAuthentication } from './platform/http/authenticate.ts';
import type { HttpProblem } from './platform/http/problems.ts';
import { createHttpServer } from './platform/http/server.ts';
import { registerSystemRoutes } from './platform/http/system.ts';
import { registerWebApp } from './platform/http/web.ts';
import { registerNotifyRoutes } from './platform/notify/routes.ts';
import type { PlatformServices } from './platform/services.ts';

export const defaultWebDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

export type AppDeps = {
  config: Pick<Config, 'bodyLimitBytes' | 'rateLimitPerMinute' | 'trustProxy' | 'webDistDir'> &
    Partial<Pick<Config, 'cases' | 'files' | 'notify' | 'ca'>>;
  services: PlatformServices;
  logger: Logger;
};

/** The composition root: the platform's HTTP server with every module's routes on it. */
export async function buildApp({ config, services, logger }: AppDeps): Promise<FastifyInstance> {
  const { db } = services;
  const recordDenial = (request: FastifyRequest, problem: HttpProblem) =>
    inTransaction(db, request.actor ?? {}, (tx) =>
      recordEvent(tx, {
        action: 'access.denied',
        outcome: 'denied',
        targetType: 'route',
        targetId: `${request.method} ${request.routeOptions.url ?? request.url.split('?')[0]}`,
        details: { code: problem.code },
      }),
    );
  const app = await createHttpServer({ logger, ...config, recordDenial });
  await registerAuthentication(app, db, services.security);
  registerSystemRoutes(app, db);
  registerPortalRoutes(app, db);
  registerOrgRoutes(app, db);
  registerServiceCatalogueRoutes(app, db);
  registerAuthRoutes(app, services);
  registerIdentityAdminRoutes(app, services);
  registerAuditRoutes(app, db);
  const files = openFileStore(config.files ?? scratchFileSettings(), services.cipher, db);
  const engine = buildCaseEngine(services, config.cases ?? defaultCaseSettings, PROCESSES, files);
  await registerMultipart(app, files);
  registerCaseRoutes(app, db, { ...engine, missingMaterials, listAttachments });
  registerAttachmentRoutes(app, db, engine, files);
  registerCalendarRoutes(app, db, engine);
  registerTaskRoutes(app, db);
  registerApprovalRoutes(app, db, { ...engine, listAttachments }, config.cases?.ratingFollowUpWorkdays ?? 5);
  registerNotifyRoutes(app, db);
  const ca = openCa(services, config.ca ?? defaultCaSettings, files);
  registerCaPublicRoutes(app, ca);
  registerCaAdminRoutes(app, ca);
  registerSealRoutes(app, services, ca);
  await registerWebApp(app, path.resolve(config.webDistDir ?? defaultWebDist));
  await app.ready();
  return app;
}
