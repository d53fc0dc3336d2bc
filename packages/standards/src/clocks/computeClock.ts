import type { WorkingCalendar } from '../calendar/index.ts';
import { chinaDateOf } from '../time/chinaTime.ts';
import { type Act, checkedActs } from './events.ts';
import { dayMeter, hourMeter, type Meter } from './meters.ts';
import { HOUR_MS, instantOf, settingsOf } from './settings.ts';
import type { ClockEvent, ClockResult, ClockRule, ExtensionRecord, Instant, PauseRecord } from './types.ts';

/*
 * Pauses: time that "is not counted" (行政许可法第45条, 信息公开条例第32条, 信访工作条例第36条).
 *
 * Convention for day units. Every act takes effect on a day: its legal date, or the next working day when it
 * happens after closing time or on a rest day (the rule for receipts, applied alike to every act).
 * - A pause taking effect on day X stops the count before X: the running stretch used the days strictly
 *   after its anchor and strictly before X. X itself is not consumed.
 * - A resume taking effect on day Y is the new anchor: counting goes on from the day after Y with what was
 *   left, just as counting starts the day after acceptance (Civil Code art. 201).
 * So the days X to Y, both included, are kept out of the count, and a pause can only make the due day later.
 *
 * Worked example (built-in calendar; November 2025 has no holiday). Accepted Monday 2025-11-03 10:00 with
 * 20 working days: without a pause, due at 17:00 on Monday 2025-12-01 (counting 11-04 … 12-01).
 *   Paused Thursday 11-06 10:00: the stretch used 11-04 and 11-05, 2 days; 18 are left, frozen.
 *   Resumed Wednesday 11-12 15:00: counting goes on from Thursday 11-13; the 18th working day is Monday
 *   12-08, so dueAt is 2025-12-08 17:00 +08:00. The pause kept out 11-06, 11-07, 11-10, 11-11 and 11-12
 *   (pausedDays 5), and 12-01 plus 5 working days is indeed 12-08.
 * A pause and resume on the same day still cost that day; a resume at 18:00 or on a Saturday takes effect
 * on the next working day, which is then not counted either.
 *
 * For hours the count stops at the pause instant and restarts at the resume instant: the elapsed paused
 * time is added exactly.
 *
 * A pause or an extension after the period has ended (after dueAt) cannot revive it: it is recorded with
 * inTime false and not applied, so an overdue clock stays overdue. (行政许可法第42条 lets the head extend a
 * period that is running, not one already missed.)
 */

type StartAct = Extract<Act, { kind: 'start' }>;

/** The count so far. P is where an act takes effect: a legal date, or an instant in ms for hours. */
type Tally<P> = {
  /** Counting goes on after the anchor; an applied pause holds where and when it took effect. */
  count: { paused: false; anchor: P } | { paused: true; since: Date; point: P };
  /** Units still to count after the anchor; frozen while paused. */
  left: number;
  stoppedAt: Date | null;
  extendedBy: number;
  pausedDays: number;
  pausedMs: number;
  pauses: PauseRecord[];
  extensions: ExtensionRecord[];
};

/**
 * The due time of a statutory clock from its rule and its events, with what is left at `now`. Pure: the
 * calendar passed in is the one in force (recompute when a new version is entered). Throws a RangeError for
 * a bad rule or event log.
 */
export function computeClock(
  rule: ClockRule,
  events: readonly ClockEvent[],
  calendar: WorkingCalendar,
  now: Instant,
): ClockResult {
  const settings = settingsOf(rule);
  const [start, ...rest] = checkedActs(events, settings.unit);
  const at = instantOf(now, 'now');
  if (start?.kind !== 'start') return notStarted();
  return settings.unit === 'hours'
    ? run(hourMeter(), settings.limit, start, rest, at)
    : run(dayMeter(settings, calendar), settings.limit, start, rest, at);
}

function notStarted(): ClockResult {
  return {
    status: 'not_started',
    startDay: null,
    dueAt: null,
    dueDay: null,
    pausedDays: 0,
    pausedHours: 0,
    extendedBy: 0,
    remaining: null,
    overdue: false,
    provisional: false,
    calendarVersions: [],
    pauses: [],
    extensions: [],
  };
}

function run<P>(meter: Meter<P>, limit: number, start: StartAct, rest: Act[], now: Date): ClockResult {
  const tally: Tally<P> = {
    count: { paused: false, anchor: meter.start(start) },
    left: limit,
    stoppedAt: null,
    extendedBy: 0,
    pausedDays: 0,
    pausedMs: 0,
    pauses: [],
    extensions: [],
  };
  for (const act of rest) apply(meter, tally, act);
  return summary(meter, tally, start, now);
}

function apply<P>(meter: Meter<P>, tally: Tally<P>, act: Act): void {
  switch (act.kind) {
    case 'pause':
      pause(meter, tally, act.at, act.reason);
      break;
    case 'resume':
      resume(meter, tally, act.at);
      break;
    case 'extend':
      extend(meter, tally, act);
      break;
    case 'stop':
      tally.stoppedAt = act.at;
      break;
    case 'start':
      break; // checkedActs lets a start come only first
  }
}

/** The period has not ended at `at`. A paused clock is always in time: only a timely pause is applied. */
function inTime<P>(meter: Meter<P>, tally: Tally<P>, at: Date): boolean {
  const { count } = tally;
  return count.paused || at.getTime() <= meter.due(count.anchor, tally.left).dueAt.getTime();
}

function pause<P>(meter: Meter<P>, tally: Tally<P>, at: Date, reason: string): void {
  const applied = inTime(meter, tally, at);
  tally.pauses.push({ from: at, until: null, reason, inTime: applied });
  if (!applied || tally.count.paused) return;
  const point = meter.pointOf(at);
  // Never below zero: a calendar-day period whose last day moved past rest days (art. 203) may be paused on
  // one of them, after its own days ran out; it then ends on the day it resumes.
  tally.left = Math.max(0, tally.left - meter.used(tally.count.anchor, point));
  tally.count = { paused: true, since: at, point };
}

function resume<P>(meter: Meter<P>, tally: Tally<P>, at: Date): void {
  const record = tally.pauses.at(-1);
  if (record) record.until = at;
  const { count } = tally;
  if (!count.paused) return; // a late pause never stopped the count
  const point = meter.pointOf(at);
  tally.pausedDays += meter.skipped(count.point, point);
  tally.pausedMs += at.getTime() - count.since.getTime();
  tally.count = { paused: false, anchor: point };
}

function extend<P>(meter: Meter<P>, tally: Tally<P>, act: Extract<Act, { kind: 'extend' }>): void {
  const applied = inTime(meter, tally, act.at);
  const { at, by, approver, reason } = act;
  tally.extensions.push({ at, by, approver, reason, inTime: applied });
  if (!applied) return;
  // Extensions add to the limit and accumulate (行政许可法第42条: 20 + 10; 信息公开条例第33条: 20 + 20).
  tally.left += by;
  tally.extendedBy += by;
}

/** A stopped clock is frozen at its stop (remaining and overdue as of then); otherwise at `now`. */
function summary<P>(meter: Meter<P>, tally: Tally<P>, start: StartAct, now: Date): ClockResult {
  const at = tally.stoppedAt ?? now;
  const firstDay = start.backdatedTo ?? chinaDateOf(start.at);
  const { count } = tally;
  const common = {
    status: tally.stoppedAt ? 'stopped' : count.paused ? 'paused' : 'running',
    startDay: meter.dayOf(meter.start(start)),
    extendedBy: tally.extendedBy,
    pauses: tally.pauses,
    extensions: tally.extensions,
  } as const;
  if (count.paused) {
    return {
      ...common,
      dueAt: null,
      dueDay: null,
      // As if resumed at `at`: what the pause has kept out so far.
      pausedDays: tally.pausedDays + Math.max(0, meter.skipped(count.point, meter.pointOf(at))),
      pausedHours: (tally.pausedMs + Math.max(0, at.getTime() - count.since.getTime())) / HOUR_MS,
      remaining: meter.frozen(tally.left),
      overdue: false,
      ...meter.reliance(firstDay, meter.dayOf(count.point)),
    };
  }
  const due = meter.due(count.anchor, tally.left);
  return {
    ...common,
    ...due,
    pausedDays: tally.pausedDays,
    pausedHours: tally.pausedMs / HOUR_MS,
    remaining: meter.remaining(due, at),
    overdue: at.getTime() > due.dueAt.getTime(),
    ...meter.reliance(firstDay, due.dueDay),
  };
}
