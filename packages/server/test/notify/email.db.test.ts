import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.ts';
import { inTransaction } from '../../src/platform/db/transaction.ts';
import { smtpAdapter } from '../../src/platform/notify/adapters.ts';
import { setUserEmail } from '../../src/platform/notify/contacts.ts';
import { deliverDueNotifications, notifyDepsFrom } from '../../src/platform/notify/dispatch.ts';
import { seedPeople } from '../harness/people.ts';
import { testServices } from '../harness/testApp.ts';
import { createTestDatabase, type TestDatabase } from '../harness/testDb.ts';
import {
  capturingLogger,
  citizenId,
  decodeBody,
  decodeHeader,
  depsFor,
  enqueue,
  fakeSmtp,
  rowsOf,
  templates,
} from './kit.ts';

let t: TestDatabase;
let s: ReturnType<typeof testServices>;
let citizen: string;
const ADDRESS = 'zhangsan@example.cn';
const USER = 'yiwang-mailer';
const PASSWORD = 'smtp-Pa55word-SECRET';
const FROM = 'noreply@yiwang.test';

beforeAll(async () => {
  t = await createTestDatabase();
  s = testServices(t.db);
  await seedPeople(s);
  citizen = await citizenId(t.db);
  await inTransaction(t.db, {}, (tx) => setUserEmail(tx, s.cipher, citizen, ADDRESS));
});
afterAll(() => t.destroy());
beforeEach(async () => {
  await t.owner.deleteFrom('notification').execute();
});

const dueSoon = {
  code: 'case.due_soon',
  params: { trackingNumber: 'JC-20261129-7K3M9Q', title: '食品经营许可', dueAt: '2026-12-01' },
  link: '/cases/0190c5a0',
};
const soon = () => new Date(Date.now() + 1000);

async function emailRow() {
  return (await rowsOf(t.db, citizen)).find((r) => r.channel === 'email');
}

describe('delivering e-mail over SMTP', () => {
  it('sends the rendered message in both languages, with the link under the public address', async () => {
    const smtp = await fakeSmtp({ user: USER, pass: PASSWORD });
    const config = {
      notify: { smtpUrl: smtp.url(USER, PASSWORD), mailFrom: FROM, maxAttempts: 3 },
      cases: { sweepSeconds: 30, warnShare: 0.2, publicUrl: 'https://yiwang.example.gov.cn/' },
    } satisfies Pick<Config, 'notify' | 'cases'>;
    const deps = notifyDepsFrom(config, s, { templates });
    expect(Object.keys(deps.adapters)).toEqual(['email']);
    try {
      await enqueue(t.db, { recipientUserId: citizen, ...dueSoon });
      const report = await deliverDueNotifications(t.db, deps, soon());
      // The SMS row is skipped: this installation has no gateway.
      expect(report).toMatchObject({ claimed: 2, sent: 1, skipped: 1 });
      expect(smtp.received).toHaveLength(1);
      const mail = smtp.received[0];
      expect(mail?.from).toBe(FROM);
      expect(mail?.to).toEqual([ADDRESS]);
      const { headers, text } = decodeBody(mail?.raw ?? '');
      const subject = decodeHeader(
        /^subject: (.*(?:\r\n\s.*)*)/im.exec(headers)?.[1]?.replace(/\r\n/g, '') ?? '',
      );
      expect(subject).toBe('办件即将到期：JC-20261129-7K3M9Q / Due soon: JC-20261129-7K3M9Q');
      expect(text).toContain('您的办件 JC-20261129-7K3M9Q（食品经营许可）将于 2026-12-01 到期。');
      expect(text).toContain('Case JC-20261129-7K3M9Q is due 2026-12-01.');
      expect(text).toContain('https://yiwang.example.gov.cn/cases/0190c5a0');
      expect(await emailRow()).toMatchObject({ status: 'sent', attempts: 1 });
    } finally {
      await Promise.all(Object.values(deps.adapters).map((a) => a?.close?.()));
      await smtp.close();
    }
  });

  it('renders an unknown code as a generic Chinese line naming the code', async () => {
    const smtp = await fakeSmtp({ user: USER, pass: PASSWORD });
    const adapter = smtpAdapter(smtp.url(USER, PASSWORD), FROM);
    try {
      await enqueue(t.db, { recipientUserId: citizen, code: 'petition.answered', params: {} });
      await deliverDueNotifications(t.db, depsFor(s, { adapters: { email: adapter } }), soon());
      const { text } = decodeBody(smtp.received[0]?.raw ?? '');
      expect(text).toContain('您有一条新的通知（petition.answered），请登录一网政务平台查看。');
    } finally {
      await adapter.close?.();
      await smtp.close();
    }
  });

  it('retries a refused login without ever writing the password or the address down', async () => {
    const smtp = await fakeSmtp({ user: USER, pass: 'the-right-one' });
    const adapter = smtpAdapter(smtp.url(USER, PASSWORD), FROM, { timeoutMs: 2000 });
    const logger = capturingLogger();
    try {
      await enqueue(t.db, { recipientUserId: citizen, ...dueSoon });
      await deliverDueNotifications(t.db, depsFor(s, { adapters: { email: adapter }, logger }), soon());
      const row = await emailRow();
      expect(row).toMatchObject({ status: 'pending', attempts: 1 });
      expect(row?.last_error).toMatch(/^smtp: EAUTH/);
      const written = `${row?.last_error}\n${logger.lines.join('\n')}`;
      for (const secret of [PASSWORD, USER, ADDRESS, 'zhangsan', smtp.url(USER, PASSWORD)]) {
        expect(written).not.toContain(secret);
      }
      expect(smtp.received).toHaveLength(0);
    } finally {
      await adapter.close?.();
      await smtp.close();
    }
  });

  it('gives up at once when the receiving server says the mailbox does not exist', async () => {
    const smtp = await fakeSmtp({ user: USER, pass: PASSWORD }, { rejectRcpt: true });
    const adapter = smtpAdapter(smtp.url(USER, PASSWORD), FROM);
    try {
      await enqueue(t.db, { recipientUserId: citizen, ...dueSoon });
      await deliverDueNotifications(
        t.db,
        depsFor(s, { adapters: { email: adapter }, maxAttempts: 8 }),
        soon(),
      );
      const row = await emailRow();
      expect(row).toMatchObject({
        status: 'dead',
        attempts: 1,
        last_error: 'smtp: EENVELOPE 550 at RCPT TO',
      });
    } finally {
      await adapter.close?.();
      await smtp.close();
    }
  });
});
