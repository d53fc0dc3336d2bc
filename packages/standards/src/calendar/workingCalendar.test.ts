import { describe, expect, it } from 'vitest';
import { chinaDateOf } from '../time/chinaTime.ts';
import { BUILT_IN_VERSION_ID, calendarFromNotices, MAX_WORKDAY_COUNT } from './index.ts';

const calendar = calendarFromNotices();

describe('reference checks on the built-in notices', () => {
  it.each([
    ['2025-09-26', 20, '2025-10-30'],
    ['2025-09-26', 5, '2025-10-10'],
    ['2026-02-13', 5, '2026-02-27'],
    ['2005-09-30', 20, '2005-11-02'],
  ])('%s + %i working days = %s', (date, n, expected) => {
    expect(calendar.addWorkdays(date, n)).toBe(expected);
  });

  it('works Saturday 2025-10-11 (调休) and rests Friday 2005-10-07 (National Day week)', () => {
    expect(calendar.isWorkday('2025-10-11')).toBe(true);
    expect(calendar.describeDay('2025-10-11').compensates).toBe('国庆节');
    expect(calendar.isWorkday('2005-10-07')).toBe(false);
    expect(calendar.holidayName('2005-10-07')).toBe('国庆节');
  });
});

describe('working days', () => {
  it('are Monday to Friday outside the holidays', () => {
    expect(calendar.isWorkday('2025-11-14')).toBe(true); // Friday
    expect(calendar.isWorkday('2025-11-15')).toBe(false); // Saturday
    expect(calendar.isWorkday('2025-11-16')).toBe(false); // Sunday
  });

  it('names the holiday of a rest day, weekend days inside the period included', () => {
    expect(calendar.holidayName('2026-02-17')).toBe('春节');
    expect(calendar.holidayName('2025-10-04')).toBe('国庆节'); // a Saturday inside the period
    expect(calendar.holidayName('2024-04-04')).toBe('清明节');
    expect(calendar.holidayName('2015-09-03')).toBe('中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日');
    expect(calendar.holidayName('2025-11-15')).toBeNull(); // an ordinary Saturday
    expect(calendar.holidayName('2025-10-11')).toBeNull(); // a working Saturday
  });

  it('knows the New Year bridges that reach back into December', () => {
    expect(calendar.holidayName('2018-12-31')).toBe('元旦');
    expect(calendar.isWorkday('2018-12-29')).toBe(true); // Saturday
    expect(calendar.isWorkday('2011-12-31')).toBe(true); // Saturday
    expect(calendar.noticeFor(2019)?.holidays['2018-12-30']).toBe('元旦');
  });
});

describe('counting', () => {
  it('does not count the start day, even when it is a working day', () => {
    expect(calendar.addWorkdays('2025-11-10', 1)).toBe('2025-11-11');
    expect(calendar.addWorkdays('2025-11-10', 0)).toBe('2025-11-10');
  });

  it('counts working days after the first date up to and including the second', () => {
    expect(calendar.workdaysBetween('2025-09-26', '2025-10-30')).toBe(20);
    expect(calendar.workdaysBetween('2025-10-30', '2025-09-26')).toBe(-20);
    expect(calendar.workdaysBetween('2025-10-01', '2025-10-08')).toBe(0);
    expect(calendar.workdaysBetween('2025-11-10', '2025-11-10')).toBe(0);
  });

  it('finds the next working day, and where a limit ending on a rest day moves to', () => {
    expect(calendar.nextWorkday('2025-09-30')).toBe('2025-10-09');
    expect(calendar.nextWorkday('2025-10-09')).toBe('2025-10-10');
    expect(calendar.workdayOnOrAfter('2025-10-03')).toBe('2025-10-09');
    expect(calendar.workdayOnOrAfter('2025-10-11')).toBe('2025-10-11');
  });

  it('refuses counts that are not whole, non-negative and bounded', () => {
    for (const n of [-1, 1.5, Number.NaN, MAX_WORKDAY_COUNT + 1]) {
      expect(() => calendar.addWorkdays('2025-01-01', n)).toThrow(RangeError);
    }
  });

  it('refuses dates that are not legal dates', () => {
    expect(() => calendar.isWorkday('2025-02-29')).toThrow(RangeError);
    expect(() => calendar.addWorkdays('2025-9-26', 1)).toThrow(RangeError);
  });
});

describe('provisional answers', () => {
  it('knows notices for 2004 to 2026 only', () => {
    expect(calendar.isProvisional(2003)).toBe(true);
    expect(calendar.isProvisional(2004)).toBe(false);
    expect(calendar.isProvisional(2026)).toBe(false);
    expect(calendar.isProvisional(2027)).toBe(true);
  });

  it('answers a year without a notice from weekends alone', () => {
    expect(calendar.describeDay('2027-01-01')).toEqual({
      date: '2027-01-01',
      workday: true,
      holidayName: null,
      compensates: null,
      provisional: true,
      versionId: null,
    });
  });

  it('says which version answered a count, and whether it may still move', () => {
    expect(calendar.addWorkdaysDetailed('2025-09-26', 20)).toEqual({
      date: '2025-10-30',
      provisional: false,
      versionId: BUILT_IN_VERSION_ID,
      versionIds: [BUILT_IN_VERSION_ID],
    });
    expect(calendar.addWorkdaysDetailed('2026-12-20', 20)).toMatchObject({
      date: '2027-01-15',
      provisional: true,
      versionId: BUILT_IN_VERSION_ID,
    });
  });
});

describe('legal dates whatever the server time zone', () => {
  it('counts from the China date of an instant, not the server date', () => {
    // 01:00 on 26 September in Beijing is still 25 September in UTC and in Los Angeles.
    const served = new Date('2025-09-25T17:00:00Z');
    expect(calendar.addWorkdays(chinaDateOf(served), 20)).toBe('2025-10-30');
  });

  it('gives the same answers in this process whatever TZ it runs under', () => {
    expect(calendar.isWorkday('2025-10-11')).toBe(true);
    expect(calendar.isWorkday('2025-10-10')).toBe(true);
    expect(calendar.isWorkday('2025-09-30')).toBe(true);
    expect(calendar.isWorkday('2025-10-01')).toBe(false);
  });
});
