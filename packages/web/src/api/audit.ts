import { auditEventPageSchema, auditStatusSchema, inclusionProofSchema } from '@yiwang/contracts';
import { api, queryString } from './client.ts';

/** The audit viewer's filters, as the query string of both the list and the CSV export. */
export type AuditFilter = {
  action?: string;
  outcome?: 'success' | 'denied' | 'failure';
  actorUserId?: string;
  targetId?: string;
  from?: string;
  to?: string;
};

export const fetchAuditStatus = () => api.get('/api/v1/audit/status', auditStatusSchema);

export const fetchAuditEvents = (filter: AuditFilter, before?: string, limit = 50) =>
  api.get(`/api/v1/audit/events${queryString({ ...filter, before, limit })}`, auditEventPageSchema);

export const auditCsvHref = (filter: AuditFilter) => `/api/v1/audit/events.csv${queryString(filter)}`;

export const fetchInclusionProof = (eventId: string) =>
  api.get(`/api/v1/audit/events/${eventId}/proof`, inclusionProofSchema);
