import { inTransaction } from '../../../src/platform/db/transaction.ts';
import { enqueueNotification } from '../../../src/platform/notify/enqueue.ts';
import type { RowGroup } from './index.ts';

const ADMIN = ['system_admin'];

/** The inbox is everyone's own; failed deliveries are the system administrator's. */
export const notifyGroup: RowGroup = {
  setup: async ({ t, fixture }) => {
    // A dead delivery to retry; once retried it is pending, and a second retry is a 409 (still allowed).
    const { inboxMessageId, outbox } = await inTransaction(t.db, {}, (tx) =>
      enqueueNotification(tx, { recipientUserId: fixture.citizen as string, code: 'matrix.test' }),
    );
    const id = outbox[0]?.id;
    if (!id) throw new Error('the matrix citizen has no mobile number to notify');
    await t.db
      .updateTable('notification')
      .set({ status: 'dead', last_error: 'matrix' })
      .where('id', '=', id)
      .execute();
    fixture.deadNotification = id;
    fixture.inboxMessage = inboxMessageId;
  },
  rows: [
    { method: 'GET', route: '/api/v1/inbox', allowed: 'signed_in', url: () => '/api/v1/inbox' },
    {
      method: 'POST',
      route: '/api/v1/inbox/{id}/read',
      allowed: 'signed_in',
      url: (f) => `/api/v1/inbox/${f.inboxMessage}/read`,
    },
    {
      method: 'POST',
      route: '/api/v1/inbox/read-all',
      allowed: 'signed_in',
      url: () => '/api/v1/inbox/read-all',
    },
    {
      method: 'GET',
      route: '/api/v1/notifications/failed',
      allowed: ADMIN,
      url: () => '/api/v1/notifications/failed',
    },
    {
      method: 'POST',
      route: '/api/v1/notifications/{id}/retry',
      allowed: ADMIN,
      url: (f) => `/api/v1/notifications/${f.deadNotification}/retry`,
    },
  ],
};
