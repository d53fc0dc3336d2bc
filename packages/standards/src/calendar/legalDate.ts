import { startOfChinaDate } from '../time/chinaTime.ts';

/**
 * A legal date as a whole number of days since 1970-01-01. Stepping through days with integers keeps the
 * calendar free of the server's time zone: no local-time Date getter is ever consulted.
 */
export type DayNumber = number;

const DAY_MS = 86_400_000;

/** The day number of a legal date 'YYYY-MM-DD'; throws a RangeError for anything that is not a real date. */
export function dayNumberOf(date: string): DayNumber {
  startOfChinaDate(date);
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

export function dateOfDayNumber(day: DayNumber): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function yearOfDayNumber(day: DayNumber): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/** Saturday or Sunday; 1970-01-01 (day 0) was a Thursday. */
export function isWeekend(day: DayNumber): boolean {
  const weekday = (((day + 4) % 7) + 7) % 7;
  return weekday === 0 || weekday === 6;
}
