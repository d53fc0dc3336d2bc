// Notices and versions shared by the calendar tests. Not exported from index.ts.
import { dateOfDayNumber, dayNumberOf } from './legalDate.ts';
import type { CalendarNotice, CalendarVersion } from './notices.ts';

/** Every date from `first` to `last` inclusive, each with the holiday's name. */
export function restPeriod(first: string, last: string, name: string): Record<string, string> {
  const period: Record<string, string> = {};
  for (let day = dayNumberOf(first); day <= dayNumberOf(last); day += 1) period[dateOfDayNumber(day)] = name;
  return period;
}

/**
 * The 2020 notice as first issued (国办发明电〔2019〕16号, 2019-11-21): Spring Festival 24–30 January,
 * with Sunday 19 January and Saturday 1 February as working days.
 */
export const notice2020AsIssued: CalendarNotice = {
  year: 2020,
  holidays: {
    '2020-01-01': '元旦',
    ...restPeriod('2020-01-24', '2020-01-30', '春节'),
    ...restPeriod('2020-04-04', '2020-04-06', '清明节'),
    ...restPeriod('2020-05-01', '2020-05-05', '劳动节'),
    ...restPeriod('2020-06-25', '2020-06-27', '端午节'),
    ...restPeriod('2020-10-01', '2020-10-08', '国庆节'),
  },
  workdays: {
    '2020-01-19': '春节',
    '2020-02-01': '春节',
    '2020-04-26': '劳动节',
    '2020-05-09': '劳动节',
    '2020-06-28': '端午节',
    '2020-09-27': '国庆节',
    '2020-10-10': '国庆节',
  },
  source: '国办发明电〔2019〕16号',
  issuedOn: '2019-11-21',
};

/**
 * The same year after 国办发明电〔2020〕1号 (2020-01-27) extended the Spring Festival to Sunday 2 February:
 * 31 January to 2 February become rest days and Saturday 1 February is no longer worked.
 */
export const notice2020Extended: CalendarNotice = {
  ...notice2020AsIssued,
  holidays: { ...notice2020AsIssued.holidays, ...restPeriod('2020-01-31', '2020-02-02', '春节') },
  workdays: Object.fromEntries(
    Object.entries(notice2020AsIssued.workdays).filter(([d]) => d !== '2020-02-01'),
  ),
  source: '国办发明电〔2020〕1号',
  issuedOn: '2020-01-27',
};

export const version2020AsIssued: CalendarVersion = {
  id: 'notice-2020',
  effectiveFrom: '2019-11-21T10:00:00+08:00',
  notices: [notice2020AsIssued],
};

export const version2020Extended: CalendarVersion = {
  id: 'notice-2020-extension',
  effectiveFrom: '2020-01-27T18:00:00+08:00',
  notices: [notice2020Extended],
};

/** A made-up but plausible 2027 notice, as an administrator would enter it in November 2026. */
export const notice2027: CalendarNotice = {
  year: 2027,
  holidays: {
    ...restPeriod('2027-01-01', '2027-01-03', '元旦'),
    ...restPeriod('2027-02-05', '2027-02-13', '春节'),
    ...restPeriod('2027-04-03', '2027-04-05', '清明节'),
    ...restPeriod('2027-05-01', '2027-05-05', '劳动节'),
  },
  workdays: { '2027-02-20': '春节', '2027-05-08': '劳动节' },
  source: 'made-up test notice for 2027',
  issuedOn: '2026-11-04',
};

export const version2027: CalendarVersion = {
  id: 'notice-2027',
  effectiveFrom: '2026-11-05T09:30:00+08:00',
  notices: [notice2027],
};
