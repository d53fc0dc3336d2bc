// The raw data file, not the package's functions: those parse dates as UTC but read them back in local
// time, so on a server west of Greenwich every answer (and the package's own tables) shifts by one day.
import chineseDaysData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import type { CalendarNotice } from './notices.ts';

/** Names the answers that come from the data shipped with the installed chinese-days package. */
export const BUILT_IN_VERSION_ID = 'chinese-days@1.5.7';

/** chinese-days' shape: date → 'English name,中文名,statutory days of that holiday in that year'. */
export type ChineseDaysData = {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
};

export type ChineseDaysLabel = { name: string; statutoryDays: number };

// chinese-days shortens three names; answers use the names of the 放假办法 and the notices.
const OFFICIAL_NAMES: Readonly<Record<string, string>> = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节' };

export function parseChineseDaysLabel(label: string): ChineseDaysLabel {
  const [, chineseName, days] = label.split(',');
  if (chineseName === undefined || days === undefined) throw new RangeError(`unexpected label: ${label}`);
  return { name: OFFICIAL_NAMES[chineseName] ?? chineseName, statutoryDays: Number(days) };
}

/**
 * The year whose notice arranged a date. chinese-days files by calendar year, but a December rest or
 * working day labelled 元旦 belongs to the next year's New Year arrangement (e.g. 2018-12-29/30/31).
 */
export function noticeYearOf(date: string, label: string): number {
  const year = Number(date.slice(0, 4));
  const newYearBridge = date.slice(5, 7) === '12' && parseChineseDaysLabel(label).name === '元旦';
  return newYearBridge ? year + 1 : year;
}

/** Regroups chinese-days' flat maps into one notice per year. */
export function noticesFromChineseDays(
  data: ChineseDaysData,
  source = BUILT_IN_VERSION_ID,
): CalendarNotice[] {
  const byYear = new Map<number, CalendarNotice>();
  const noticeFor = (year: number): CalendarNotice => {
    const existing = byYear.get(year);
    if (existing) return existing;
    const notice: CalendarNotice = { year, holidays: {}, workdays: {}, source };
    byYear.set(year, notice);
    return notice;
  };
  for (const [date, label] of Object.entries(data.holidays)) {
    noticeFor(noticeYearOf(date, label)).holidays[date] = parseChineseDaysLabel(label).name;
  }
  for (const [date, label] of Object.entries(data.workdays)) {
    noticeFor(noticeYearOf(date, label)).workdays[date] = parseChineseDaysLabel(label).name;
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

export const builtInData: Readonly<ChineseDaysData> = chineseDaysData;

/** The notices for 2004–2026 carried by chinese-days, frozen because every calendar shares them. */
export const builtInNotices: readonly CalendarNotice[] = Object.freeze(
  noticesFromChineseDays(builtInData).map((notice) =>
    Object.freeze({
      ...notice,
      holidays: Object.freeze(notice.holidays),
      workdays: Object.freeze(notice.workdays),
    }),
  ),
);
