import {
  applicationDraftSchema,
  createdCaseSchema,
  managedServiceListSchema,
  serviceFacetsSchema,
  serviceListSchema,
  type serviceVersionInputSchema,
  serviceVersionListSchema,
  serviceVersionSchema,
} from '@yiwang/contracts';
import type { z } from 'zod';
import { api, queryString } from './client.ts';

/** The catalogue's filters: one way of browsing (department, theme or life event) and the words. */
export type ServiceFilter = { unitId?: string; theme?: string; lifeEvent?: string; q?: string };

export const fetchServices = (filter: ServiceFilter, limit: number, offset: number) =>
  api.get(`/api/v1/services${queryString({ ...filter, limit, offset })}`, serviceListSchema);

export const fetchServiceFacets = () => api.get('/api/v1/services/facets', serviceFacetsSchema);

/** A service's guide (办事指南): the published version. */
export const fetchService = (id: string) => api.get(`/api/v1/services/${id}`, serviceVersionSchema);

/** Applies for a service; the key makes a repeated submit of the same attempt file only once. */
export const submitApplication = (
  input: { serviceId: string; form: Record<string, unknown> },
  idempotencyKey: string,
) =>
  api.post('/api/v1/approval/applications', input, createdCaseSchema, {
    'idempotency-key': idempotencyKey,
  });

export const fetchDraft = (serviceId: string) =>
  api.get(`/api/v1/approval/drafts/${serviceId}`, applicationDraftSchema);

export const saveDraft = (serviceId: string, form: Record<string, unknown>) =>
  api.put(`/api/v1/approval/drafts/${serviceId}`, { form }, applicationDraftSchema);

/** The services a department administrator looks after, with their newest version. */
export const fetchManagedServices = (limit: number, offset: number) =>
  api.get(`/api/v1/services/managed${queryString({ limit, offset })}`, managedServiceListSchema);

export const fetchServiceVersions = async (id: string) =>
  (await api.get(`/api/v1/services/${id}/versions`, serviceVersionListSchema)).items;

/** Starts editing: a draft copied from the newest version. */
export const startDraft = (id: string) =>
  api.post(`/api/v1/services/${id}/versions`, undefined, serviceVersionSchema);

/** A version's content as a department administrator writes it (defaults may be left out). */
export type ServiceDraftInput = z.input<typeof serviceVersionInputSchema>;

export const saveServiceDraft = (id: string, version: number, input: ServiceDraftInput) =>
  api.put(`/api/v1/services/${id}/versions/${version}`, input, serviceVersionSchema);

export const publishServiceDraft = (id: string, version: number) =>
  api.post(`/api/v1/services/${id}/versions/${version}/publish`, undefined, serviceVersionSchema);
