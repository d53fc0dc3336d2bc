import { z } from 'zod';

/** Flat values that the web app's i18n interpolates into the message for `code`. */
const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** Flat values, or a label in both languages ({ zh, en }) that the web app picks from. */
export const notificationParamsSchema = z.record(z.string(), z.union([scalar, z.record(z.string(), scalar)]));

/** An inbox message: a stable code and its parameters; the web app renders the text itself. */
export const inboxMessageSchema = z.object({
  id: z.uuid(),
  code: z.string().describe('e.g. "case.due_soon"; the key of the message text in the web app'),
  params: notificationParamsSchema,
  caseId: z.uuid().nullable(),
  link: z.string().nullable().describe('a path inside the web app, e.g. "/workbench/cases/…"'),
  createdAt: z.iso.datetime({ offset: true }),
  readAt: z.iso.datetime({ offset: true }).nullable(),
});
export type InboxMessage = z.infer<typeof inboxMessageSchema>;

export const inboxQuerySchema = z.strictObject({
  unread: z.enum(['true', 'false']).optional().describe('"true": unread messages only'),
  before: z.uuid().optional().describe('cursor: the id of the last message of the previous page'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type InboxQuery = z.infer<typeof inboxQuerySchema>;

export const inboxPageSchema = z.object({
  items: z.array(inboxMessageSchema),
  unread: z.number().int().describe('all unread messages of the user, not only those on this page'),
  nextBefore: z.uuid().nullable(),
});
export type InboxPage = z.infer<typeof inboxPageSchema>;

export const inboxReadAllSchema = z.object({ marked: z.number().int() });

export const notificationChannelSchema = z.enum(['email', 'sms']);
export const notificationStatusSchema = z.enum(['pending', 'sent', 'skipped', 'dead']);

/**
 * A delivery that failed, as the system administrator sees it: no parameters and no address,
 * since the officer administers the platform without reading business data.
 */
export const failedNotificationSchema = z.object({
  id: z.uuid(),
  channel: notificationChannelSchema,
  code: z.string(),
  recipientUserId: z.uuid(),
  status: notificationStatusSchema,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  lastAttemptAt: z.iso.datetime({ offset: true }).nullable(),
  nextAttemptAt: z.iso.datetime({ offset: true }).nullable().describe('null once dead'),
});
export type FailedNotification = z.infer<typeof failedNotificationSchema>;

export const failedNotificationQuerySchema = z.strictObject({
  status: z.enum(['dead', 'failing']).optional().describe('"failing": still being retried'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type FailedNotificationQuery = z.infer<typeof failedNotificationQuerySchema>;

export const failedNotificationListSchema = z.object({
  items: z.array(failedNotificationSchema),
  dead: z.number().int(),
  failing: z.number().int(),
});
