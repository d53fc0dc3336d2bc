import { isOfficer } from '../../platform/access/policy.ts';
import type { Principal } from '../../platform/access/principal.ts';

/** The organisation structure is public information; changing it is the security administrator's. */
export const canReadOrgTree = (_p: Principal | undefined) => true;
export const canChangeOrgTree = (p: Principal | undefined) => isOfficer(p, 'security_admin');
