import { z } from 'zod';

/** The CA centre: certificates, revocation, seal requests and public verification of sealed PDFs. */

const instant = z.iso.datetime({ offset: true });

export const caAlgorithmSchema = z.enum(['SM2-SM3', 'ECDSA-P256-SHA256']);
export type CaAlgorithm = z.infer<typeof caAlgorithmSchema>;

export const caProfileSchema = z.enum([
  'root',
  'issuing_ca',
  'seal',
  'staff',
  'business',
  'tsa',
  'ocsp',
  'platform',
]);
export type CaProfile = z.infer<typeof caProfileSchema>;

/** RFC 5280 §5.3.1 reasons an administrator may give (removeFromCRL and aACompromise are not). */
export const revocationReasonSchema = z.enum([
  'unspecified',
  'keyCompromise',
  'cACompromise',
  'affiliationChanged',
  'superseded',
  'cessationOfOperation',
  'certificateHold',
  'privilegeWithdrawn',
]);
export type RevocationReason = z.infer<typeof revocationReasonSchema>;

export const certificateStatusSchema = z.enum(['valid', 'revoked', 'expired', 'not_yet_valid']);
export type CertificateStatus = z.infer<typeof certificateStatusSchema>;

export const certificateSummarySchema = z.object({
  id: z.uuid(),
  serial: z.string().describe('lowercase hex'),
  profile: caProfileSchema,
  algorithm: caAlgorithmSchema,
  subject: z.string(),
  issuer: z.string().nullable(),
  orgUnitId: z.uuid().nullable(),
  userId: z.uuid().nullable(),
  notBefore: instant,
  notAfter: instant,
  status: certificateStatusSchema,
  revokedAt: instant.nullable(),
  revocationReason: revocationReasonSchema.nullable(),
  issuedAt: instant,
  retainUntil: instant.describe('the record is kept at least until then (电子签名法第24条)'),
  sha256: z.string(),
  downloadUrl: z.string().describe('DER certificate, public'),
});
export type CertificateSummary = z.infer<typeof certificateSummarySchema>;

export const certificateListQuerySchema = z.strictObject({
  profile: caProfileSchema.optional(),
  status: certificateStatusSchema.optional(),
  q: z.string().trim().max(60).optional().describe('part of the subject'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type CertificateListQuery = z.infer<typeof certificateListQuerySchema>;

export const certificateListSchema = z.object({
  items: z.array(certificateSummarySchema),
  total: z.number().int(),
});
export type CertificateList = z.infer<typeof certificateListSchema>;

export const issueCertificateSchema = z.discriminatedUnion('profile', [
  z.strictObject({
    profile: z.literal('seal'),
    orgUnitId: z.uuid(),
    algorithm: caAlgorithmSchema.default('SM2-SM3'),
  }),
  z.strictObject({
    profile: z.enum(['staff', 'business']),
    userId: z.uuid(),
    algorithm: caAlgorithmSchema.default('SM2-SM3'),
  }),
]);
export type IssueCertificateRequest = z.input<typeof issueCertificateSchema>;

export const revokeCertificateSchema = z.strictObject({ reason: revocationReasonSchema });
export type RevokeCertificateRequest = z.infer<typeof revokeCertificateSchema>;

export const caOverviewSchema = z.object({
  hierarchies: z.array(
    z.object({
      algorithm: caAlgorithmSchema,
      root: certificateSummarySchema,
      issuing: certificateSummarySchema,
      tsa: certificateSummarySchema,
      crlNumber: z.number().int().nullable(),
      crlNextUpdate: instant.nullable(),
      crlUrl: z.string(),
    }),
  ),
  counts: z.object({ valid: z.number().int(), revoked: z.number().int(), expired: z.number().int() }),
});
export type CaOverview = z.infer<typeof caOverviewSchema>;

/** JSON certificate status, for relying parties that speak no OCSP. */
export const certificateStatusReplySchema = z.object({
  serial: z.string(),
  status: z.enum(['good', 'revoked', 'unknown']),
  revokedAt: instant.nullable(),
  reason: revocationReasonSchema.nullable(),
  notAfter: instant.nullable(),
  checkedAt: instant,
});

export const sealRequestSchema = z.object({
  id: z.uuid(),
  orgUnitId: z.uuid(),
  unitName: z.string(),
  caseId: z.uuid().nullable(),
  title: z.string(),
  documentNumber: z.string(),
  requestedAt: instant,
  status: z.enum(['pending', 'sealed']),
  verificationCode: z.string().nullable(),
});
export type SealRequest = z.infer<typeof sealRequestSchema>;

export const sealRequestListSchema = z.object({ items: z.array(sealRequestSchema) });

export const sealRequestQuerySchema = z.strictObject({
  status: z.enum(['pending', 'sealed']).default('pending'),
});

/** The seal keeper's fresh confirmation: their password again, and their TOTP code if enrolled. */
export const affixSealSchema = z.strictObject({
  password: z.string().min(1).max(200),
  code: z.string().trim().max(20).optional(),
});
export type AffixSealRequest = z.infer<typeof affixSealSchema>;

/** What sealing answers: the register entry's id, the code printed on the document, its hash. */
export const affixedSealSchema = z.object({
  sealedDocumentId: z.uuid(),
  verificationCode: z.string(),
  sha256: z.string(),
});
export type AffixedSeal = z.infer<typeof affixedSealSchema>;

export const verdictSchema = z.enum([
  'valid',
  'unsigned',
  'unreadable',
  'content_changed',
  'modified_after_signing',
  'hidden_content',
  'signature_invalid',
  'certificate_revoked',
  'other_ca',
  'certificate_expired',
  'unknown_code',
]);
export type Verdict = z.infer<typeof verdictSchema>;

export const verificationSchema = z.object({
  verdict: verdictSchema,
  reasons: z.array(z.string()).describe('stable codes of every problem found, the verdict being the gravest'),
  signingUnit: z.string().nullable(),
  signer: z.string().nullable().describe('the certificate subject'),
  signedAt: instant.nullable().describe('from the RFC 3161 time-stamp token, not the signer'),
  timeStampAuthority: z.string().nullable(),
  algorithm: caAlgorithmSchema.nullable(),
  certificate: z
    .object({
      serial: z.string(),
      statusAtSigning: z.enum(['good', 'revoked', 'unknown']),
      statusNow: z.enum(['good', 'revoked', 'expired', 'unknown']),
      revokedAt: instant.nullable(),
      reason: revocationReasonSchema.nullable(),
      notAfter: instant,
    })
    .nullable(),
  contentIntact: z.boolean().nullable(),
  document: z
    .object({
      title: z.string(),
      documentNumber: z.string(),
      verificationCode: z.string(),
      sha256: z.string(),
    })
    .nullable()
    .describe('the register entry of a document this platform sealed'),
});
export type Verification = z.infer<typeof verificationSchema>;

export const verificationCodeParamSchema = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[0-9A-Z]{4}-?[0-9A-Z]{4}-?[0-9A-Z]{4}-?[0-9A-Z]{4}$/, 'four groups of four letters or digits'),
});
