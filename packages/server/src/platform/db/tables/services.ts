import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;

/** One material an applicant hands in for a service (行政许可法第30条: published with the service). */
export type ServiceMaterialColumn = {
  slot: string;
  name: { zh: string; en: string };
  required: boolean;
  formats: string[];
  maxBytes?: number;
  note?: string;
  sampleText?: string;
};

/** The legal time limit for the decision, with its basis and the extension the law allows. */
export type ServiceTimeLimitColumn = {
  limit: number;
  unit: 'working_days';
  basis: string;
  extendBy: number;
  joint: boolean;
};

export type ServiceFeeColumn = { amount_yuan: number; basis: string };

export type ServiceVersionStatus = 'draft' | 'published' | 'superseded';

/** An administrative service (事项) of the catalogue: its code and owning unit never change. */
export interface ServiceTable {
  id: string;
  code: string;
  owning_unit_id: string;
  created_at: Generated<Date>;
  retired_at: Date | null;
}

/** What a service is at one version; a published version is never changed (a trigger refuses). */
export interface ServiceVersionTable {
  id: string;
  service_id: string;
  version: number;
  status: ServiceVersionStatus;
  name_zh: string;
  name_en: string;
  category: string;
  legal_basis: string;
  conditions: string;
  materials: Json<ServiceMaterialColumn[]>;
  form_schema: Json<Record<string, unknown>>;
  ui_schema: Json<Record<string, unknown>>;
  time_limit: Json<ServiceTimeLimitColumn>;
  committed_days: number | null;
  on_the_spot: boolean;
  fee: ColumnType<ServiceFeeColumn | null, string | null, string | null>;
  division_codes: TextArray;
  contact: string;
  themes: TextArray;
  life_events: TextArray;
  hearing_rights: boolean;
  four_eyes: boolean;
  substantive_check: boolean;
  search_words: TextArray;
  search_vector: ColumnType<string, never, never>;
  created_at: Generated<Date>;
  created_by: string | null;
  updated_at: Timestamp;
  published_at: Date | null;
  published_by: string | null;
  superseded_at: Date | null;
}

export interface ServiceTables {
  service: ServiceTable;
  service_version: ServiceVersionTable;
}
