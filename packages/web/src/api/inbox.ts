import { inboxMessageSchema, inboxPageSchema, inboxReadAllSchema } from '@yiwang/contracts';
import { z } from 'zod';
import { api, queryString } from './client.ts';

/**
 * Messages as the inbox sends them. Parameters are read leniently: the case engine passes
 * bilingual labels ({ zh, en }) besides flat values, and the page renders both.
 */
const messageSchema = inboxMessageSchema.extend({ params: z.record(z.string(), z.unknown()) });
const pageSchema = inboxPageSchema.extend({ items: z.array(messageSchema) });
export type Message = z.infer<typeof messageSchema>;
export type MessagePage = z.infer<typeof pageSchema>;

export const fetchInbox = (params: { unread?: boolean; before?: string; limit?: number }) =>
  api.get(
    `/api/v1/inbox${queryString({ unread: params.unread ? 'true' : undefined, before: params.before, limit: params.limit })}`,
    pageSchema,
  );

export const markRead = (id: string) => api.command(`/api/v1/inbox/${id}/read`);

export const markAllRead = () => api.post('/api/v1/inbox/read-all', {}, inboxReadAllSchema);
