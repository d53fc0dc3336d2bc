import {
  failedNotificationListSchema,
  failedNotificationQuerySchema,
  failedNotificationSchema,
  idParamSchema,
  inboxMessageSchema,
  inboxPageSchema,
  inboxQuerySchema,
  inboxReadAllSchema,
} from '@yiwang/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { isOfficer } from '../access/policy.ts';
import type { Db } from '../db/database.ts';
import { inTransaction } from '../db/transaction.ts';
import { requirePrincipal } from '../http/authenticate.ts';
import { authorize, ConflictProblem, NotFoundProblem, problemResponses } from '../http/problems.ts';
import { listFailed, listInbox, markAllRead, markRead, retryDead } from './inbox.ts';

const tags = ['notifications'];
const errors = problemResponses(400, 401, 403, 404);

/**
 * Everyone's own inbox, and the system administrator's view of deliveries that failed. A
 * message of someone else is "not found", never "forbidden", so that ids reveal nothing.
 */
export function registerNotifyRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const requireSystemAdmin = (request: FastifyRequest) =>
    authorize(
      isOfficer(requirePrincipal(request), 'system_admin'),
      'failed notifications are for the system administrator',
    );

  r.get(
    '/api/v1/inbox',
    {
      schema: {
        tags,
        summary: 'My messages, newest first, with the count of unread ones',
        querystring: inboxQuerySchema,
        response: { 200: inboxPageSchema, ...errors },
      },
    },
    async (request) => listInbox(db, requirePrincipal(request).userId, request.query),
  );
  r.post(
    '/api/v1/inbox/:id/read',
    {
      schema: {
        tags,
        summary: 'Mark one of my messages read',
        params: idParamSchema,
        response: { 200: inboxMessageSchema, ...errors },
      },
    },
    async (request) => {
      const { userId } = requirePrincipal(request);
      const message = await inTransaction(db, request.actor, (tx) => markRead(tx, userId, request.params.id));
      if (!message) throw new NotFoundProblem('no such message in your inbox');
      return message;
    },
  );
  r.post(
    '/api/v1/inbox/read-all',
    {
      schema: {
        tags,
        summary: 'Mark all my messages read',
        response: { 200: inboxReadAllSchema, ...errors },
      },
    },
    async (request) => {
      const { userId } = requirePrincipal(request);
      return { marked: await inTransaction(db, request.actor, (tx) => markAllRead(tx, userId)) };
    },
  );
  r.get(
    '/api/v1/notifications/failed',
    {
      schema: {
        tags,
        summary: 'E-mail and SMS deliveries that gave up or are being retried (no content)',
        querystring: failedNotificationQuerySchema,
        response: { 200: failedNotificationListSchema, ...errors },
      },
    },
    async (request) => {
      requireSystemAdmin(request);
      return listFailed(db, request.query);
    },
  );
  r.post(
    '/api/v1/notifications/:id/retry',
    {
      schema: {
        tags,
        summary: 'Send a delivery that gave up again, with a fresh count of attempts',
        params: idParamSchema,
        response: { 200: failedNotificationSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      requireSystemAdmin(request);
      const result = await inTransaction(db, request.actor, (tx) => retryDead(tx, request.params.id));
      if (result.outcome === 'not_found') throw new NotFoundProblem();
      if (result.outcome === 'not_dead') {
        throw new ConflictProblem('notification_not_dead', `the delivery is ${result.status}, not dead`);
      }
      return result.notification;
    },
  );
}
