// Builders shared by the clock tests. Not exported from index.ts.
import { calendarFromNotices } from '../calendar/index.ts';
import type { ClockEvent, ClockRule } from './types.ts';

export const calendar = calendarFromNotices();

/** An instant on a legal date, written with its offset as the case engine stores it. */
export function cst(date: string, time = '10:00'): string {
  return `${date}T${time}:00+08:00`;
}

export const licensing: ClockRule = { limit: 20, unit: 'working_days', basis: '行政许可法第42条' };
export const petition: ClockRule = { limit: 60, unit: 'calendar_days', basis: '信访工作条例第34条' };
export const disclosure: ClockRule = { limit: 20, unit: 'working_days', basis: '政府信息公开条例第33条' };
export const emergency: ClockRule = { limit: 24, unit: 'hours', basis: '突发事件信息报告' };

export function start(date: string, time?: string, backdatedTo?: string): ClockEvent {
  return backdatedTo === undefined
    ? { kind: 'start', at: cst(date, time) }
    : { kind: 'start', at: cst(date, time), backdatedTo };
}

export function pause(date: string, time?: string, reason = '专家评审'): ClockEvent {
  return { kind: 'pause', at: cst(date, time), reason };
}

export function resume(date: string, time?: string): ClockEvent {
  return { kind: 'resume', at: cst(date, time) };
}

export function extend(date: string, by: number, time?: string): ClockEvent {
  return { kind: 'extend', at: cst(date, time), by, approver: '局长 王某', reason: '情况复杂，需要延长' };
}

export function stop(date: string, time?: string): ClockEvent {
  return { kind: 'stop', at: cst(date, time), outcome: '准予许可' };
}
