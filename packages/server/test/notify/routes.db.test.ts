import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverDueNotifications } from '../../src/platform/notify/dispatch.ts';
import { as, type Caller, type DemoWorld, demoWorld, sessionFor } from '../harness/people.ts';
import { citizenId, depsFor, enqueue } from './kit.ts';

let w: DemoWorld;
let citizen: string;
let business: string;
let citizenCaller: Caller;
let businessCaller: Caller;
let admin: Caller;
const ids: string[] = [];
let othersMessage: string;

beforeAll(async () => {
  w = await demoWorld();
  // The demo requests have told their applicants already; these tests count their own messages.
  await w.t.owner.deleteFrom('inbox_message').execute();
  await w.t.owner.deleteFrom('notification').execute();
  citizen = await citizenId(w.t.db);
  business = (
    await w.t.db.selectFrom('app_user').select('id').where('kind', '=', 'business').executeTakeFirstOrThrow()
  ).id;
  const adminId = (
    await w.t.db
      .selectFrom('membership')
      .select('user_id')
      .where('role_code', '=', 'system_admin')
      .executeTakeFirstOrThrow()
  ).user_id;
  citizenCaller = await sessionFor(w.s, citizen);
  businessCaller = await sessionFor(w.s, business);
  admin = await sessionFor(w.s, adminId);
  for (let n = 1; n <= 3; n++) {
    const r = await enqueue(w.t.db, {
      recipientUserId: citizen,
      code: 'case.due_soon',
      params: { trackingNumber: `JC-${n}`, title: '食品经营许可', dueAt: '2026-12-01' },
      caseId: '0190c5a0-0000-7000-8000-000000000001',
      link: `/cases/${n}`,
    });
    ids.push(r.inboxMessageId);
  }
  othersMessage = (await enqueue(w.t.db, { recipientUserId: business, code: 'case.due_soon' }))
    .inboxMessageId;
});
afterAll(() => w.close());

describe('the inbox', () => {
  it('shows a person their own messages, newest first, as code and parameters', async () => {
    const res = await as(w.app, citizenCaller)({ method: 'GET', url: '/api/v1/inbox' });
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.unread).toBe(3);
    expect(page.items.map((m: { id: string }) => m.id)).toEqual([...ids].reverse());
    expect(page.items[0]).toEqual({
      id: ids[2],
      code: 'case.due_soon',
      params: { trackingNumber: 'JC-3', title: '食品经营许可', dueAt: '2026-12-01' },
      caseId: '0190c5a0-0000-7000-8000-000000000001',
      link: '/cases/3',
      createdAt: expect.any(String),
      readAt: null,
    });
    expect(page.nextBefore).toBeNull();
  });

  it('pages with a cursor', async () => {
    const call = as(w.app, citizenCaller);
    const first = (await call({ method: 'GET', url: '/api/v1/inbox?limit=2' })).json();
    expect(first.items).toHaveLength(2);
    expect(first.nextBefore).toBe(ids[1]);
    const second = (
      await call({ method: 'GET', url: `/api/v1/inbox?limit=2&before=${first.nextBefore}` })
    ).json();
    expect(second.items.map((m: { id: string }) => m.id)).toEqual([ids[0]]);
    expect(second.nextBefore).toBeNull();
    // Another person's id as a cursor reveals nothing: the list is simply empty.
    const foreign = (await call({ method: 'GET', url: `/api/v1/inbox?before=${othersMessage}` })).json();
    expect(foreign.items).toEqual([]);
  });

  it('marks one message read, and filters the unread ones', async () => {
    const call = as(w.app, citizenCaller);
    const res = await call({ method: 'POST', url: `/api/v1/inbox/${ids[0]}/read` });
    expect(res.statusCode).toBe(200);
    expect(res.json().readAt).toEqual(expect.any(String));
    // Marking it again changes nothing, including the time it was read.
    const again = await call({ method: 'POST', url: `/api/v1/inbox/${ids[0]}/read` });
    expect(again.json().readAt).toBe(res.json().readAt);
    const unread = (await call({ method: 'GET', url: '/api/v1/inbox?unread=true' })).json();
    expect(unread.unread).toBe(2);
    expect(unread.items.map((m: { id: string }) => m.id)).toEqual([ids[2], ids[1]]);
  });

  it('answers 404, not 403, for someone else’s message, and leaves it unread', async () => {
    const res = await as(
      w.app,
      citizenCaller,
    )({ method: 'POST', url: `/api/v1/inbox/${othersMessage}/read` });
    expect(res.statusCode).toBe(404);
    const theirs = (await as(w.app, businessCaller)({ method: 'GET', url: '/api/v1/inbox' })).json();
    expect(theirs.items.map((m: { id: string }) => m.id)).toEqual([othersMessage]);
    expect(theirs.unread).toBe(1);
  });

  it('marks all of a person’s messages read and no one else’s', async () => {
    const res = await as(w.app, citizenCaller)({ method: 'POST', url: '/api/v1/inbox/read-all' });
    expect(res.json()).toEqual({ marked: 2 });
    expect((await as(w.app, citizenCaller)({ method: 'GET', url: '/api/v1/inbox' })).json().unread).toBe(0);
    expect((await as(w.app, businessCaller)({ method: 'GET', url: '/api/v1/inbox' })).json().unread).toBe(1);
  });

  it('is for signed-in people only', async () => {
    expect((await w.app.inject({ method: 'GET', url: '/api/v1/inbox' })).statusCode).toBe(401);
  });
});

describe('failed deliveries', () => {
  it('lists dead and failing rows to the system administrator, without their parameters', async () => {
    const failing = async () => {
      throw new Error('down');
    };
    const deps = depsFor(w.s, { adapters: { sms: { send: failing } }, maxAttempts: 1 });
    await deliverDueNotifications(w.t.db, deps, new Date(Date.now() + 1000));
    const res = await as(w.app, admin)({ method: 'GET', url: '/api/v1/notifications/failed' });
    expect(res.statusCode).toBe(200);
    const list = res.json();
    expect(list.dead).toBe(4);
    expect(list.items).toHaveLength(4);
    expect(list.items[0]).toEqual({
      id: expect.any(String),
      channel: 'sms',
      code: 'case.due_soon',
      recipientUserId: expect.any(String),
      status: 'dead',
      attempts: 1,
      lastError: 'sms delivery failed (Error)',
      createdAt: expect.any(String),
      lastAttemptAt: expect.any(String),
      nextAttemptAt: null,
    });
    expect(res.body).not.toContain('食品经营许可');
    expect(res.body).not.toContain('JC-');
    const failingOnly = (
      await as(w.app, admin)({ method: 'GET', url: '/api/v1/notifications/failed?status=failing' })
    ).json();
    expect(failingOnly.items).toEqual([]);
  });

  it('is refused to everyone else, the security officers included', async () => {
    const secadmin = await sessionFor(
      w.s,
      (
        await w.t.db
          .selectFrom('membership')
          .select('user_id')
          .where('role_code', '=', 'security_admin')
          .executeTakeFirstOrThrow()
      ).user_id,
    );
    for (const caller of [citizenCaller, secadmin]) {
      const res = await as(w.app, caller)({ method: 'GET', url: '/api/v1/notifications/failed' });
      expect(res.statusCode).toBe(403);
    }
  });

  it('puts a dead row back in the queue, and refuses one that is not dead with 409', async () => {
    const dead = await w.t.db
      .selectFrom('notification')
      .select('id')
      .where('status', '=', 'dead')
      .executeTakeFirstOrThrow();
    const call = as(w.app, admin);
    const res = await call({ method: 'POST', url: `/api/v1/notifications/${dead.id}/retry` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: dead.id, status: 'pending', attempts: 0, lastError: null });
    const row = await w.t.db
      .selectFrom('notification')
      .selectAll()
      .where('id', '=', dead.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'pending', attempts: 0, last_error: null });
    expect(row.next_attempt_at.getTime()).toBeLessThanOrEqual(Date.now() + 1000);

    const again = await call({ method: 'POST', url: `/api/v1/notifications/${dead.id}/retry` });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('notification_not_dead');
    const missing = await call({
      method: 'POST',
      url: '/api/v1/notifications/0190c5a0-0000-7000-8000-0000000000ff/retry',
    });
    expect(missing.statusCode).toBe(404);

    // The retry is on the audit trail, with the administrator as the actor.
    const events = await w.t.owner
      .selectFrom('audit_event')
      .select(['action', 'actor_user_id', 'details'])
      .where('target_id', '=', dead.id)
      .where('action', '=', 'notification.update')
      .execute();
    expect(events.some((e) => e.actor_user_id === admin.userId)).toBe(true);
  });
});
