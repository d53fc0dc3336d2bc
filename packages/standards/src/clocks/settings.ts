import { MAX_WORKDAY_COUNT } from '../calendar/index.ts';
import { chinaDateOf, startOfChinaDate } from '../time/chinaTime.ts';
import type { ClockRule, ClockUnit, Instant } from './types.ts';

export const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** A year of hours: far beyond any emergency reporting limit, it only catches typos. */
const MAX_HOURS = 24 * 366;

/** A rule checked once, with its defaults filled in. */
export type ClockSettings = {
  unit: ClockUnit;
  limit: number;
  /** Closing time as minutes after midnight, China Standard Time. */
  closesAt: number;
  receiptRolls: boolean;
  endMoves: boolean;
};

const UNITS: readonly ClockUnit[] = ['working_days', 'calendar_days', 'hours'];

/** Throws a RangeError on the first problem, so a bad rule never reaches a stored deadline. */
export function settingsOf(rule: ClockRule): ClockSettings {
  if (!UNITS.includes(rule.unit)) throw new RangeError(`unknown clock unit: ${String(rule.unit)}`);
  checkAmount(rule.unit, rule.limit, 'limit', true);
  if (rule.basis.trim() === '') throw new RangeError('a clock rule needs its legal basis');
  const closesAt = minutesOf(rule.officeHours?.closesAt ?? '17:00');
  const opensAt = minutesOf(rule.officeHours?.opensAt ?? '08:30');
  if (opensAt >= closesAt) throw new RangeError('office hours must open before they close');
  return {
    unit: rule.unit,
    limit: rule.limit,
    closesAt,
    receiptRolls: rule.receiptAfterHoursCountsNextWorkday ?? true,
    endMoves: rule.calendarDayEndMovesToWorkday ?? true,
  };
}

/** Day counts are whole days within what the calendar will count; hours may be fractional. */
export function checkAmount(unit: ClockUnit, amount: number, what: string, allowZero: boolean): void {
  const max = unit === 'hours' ? MAX_HOURS : MAX_WORKDAY_COUNT;
  const number = unit === 'hours' ? Number.isFinite(amount) : Number.isSafeInteger(amount);
  const inRange = (allowZero ? amount >= 0 : amount > 0) && amount <= max;
  if (!number || !inRange) {
    const kind = unit === 'hours' ? 'hours' : `whole ${unit.replace('_', ' ')}`;
    throw new RangeError(
      `${what} must be ${allowZero ? 'zero or more' : 'more than zero'} ${kind}, at most ${max}: ${amount}`,
    );
  }
}

function minutesOf(time: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match) throw new RangeError(`not a time of day 'HH:MM': ${time}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Strings must carry their offset: '2025-09-26T10:00' alone would depend on the server's time zone. */
export function instantOf(value: Instant, what: string): Date {
  if (typeof value === 'string' && !/T.*(?:Z|[+-]\d{2}:?\d{2})$/i.test(value)) {
    throw new RangeError(`${what} needs an explicit offset ('Z' or '+08:00'): ${value}`);
  }
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`${what} is not an instant: ${String(value)}`);
  return instant;
}

/** The instant business stops on a legal date (Civil Code art. 203), in China Standard Time. */
export function closeOf(day: string, closesAt: number): Date {
  return new Date(startOfChinaDate(day).getTime() + closesAt * MINUTE_MS);
}

export function shiftDay(day: string, days: number): string {
  return chinaDateOf(new Date(startOfChinaDate(day).getTime() + days * DAY_MS));
}

/** Calendar days from one legal date to another; negative when `to` comes first. */
export function daysBetween(from: string, to: string): number {
  return Math.round((startOfChinaDate(to).getTime() - startOfChinaDate(from).getTime()) / DAY_MS);
}

/** Throws a RangeError naming the first problem with a rule, e.g. when a process definition is loaded. */
export function checkClockRule(rule: ClockRule): void {
  settingsOf(rule);
}
