import { describe, expect, it } from 'vitest';
import { BUILT_IN_VERSION_ID, type CalendarVersion, calendarFromNotices } from '../calendar/index.ts';
import { calendar, cst, licensing, petition, start } from './clockFixtures.ts';
import { computeClock } from './index.ts';

const version2027: CalendarVersion = {
  id: 'notice-2027',
  effectiveFrom: '2026-11-05T09:30:00+08:00',
  notices: [{ year: 2027, holidays: { '2027-01-01': '元旦' }, workdays: {}, source: 'test notice' }],
};

describe('rule 10: a clock reaching into a year without a notice is provisional and lists the versions used', () => {
  const events = [start('2026-12-14')];

  it('20 working days from 2026-12-14 reach into 2027, which has no notice yet', () => {
    const clock = computeClock(licensing, events, calendar, cst('2026-12-15'));
    expect(clock).toMatchObject({ provisional: true, calendarVersions: [BUILT_IN_VERSION_ID] });
  });

  it('once the 2027 notice is entered, the count relies on both versions and is no longer provisional', () => {
    const clock = computeClock(licensing, events, calendarFromNotices([version2027]), cst('2026-12-15'));
    expect(clock).toMatchObject({
      provisional: false,
      calendarVersions: [BUILT_IN_VERSION_ID, 'notice-2027'],
    });
    expect(clock.dueDay).toBe('2027-01-12');
  });

  it('plain calendar days that never consult the calendar are not provisional', () => {
    const rule = {
      ...petition,
      receiptAfterHoursCountsNextWorkday: false,
      calendarDayEndMovesToWorkday: false,
    };
    const clock = computeClock(rule, events, calendar, cst('2026-12-15'));
    expect(clock).toMatchObject({ dueDay: '2027-02-12', provisional: false, calendarVersions: [] });
  });
});
