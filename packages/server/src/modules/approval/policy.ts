import { hasRole, readsBusinessData, type UnitPlace } from '../../platform/access/policy.ts';
import type { Principal } from '../../platform/access/principal.ts';

/** Who reads the department figures: statisticians, department heads and administrators, supervisors. */
export const STATISTICS_ROLES = ['statistician', 'dept_admin', 'agency_head', 'supervisor'];

export function mayReadStatistics(p: Principal | undefined): p is Principal {
  return Boolean(p && readsBusinessData(p) && hasRole(p, STATISTICS_ROLES));
}

/** The departments a reader's statistics roles reach. */
export function statisticsCover(p: Principal) {
  return (unit: UnitPlace) => hasRole(p, STATISTICS_ROLES, unit);
}

export function isApplicant(p: Principal | undefined): p is Principal {
  return p?.kind === 'citizen' || p?.kind === 'business';
}
