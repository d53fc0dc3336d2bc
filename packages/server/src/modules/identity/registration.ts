import type { FieldError, RegisterBusiness, RegisterCitizen } from '@yiwang/contracts';
import { validateCreditCode } from '@yiwang/standards';
import { v7 as uuidv7 } from 'uuid';
import { hashPassword } from '../../platform/auth/passwords.ts';
import type { Tx } from '../../platform/db/transaction.ts';
import { ConflictProblem, ValidationProblem } from '../../platform/http/problems.ts';
import { protectIdNumber, protectMobile } from '../../platform/pii.ts';
import type { PlatformServices } from '../../platform/services.ts';
import { insertAccount } from './accounts.ts';
import { checkedIdNumber, checkedMobile, passwordErrors, reasonsError, throwIfAny } from './fields.ts';

/**
 * A citizen registers under their real name and resident ID number, one account per number.
 * A valid check digit is not real-name verification: the real-name provider decides, and
 * without one the account starts as self-declared.
 */
export async function registerCitizen(tx: Tx, s: PlatformServices, input: RegisterCitizen) {
  const errors: FieldError[] = [];
  const idNumber = checkedIdNumber(input.idNumber, 'body.idNumber', errors);
  const mobile = checkedMobile(input.mobile, 'body.mobile', errors);
  errors.push(...passwordErrors('body.password', input.password, s.security));
  throwIfAny(errors);
  const id = protectIdNumber(s.cipher, idNumber);
  const taken = await tx
    .selectFrom('app_user')
    .select('id')
    .where('id_number_hash', '=', id.hash)
    .executeTakeFirst();
  if (taken) throw new ConflictProblem('already_registered', 'an account already exists for this ID number');
  const verification = await s.realName.check({ realName: input.realName, idNumber });
  if (verification === 'not_matched') {
    throw new ValidationProblem([
      {
        field: 'body.realName',
        code: 'real_name_not_matched',
        message: 'the name does not match the ID number',
      },
    ]);
  }
  const level = verification === 'verified' ? 'provider_verified' : 'self_declared';
  const phone = protectMobile(s.cipher, mobile);
  const userId = uuidv7();
  await insertAccount(tx, {
    id: userId,
    kind: 'citizen',
    verification_level: level,
    display_name: input.realName,
    id_number_enc: id.enc,
    id_number_hash: id.hash,
    id_number_masked: id.masked,
    mobile_enc: phone.enc,
    mobile_hash: phone.hash,
    mobile_masked: phone.masked,
    password_hash: await hashPassword(input.password),
  });
  return { userId, verificationLevel: level };
}

/** A business registers under its unified social credit code (GB 32100), one account per code. */
export async function registerBusiness(tx: Tx, s: PlatformServices, input: RegisterBusiness) {
  const errors: FieldError[] = [];
  const code = validateCreditCode(input.creditCode);
  if (!code.ok) errors.push(reasonsError('body.creditCode', 'invalid_credit_code', code.reasons));
  const mobile = checkedMobile(input.contactMobile, 'body.contactMobile', errors);
  errors.push(...passwordErrors('body.password', input.password, s.security));
  throwIfAny(errors);
  const creditCode = code.ok ? code.value : input.creditCode;
  const taken = await tx
    .selectFrom('app_user')
    .select('id')
    .where('credit_code', '=', creditCode)
    .executeTakeFirst();
  if (taken)
    throw new ConflictProblem('already_registered', 'an account already exists for this credit code');
  const phone = protectMobile(s.cipher, mobile);
  const userId = uuidv7();
  await insertAccount(tx, {
    id: userId,
    kind: 'business',
    display_name: input.name,
    mobile_enc: phone.enc,
    mobile_hash: phone.hash,
    mobile_masked: phone.masked,
    credit_code: creditCode,
    legal_representative: input.legalRepresentative,
    password_hash: await hashPassword(input.password),
  });
  return { userId, verificationLevel: 'self_declared' };
}
