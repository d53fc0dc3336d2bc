import { creditCodeCheckChar, organizationCodeCheckChar, residentIdCheckChar } from '@yiwang/standards';
import { v7 as uuidv7 } from 'uuid';
import { defaultSecurity } from '../../packages/server/src/config.ts';
import { insertAccount } from '../../packages/server/src/modules/identity/accounts.ts';
import { hashPassword } from '../../packages/server/src/platform/auth/passwords.ts';
import { openSession } from '../../packages/server/src/platform/auth/sessions.ts';
import { createDb, type Db } from '../../packages/server/src/platform/db/database.ts';
import { inTransaction } from '../../packages/server/src/platform/db/transaction.ts';
import { createFieldCipher } from '../../packages/server/src/platform/keys/fieldCipher.ts';
import { protectIdNumber, protectMobile } from '../../packages/server/src/platform/pii.ts';
import { windowCheckOnly } from '../../packages/server/src/platform/realName.ts';
import type { PlatformServices } from '../../packages/server/src/platform/services.ts';

/** The platform's services over a database, as the application's role, with the given data key. */
export function benchServices(url: string, dataKey: Buffer, max = 10): PlatformServices {
  return {
    db: createDb(url, { role: 'yiwang_app', max }),
    security: defaultSecurity,
    cipher: createFieldCipher(dataKey),
    realName: windowCheckOnly,
  };
}

/** Someone signed in: the cookie and the CSRF header a browser would send. */
export type Caller = { userId: string; headers: Record<string, string> };

/** A signed-in session made directly in the database, without the sign-in steps. */
export async function sessionFor(s: PlatformServices, userId: string): Promise<Caller> {
  const opened = await inTransaction(s.db, { userId }, (tx) =>
    openSession(
      tx,
      { userId, stage: 'complete', clientIp: '127.0.0.1', userAgent: 'bench' },
      s.security.session,
    ),
  );
  return { userId, headers: { cookie: `yiwang_session=${opened.id}`, 'x-csrf-token': opened.csrfToken } };
}

export async function userIdOf(db: Db, username: string): Promise<string> {
  const row = await db
    .selectFrom('app_user')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * `n` applicants (at most 999), every other one a citizen and the rest businesses, each with a
 * mobile number (so that a notification to them also writes an SMS outbox row) and a session.
 */
export async function makeApplicants(s: PlatformServices, n: number): Promise<Caller[]> {
  if (n > 999) throw new RangeError('at most 999 applicants');
  const password = await hashPassword('Bench@2026-never-used');
  const phone = protectMobile(s.cipher, '13900139000');
  const mobile = { mobile_enc: phone.enc, mobile_hash: phone.hash, mobile_masked: phone.masked };
  const callers: Caller[] = [];
  for (let i = 0; i < n; i += 1) {
    const id = uuidv7();
    if (i % 2 === 0) {
      const body = `23010219900101${String(i).padStart(3, '0')}`;
      const idNumber = protectIdNumber(s.cipher, `${body}${residentIdCheckChar(body)}`);
      await insertAccount(s.db, {
        id,
        kind: 'citizen',
        display_name: `基准申请人${i}`,
        password_hash: password,
        id_number_enc: idNumber.enc,
        id_number_hash: idNumber.hash,
        id_number_masked: idNumber.masked,
        ...mobile,
      });
    } else {
      const body8 = `7${String(i).padStart(7, '0')}`;
      const body17 = `91230102${body8}${organizationCodeCheckChar(body8)}`;
      await insertAccount(s.db, {
        id,
        kind: 'business',
        display_name: `基准测试企业${i}有限公司`,
        credit_code: `${body17}${creditCodeCheckChar(body17)}`,
        legal_representative: '基准',
        password_hash: password,
        ...mobile,
      });
    }
    callers.push(await sessionFor(s, id));
  }
  return callers;
}
