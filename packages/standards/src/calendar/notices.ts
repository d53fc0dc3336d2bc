import { dayNumberOf, yearOfDayNumber } from './legalDate.ts';

/**
 * What a State Council notice (国务院办公厅关于某年部分节假日安排的通知) says about one year.
 * Serialisable as is, so the server can store it.
 */
export type CalendarNotice = {
  /** The year the notice arranges. Its dates may start in late December of the year before (元旦 bridges). */
  year: number;
  /** Every rest day of each holiday period, weekend days inside the period included: date → holiday name. */
  holidays: Record<string, string>;
  /** Weekend days turned into working days (调休): date → name of the holiday they compensate. */
  workdays: Record<string, string>;
  /** Where the notice comes from, e.g. '国办发明电〔2019〕16号'. */
  source: string;
  /** The date the notice was issued, when known: the built-in data does not say. */
  issuedOn?: string;
};

/**
 * A set of notices entered together by an administrator, in force from `effectiveFrom` on. A notice in a
 * later version replaces, as a whole, the notice for the same year in earlier versions: a change within a
 * year (like the 2020 extension of the Spring Festival) is entered as the complete revised notice, so that
 * removing a working day is as easy as adding a holiday and the order of partial edits never matters.
 */
export type CalendarVersion = {
  id: string;
  /** ISO instant the version was entered. */
  effectiveFrom: string;
  notices: CalendarNotice[];
};

/** Throws a RangeError describing the first problem, so bad administrator input never reaches a deadline. */
export function checkVersion(version: CalendarVersion): void {
  if (version.id.trim() === '') throw new RangeError('a calendar version needs an id');
  if (Number.isNaN(Date.parse(version.effectiveFrom))) {
    throw new RangeError(`version ${version.id}: effectiveFrom is not an instant: ${version.effectiveFrom}`);
  }
  const years = new Set<number>();
  for (const notice of version.notices) {
    if (years.has(notice.year)) throw new RangeError(`version ${version.id}: two notices for ${notice.year}`);
    years.add(notice.year);
    checkNotice(notice);
  }
}

export function checkNotice(notice: CalendarNotice): void {
  if (!Number.isInteger(notice.year)) throw new RangeError(`not a year: ${notice.year}`);
  for (const [date, name] of [...Object.entries(notice.holidays), ...Object.entries(notice.workdays)]) {
    checkNoticeDate(notice.year, date);
    if (name.trim() === '') throw new RangeError(`notice ${notice.year}: ${date} has no holiday name`);
  }
  for (const date of Object.keys(notice.workdays)) {
    if (date in notice.holidays) throw new RangeError(`notice ${notice.year}: ${date} is both rest and work`);
  }
}

function checkNoticeDate(year: number, date: string): void {
  const dateYear = yearOfDayNumber(dayNumberOf(date));
  // A notice reaches back at most into the December before its year; anything further is a typo.
  const decemberBefore = dateYear === year - 1 && date.slice(5, 7) === '12';
  if (dateYear !== year && !decemberBefore) {
    throw new RangeError(`notice ${year}: ${date} is outside the year it arranges`);
  }
}
