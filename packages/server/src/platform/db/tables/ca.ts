import type { ColumnType, Generated } from 'kysely';

/** The CA centre's tables (migration 0015). */

type Json<T> = ColumnType<T, string, string>;

export type CaAlgorithm = 'SM2-SM3' | 'ECDSA-P256-SHA256';
export type CaProfile = 'root' | 'issuing_ca' | 'seal' | 'staff' | 'business' | 'tsa' | 'ocsp' | 'platform';

export interface CaKeyTable {
  id: string;
  algorithm: CaAlgorithm;
  /** external: held outside the CA (the audit signing key file), certified here. */
  store: 'software' | 'offline' | 'external';
  sealed_private: Buffer | null;
  spki: Buffer;
  created_at: Generated<Date>;
}

export interface CaCertificateTable {
  id: string;
  serial_hex: string;
  profile: CaProfile;
  algorithm: CaAlgorithm;
  issuer_id: string | null;
  key_id: string;
  subject_text: string;
  org_unit_id: string | null;
  user_id: string | null;
  not_before: Date;
  not_after: Date;
  der: Buffer;
  sha256: Buffer;
  renewal_of: string | null;
  issued_by: string | null;
  issued_at: Generated<Date>;
  revoked_at: Date | null;
  revocation_reason: string | null;
  revoked_by: string | null;
  retain_until: ColumnType<Date, never, never>;
}

export interface CaCrlTable {
  issuer_id: string;
  number: ColumnType<number, number, never>;
  this_update: Date;
  next_update: Date;
  der: Buffer;
}

export interface CaTimestampTable {
  serial: ColumnType<number, number, never>;
  certificate_id: string;
  imprint_algorithm: string;
  imprint: Buffer;
  gen_time: Date;
}

export interface SealedDocumentTable {
  id: string;
  verification_code: string;
  file_id: string;
  org_unit_id: string;
  certificate_id: string;
  timestamp_serial: ColumnType<number, number, never>;
  title: string;
  document_number: string;
  sha256: Buffer;
  signed_at: Date;
  authorized_by: string;
}

/** What the renderer needs to draw the document again, with its seal. */
export type SealRender = {
  templateCode: string;
  templateVersion: number;
  params: unknown;
  issuingUnit: string;
  documentNumber: string;
  issuedOn: string;
  createdAt: string;
};

export interface SealRequestTable {
  id: string;
  org_unit_id: string;
  file_id: string;
  case_id: string | null;
  title: string;
  document_number: string;
  render: Json<SealRender>;
  draft_sha256: Buffer;
  status: Generated<'pending' | 'sealed'>;
  requested_at: Generated<Date>;
  sealed_document_id: string | null;
}

export interface CaTables {
  ca_key: CaKeyTable;
  ca_certificate: CaCertificateTable;
  ca_crl: CaCrlTable;
  ca_timestamp: CaTimestampTable;
  sealed_document: SealedDocumentTable;
  seal_request: SealRequestTable;
}
