import { describe, expect, it } from 'vitest';
import {
  calendar,
  cst,
  disclosure,
  extend,
  licensing,
  pause,
  petition,
  resume,
  start,
} from './clockFixtures.ts';
import { computeClock } from './index.ts';

// The reference checks of the domain brief ("Counting time"), on the built-in calendar.
describe('reference cases', () => {
  it('accepted Friday 2025-09-26 in office hours with 20 working days: due at the close of 2025-10-30', () => {
    const clock = computeClock(
      licensing,
      [start('2025-09-26', '15:00')],
      calendar,
      cst('2025-09-26', '15:00'),
    );
    expect(clock).toMatchObject({
      status: 'running',
      startDay: '2025-09-26',
      dueDay: '2025-10-30',
      overdue: false,
      provisional: false,
    });
    expect(clock.dueAt).toEqual(new Date('2025-10-30T17:00:00+08:00'));
  });

  it.each([
    ['2025-09-26', 5, '2025-10-10'],
    ['2026-02-13', 5, '2026-02-27'],
    ['2005-09-30', 20, '2005-11-02'],
  ])('%s + %i working days = %s', (date, limit, expected) => {
    const clock = computeClock({ ...licensing, limit }, [start(date)], calendar, cst(date));
    expect(clock.dueDay).toBe(expected);
  });

  it('received on Saturday 2025-10-11, a 调休 working day: counts as received that day', () => {
    const clock = computeClock(
      { ...licensing, limit: 5 },
      [start('2025-10-11')],
      calendar,
      cst('2025-10-11'),
    );
    expect(clock).toMatchObject({ startDay: '2025-10-11', dueDay: '2025-10-17' });
  });

  it('received on Sunday 2025-10-12: counts from Monday 2025-10-13', () => {
    const clock = computeClock(
      { ...licensing, limit: 5 },
      [start('2025-10-12')],
      calendar,
      cst('2025-10-12'),
    );
    expect(clock).toMatchObject({ startDay: '2025-10-13', dueDay: '2025-10-20' });
  });

  it('a petition: 60 calendar days from acceptance, +30 with a stated reason (信访工作条例第34条)', () => {
    const accepted = start('2025-03-03');
    // Day 60 is 05-02, in the Labour Day holiday; day 90 is Sunday 06-01, before Dragon Boat Monday 06-02.
    expect(computeClock(petition, [accepted], calendar, cst('2025-03-04')).dueDay).toBe('2025-05-06');
    const extended = computeClock(
      petition,
      [accepted, extend('2025-04-20', 30)],
      calendar,
      cst('2025-04-21'),
    );
    expect(extended).toMatchObject({ dueDay: '2025-06-03', extendedBy: 30 });
  });

  it('a disclosure request: 20 working days, a 15-working-day third-party consultation not counted, +20', () => {
    // Received Monday 11-03; 4 working days used before the letters go out on 11-10; the third parties'
    // 15 working days end on 12-01, when the count resumes with 16 left (信息公开条例第32条).
    const consulted = [
      start('2025-11-03'),
      pause('2025-11-10', '09:00', '征求第三方意见'),
      resume('2025-12-01', '11:00'),
    ];
    expect(computeClock(disclosure, consulted, calendar, cst('2025-12-02'))).toMatchObject({
      dueDay: '2025-12-23',
      pausedDays: 16,
    });
    // +20 approved by the head of the disclosure office (第33条); 2026-01-01 and 01-02 are rest days and
    // Sunday 01-04 is worked.
    const events = [...consulted, extend('2025-12-10', 20)];
    expect(computeClock(disclosure, events, calendar, cst('2025-12-11'))).toMatchObject({
      dueDay: '2026-01-21',
      extendedBy: 20,
      provisional: false,
    });
  });
});
