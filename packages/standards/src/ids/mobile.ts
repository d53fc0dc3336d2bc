import { type Messages, type Refusal, refuse } from './reason.ts';

// Mainland mobile numbers: 11 digits beginning 1[3-9]. Carrier segments change too often to list,
// so only the shape is checked.

export type MobileReasonCode = 'mobile.characters' | 'mobile.length' | 'mobile.prefix';

export type MobileValidation = { readonly ok: true; readonly value: string } | Refusal<MobileReasonCode>;

const MESSAGES: Messages<MobileReasonCode> = {
  'mobile.characters': {
    zh: '手机号码只能包含数字，可带+86、0086或86前缀，可用空格或连字符分隔',
    en: 'A mobile number contains only digits, optionally after +86, 0086 or 86, and spaces or hyphens',
  },
  'mobile.length': { zh: '手机号码应为11位', en: 'A mobile number has 11 digits' },
  'mobile.prefix': { zh: '手机号码应以13至19开头', en: 'A mobile number starts with 13 to 19' },
};

/** The 11 national digits, without separators or the country code +86 / 0086 / 86. */
function nationalPart(input: string): string {
  const compact = input.replace(/[\s-]/g, '').replace(/^(\+|00)86/, '');
  // A bare 86 is a country code only when 11 digits follow; otherwise it may be a mistyped number.
  return /^86\d{11}$/.test(compact) ? compact.slice(2) : compact;
}

/** Validates a mainland mobile number and returns its 11 digits. */
export function validateMobile(input: string): MobileValidation {
  const value = nationalPart(input);
  const problems: MobileReasonCode[] = [];
  if (!/^\d*$/.test(value)) problems.push('mobile.characters');
  if (value.length !== 11) problems.push('mobile.length');
  if (/^\d{2}/.test(value) && !/^1[3-9]/.test(value)) problems.push('mobile.prefix');
  return problems.length > 0 ? refuse(MESSAGES, problems) : { ok: true, value };
}

/** Hides the middle four digits: 13812345678 → 138****5678; anything else is hidden entirely. */
export function maskMobile(input: string): string {
  const value = nationalPart(input);
  return /^\d{11}$/.test(value) ? `${value.slice(0, 3)}****${value.slice(7)}` : '*'.repeat(value.length);
}
