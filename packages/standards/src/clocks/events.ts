import { startOfChinaDate } from '../time/chinaTime.ts';
import { checkAmount, instantOf } from './settings.ts';
import type { ClockEvent, ClockUnit } from './types.ts';

/** An event with its instant parsed. */
export type Act = {
  [K in ClockEvent['kind']]: Omit<Extract<ClockEvent, { kind: K }>, 'at'> & { at: Date };
}[ClockEvent['kind']];

type Phase = 'before' | 'running' | 'paused' | 'stopped';

/** Which events may follow in each phase of the event log, and the phase each one leads to. */
const NEXT: Readonly<Record<Phase, Partial<Record<ClockEvent['kind'], Phase>>>> = {
  before: { start: 'running' },
  running: { pause: 'paused', extend: 'running', stop: 'stopped' },
  paused: { resume: 'running', extend: 'paused', stop: 'stopped' },
  stopped: {},
};

/**
 * Parses and checks the event log: one start first, pauses and resumes alternating, nothing after the stop,
 * instants never going back. Throws a RangeError naming the first bad event.
 */
export function checkedActs(events: readonly ClockEvent[], unit: ClockUnit): Act[] {
  let phase: Phase = 'before';
  let previous = Number.NEGATIVE_INFINITY;
  return events.map((event, index) => {
    const where = `event ${index} (${event.kind})`;
    const next = NEXT[phase][event.kind];
    if (next === undefined) throw new RangeError(`${where} cannot follow a clock that is ${phase}`);
    const act = { ...event, at: instantOf(event.at, `${where}: at`) } as Act;
    if (act.at.getTime() < previous) throw new RangeError(`${where} is earlier than the event before it`);
    checkDetails(act, unit, where);
    phase = next;
    previous = act.at.getTime();
    return act;
  });
}

function checkDetails(act: Act, unit: ClockUnit, where: string): void {
  switch (act.kind) {
    case 'start':
      checkBackdating(act.backdatedTo, act.at, unit, where);
      break;
    case 'pause':
      // The applicant must be told why and for how long (行政许可法第45条, 信息公开条例第32条).
      if (act.reason.trim() === '') throw new RangeError(`${where} needs a reason`);
      break;
    case 'extend':
      // 行政许可法第42条: approved by the agency head, and the reason told to the applicant.
      checkAmount(unit, act.by, `${where}: by`, false);
      if (act.approver.trim() === '') throw new RangeError(`${where} needs the approver`);
      if (act.reason.trim() === '') throw new RangeError(`${where} needs a reason`);
      break;
    default:
      break;
  }
}

function checkBackdating(day: string | undefined, at: Date, unit: ClockUnit, where: string): void {
  if (day === undefined) return;
  if (unit === 'hours') throw new RangeError(`${where}: an hours clock starts at an instant, not a date`);
  // A deemed acceptance reaches back to when the materials arrived, never forward.
  if (startOfChinaDate(day).getTime() > at.getTime()) {
    throw new RangeError(`${where}: backdatedTo ${day} is after the start itself`);
  }
}
