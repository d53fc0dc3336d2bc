import { describe, expect, it } from 'vitest';
import {
  notice2020AsIssued,
  notice2020Extended,
  notice2027,
  restPeriod,
  version2020AsIssued,
  version2020Extended,
  version2027,
} from './calendarFixtures.ts';
import { BUILT_IN_VERSION_ID, type CalendarVersion, calendarFromNotices } from './index.ts';

describe('a year notice entered by an administrator', () => {
  const before = calendarFromNotices();
  const after = calendarFromNotices([version2027]);

  it('makes its year no longer provisional', () => {
    expect(before.isProvisional(2027)).toBe(true);
    expect(after.isProvisional(2027)).toBe(false);
    expect(after.versionIds).toEqual([BUILT_IN_VERSION_ID, 'notice-2027']);
  });

  it('moves a count across its Spring Festival', () => {
    expect(before.addWorkdaysDetailed('2027-02-04', 5)).toEqual({
      date: '2027-02-11',
      provisional: true,
      versionId: null,
      versionIds: [],
    });
    expect(after.addWorkdaysDetailed('2027-02-04', 5)).toEqual({
      date: '2027-02-19',
      provisional: false,
      versionId: 'notice-2027',
      versionIds: ['notice-2027'],
    });
    expect(after.describeDay('2027-02-20')).toMatchObject({ workday: true, compensates: '春节' });
  });

  it('moves a count across New Year and names both versions it relied on', () => {
    expect(before.addWorkdaysDetailed('2026-12-30', 2)).toMatchObject({
      date: '2027-01-01',
      provisional: true,
    });
    expect(after.addWorkdaysDetailed('2026-12-30', 2)).toEqual({
      date: '2027-01-04',
      provisional: false,
      versionId: 'notice-2027',
      versionIds: [BUILT_IN_VERSION_ID, 'notice-2027'],
    });
  });

  it('is not in force before it was entered', () => {
    const known = calendarFromNotices([version2027], { asOf: '2026-11-01T00:00:00+08:00' });
    expect(known.isProvisional(2027)).toBe(true);
    expect(known.addWorkdays('2027-02-04', 5)).toBe('2027-02-11');
  });

  it('can be built without the built-in data', () => {
    const only2027 = calendarFromNotices([version2027], { builtIn: false });
    expect(only2027.isProvisional(2026)).toBe(true);
    expect(only2027.noticeFor(2027)).toBe(notice2027);
  });
});

describe('a change within a year: the 2020 Spring Festival extension', () => {
  const builtIn = calendarFromNotices();
  const asIssued = calendarFromNotices([version2020AsIssued, version2020Extended], {
    asOf: '2020-01-26T12:00:00+08:00',
  });
  const extended = calendarFromNotices([version2020AsIssued, version2020Extended]);

  it('chinese-days already carries the extended notice, not the one first issued', () => {
    expect(builtIn.holidayName('2020-02-02')).toBe('春节');
    expect(builtIn.isWorkday('2020-02-01')).toBe(false);
    expect(builtIn.noticeFor(2020)?.holidays).toEqual(notice2020Extended.holidays);
    expect(builtIn.noticeFor(2020)?.workdays).toEqual(notice2020Extended.workdays);
  });

  it('before the extension: Friday 31 January and Saturday 1 February are worked', () => {
    expect(asIssued.isWorkday('2020-01-31')).toBe(true);
    expect(asIssued.describeDay('2020-02-01')).toMatchObject({
      workday: true,
      compensates: '春节',
      versionId: 'notice-2020',
    });
    expect(asIssued.addWorkdays('2020-01-23', 1)).toBe('2020-01-31');
    expect(asIssued.addWorkdays('2020-01-23', 2)).toBe('2020-02-01');
  });

  it('after the extension: work resumes on Monday 3 February', () => {
    expect(extended.describeDay('2020-01-31')).toMatchObject({
      workday: false,
      holidayName: '春节',
      versionId: 'notice-2020-extension',
    });
    expect(extended.isWorkday('2020-02-01')).toBe(false);
    expect(extended.addWorkdaysDetailed('2020-01-23', 1)).toMatchObject({
      date: '2020-02-03',
      versionId: 'notice-2020-extension',
    });
  });

  it('the extended version answers every day of 2020 as the built-in data does', () => {
    for (const date of Object.keys(restPeriod('2020-01-01', '2020-12-31', 'any'))) {
      const ignoringVersion = { versionId: null };
      expect({ ...extended.describeDay(date), ...ignoringVersion }).toEqual({
        ...builtIn.describeDay(date),
        ...ignoringVersion,
      });
    }
  });

  it('the two notices differ only in the extension', () => {
    const changed = Object.keys(restPeriod('2020-01-01', '2020-12-31', 'any')).filter(
      (date) => asIssued.isWorkday(date) !== extended.isWorkday(date),
    );
    expect(changed).toEqual(['2020-01-31', '2020-02-01']);
    expect(notice2020AsIssued.holidays['2020-02-02']).toBeUndefined();
  });

  it('applies versions in the order they were entered, whatever order they are stored in', () => {
    const reversed = calendarFromNotices([version2020Extended, version2020AsIssued]);
    expect(reversed.isWorkday('2020-01-31')).toBe(false);
  });
});

describe('administrator input is checked', () => {
  const valid: CalendarVersion = { id: 'v', effectiveFrom: '2026-11-05T00:00:00Z', notices: [notice2027] };

  it.each<[string, CalendarVersion]>([
    ['an empty id', { ...valid, id: ' ' }],
    ['an entry instant that is not one', { ...valid, effectiveFrom: 'soon' }],
    ['two notices for one year', { ...valid, notices: [notice2027, notice2027] }],
    ['an impossible date', { ...valid, notices: [{ ...notice2027, holidays: { '2027-02-30': '春节' } }] }],
    [
      'a date far outside the year',
      { ...valid, notices: [{ ...notice2027, holidays: { '2026-06-01': '端午节' } }] },
    ],
    [
      'a date both rest and work',
      { ...valid, notices: [{ ...notice2027, workdays: { '2027-01-01': '元旦' } }] },
    ],
    ['a nameless holiday', { ...valid, notices: [{ ...notice2027, holidays: { '2027-01-01': '' } }] }],
    ['the id of the built-in data', { ...valid, id: BUILT_IN_VERSION_ID }],
  ])('refuses %s', (_, version) => {
    expect(() => calendarFromNotices([version])).toThrow(RangeError);
  });

  it('refuses an id used twice, and an asOf that is not an instant', () => {
    expect(() => calendarFromNotices([valid, valid])).toThrow(RangeError);
    expect(() => calendarFromNotices([], { asOf: 'yesterday' })).toThrow(RangeError);
  });

  it('accepts a New Year bridge in the December before', () => {
    const bridged = { ...notice2027, workdays: { '2026-12-26': '元旦' } };
    const calendar = calendarFromNotices([{ ...valid, notices: [bridged] }]);
    expect(calendar.describeDay('2026-12-26')).toMatchObject({ workday: true, versionId: 'v' });
  });
});
