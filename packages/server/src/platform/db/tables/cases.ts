import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateOnly = ColumnType<string, string, string>;
type Json<T> = ColumnType<T, string, string>;

export interface CalendarVersionTable {
  id: string;
  effective_from: Timestamp;
  notices: Json<unknown>;
  note: string;
  entered_by: string | null;
  entered_at: Generated<Date>;
}

export interface CaseRecordTable {
  id: string;
  process_code: string;
  process_version: number;
  form_version: number;
  tracking_number: string;
  lookup_hash: Buffer;
  division_code: string;
  owning_unit_id: string;
  applicant_user_id: string | null;
  title: string;
  form_data: Json<Record<string, unknown>>;
  state: string;
  version: Generated<number>;
  received_on: DateOnly;
  due_at: Date | null;
  due_clock: string | null;
  overdue: Generated<boolean>;
  provisional: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  closed_at: Date | null;
  spec: ColumnType<CaseSpecColumn, string | undefined, string>;
  subject_id: string | null;
}

/** What a case was opened under besides its process (see cases/definition.ts CaseSpec). */
export type CaseSpecColumn = {
  flags?: Record<string, boolean>;
  materials?: Record<
    string,
    { zh: string; en: string; required: boolean; formats?: string[]; maxBytes?: number; order?: number }
  >;
  extendBy?: Record<string, number>;
};

export interface CaseActionTable {
  id: string;
  case_id: string;
  seq: number;
  action: string;
  from_state: string | null;
  to_state: string;
  actor_user_id: string | null;
  actor_name: string;
  at: Timestamp;
  input: Json<Record<string, unknown>>;
}

export type ClockStatusColumn = 'not_started' | 'running' | 'paused' | 'stopped';

export interface CaseClockTable {
  id: string;
  case_id: string;
  code: string;
  rule: Json<unknown>;
  events: Json<unknown[]>;
  status: ClockStatusColumn;
  due_at: Date | null;
  warn_at: Date | null;
  warned_at: Date | null;
  overdue_at: Date | null;
  escalated_at: Date | null;
  provisional: Generated<boolean>;
  calendar_version: string | null;
}

export interface TrackingCounterTable {
  division_code: string;
  day: DateOnly;
  last_value: number;
}

export interface IdempotencyRecordTable {
  user_id: string;
  key: string;
  request_hash: Buffer;
  status_code: number;
  response: Json<unknown>;
  created_at: Generated<Date>;
}

export interface CaseTaskTable {
  id: string;
  case_id: string;
  unit_id: string;
  kind: string;
  role_code: string;
  clock_code: string | null;
  status: Generated<'open' | 'done'>;
  created_at: Generated<Date>;
  done_at: Date | null;
  done_by: string | null;
  note: string | null;
  due_at: Date | null;
}

export interface ApplicationDraftTable {
  user_id: string;
  service_id: string;
  form: Json<Record<string, unknown>>;
  updated_at: Generated<Date>;
}

export interface ServiceRatingTable {
  id: string;
  case_id: string;
  user_id: string;
  owning_unit_id: string;
  level: number;
  reason: string | null;
  created_at: Generated<Date>;
}

export interface CaseTables {
  calendar_version: CalendarVersionTable;
  case_record: CaseRecordTable;
  case_action: CaseActionTable;
  case_clock: CaseClockTable;
  tracking_counter: TrackingCounterTable;
  idempotency_record: IdempotencyRecordTable;
  case_task: CaseTaskTable;
  service_rating: ServiceRatingTable;
  application_draft: ApplicationDraftTable;
}
