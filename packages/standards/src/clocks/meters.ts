import type { WorkingCalendar } from '../calendar/index.ts';
import { chinaDateOf } from '../time/chinaTime.ts';
import { type ClockSettings, closeOf, daysBetween, HOUR_MS, shiftDay } from './settings.ts';
import type { ClockRemaining, ClockStart } from './types.ts';

export type Due = { dueDay: string; dueAt: Date };
export type Reliance = { provisional: boolean; calendarVersions: string[] };

/**
 * How one unit measures a period. A point is where an act takes effect: a legal date for day units, an
 * instant (ms) for hours. `left` units are counted strictly after an anchor point, so the day of an act is
 * never counted (Civil Code art. 201).
 */
export interface Meter<P> {
  start(start: Omit<ClockStart, 'at'> & { at: Date }): P;
  pointOf(at: Date): P;
  dayOf(point: P): string;
  /** Units counted after `anchor` and before `pausedAt`: what a running stretch used up. */
  used(anchor: P, pausedAt: P): number;
  /** Units a pause from `from` to `to` kept out of the count. */
  skipped(from: P, to: P): number;
  due(anchor: P, left: number): Due;
  remaining(due: Due, at: Date): ClockRemaining;
  frozen(left: number): ClockRemaining;
  reliance(firstDay: string, lastDay: string): Reliance;
}

/** Working or calendar days, with the office-hours rules of Civil Code arts. 201–203. */
export function dayMeter(settings: ClockSettings, calendar: WorkingCalendar): Meter<string> {
  const working = settings.unit === 'working_days';
  /** Units after `after`, up to and including `upTo`; negative when `upTo` comes first. */
  const count = (after: string, upTo: string): number =>
    working ? calendar.workdaysBetween(after, upTo) : daysBetween(after, upTo);
  const pointOf = (at: Date): string => dayOfAct(at, settings, calendar);
  return {
    start: ({ at, backdatedTo }) => {
      if (backdatedTo === undefined) return pointOf(at);
      return settings.receiptRolls ? calendar.workdayOnOrAfter(backdatedTo) : backdatedTo;
    },
    pointOf,
    dayOf: (day) => day,
    used: (anchor, pausedAt) => (pausedAt > anchor ? count(anchor, shiftDay(pausedAt, -1)) : 0),
    skipped: (from, to) => count(shiftDay(from, -1), to),
    due: (anchor, left) => {
      const last = working ? calendar.addWorkdays(anchor, left) : shiftDay(anchor, left);
      // Art. 203: a last day that is a rest day moves to the next working day.
      const dueDay = !working && settings.endMoves ? calendar.workdayOnOrAfter(last) : last;
      return { dueDay, dueAt: closeOf(dueDay, settings.closesAt) };
    },
    remaining: ({ dueDay, dueAt }, at) => {
      const today = chinaDateOf(at);
      // Today still counts while its office hours last.
      const open = today <= dueDay && at.getTime() <= closeOf(today, settings.closesAt).getTime();
      const days = count(today, dueDay) + (open && (!working || calendar.isWorkday(today)) ? 1 : 0);
      const hours = (dueAt.getTime() - at.getTime()) / HOUR_MS;
      return working ? { workingDays: days, hours } : { calendarDays: days, hours };
    },
    frozen: (left) => (working ? { workingDays: left } : { calendarDays: left }),
    reliance: (firstDay, lastDay) =>
      working || settings.receiptRolls || settings.endMoves
        ? relianceOf(calendar, firstDay, lastDay)
        : { provisional: false, calendarVersions: [] },
  };
}

/**
 * The legal date an act counts as done on. An act after closing time, or on a rest day, counts as done on
 * the next working day (common practice, configurable); up to the closing instant itself it is in time,
 * matching a period that ends at that instant (art. 203).
 */
export function dayOfAct(at: Date, settings: ClockSettings, calendar: WorkingCalendar): string {
  const day = chinaDateOf(at);
  if (!settings.receiptRolls) return day;
  const inHours = calendar.isWorkday(day) && at.getTime() <= closeOf(day, settings.closesAt).getTime();
  return inHours ? day : calendar.nextWorkday(day);
}

/** Plain elapsed hours (e.g. emergency reporting): no calendar, no office hours. */
export function hourMeter(): Meter<number> {
  return {
    start: ({ at }) => at.getTime(),
    pointOf: (at) => at.getTime(),
    dayOf: (ms) => chinaDateOf(new Date(ms)),
    used: (anchor, pausedAt) => Math.max(0, pausedAt - anchor) / HOUR_MS,
    skipped: () => 0,
    due: (anchor, left) => {
      const dueAt = new Date(anchor + left * HOUR_MS);
      return { dueDay: chinaDateOf(dueAt), dueAt };
    },
    remaining: ({ dueAt }, at) => ({ hours: (dueAt.getTime() - at.getTime()) / HOUR_MS }),
    frozen: (left) => ({ hours: left }),
    reliance: () => ({ provisional: false, calendarVersions: [] }),
  };
}

/** Every notice the days from `firstDay` to `lastDay` were answered by, and whether any year had none. */
function relianceOf(calendar: WorkingCalendar, firstDay: string, lastDay: string): Reliance {
  const used = new Set<string>();
  let provisional = false;
  for (let day = firstDay; day <= lastDay; day = shiftDay(day, 1)) {
    const answer = calendar.describeDay(day);
    provisional ||= answer.provisional;
    if (answer.versionId !== null) used.add(answer.versionId);
  }
  return { provisional, calendarVersions: calendar.versionIds.filter((id) => used.has(id)) };
}
