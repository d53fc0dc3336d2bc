import type { ColumnType, Generated } from 'kysely';

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

export interface Database {
  platform_setting: PlatformSettingTable;
  portal_article: PortalArticleTable;
  site_feedback: SiteFeedbackTable;
}
