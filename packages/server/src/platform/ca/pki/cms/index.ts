/** CMS for the internal CA: detached PDF signatures (PAdES) and the RFC 3161 time-stamp authority. */
export { CMS_OID, CmsFormatError } from './asn1.ts';
export {
  type DetachedSignatureInput,
  type DetachedVerification,
  MAX_CMS_BYTES,
  signDetached,
  verifyDetached,
} from './signedData.ts';
export type { CmsProblem, CmsProblemCode } from './signer.ts';
export {
  issueTimeStampToken,
  parseTimeStampRequest,
  readTimeStampResponse,
  readTimeStampToken,
  type TimeStampFailure,
  type TimeStampRequest,
  TimeStampRequestError,
  type TimeStampResponseInfo,
  type TimeStampTokenInfo,
  type TimeStampTokenInput,
  timeStampRejection,
  timeStampResponse,
} from './tsa.ts';
