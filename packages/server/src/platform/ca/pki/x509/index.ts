// The X.509 layer of the platform CA: certificates for each profile, CRLs, OCSP responses and path
// validation, built with pkijs but signed and verified through ../algorithms.ts, so SM2 works as well as ECDSA.
export {
  type CertificateInfo,
  CertificateParseError,
  type CertificateProfile,
  describeCertificate,
  fromPem,
  type IssueCertificateOptions,
  issueCertificate,
  toPem,
} from './certificates.ts';
export {
  type ChainProblem,
  type ChainProblemCode,
  type ChainResult,
  type VerifyChainOptions,
  verifyChain,
} from './chain.ts';
export {
  type BuildCrlOptions,
  buildCrl,
  type CrlEntry,
  CrlParseError,
  type ParsedCrl,
  parseCrl,
  type RevocationReason,
  verifyCrl,
} from './crl.ts';
export { DerError, normalizeSerialHex, serialHexOf } from './der.ts';
export { KEY_PURPOSE } from './extensions.ts';
export { type DistinguishedName, encodeName, formatName, nameOf, toRdn } from './names.ts';
export {
  type BuildOcspResponseOptions,
  buildOcspResponse,
  certIdMatches,
  type OcspCertId,
  OcspRequestError,
  type OcspSingleStatus,
  ocspErrorResponse,
  type ParsedOcspRequest,
  parseOcspRequest,
} from './ocsp.ts';
