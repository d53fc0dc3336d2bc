import {
  type CreateStaff,
  type GrantMembership,
  roleListSchema,
  staffCreatedSchema,
  userListSchema,
} from '@yiwang/contracts';
import { api, queryString } from './client.ts';

export type AccountKind = 'staff' | 'citizen' | 'business';

export async function listUsers(params: { q?: string; kind?: AccountKind }) {
  const query = queryString({ q: params.q?.trim(), kind: params.kind });
  return (await api.get(`/api/v1/admin/users${query}`, userListSchema)).items;
}

export const createStaff = (input: CreateStaff) => api.post('/api/v1/admin/users', input, staffCreatedSchema);

export async function listRoles() {
  return (await api.get('/api/v1/admin/roles', roleListSchema)).items;
}

export const grantMembership = (userId: string, input: GrantMembership) =>
  api.command(`/api/v1/admin/users/${userId}/memberships`, input);

export const revokeMembership = (userId: string, membershipId: string) =>
  api.command(`/api/v1/admin/users/${userId}/memberships/${membershipId}/revoke`);

export const unlockUser = (userId: string) => api.command(`/api/v1/admin/users/${userId}/unlock`);
