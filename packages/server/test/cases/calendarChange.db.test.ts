import { calendarFromNotices } from '@yiwang/standards';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseEngine } from '../../src/cases/engine.ts';
import { disclosureProcess } from '../../src/modules/disclosure/process.ts';
import type { Principal } from '../../src/platform/access/principal.ts';
import { as, type Caller, type DemoWorld, demoWorld, signedIn } from '../harness/people.ts';
import { clockOf, openAt, principal, testEngine } from './fixtures.ts';

let w: DemoWorld;
let engine: CaseEngine;
let citizen: Principal;
let sysadmin: Caller;

beforeAll(async () => {
  w = await demoWorld();
  engine = testEngine(w.s);
  citizen = await principal(w.t.db, { kind: 'citizen' });
  sysadmin = await signedIn(w.s, 'sysadmin');
});
afterAll(() => w.close());

const form = { description: '测试信息', medium: 'online' };
const enter = (payload: object, who: Caller = sysadmin) =>
  as(w.app, who)({ method: 'POST', url: '/api/v1/calendar/versions', payload });

describe('the working-day calendar is versioned and running clocks follow it', () => {
  it('moves a running due date when a revised notice adds a holiday, and says so on the timeline', async () => {
    // Received Monday 2026-11-02: 20 working days end on Monday 2026-11-30.
    const row = await openAt(engine, w.t.db, {
      def: disclosureProcess,
      applicant: citizen,
      at: new Date('2026-11-02T10:00:00+08:00'),
      form,
    });
    expect((await clockOf(w.t.db, row.id, 'reply')).due_at?.toISOString()).toBe('2026-11-30T09:00:00.000Z');
    const revised = structuredClone(calendarFromNotices().noticeFor(2026));
    if (!revised) throw new Error('the built-in data has no 2026 notice');
    revised.holidays['2026-11-20'] = '测试调整';
    revised.source = '测试通知（修订）';
    delete revised.issuedOn;
    const res = await enter({ id: 'test-2026-rev1', note: '测试：2026年安排调整', notices: [revised] });
    expect(res.statusCode).toBe(201);
    expect(res.json().recomputed).toBeGreaterThanOrEqual(1);
    const reply = await clockOf(w.t.db, row.id, 'reply');
    expect(reply.due_at?.toISOString()).toBe('2026-12-01T09:00:00.000Z');
    expect(reply.calendar_version).toBe('test-2026-rev1');
    const entry = await w.t.db
      .selectFrom('case_action')
      .select(['input'])
      .where('case_id', '=', row.id)
      .where('action', '=', 'clock.recomputed')
      .executeTakeFirstOrThrow();
    expect(entry.input).toMatchObject({
      clock: 'reply',
      from: '2026-11-30T09:00:00.000Z',
      to: '2026-12-01T09:00:00.000Z',
      calendarVersion: 'test-2026-rev1',
    });
  });

  it('flags a clock running into a year without a notice as provisional until the notice is entered', async () => {
    // Received 2026-12-21: the reply runs into January 2027, for which no notice is known yet.
    const row = await openAt(engine, w.t.db, {
      def: disclosureProcess,
      applicant: citizen,
      at: new Date('2026-12-21T10:00:00+08:00'),
      form,
    });
    expect((await clockOf(w.t.db, row.id, 'reply')).provisional).toBe(true);
    const listed = await as(w.app, sysadmin)({ method: 'GET', url: '/api/v1/calendar/provisional-clocks' });
    expect(listed.json().items.map((i: { caseId: string }) => i.caseId)).toContain(row.id);
    const year = await w.app.inject({ method: 'GET', url: '/api/v1/calendar/year?year=2027' });
    expect(year.json().provisional).toBe(true);
    const notice = {
      year: 2027,
      holidays: { '2027-01-01': '元旦', '2027-01-02': '元旦', '2027-01-03': '元旦' },
      workdays: {},
      source: '测试：2027年节假日安排',
    };
    expect(
      (await enter({ id: 'test-2027', note: '测试：录入2027年通知', notices: [notice] })).statusCode,
    ).toBe(201);
    expect((await clockOf(w.t.db, row.id, 'reply')).provisional).toBe(false);
    const after = await w.app.inject({ method: 'GET', url: '/api/v1/calendar/year?year=2027' });
    expect(after.json()).toMatchObject({ provisional: false, source: '测试：2027年节假日安排' });
    expect(after.json().days.find((d: { date: string }) => d.date === '2027-01-01')).toMatchObject({
      workday: false,
      holidayName: '元旦',
    });
  });

  it('refuses a notice that contradicts itself, a reused id and a caller who is not the system administrator', async () => {
    const bad = await enter({
      id: 'test-bad',
      note: '自相矛盾',
      notices: [
        {
          year: 2028,
          holidays: { '2028-01-01': '元旦' },
          workdays: { '2028-01-01': '元旦' },
          source: '测试',
        },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'body.notices', code: 'invalid_notice' });
    const again = await enter({
      id: 'test-2027',
      note: '重复',
      notices: [{ year: 2029, holidays: {}, workdays: {}, source: '测试' }],
    });
    expect(again.statusCode).toBe(409);
    const clerk = await signedIn(w.s, 'clerk');
    const denied = await enter(
      {
        id: 'test-clerk',
        note: '越权',
        notices: [{ year: 2029, holidays: {}, workdays: {}, source: '测试' }],
      },
      clerk,
    );
    expect(denied.statusCode).toBe(403);
    const stored = await w.t.db.selectFrom('calendar_version').select('id').orderBy('id').execute();
    expect(stored.map((s) => s.id)).toEqual(['test-2026-rev1', 'test-2027']);
  });
});
