import type { ColumnType, Generated } from 'kysely';
import type { CaTables } from './tables/ca.ts';
import type { CaseTables } from './tables/cases.ts';
import type { FileTables } from './tables/files.ts';
import type { NotifyTables } from './tables/notify.ts';
import type { ServiceTables } from './tables/services.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface PlatformSettingTable {
  key: string;
  value: unknown;
  updated_at: Timestamp;
}

export interface PortalArticleTable {
  id: string;
  category: 'news' | 'notice';
  title_zh: string;
  title_en: string;
  summary_zh: string;
  summary_en: string;
  publisher_zh: string;
  publisher_en: string;
  published_at: Timestamp;
  created_at: Timestamp;
  classification: Generated<'public' | 'scoped' | 'internal' | 'confidential'>;
  owning_unit_id: string | null;
  scope_unit_ids: ColumnType<string[], string[] | undefined, string[]>;
  scope_role_codes: ColumnType<string[], string[] | undefined, string[]>;
  scope_user_ids: ColumnType<string[], string[] | undefined, string[]>;
  need_roles: ColumnType<string[], string[] | undefined, string[]>;
  named_user_ids: ColumnType<string[], string[] | undefined, string[]>;
  search_words: ColumnType<string[], string[] | undefined, string[]>;
  search_vector: ColumnType<string, never, never>;
}

export interface SiteFeedbackTable {
  id: string;
  tracking_code: string;
  page: string;
  category: 'broken_link' | 'wrong_content' | 'accessibility' | 'other';
  description: string;
  request_id: string;
  status: Generated<'received' | 'handled'>;
  received_at: Timestamp;
}

type DateOnly = ColumnType<string, string, string>;

export interface AuditEventTable {
  id: Generated<string>;
  occurred_at: Generated<Date>;
  actor_user_id: string | null;
  actor_org_unit_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  outcome: 'success' | 'denied' | 'failure';
  client_ip: string | null;
  request_id: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, never>;
}

export interface AuditPendingTable {
  seq: Generated<number>;
  event_id: string;
}

export interface AuditLeafTable {
  leaf_index: number;
  event_id: string;
  leaf_hash: Buffer;
  sequenced_at: Generated<Date>;
}

export interface AuditCheckpointTable {
  tree_size: number;
  root_hash: Buffer;
  made_at: Generated<Date>;
  key_id: string;
  signature: Buffer;
}

export interface OrgUnitTable {
  id: string;
  code: string;
  kind: 'division' | 'department';
  name_zh: string;
  name_en: string;
  division_code: string;
  territorial_parent_id: string | null;
  line_parent_id: string | null;
  territorial_path: string;
  line_path: string;
  credit_code: string | null;
  established_on: DateOnly;
  retired_on: DateOnly | null;
  successor_id: string | null;
  created_at: Generated<Date>;
}

export interface OrgUnitNameTable {
  id: string;
  unit_id: string;
  name_zh: string;
  name_en: string;
  valid_from: DateOnly;
  valid_to: DateOnly | null;
  reason: string;
}

export type UserKind = 'staff' | 'citizen' | 'business';
export type VerificationLevel = 'self_declared' | 'staff_checked' | 'provider_verified';

export interface AppUserTable {
  id: string;
  kind: UserKind;
  username: string | null;
  display_name: string;
  id_number_enc: Buffer | null;
  id_number_hash: Buffer | null;
  id_number_masked: string | null;
  mobile_enc: Buffer | null;
  mobile_hash: Buffer | null;
  mobile_masked: string | null;
  email_enc: Buffer | null;
  email_masked: string | null;
  credit_code: string | null;
  legal_representative: string | null;
  password_hash: string;
  password_changed_at: Generated<Date>;
  must_change_password: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  totp_secret_enc: Buffer | null;
  totp_enabled_at: Date | null;
  totp_last_step: number | null;
  verification_level: Generated<VerificationLevel>;
  status: Generated<'active' | 'disabled'>;
  created_at: Generated<Date>;
}

export interface RecoveryCodeTable {
  id: string;
  user_id: string;
  code_hash: Buffer;
  used_at: Date | null;
}

export type Officer = 'system_admin' | 'security_admin' | 'security_auditor';

export interface RoleTable {
  code: string;
  name_zh: string;
  name_en: string;
  officer: Officer | null;
  reads_business_data: Generated<boolean>;
  builtin: Generated<boolean>;
  created_at: Generated<Date>;
}

export type Reach = 'unit' | 'subtree' | 'line';

export interface MembershipTable {
  id: string;
  user_id: string;
  org_unit_id: string;
  role_code: string;
  reach: Reach;
  granted_by: string | null;
  granted_at: Generated<Date>;
  revoked_at: Date | null;
}

export type SessionStage = 'second_factor' | 'enrol_second_factor' | 'password_change' | 'complete';

export interface UserSessionTable {
  id_hash: Buffer;
  user_id: string;
  stage: SessionStage;
  csrf_token: string;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Date;
  client_ip: string | null;
  user_agent: string | null;
  ended_at: Date | null;
  end_reason: string | null;
}

export interface LoginAttemptTable {
  key_hash: Buffer;
  attempted_at: Generated<Date>;
}

/** Every table; the newer areas keep their table types in ./tables/. */
export interface Database extends CaTables, CaseTables, FileTables, NotifyTables, ServiceTables {
  platform_setting: PlatformSettingTable;
  portal_article: PortalArticleTable;
  site_feedback: SiteFeedbackTable;
  audit_event: AuditEventTable;
  audit_pending: AuditPendingTable;
  audit_leaf: AuditLeafTable;
  audit_checkpoint: AuditCheckpointTable;
  org_unit: OrgUnitTable;
  org_unit_name: OrgUnitNameTable;
  app_user: AppUserTable;
  recovery_code: RecoveryCodeTable;
  role: RoleTable;
  membership: MembershipTable;
  user_session: UserSessionTable;
  login_attempt: LoginAttemptTable;
}
