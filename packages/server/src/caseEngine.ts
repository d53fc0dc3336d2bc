import { CalendarSource } from './cases/calendarSource.ts';
import type { ProcessDefinition } from './cases/definition.ts';
import type { CaseEngine, Notifier } from './cases/engine.ts';
import { ProcessRegistry } from './cases/registry.ts';
import type { CaseSettings } from './config.ts';
import { disclosureProcess } from './modules/disclosure/process.ts';
import { BUILTIN_ROLES } from './modules/identity/roles.ts';
import type { PlatformServices } from './platform/services.ts';

/** Every process the platform runs, each version kept while cases begun under it remain. */
export const PROCESSES: readonly ProcessDefinition[] = [disclosureProcess];

export const defaultCaseSettings: CaseSettings = { sweepSeconds: 30, warnShare: 0.2 };

/** The case engine over the platform's services; refuses to build on a broken definition. */
export function buildCaseEngine(
  services: PlatformServices,
  settings: CaseSettings,
  notify: Notifier,
  processes: readonly ProcessDefinition[] = PROCESSES,
): CaseEngine {
  return {
    registry: new ProcessRegistry(processes, new Set(BUILTIN_ROLES.map((r) => r.code))),
    calendars: new CalendarSource(),
    cipher: services.cipher,
    notify,
    warnShare: settings.warnShare,
  };
}
