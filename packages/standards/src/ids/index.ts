export {
  CREDIT_CODE_ALPHABET,
  type CreditCode,
  type CreditCodeReasonCode,
  type CreditCodeValidation,
  creditCodeCheckChar,
  validateCreditCode,
} from './creditCode.ts';
export {
  findOrganisationType,
  ORGANISATION_TYPES,
  type OrganisationType,
  type RegistrationDepartment,
} from './creditCodeTypes.ts';
export { type MobileReasonCode, type MobileValidation, maskMobile, validateMobile } from './mobile.ts';
export {
  type OrganizationCodeReasonCode,
  type OrganizationCodeValidation,
  organizationCodeCheckChar,
  validateOrganizationCode,
} from './organizationCode.ts';
export type { Messages, Reason, Refusal } from './reason.ts';
export {
  maskResidentId,
  type ResidentId,
  type ResidentIdOptions,
  type ResidentIdReasonCode,
  type ResidentIdValidation,
  residentIdCheckChar,
  type Sex,
  upgradeResidentId,
  validateResidentId,
} from './residentId.ts';
