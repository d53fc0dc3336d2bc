import type { ColumnType, Generated } from 'kysely';

/** The notification outbox and inbox (migration 0009). */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string | undefined, string>;

/** Parameters of a notification: flat values a template or the web app's i18n interpolates. */
type Scalar = string | number | boolean | null;
/** Flat values, or a label in both languages ({ zh, en }). */
export type NotificationParams = Record<string, Scalar | Record<string, Scalar>>;

export type NotificationChannel = 'email' | 'sms';
export type NotificationStatus = 'pending' | 'sent' | 'skipped' | 'dead';

export interface NotificationTable {
  id: string;
  recipient_user_id: string;
  channel: NotificationChannel;
  code: string;
  params: Json<NotificationParams>;
  case_id: string | null;
  link: string | null;
  status: Generated<NotificationStatus>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  last_attempt_at: Date | null;
  last_error: string | null;
  created_at: Generated<Date>;
  sent_at: Date | null;
}

export interface InboxMessageTable {
  id: string;
  user_id: string;
  code: string;
  params: Json<NotificationParams>;
  case_id: string | null;
  link: string | null;
  created_at: Generated<Date>;
  read_at: Date | null;
}

export interface NotifyTables {
  notification: NotificationTable;
  inbox_message: InboxMessageTable;
}
