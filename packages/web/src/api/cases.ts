import {
  type CaseActionRequest,
  type CreateCase,
  caseAttachmentSchema,
  caseDetailSchema,
  caseListSchema,
  caseTaskListSchema,
  createdCaseSchema,
  processListSchema,
  trackedCaseSchema,
} from '@yiwang/contracts';
import { api, queryString } from './client.ts';

/** The queue's and "my cases" filters, as the list's query string. */
export type CaseFilter = {
  system?: string;
  process?: string;
  state?: string;
  overdue?: 'true' | 'false';
  q?: string;
};

export const fetchProcesses = async () => (await api.get('/api/v1/processes', processListSchema)).items;

export const fetchCases = (filter: CaseFilter, limit: number, offset: number) =>
  api.get(`/api/v1/cases${queryString({ ...filter, limit, offset })}`, caseListSchema);

export const fetchCase = (id: string) => api.get(`/api/v1/cases/${id}`, caseDetailSchema);

/** Opens a case; the key makes a repeated submit of the same attempt file only once. */
export const createCase = (input: CreateCase, idempotencyKey: string) =>
  api.post('/api/v1/cases', input, createdCaseSchema, { 'idempotency-key': idempotencyKey });

export const performCaseAction = (id: string, action: string, body: CaseActionRequest) =>
  api.post(`/api/v1/cases/${id}/actions/${action}`, body, caseDetailSchema);

export const trackCase = (number: string, code: string) =>
  api.get(`/api/v1/track${queryString({ number, code })}`, trackedCaseSchema);

export const fetchTasks = async () => (await api.get('/api/v1/tasks', caseTaskListSchema)).items;

export const completeTask = (id: string, note: string) => api.command(`/api/v1/tasks/${id}/done`, { note });

/** Media types by file extension, for files the browser gives no type (OFD, mostly). */
const TYPE_BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ofd: 'application/ofd',
};

/** Uploads one material into a slot of the case (multipart: `slot`, `file`). */
export function uploadAttachment(caseId: string, slot: string, file: File) {
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  const typed =
    file.type || !TYPE_BY_EXTENSION[extension]
      ? file
      : new File([file], file.name, { type: TYPE_BY_EXTENSION[extension] });
  const body = new FormData();
  body.append('slot', slot);
  body.append('file', typed, file.name);
  return api.upload(`/api/v1/cases/${caseId}/attachments`, body, caseAttachmentSchema);
}

/** Where the browser downloads a case's file (the server sends it as an attachment). */
export const attachmentHref = (caseId: string, fileId: string) =>
  `/api/v1/cases/${caseId}/attachments/${fileId}`;
