import { describe, expect, it } from 'vitest';
import { calendarFromNotices } from '../calendar/index.ts';
import {
  calendar,
  cst,
  emergency,
  extend,
  licensing,
  pause,
  petition,
  resume,
  start,
  stop,
} from './clockFixtures.ts';
import { computeClock } from './index.ts';
import { receiptDayOf } from './receipt.ts';

const dueDayOf = (rule = licensing, events = [start('2025-11-03')], now = cst('2025-11-04')) =>
  computeClock(rule, events, calendar, now).dueDay;

describe('rule 1: the start day is not counted (Civil Code art. 201)', () => {
  it('5 working days from Monday 2025-11-03 end on Monday 2025-11-10', () => {
    expect(dueDayOf({ ...licensing, limit: 5 })).toBe('2025-11-10');
  });

  it('a limit of 0 (on the spot) ends at the close of the start day itself', () => {
    expect(dueDayOf({ ...licensing, limit: 0 })).toBe('2025-11-03');
  });
});

describe('rule 2: received after office hours or on a rest day counts as received the next working day', () => {
  it('Friday 2025-09-26 17:30 counts from the 调休 Sunday 2025-09-28, so 20 working days end on 10-31', () => {
    const clock = computeClock(licensing, [start('2025-09-26', '17:30')], calendar, cst('2025-09-29'));
    expect(clock).toMatchObject({ startDay: '2025-09-28', dueDay: '2025-10-31' });
  });

  it('at 17:00 exactly business has not yet stopped, so the day is kept', () => {
    const clock = computeClock(licensing, [start('2025-09-26', '17:00')], calendar, cst('2025-09-29'));
    expect(clock).toMatchObject({ startDay: '2025-09-26', dueDay: '2025-10-30' });
  });

  it('a later closing time keeps a receipt at 17:30', () => {
    const rule = { ...licensing, officeHours: { closesAt: '18:00' } };
    expect(computeClock(rule, [start('2025-09-26', '17:30')], calendar, cst('2025-09-29')).startDay).toBe(
      '2025-09-26',
    );
  });

  it('can be turned off: then the receipt day is the day it arrived, rest day or not', () => {
    const rule = { ...licensing, receiptAfterHoursCountsNextWorkday: false };
    const clock = computeClock(rule, [start('2025-11-08', '11:00')], calendar, cst('2025-11-10'));
    expect(clock).toMatchObject({ startDay: '2025-11-08', dueDay: '2025-12-05' });
  });

  it('applies to calendar-day rules too: a petition received on Saturday counts from Monday', () => {
    expect(dueDayOf(petition, [start('2025-06-07', '11:00')])).toBe('2025-08-08');
  });
});

describe('rule 3: a period ends at the close of office hours of its last day (Civil Code art. 203)', () => {
  it('dueAt is 17:00 China Standard Time, i.e. 09:00 UTC, whatever the server time zone', () => {
    const clock = computeClock(licensing, [start('2025-09-26')], calendar, cst('2025-09-29'));
    expect(clock.dueAt?.toISOString()).toBe('2025-10-30T09:00:00.000Z');
  });

  it('follows the office hours configured for the rule', () => {
    const rule = { ...licensing, officeHours: { closesAt: '17:30', opensAt: '09:00' } };
    const clock = computeClock(rule, [start('2025-09-26')], calendar, cst('2025-09-29'));
    expect(clock.dueAt?.toISOString()).toBe('2025-10-30T09:30:00.000Z');
  });
});

describe('rule 4: a calendar-day limit whose last day is a rest day moves to the next working day (art. 203)', () => {
  it('60 days from 2025-03-03 fall on 05-02, inside the Labour Day holiday, and end on 05-06', () => {
    expect(dueDayOf(petition, [start('2025-03-03')])).toBe('2025-05-06');
  });

  it('a last day that is a working day stays', () => {
    expect(dueDayOf(petition, [start('2025-06-09')])).toBe('2025-08-08');
  });

  it('can be turned off', () => {
    expect(dueDayOf({ ...petition, calendarDayEndMovesToWorkday: false }, [start('2025-03-03')])).toBe(
      '2025-05-02',
    );
  });
});

describe('rule 6: extensions add to the limit and record approver and reason (行政许可法第42条)', () => {
  it('20 + 10 working days from 2025-11-03 end on 2025-12-15', () => {
    const clock = computeClock(
      licensing,
      [start('2025-11-03'), extend('2025-11-28', 10)],
      calendar,
      cst('2025-12-01'),
    );
    expect(clock).toMatchObject({ dueDay: '2025-12-15', extendedBy: 10 });
    expect(clock.extensions).toEqual([
      {
        at: new Date(cst('2025-11-28')),
        by: 10,
        approver: '局长 王某',
        reason: '情况复杂，需要延长',
        inTime: true,
      },
    ]);
  });

  it('accumulate: two extensions of 5 equal one of 10', () => {
    const events = [start('2025-11-03'), extend('2025-11-20', 5), extend('2025-11-28', 5)];
    expect(computeClock(licensing, events, calendar, cst('2025-12-01'))).toMatchObject({
      dueDay: '2025-12-15',
      extendedBy: 10,
    });
  });

  it('one granted after the period ended is recorded but does not revive it', () => {
    const events = [start('2025-11-03'), extend('2025-12-02', 10)];
    const clock = computeClock(licensing, events, calendar, cst('2025-12-03'));
    expect(clock).toMatchObject({ dueDay: '2025-12-01', extendedBy: 0, overdue: true });
    expect(clock.extensions[0]?.inTime).toBe(false);
  });
});

describe('rule 7: a backdated start (deemed acceptance, 行政许可法第32条) counts from the day materials arrived', () => {
  it('accepted by default on 11-14 for materials that arrived on 11-03: due on 12-01', () => {
    const clock = computeClock(
      licensing,
      [start('2025-11-14', '10:00', '2025-11-03')],
      calendar,
      cst('2025-11-14'),
    );
    expect(clock).toMatchObject({ startDay: '2025-11-03', dueDay: '2025-12-01' });
  });

  it('materials that arrived on a Saturday count from the Monday', () => {
    const clock = computeClock(
      licensing,
      [start('2025-11-14', '10:00', '2025-11-08')],
      calendar,
      cst('2025-11-14'),
    );
    expect(clock.startDay).toBe('2025-11-10');
  });
});

describe('rule 8: hours limits are plain elapsed hours; pauses subtract elapsed paused time', () => {
  it('24 hours from 10:00 on National Day end at 10:00 the next day, holiday or not', () => {
    const clock = computeClock(emergency, [start('2025-10-01')], calendar, cst('2025-10-01', '16:00'));
    expect(clock).toMatchObject({ dueDay: '2025-10-02', remaining: { hours: 18 }, provisional: false });
    expect(clock.dueAt?.toISOString()).toBe('2025-10-02T02:00:00.000Z');
    expect(clock.calendarVersions).toEqual([]);
  });

  it('a pause of 2.5 hours and an extension of 12 hours add exactly that', () => {
    const events = [start('2025-10-01'), pause('2025-10-01', '12:00'), resume('2025-10-01', '14:30')];
    const clock = computeClock(
      emergency,
      [...events, extend('2025-10-01', 12, '15:00')],
      calendar,
      cst('2025-10-01', '15:00'),
    );
    expect(clock.dueAt?.toISOString()).toBe(new Date(cst('2025-10-03', '00:30')).toISOString());
    expect(clock).toMatchObject({ pausedHours: 2.5, pausedDays: 0, extendedBy: 12 });
  });

  it('an open pause freezes the hours left', () => {
    const events = [start('2025-10-01'), pause('2025-10-01', '16:00')];
    const clock = computeClock(emergency, events, calendar, cst('2025-10-03'));
    expect(clock).toMatchObject({ status: 'paused', dueAt: null, remaining: { hours: 18 }, pausedHours: 42 });
  });
});

describe('rule 9: stop freezes the clock', () => {
  it('stopped in time: not overdue, remaining counted at the stop, whatever now is', () => {
    const events = [start('2025-09-26'), stop('2025-10-29', '10:00')];
    const clock = computeClock(licensing, events, calendar, cst('2026-03-01'));
    expect(clock).toMatchObject({ status: 'stopped', dueDay: '2025-10-30', overdue: false });
    expect(clock.remaining).toEqual({ workingDays: 2, hours: 31 });
  });

  it('stopped after dueAt: overdue', () => {
    const events = [start('2025-09-26'), stop('2025-10-30', '17:01')];
    expect(computeClock(licensing, events, calendar, cst('2025-10-30', '17:01')).overdue).toBe(true);
  });

  it('stopped while paused: no due instant, not overdue', () => {
    const events = [start('2025-11-03'), pause('2025-11-06'), stop('2025-11-20')];
    expect(computeClock(licensing, events, calendar, cst('2026-01-05'))).toMatchObject({
      status: 'stopped',
      dueAt: null,
      overdue: false,
      remaining: { workingDays: 18 },
    });
  });
});

describe('rule 11: remaining and overdue are counted against now', () => {
  const events = [start('2025-09-26')];
  it.each([
    ['2025-10-29T10:00:00+08:00', 2, 31, false],
    ['2025-10-30T17:00:00+08:00', 1, 0, false],
    ['2025-10-30T18:00:00+08:00', 0, -1, true],
    ['2025-10-31T09:00:00+08:00', -1, -16, true],
  ])('at %s: %i working days, %i hours left, overdue %s', (now, workingDays, hours, overdue) => {
    const clock = computeClock(licensing, events, calendar, now);
    expect(clock).toMatchObject({ status: 'running', remaining: { workingDays, hours }, overdue });
  });

  it('calendar days left count today while office hours last', () => {
    const clock = computeClock(petition, [start('2025-06-09')], calendar, cst('2025-08-07', '09:00'));
    expect(clock.remaining).toEqual({ calendarDays: 2, hours: 32 });
  });

  it('a clock without a start has nothing to count', () => {
    expect(computeClock(licensing, [], calendar, cst('2025-10-29'))).toMatchObject({
      status: 'not_started',
      dueAt: null,
      remaining: null,
      overdue: false,
    });
  });
});

describe('receiptDayOf: the legal date of receipt', () => {
  const calendar = calendarFromNotices();
  it('is the same day within office hours on a working day', () => {
    expect(receiptDayOf('2025-09-26T16:59:00+08:00', calendar)).toBe('2025-09-26');
  });
  it('rolls after closing time to the next working day (a Saturday 调休 counts)', () => {
    // Saturday 2025-09-27 is a rest day; Sunday 09-28 is a working day made up for National Day.
    expect(receiptDayOf('2025-09-26T17:30:00+08:00', calendar)).toBe('2025-09-28');
  });
  it('rolls from a holiday to the first working day after it', () => {
    expect(receiptDayOf('2025-10-03T10:00:00+08:00', calendar)).toBe('2025-10-09');
  });
});
