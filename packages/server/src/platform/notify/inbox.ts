import type {
  FailedNotification,
  FailedNotificationQuery,
  InboxMessage,
  InboxPage,
  InboxQuery,
} from '@yiwang/contracts';
import { type ExpressionBuilder, type Selectable, sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import type { NotificationTable } from '../db/tables/notify.ts';
import type { Tx } from '../db/transaction.ts';

/** A person's own messages, newest first; the page also says how many are unread in all. */
export async function listInbox(db: Db, userId: string, query: InboxQuery): Promise<InboxPage> {
  let q = db
    .selectFrom('inbox_message')
    .select(['id', 'code', 'params', 'case_id', 'link', 'created_at', 'read_at'])
    .where('user_id', '=', userId);
  if (query.unread === 'true') q = q.where('read_at', 'is', null);
  if (query.before) {
    // The cursor is looked up among the person's own messages: another's id just ends the list.
    const cursor = db
      .selectFrom('inbox_message')
      .select(['created_at', 'id'])
      .where('id', '=', query.before)
      .where('user_id', '=', userId);
    q = q.where(sql<boolean>`(created_at, id) < (${cursor})`);
  }
  const [rows, unread] = await Promise.all([
    q
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(query.limit + 1)
      .execute(),
    unreadCount(db, userId),
  ]);
  const page = rows.slice(0, query.limit);
  return {
    items: page.map(presentMessage),
    unread,
    nextBefore: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}

export async function unreadCount(db: Db | Tx, userId: string): Promise<number> {
  const row = await db
    .selectFrom('inbox_message')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks one of the person's own messages read; undefined when it is not theirs (or not there). */
export async function markRead(tx: Tx, userId: string, id: string): Promise<InboxMessage | undefined> {
  await tx
    .updateTable('inbox_message')
    .set({ read_at: new Date() })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .execute();
  const row = await tx
    .selectFrom('inbox_message')
    .select(['id', 'code', 'params', 'case_id', 'link', 'created_at', 'read_at'])
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row ? presentMessage(row) : undefined;
}

export async function markAllRead(tx: Tx, userId: string): Promise<number> {
  const result = await tx
    .updateTable('inbox_message')
    .set({ read_at: new Date() })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

function presentMessage(r: {
  id: string;
  code: string;
  params: InboxMessage['params'];
  case_id: string | null;
  link: string | null;
  created_at: Date;
  read_at: Date | null;
}): InboxMessage {
  return {
    id: r.id,
    code: r.code,
    params: r.params,
    caseId: r.case_id,
    link: r.link,
    createdAt: r.created_at.toISOString(),
    readAt: r.read_at?.toISOString() ?? null,
  };
}

/**
 * Deliveries that gave up, or are failing and being retried. Parameters are left out on
 * purpose: the system administrator keeps the machinery going without reading the business.
 */
export async function listFailed(
  db: Db,
  query: FailedNotificationQuery,
): Promise<{ items: FailedNotification[]; dead: number; failing: number }> {
  const failing = (eb: ExpressionBuilder<Database, 'notification'>) =>
    eb.and([eb('status', '=', 'pending'), eb('last_error', 'is not', null)]);
  const base = () => db.selectFrom('notification');
  let q = base().select(FAILED_COLUMNS);
  if (query.status === 'dead') q = q.where('status', '=', 'dead');
  else if (query.status === 'failing') q = q.where(failing);
  else q = q.where((eb) => eb.or([eb('status', '=', 'dead'), failing(eb)]));
  const [rows, counts] = await Promise.all([
    q
      .orderBy(sql`last_attempt_at DESC NULLS LAST`)
      .orderBy('id', 'desc')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    base()
      .select((eb) => [
        eb.fn.countAll<number>().filterWhere('status', '=', 'dead').as('dead'),
        eb.fn.countAll<number>().filterWhere(failing).as('failing'),
      ])
      .executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map(presentFailed),
    dead: Number(counts.dead),
    failing: Number(counts.failing),
  };
}

const FAILED_COLUMNS = [
  'id',
  'channel',
  'code',
  'recipient_user_id',
  'status',
  'attempts',
  'last_error',
  'created_at',
  'last_attempt_at',
  'next_attempt_at',
] as const;

type FailedRow = Pick<Selectable<NotificationTable>, (typeof FAILED_COLUMNS)[number]>;

function presentFailed(r: FailedRow): FailedNotification {
  return {
    id: r.id,
    channel: r.channel,
    code: r.code,
    recipientUserId: r.recipient_user_id,
    status: r.status,
    attempts: r.attempts,
    lastError: r.last_error,
    createdAt: r.created_at.toISOString(),
    lastAttemptAt: r.last_attempt_at?.toISOString() ?? null,
    nextAttemptAt: r.status === 'pending' ? r.next_attempt_at.toISOString() : null,
  };
}

export type RetryResult =
  | { outcome: 'retried'; notification: FailedNotification }
  | { outcome: 'not_found' }
  | { outcome: 'not_dead'; status: string };

/** Puts a dead delivery back in the queue with a fresh count of attempts, due at once. */
export async function retryDead(tx: Tx, id: string): Promise<RetryResult> {
  const row = await tx
    .selectFrom('notification')
    .select('status')
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) return { outcome: 'not_found' };
  if (row.status !== 'dead') return { outcome: 'not_dead', status: row.status };
  const updated = await tx
    .updateTable('notification')
    .set({ status: 'pending', attempts: 0, next_attempt_at: sql<Date>`now()`, last_error: null })
    .where('id', '=', id)
    .returning(FAILED_COLUMNS)
    .executeTakeFirstOrThrow();
  return { outcome: 'retried', notification: presentFailed(updated) };
}
