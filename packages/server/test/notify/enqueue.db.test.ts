import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../src/platform/db/transaction.ts';
import { setUserEmail } from '../../src/platform/notify/contacts.ts';
import { enqueueNotification } from '../../src/platform/notify/enqueue.ts';
import { seedPeople, userIdOf } from '../harness/people.ts';
import { testServices } from '../harness/testApp.ts';
import { createTestDatabase, type TestDatabase } from '../harness/testDb.ts';
import { citizenId, DEMO_MOBILE, enqueue } from './kit.ts';

let t: TestDatabase;
let s: ReturnType<typeof testServices>;
let citizen: string;

beforeAll(async () => {
  t = await createTestDatabase();
  s = testServices(t.db);
  await seedPeople(s);
  citizen = await citizenId(t.db);
});
afterAll(() => t.destroy());

const dueSoon = {
  code: 'case.due_soon',
  params: { trackingNumber: 'JC-20261129-7K3M9Q', title: '食品经营许可', dueAt: '2026-12-01' },
  link: '/cases/abc',
};

describe('enqueueNotification', () => {
  it('writes the inbox message and one outbox row per reachable channel in the caller’s transaction', async () => {
    const caseId = '0190c5a0-0000-7000-8000-000000000001';
    const result = await enqueue(t.db, { recipientUserId: citizen, caseId, ...dueSoon });
    expect(result.outbox.map((o) => o.channel)).toEqual(['sms']);
    const inbox = await t.db
      .selectFrom('inbox_message')
      .selectAll()
      .where('id', '=', result.inboxMessageId)
      .executeTakeFirstOrThrow();
    expect(inbox).toMatchObject({
      user_id: citizen,
      code: 'case.due_soon',
      case_id: caseId,
      link: '/cases/abc',
    });
    expect(inbox.params).toEqual(dueSoon.params);
    expect(inbox.read_at).toBeNull();
    const row = await t.db
      .selectFrom('notification')
      .selectAll()
      .where('id', '=', result.outbox[0]?.id ?? '')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ channel: 'sms', status: 'pending', attempts: 0, last_error: null });
    // The number is read from app_user when sending; the outbox never holds it.
    expect(JSON.stringify(row)).not.toContain(DEMO_MOBILE);
  });

  it('leaves nothing behind when the business change rolls back', async () => {
    const before = await counts();
    await expect(
      inTransaction(t.db, {}, async (tx) => {
        await enqueueNotification(tx, { recipientUserId: citizen, ...dueSoon });
        throw new Error('the business change failed');
      }),
    ).rejects.toThrow('the business change failed');
    expect(await counts()).toEqual(before);
  });

  it('adds e-mail once the person has an address, stored encrypted and masked', async () => {
    await inTransaction(t.db, {}, (tx) => setUserEmail(tx, s.cipher, citizen, 'zhangsan@example.cn'));
    const user = await t.db
      .selectFrom('app_user')
      .select(['email_enc', 'email_masked'])
      .where('id', '=', citizen)
      .executeTakeFirstOrThrow();
    expect(user.email_masked).toBe('z***@example.cn');
    expect(user.email_enc?.toString('latin1')).not.toContain('zhangsan');
    const result = await enqueue(t.db, { recipientUserId: citizen, ...dueSoon });
    expect(result.outbox.map((o) => o.channel).sort()).toEqual(['email', 'sms']);
    await inTransaction(t.db, {}, (tx) => setUserEmail(tx, s.cipher, citizen, null));
  });

  it('writes only the inbox for someone with no mobile and no e-mail, or for channels left out', async () => {
    const staff = await userIdOf(t.db, 'clerk');
    expect((await enqueue(t.db, { recipientUserId: staff, ...dueSoon })).outbox).toEqual([]);
    const narrowed = await inTransaction(t.db, {}, (tx) =>
      enqueueNotification(tx, { recipientUserId: citizen, ...dueSoon }, { channels: ['email'] }),
    );
    expect(narrowed.outbox).toEqual([]);
  });

  it('is recorded on the audit trail by the data layer', async () => {
    const { inboxMessageId, outbox } = await enqueue(t.db, { recipientUserId: citizen, ...dueSoon });
    const actions = await t.owner
      .selectFrom('audit_event')
      .select(['action', 'target_id'])
      .where('target_id', 'in', [inboxMessageId, ...outbox.map((o) => o.id)])
      .execute();
    expect(actions.map((a) => a.action).sort()).toEqual(['inbox_message.insert', 'notification.insert']);
  });

  it('refuses malformed codes, links that leave the site, and unknown recipients', async () => {
    const bad = [
      { recipientUserId: citizen, code: 'Not A Code' },
      { recipientUserId: citizen, code: 'case.due_soon', link: 'https://evil.example/' },
      { recipientUserId: citizen, code: 'case.due_soon', link: '//evil.example/' },
      { recipientUserId: '0190c5a0-0000-7000-8000-0000000000ff', code: 'case.due_soon' },
    ];
    for (const input of bad) {
      await expect(inTransaction(t.db, {}, (tx) => enqueueNotification(tx, input))).rejects.toThrow(
        RangeError,
      );
    }
  });

  it('refuses to store something that is not an e-mail address', async () => {
    await expect(
      inTransaction(t.db, {}, (tx) => setUserEmail(tx, s.cipher, citizen, 'not an address')),
    ).rejects.toThrow(RangeError);
  });
});

async function counts() {
  const n = async (table: 'inbox_message' | 'notification') =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { inbox: await n('inbox_message'), outbox: await n('notification') };
}
