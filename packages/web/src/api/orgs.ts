import {
  type CreateOrgUnit,
  type MergeOrgUnit,
  type OrgUnit,
  orgUnitDetailSchema,
  orgUnitListSchema,
  orgUnitSchema,
  type RenameOrgUnit,
  type RetireOrgUnit,
} from '@yiwang/contracts';
import { api, queryString } from './client.ts';

export type OrgTree = 'territorial' | 'line';

export async function listUnits(params: {
  tree: OrgTree;
  parentId?: string;
  q?: string;
  includeRetired?: boolean;
}): Promise<OrgUnit[]> {
  const query = queryString({
    tree: params.tree,
    parentId: params.parentId,
    q: params.q?.trim(),
    includeRetired: params.includeRetired ? 'true' : undefined,
  });
  return (await api.get(`/api/v1/orgs/units${query}`, orgUnitListSchema)).items;
}

export const fetchUnit = (id: string) => api.get(`/api/v1/orgs/units/${id}`, orgUnitDetailSchema);

export const addDepartment = (input: CreateOrgUnit) => api.post('/api/v1/orgs/units', input, orgUnitSchema);

export const renameUnit = (id: string, input: RenameOrgUnit) =>
  api.post(`/api/v1/orgs/units/${id}/rename`, input, orgUnitSchema);

export const retireUnit = (id: string, input: RetireOrgUnit) =>
  api.post(`/api/v1/orgs/units/${id}/retire`, input, orgUnitSchema);

export const mergeUnit = (id: string, input: MergeOrgUnit) =>
  api.post(`/api/v1/orgs/units/${id}/merge`, input, orgUnitSchema);
