import type { Logger } from 'pino';
import { buildCaseEngine, PROCESSES } from './caseEngine.ts';
import { runSweeps } from './cases/sweeps.ts';
import { caseTemplates } from './cases/templates.ts';
import type { Config } from './config.ts';
import { runEvery } from './platform/audit/schedule.ts';
import { refreshCrls, SoftwareKeyStore } from './platform/ca/index.ts';
import { openFileStore } from './platform/files/index.ts';
import { notifyDepsFrom, startNotificationLoop } from './platform/notify/dispatch.ts';
import type { PlatformServices } from './platform/services.ts';

/**
 * The deadline sweeps, the notification dispatcher and the daily CRL re-signing. Both lock with SKIP LOCKED, so every
 * server process runs them and none waits on another. Returns the function that stops both.
 */
export function startBackgroundWork(
  services: PlatformServices,
  config: Config,
  logger: Logger,
): () => Promise<void> {
  // Deemed outcomes the sweep applies issue their documents too (a deemed 受理通知书).
  const files = openFileStore(config.files, services.cipher, services.db);
  const engine = buildCaseEngine(services, config.cases, PROCESSES, files);
  const stop = new AbortController();
  const sweeps = runEvery(
    async () => {
      const counts = await runSweeps(engine, services.db);
      if (Object.values(counts).some((n) => n > 0)) logger.info(counts, 'deadline sweep');
    },
    {
      intervalMs: config.cases.sweepSeconds * 1000,
      signal: stop.signal,
      onError: (err) => logger.error({ err }, 'deadline sweep failed'),
    },
  );
  const stopNotifications = startNotificationLoop(
    services.db,
    notifyDepsFrom(config, services, { templates: caseTemplates, logger }),
    { intervalMs: 5_000, onError: (err) => logger.error({ err }, 'notification dispatch failed') },
  );
  // CRLs older than a day are re-signed, so relying parties never hold an expired one.
  const keys = new SoftwareKeyStore(services.cipher);
  const crls = runEvery(
    async () => {
      const signed = await refreshCrls(services.db, keys);
      if (signed > 0) logger.info({ signed }, 'CRLs re-signed');
    },
    {
      intervalMs: 3_600_000,
      signal: stop.signal,
      onError: (err) => logger.error({ err }, 'CRL refresh failed'),
    },
  );
  return async () => {
    stop.abort();
    await Promise.all([sweeps, crls, stopNotifications()]);
  };
}
