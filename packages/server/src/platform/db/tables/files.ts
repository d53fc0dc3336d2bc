import type { Generated } from 'kysely';

export type ScanStatusColumn = 'clean' | 'not_scanned';

export interface StoredFileTable {
  id: string;
  owner_user_id: string;
  case_id: string | null;
  purpose: string;
  file_name: string;
  declared_type: string;
  sniffed_type: string;
  /** int8, which the platform's pg setup parses to a number (uploads are far below 2^53). */
  size_bytes: number;
  sha256: Buffer;
  storage_key: string;
  key_id: string;
  scan_status: ScanStatusColumn;
  uploaded_at: Generated<Date>;
}

/** The file store's tables (migration 0008). */
export interface FileTables {
  stored_file: StoredFileTable;
}
