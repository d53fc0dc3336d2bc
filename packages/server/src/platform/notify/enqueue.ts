import { v7 as uuidv7 } from 'uuid';
import type { NotificationChannel, NotificationParams } from '../db/tables/notify.ts';
import type { Tx } from '../db/transaction.ts';
import { reachableChannels } from './contacts.ts';

export type NotificationInput = {
  recipientUserId: string;
  /** A stable code such as 'case.due_soon'; the text is rendered from it when shown or sent. */
  code: string;
  params?: NotificationParams;
  caseId?: string | null;
  /** A path inside the web app ('/workbench/cases/…'), never a full URL. */
  link?: string | null;
};

export type EnqueuedNotification = {
  inboxMessageId: string;
  outbox: Array<{ id: string; channel: NotificationChannel }>;
};

export const ALL_CHANNELS: readonly NotificationChannel[] = ['email', 'sms'];

const CODE = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/;

/**
 * Tells a person something, in the caller's transaction: the inbox message is written at once
 * (in-app is always on), and one outbox row per external channel the person can be reached on,
 * for the dispatcher to deliver after the commit. If the business change rolls back, so does
 * every trace of the notification.
 *
 * `channels` narrows the external channels (say, to those this installation has configured);
 * by default both are written, and the dispatcher marks a row 'skipped' when its channel has no
 * adapter, which leaves a record that the person could not be told that way.
 */
export async function enqueueNotification(
  tx: Tx,
  input: NotificationInput,
  options: { channels?: readonly NotificationChannel[] } = {},
): Promise<EnqueuedNotification> {
  if (!CODE.test(input.code) || input.code.length > 100) {
    throw new RangeError(`notification code ${JSON.stringify(input.code)} is not of the form area.event`);
  }
  const link = input.link ?? null;
  // Links go into e-mails after the site's address: only a path inside the site is accepted.
  if (link !== null && (!link.startsWith('/') || link.startsWith('//') || link.length > 500)) {
    throw new RangeError('a notification link is a path inside the web app');
  }
  const reachable = await reachableChannels(tx, input.recipientUserId);
  if (!reachable) throw new RangeError('the recipient of a notification is not a user');
  const params = JSON.stringify(input.params ?? {});
  const common = { code: input.code, params, case_id: input.caseId ?? null, link };

  const inboxMessageId = uuidv7();
  await tx
    .insertInto('inbox_message')
    .values({ id: inboxMessageId, user_id: input.recipientUserId, ...common })
    .execute();

  const wanted = options.channels ?? ALL_CHANNELS;
  const outbox = reachable.filter((c) => wanted.includes(c)).map((channel) => ({ id: uuidv7(), channel }));
  if (outbox.length > 0) {
    await tx
      .insertInto('notification')
      .values(
        outbox.map((o) => ({
          id: o.id,
          recipient_user_id: input.recipientUserId,
          channel: o.channel,
          ...common,
        })),
      )
      .execute();
  }
  return { inboxMessageId, outbox };
}
