import { hasRole, isOfficer, readsBusinessData } from '../../platform/access/policy.ts';
import type { Principal } from '../../platform/access/principal.ts';

/** Accounts, roles and memberships are the security administrator's (three-officer separation). */
export const canManageAccounts = (p: Principal | undefined) => isOfficer(p, 'security_admin');

/** Window staff see a person's documents, so they mark an account verified and may unmask it. */
export const canVerifyIdentity = (p: Principal | undefined) => readsBusinessData(p) && hasRole(p, ['clerk']);
export const canRevealPersonalData = (p: Principal | undefined) =>
  readsBusinessData(p) && hasRole(p, ['clerk', 'petition_officer']);
