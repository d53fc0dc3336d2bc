import type { Officer } from '../db/schema.ts';
import type { Membership, Principal } from './principal.ts';

/** Where a unit sits: enough to decide whether a membership's reach covers it. */
export type UnitPlace = { id: string; territorialPath: string; linePath: string };

/** A membership covers its unit, its territorial subtree, or its line below it. */
export function reachCovers(m: Membership, unit: UnitPlace): boolean {
  if (m.reach === 'unit') return m.orgUnitId === unit.id;
  if (m.reach === 'subtree') return unit.territorialPath.startsWith(m.territorialPath);
  return unit.linePath.startsWith(m.linePath);
}

export function hasRole(p: Principal | undefined, roles: readonly string[], unit?: UnitPlace): boolean {
  if (!p) return false;
  return p.memberships.some((m) => roles.includes(m.roleCode) && (!unit || reachCovers(m, unit)));
}

export function isOfficer(p: Principal | undefined, officer: Officer): boolean {
  return Boolean(p?.memberships.some((m) => m.officer === officer));
}

/** The three officers administer the platform but read no business data. */
export function readsBusinessData(p: Principal | undefined): boolean {
  return Boolean(p && p.memberships.length > 0 && p.memberships.every((m) => m.readsBusinessData));
}

export function isStaff(p: Principal | undefined): p is Principal {
  return p?.kind === 'staff';
}

/**
 * Three-officer separation (GB/T 22239 level 3): an officer role is held alone. Returns the
 * reason a new grant would break it, or null when it may be granted.
 */
export function separationConflict(
  held: ReadonlyArray<{ roleCode: string; officer: Officer | null }>,
  granting: { roleCode: string; officer: Officer | null },
): 'officer_roles_exclusive' | null {
  const others = held.filter((h) => h.roleCode !== granting.roleCode);
  if (others.length === 0) return null;
  if (granting.officer || others.some((h) => h.officer)) return 'officer_roles_exclusive';
  return null;
}
