import { describe, expect, it } from 'vitest';
import { calendar, cst, extend, licensing, pause, petition, resume, start } from './clockFixtures.ts';
import { computeClock } from './index.ts';
import type { ClockEvent } from './types.ts';

// Rule 5 (行政许可法第45条, 信息公开条例第32条: time "not counted"): the convention is documented with its
// worked example in computeClock.ts. Without a pause, 20 working days from 2025-11-03 end on 2025-12-01.
const accepted = start('2025-11-03');
const clockAt = (events: ClockEvent[], now = cst('2025-12-20'), rule = licensing) =>
  computeClock(rule, events, calendar, now);

describe('rule 5: a pause does not consume its own day; counting resumes the day after the resume', () => {
  it('the worked example: paused Thursday 11-06, resumed Wednesday 11-12, due Monday 12-08', () => {
    const clock = clockAt([accepted, pause('2025-11-06'), resume('2025-11-12', '15:00')]);
    expect(clock).toMatchObject({ status: 'running', dueDay: '2025-12-08', pausedDays: 5, pausedHours: 149 });
    expect(clock.dueAt?.toISOString()).toBe('2025-12-08T09:00:00.000Z');
    expect(clock.pauses).toEqual([
      {
        from: new Date(cst('2025-11-06')),
        until: new Date(cst('2025-11-12', '15:00')),
        reason: '专家评审',
        inTime: true,
      },
    ]);
  });

  it('with calendar days: a petition paused Thursday to Monday keeps out 5 days, weekend included', () => {
    const events = [start('2025-06-09'), pause('2025-06-12'), resume('2025-06-16')];
    expect(clockAt(events, cst('2025-07-01'), petition)).toMatchObject({
      dueDay: '2025-08-13',
      pausedDays: 5,
    });
  });

  it('a pause spanning the National Day holiday keeps out only the working days in it (09-30 and 10-09)', () => {
    const events = [start('2025-09-22'), pause('2025-09-30'), resume('2025-10-09')];
    expect(clockAt([start('2025-09-22')], cst('2025-09-23')).dueDay).toBe('2025-10-24');
    expect(clockAt(events, cst('2025-10-10'))).toMatchObject({ dueDay: '2025-10-28', pausedDays: 2 });
  });

  it('two pauses add up: 5 then 3 working days kept out, due 12-11', () => {
    const first = [accepted, pause('2025-11-06'), resume('2025-11-12', '15:00')];
    const events = [...first, pause('2025-11-17', '09:00'), resume('2025-11-19', '16:00')];
    expect(clockAt(events)).toMatchObject({ dueDay: '2025-12-11', pausedDays: 8 });
  });

  it('an open pause: status paused, no due instant, remaining frozen whatever now is', () => {
    const events = [accepted, pause('2025-11-06')];
    for (const now of [cst('2025-11-07'), cst('2026-03-02')]) {
      expect(clockAt(events, now)).toMatchObject({
        status: 'paused',
        dueAt: null,
        dueDay: null,
        remaining: { workingDays: 18 },
        overdue: false,
      });
    }
    // Kept out so far, as if resumed now: 11-06, 11-07 and 11-10.
    expect(clockAt(events, cst('2025-11-10')).pausedDays).toBe(3);
    expect(clockAt(events, cst('2025-11-10')).pauses[0]?.until).toBeNull();
  });

  it('pause and resume on the same day still keep that day out', () => {
    expect(clockAt([accepted, pause('2025-11-06'), resume('2025-11-06', '15:00')]).dueDay).toBe('2025-12-02');
  });

  it('a resume on a Saturday takes effect on Monday, which is not counted either', () => {
    const events = [accepted, pause('2025-11-06'), resume('2025-11-08')];
    expect(clockAt(events)).toMatchObject({ dueDay: '2025-12-04', pausedDays: 3 });
  });

  it('a pause after closing time takes effect the next working day, so its own day is used', () => {
    const events = [accepted, pause('2025-11-06', '18:00'), resume('2025-11-07', '15:00')];
    expect(clockAt(events)).toMatchObject({ dueDay: '2025-12-02', pausedDays: 1 });
  });

  it('a pause on the last day before closing leaves that one day for after the resume', () => {
    const events = [start('2025-09-26'), pause('2025-10-30'), resume('2025-11-03')];
    expect(clockAt(events)).toMatchObject({ dueDay: '2025-11-04', overdue: true });
  });

  it('a pause after the period ended cannot revive it: not applied, the clock stays overdue', () => {
    const events = [start('2025-09-26'), pause('2025-10-31'), resume('2025-11-05')];
    for (const script of [events.slice(0, 2), events]) {
      const clock = clockAt(script, cst('2025-11-06'));
      expect(clock).toMatchObject({ status: 'running', dueDay: '2025-10-30', overdue: true, pausedDays: 0 });
      expect(clock.pauses[0]?.inTime).toBe(false);
    }
  });

  it('an extension during a pause adds to the frozen remainder', () => {
    const events = [accepted, pause('2025-11-06'), extend('2025-11-07', 10)];
    expect(clockAt(events, cst('2025-11-10'))).toMatchObject({
      remaining: { workingDays: 28 },
      extendedBy: 10,
    });
  });
});
