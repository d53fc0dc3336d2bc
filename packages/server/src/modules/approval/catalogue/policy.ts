import { hasRole, type UnitPlace } from '../../../platform/access/policy.ts';
import type { Principal } from '../../../platform/access/principal.ts';

/** The catalogue's guides are public information (行政许可法第30条): anyone reads published versions. */
export const canReadPublishedServices = (_p: Principal | undefined) => true;

const MANAGERS = ['dept_admin'] as const;

/** Whether the caller administers services anywhere: the first gate, before any record is loaded. */
export const managesServices = (p: Principal | undefined) => hasRole(p, MANAGERS);

/**
 * A department administrator defines and publishes the services of the units their membership
 * reaches (the unit, its territorial subtree, or its line below it); nobody else does.
 */
export const canManageService = (p: Principal | undefined, owningUnit: UnitPlace) =>
  hasRole(p, MANAGERS, owningUnit);
