import chineseDays from 'chinese-days';
import chineseDaysPackage from 'chinese-days/package.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_VERSION_ID,
  builtInData,
  builtInNotices,
  calendarFromNotices,
  noticeYearOf,
  parseChineseDaysLabel,
  statutoryHolidayDays,
  statutoryHolidays,
} from './index.ts';

describe('the data shipped with chinese-days', () => {
  it('is named after the installed package, so an upgrade is a visible new version', () => {
    expect(BUILT_IN_VERSION_ID).toBe(`chinese-days@${chineseDaysPackage.version}`);
  });

  it('holds one notice per year from 2004 to 2026', () => {
    expect(builtInNotices.map((notice) => notice.year)).toEqual(
      Array.from({ length: 23 }, (_, i) => 2004 + i),
    );
  });

  it('files December New Year bridges under the next year', () => {
    expect(noticeYearOf('2022-12-31', "New Year's Day,元旦,1")).toBe(2023);
    expect(noticeYearOf('2025-10-01', 'National Day,国庆节,3')).toBe(2025);
    const year2008 = builtInNotices.find((notice) => notice.year === 2008);
    expect(year2008?.holidays['2007-12-30']).toBe('元旦');
    expect(year2008?.workdays['2007-12-29']).toBe('元旦');
  });

  it('never marks a weekday as a 调休 working day, nor a date as both rest and work', () => {
    for (const notice of builtInNotices) {
      for (const date of Object.keys(notice.workdays)) {
        expect(notice.holidays[date]).toBeUndefined();
        expect([0, 6]).toContain(new Date(`${date}T00:00:00Z`).getUTCDay());
      }
    }
  });

  it('uses the official names of the holidays', () => {
    expect(parseChineseDaysLabel('Tomb-sweeping Day,清明,1')).toEqual({ name: '清明节', statutoryDays: 1 });
    expect(parseChineseDaysLabel('Spring Festival,春节,4')).toEqual({ name: '春节', statutoryDays: 4 });
    expect(() => parseChineseDaysLabel('Spring Festival')).toThrow(RangeError);
  });
});

describe('statutory holiday days', () => {
  it('are 10 from 2000 to 2007, 11 from 2008 to 2024 and 13 from 2025', () => {
    for (let year = 2000; year <= 2030; year += 1) {
      const expected = year >= 2025 ? 13 : year >= 2008 ? 11 : 10;
      expect(statutoryHolidayDays(year)).toBe(expected);
    }
    expect(() => statutoryHolidays(1999)).toThrow(RangeError);
  });

  // chinese-days labels each date with the statutory days of its holiday that year. The sums per year are
  // not always the statutory total: 2020 folds 中秋 into 国庆节 (both on 1 October) and 2015 adds a one-off
  // commemorative day. So each label is checked against the 放假办法, holiday by holiday.
  it('agree with every label in the chinese-days data', () => {
    const commemorative = '中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日';
    for (const [date, label] of Object.entries({ ...builtInData.holidays, ...builtInData.workdays })) {
      const { name, statutoryDays } = parseChineseDaysLabel(label);
      const expected = name === commemorative ? 1 : statutoryHolidays(noticeYearOf(date, label))[name];
      expect({ date, name, statutoryDays }).toEqual({ date, name, statutoryDays: expected });
    }
  });
});

// chinese-days' own functions read dates back in local time, so they are one day off west of Greenwich;
// where they are right, the calendar must agree with them on every day the data covers.
describe.skipIf(new Date().getTimezoneOffset() > 0)('agreement with chinese-days itself', () => {
  it('answers isWorkday like chinese-days for every day from 2004 to 2026', () => {
    const calendar = calendarFromNotices();
    const disagreements: string[] = [];
    for (let year = 2004; year <= 2026; year += 1) {
      for (let day = new Date(year, 0, 1); day.getFullYear() === year; day.setDate(day.getDate() + 1)) {
        const date = `${year}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
        if (calendar.isWorkday(date) !== chineseDays.isWorkday(date)) disagreements.push(date);
      }
    }
    expect(disagreements).toEqual([]);
  });
});
