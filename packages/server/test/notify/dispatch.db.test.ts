import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDb } from '../../src/platform/db/database.ts';
import { smsGatewayAdapter } from '../../src/platform/notify/adapters.ts';
import {
  deliverDueNotifications,
  type NotifyDeps,
  startNotificationLoop,
} from '../../src/platform/notify/dispatch.ts';
import { seedPeople } from '../harness/people.ts';
import { testServices } from '../harness/testApp.ts';
import { createTestDatabase, type TestDatabase } from '../harness/testDb.ts';
import { capturingLogger, citizenId, DEMO_MOBILE, depsFor, enqueue, fakeGateway, rowsOf } from './kit.ts';

let t: TestDatabase;
let s: ReturnType<typeof testServices>;
let citizen: string;
const TOKEN = 'gw-token-Zq81xSECRET';
const closers: Array<() => Promise<void>> = [];

beforeAll(async () => {
  t = await createTestDatabase();
  s = testServices(t.db);
  await seedPeople(s);
  citizen = await citizenId(t.db);
});
afterAll(() => t.destroy());
beforeEach(async () => {
  await t.owner.deleteFrom('notification').execute();
});
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function gateway(options: Parameters<typeof fakeGateway>[0] = {}) {
  const gw = await fakeGateway(options);
  closers.push(gw.close);
  return gw;
}

const dueSoon = {
  code: 'case.due_soon',
  params: { trackingNumber: 'JC-20261129-7K3M9Q', title: '食品经营许可', dueAt: '2026-12-01' },
};
const later = (base: Date, ms: number) => new Date(base.getTime() + ms);

describe('delivering text messages', () => {
  it('posts the decrypted number and the rendered text to the gateway, with the bearer token', async () => {
    const gw = await gateway();
    await enqueue(t.db, { recipientUserId: citizen, ...dueSoon });
    const deps = depsFor(s, { adapters: { sms: smsGatewayAdapter({ url: gw.url, token: TOKEN }) } });
    const report = await deliverDueNotifications(t.db, deps, later(new Date(), 1000));
    expect(report).toMatchObject({ claimed: 1, sent: 1 });
    expect(gw.requests).toHaveLength(1);
    expect(gw.requests[0]?.body).toEqual({
      to: DEMO_MOBILE,
      text: '您的办件 JC-20261129-7K3M9Q（食品经营许可）将于 2026-12-01 到期。',
    });
    expect(gw.requests[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    const [row] = await rowsOf(t.db, citizen);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
    expect(row?.sent_at).toBeInstanceOf(Date);
    // Nothing is due any more.
    expect((await deliverDueNotifications(t.db, deps, later(new Date(), 3_600_000))).claimed).toBe(0);
  });

  it('backs off after each failure and gives up after maxAttempts, without leaking the token or number', async () => {
    const gw = await gateway({ status: 503 });
    const logger = capturingLogger();
    await enqueue(t.db, { recipientUserId: citizen, ...dueSoon });
    const deps: NotifyDeps = depsFor(s, {
      adapters: { sms: smsGatewayAdapter({ url: gw.url, token: TOKEN }) },
      maxAttempts: 3,
      logger,
    });
    const t0 = later(new Date(), 1000);

    expect(await deliverDueNotifications(t.db, deps, t0)).toMatchObject({ claimed: 1, retrying: 1 });
    let [row] = await rowsOf(t.db, citizen);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, last_error: 'sms gateway: HTTP 503' });
    expect(row?.next_attempt_at.getTime()).toBe(t0.getTime() + 30_000);

    // Not yet due: nobody touches it.
    expect((await deliverDueNotifications(t.db, deps, later(t0, 29_000))).claimed).toBe(0);

    const t1 = later(t0, 30_000);
    expect(await deliverDueNotifications(t.db, deps, t1)).toMatchObject({ retrying: 1 });
    [row] = await rowsOf(t.db, citizen);
    expect(row).toMatchObject({ status: 'pending', attempts: 2 });
    expect(row?.next_attempt_at.getTime()).toBe(t1.getTime() + 60_000);

    expect(await deliverDueNotifications(t.db, deps, later(t1, 60_000))).toMatchObject({ dead: 1 });
    [row] = await rowsOf(t.db, citizen);
    expect(row).toMatchObject({ status: 'dead', attempts: 3, last_error: 'sms gateway: HTTP 503' });
    expect(gw.requests).toHaveLength(3);
    expect((await deliverDueNotifications(t.db, deps, later(t1, 86_400_000))).claimed).toBe(0);

    const logged = logger.lines.join('\n');
    expect(logger.lines).toHaveLength(3);
    for (const secret of [TOKEN, DEMO_MOBILE, '食品经营许可']) {
      expect(logged).not.toContain(secret);
      expect(row?.last_error).not.toContain(secret);
    }
  });

  it('says why, in a few safe words, when the gateway is unreachable or too slow', async () => {
    const slow = await gateway({ hang: true });
    const closed = await gateway();
    await closed.close();
    const cases = [
      {
        url: closed.url.replace('http://', `http://user:${TOKEN}@`),
        expected: 'sms gateway: request failed',
      },
      { url: closed.url, expected: 'sms gateway: unreachable (ECONNREFUSED)' },
      { url: slow.url, expected: 'sms gateway: timed out' },
    ];
    for (const c of cases) {
      await t.owner.deleteFrom('notification').execute();
      await enqueue(t.db, { recipientUserId: citizen, ...dueSoon });
      const adapter = smsGatewayAdapter({ url: c.url, token: TOKEN }, { timeoutMs: 200 });
      await deliverDueNotifications(
        t.db,
        depsFor(s, { adapters: { sms: adapter } }),
        later(new Date(), 1000),
      );
      const [row] = await rowsOf(t.db, citizen);
      expect(row?.last_error).toBe(c.expected);
    }
  });

  it('marks a row skipped when its channel is not configured', async () => {
    await enqueue(t.db, { recipientUserId: citizen, ...dueSoon });
    const report = await deliverDueNotifications(t.db, depsFor(s), later(new Date(), 1000));
    expect(report).toMatchObject({ claimed: 1, skipped: 1 });
    const [row] = await rowsOf(t.db, citizen);
    expect(row).toMatchObject({ status: 'skipped', last_error: 'sms is not configured' });
  });

  it('never delivers a row twice when two dispatchers run at once', async () => {
    const gw = await gateway({ delayMs: 5 });
    const N = 40;
    for (let n = 0; n < N; n++)
      await enqueue(t.db, { recipientUserId: citizen, code: 'test.numbered', params: { n } });
    const other = createDb(t.url, { max: 5, role: 'yiwang_app' });
    closers.push(() => other.destroy());
    const deps = depsFor(s, { adapters: { sms: smsGatewayAdapter({ url: gw.url }) }, batchSize: 3 });
    const now = later(new Date(), 1000);
    const drain = async (db: typeof t.db) => {
      let delivered = 0;
      for (;;) {
        const report = await deliverDueNotifications(db, deps, now);
        if (report.claimed === 0) return delivered;
        delivered += report.sent;
      }
    };
    const [a, b, c] = await Promise.all([drain(t.db), drain(other), drain(t.db)]);
    expect(a + b + c).toBe(N);
    expect(gw.requests).toHaveLength(N);
    expect(new Set(gw.requests.map((r) => r.body.text)).size).toBe(N);
    expect((await rowsOf(t.db, citizen)).every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  });

  it('leaves a row another dispatcher took over after the lease to that dispatcher', async () => {
    const gw = await gateway();
    await enqueue(t.db, { recipientUserId: citizen, ...dueSoon });
    // A dispatcher that claims and then stalls past its lease: the next one claims the row again.
    let release: () => void = () => undefined;
    const stalled = new Promise<void>((resolve) => {
      release = resolve;
    });
    const stalling = depsFor(s, {
      leaseMs: 1000,
      adapters: {
        sms: {
          send: async () => {
            await stalled;
            throw new Error('too late');
          },
        },
      },
    });
    const now = later(new Date(), 1000);
    const first = deliverDueNotifications(t.db, stalling, now);
    await waitFor(async () => (await rowsOf(t.db, citizen))[0]?.attempts === 1);
    const healthy = depsFor(s, { adapters: { sms: smsGatewayAdapter({ url: gw.url }) } });
    expect(await deliverDueNotifications(t.db, healthy, later(now, 2000))).toMatchObject({ sent: 1 });
    release();
    expect(await first).toMatchObject({ claimed: 1, sent: 0, retrying: 0, dead: 0 });
    const [row] = await rowsOf(t.db, citizen);
    expect(row).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
  });

  it('runs as a loop that can be stopped', async () => {
    const gw = await gateway();
    const stop = startNotificationLoop(
      t.db,
      depsFor(s, { adapters: { sms: smsGatewayAdapter({ url: gw.url }) } }),
      { intervalMs: 20 },
    );
    await enqueue(t.db, { recipientUserId: citizen, ...dueSoon });
    await waitFor(async () => gw.requests.length === 1);
    await stop();
    expect((await rowsOf(t.db, citizen))[0]?.status).toBe('sent');
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
