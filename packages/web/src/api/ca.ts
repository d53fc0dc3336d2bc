import {
  type AffixedSeal,
  type AffixSealRequest,
  affixedSealSchema,
  type CaProfile,
  type CertificateStatus,
  caOverviewSchema,
  certificateListSchema,
  certificateSummarySchema,
  type IssueCertificateRequest,
  type RevocationReason,
  sealRequestListSchema,
  verificationSchema,
} from '@yiwang/contracts';
import { api, queryString } from './client.ts';

/* 文书验证: public, no sign-in. */

/** The code as printed on a document, in any case, with or without its hyphens. */
export const verificationCodePattern = /^[0-9A-Z]{4}-?[0-9A-Z]{4}-?[0-9A-Z]{4}-?[0-9A-Z]{4}$/;

/** ABCD-EFGH-JKMN-PQRS, from whatever the reader typed or the QR code carried. */
export function normaliseCode(raw: string): string {
  const plain = raw.replace(/[\s-]/g, '').toUpperCase();
  return plain.length === 16 ? (plain.match(/.{4}/g) ?? []).join('-') : raw.trim().toUpperCase();
}

export const verifyByCode = (code: string) =>
  api.get(`/api/v1/verify/${encodeURIComponent(normaliseCode(code))}`, verificationSchema);

export function verifyFile(file: File) {
  const body = new FormData();
  body.append('file', file, file.name);
  return api.upload('/api/v1/verify', body, verificationSchema);
}

/** Public certificate and CRL downloads (DER, or PEM for a certificate). */
export const certificateUrl = (serial: string, format: 'cer' | 'pem') =>
  `/api/v1/ca/certificates/${serial}.${format}`;
export const crlDownloadUrl = (issuerSerial: string) => `/api/v1/ca/crl/${issuerSerial}.crl`;

/* 证书管理: the security administrator's. */

export const fetchCaOverview = () => api.get('/api/v1/ca/admin/overview', caOverviewSchema);

export type CertificateFilter = {
  profile?: CaProfile;
  status?: CertificateStatus;
  q?: string;
  limit: number;
  offset: number;
};

export const listCertificates = (filter: CertificateFilter) =>
  api.get(
    `/api/v1/ca/admin/certificates${queryString({ ...filter, q: filter.q?.trim() })}`,
    certificateListSchema,
  );

export const issueCertificate = (input: IssueCertificateRequest) =>
  api.post('/api/v1/ca/admin/certificates', input, certificateSummarySchema);

export const revokeCertificate = (id: string, reason: RevocationReason) =>
  api.post(`/api/v1/ca/admin/certificates/${id}/revoke`, { reason }, certificateSummarySchema);

export const renewCertificate = (id: string) =>
  api.post(`/api/v1/ca/admin/certificates/${id}/renew`, undefined, certificateSummarySchema);

/* 待用印: the seal keeper's. */

export type SealRequestStatus = 'pending' | 'sealed';

export const listSealRequests = async (status: SealRequestStatus) =>
  (await api.get(`/api/v1/seal-requests${queryString({ status })}`, sealRequestListSchema)).items;

/** The draft before sealing, the sealed copy after; opened in its own tab (the page may not be framed). */
export const sealDocumentUrl = (id: string) => `/api/v1/seal-requests/${id}/document`;

export type Affixed = AffixedSeal;

export const affixSeal = (id: string, input: AffixSealRequest) =>
  api.post(`/api/v1/seal-requests/${id}/affix`, input, affixedSealSchema);
