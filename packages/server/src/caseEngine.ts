import os from 'node:os';
import path from 'node:path';
import { CalendarSource } from './cases/calendarSource.ts';
import type { ProcessDefinition } from './cases/definition.ts';
import type { CaseEngine, Notifier } from './cases/engine.ts';
import { ProcessRegistry } from './cases/registry.ts';
import type { CaseSettings, FileSettings } from './config.ts';
import { issueLicenceDocuments } from './modules/approval/documents.ts';
import { licenceProcess } from './modules/approval/process.ts';
import { disclosureProcess } from './modules/disclosure/process.ts';
import { BUILTIN_ROLES } from './modules/identity/roles.ts';
import type { NotificationParams } from './platform/db/tables/notify.ts';
import type { FileStore } from './platform/files/index.ts';
import { enqueueNotification } from './platform/notify/enqueue.ts';
import type { PlatformServices } from './platform/services.ts';

/** Every process the platform runs, each version kept while cases begun under it remain. */
export const PROCESSES: readonly ProcessDefinition[] = [disclosureProcess, licenceProcess];

export const defaultCaseSettings: CaseSettings = { sweepSeconds: 30, warnShare: 0.2 };

/**
 * The case engine over the platform's services; refuses to build on a broken definition. With a
 * file store, the licence process issues its written documents (受理通知书, 决定书, …) as files of
 * the case within each action; without one (a seed or a test that needs none) it issues none.
 */
export function buildCaseEngine(
  services: PlatformServices,
  settings: CaseSettings,
  processes: readonly ProcessDefinition[] = PROCESSES,
  files?: FileStore,
): CaseEngine {
  const calendars = new CalendarSource();
  return {
    registry: new ProcessRegistry(processes, new Set(BUILTIN_ROLES.map((r) => r.code))),
    calendars,
    cipher: services.cipher,
    notify: caseNotifier,
    warnShare: settings.warnShare,
    ...(files ? { afterAction: { [licenceProcess.code]: issueLicenceDocuments({ files, calendars }) } } : {}),
  };
}

/** Case messages go to the inbox at once and to SMS or e-mail through the outbox. */
const caseNotifier: Notifier = async (tx, message) => {
  await enqueueNotification(tx, {
    recipientUserId: message.recipientUserId,
    code: message.code,
    params: message.params as NotificationParams,
    caseId: message.caseId,
    link: message.link,
  });
};

/** Where uploads go when no setting says (an app built in a test): a fresh temporary folder. */
export function scratchFileSettings(): FileSettings {
  return {
    store: 'local',
    dir: path.join(os.tmpdir(), `yiwang-files-${process.pid}`),
    maxUploadBytes: 20 * 1_048_576,
  };
}
