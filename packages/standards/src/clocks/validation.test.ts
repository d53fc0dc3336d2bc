import { describe, expect, it } from 'vitest';
import { calendar, cst, emergency, licensing, pause, resume, start, stop } from './clockFixtures.ts';
import { computeClock } from './index.ts';
import type { ClockEvent, ClockRule } from './types.ts';

const now = cst('2025-12-01');
const run =
  (events: ClockEvent[], rule: ClockRule = licensing) =>
  () =>
    computeClock(rule, events, calendar, now);

describe('a bad rule is refused before it can produce a deadline', () => {
  it.each<[string, ClockRule]>([
    ['a negative limit', { ...licensing, limit: -1 }],
    ['a fraction of a working day', { ...licensing, limit: 2.5 }],
    ['an unknown unit', { ...licensing, unit: 'weeks' as ClockRule['unit'] }],
    ['no legal basis', { ...licensing, basis: ' ' }],
    ['a closing time that is not HH:MM', { ...licensing, officeHours: { closesAt: '5pm' } }],
    ['office hours that open after they close', { ...licensing, officeHours: { opensAt: '18:00' } }],
  ])('%s', (_, rule) => {
    expect(run([start('2025-11-03')], rule)).toThrow(RangeError);
  });

  it('fractional hours are fine for an hours rule', () => {
    expect(computeClock({ ...emergency, limit: 1.5 }, [start('2025-11-03')], calendar, now).dueAt).toEqual(
      new Date(cst('2025-11-03', '11:30')),
    );
  });
});

describe('a bad event log is refused, naming the event', () => {
  it.each<[string, ClockEvent[]]>([
    ['a pause before the start', [pause('2025-11-03')]],
    ['two starts', [start('2025-11-03'), start('2025-11-04')]],
    ['a resume without a pause', [start('2025-11-03'), resume('2025-11-04')]],
    ['two pauses in a row', [start('2025-11-03'), pause('2025-11-04'), pause('2025-11-05')]],
    ['anything after the stop', [start('2025-11-03'), stop('2025-11-04'), resume('2025-11-05')]],
    ['events out of order', [start('2025-11-03'), pause('2025-11-05'), resume('2025-11-04')]],
    ['a pause without a reason', [start('2025-11-03'), pause('2025-11-04', '10:00', '')]],
    ['a start backdated to after itself', [start('2025-11-03', '10:00', '2025-11-04')]],
    ['an instant without an offset', [{ kind: 'start', at: '2025-11-03T10:00:00' }]],
    ['an instant that is no date', [{ kind: 'start', at: '2025-13-03T10:00:00Z' }]],
  ])('%s', (_, events) => {
    expect(run(events)).toThrow(RangeError);
  });

  it.each<[string, Partial<Extract<ClockEvent, { kind: 'extend' }>>]>([
    ['no approver', { approver: '' }],
    ['no reason', { reason: ' ' }],
    ['zero days', { by: 0 }],
    ['half a working day', { by: 0.5 }],
  ])('an extension with %s', (_, change) => {
    const extension: ClockEvent = {
      kind: 'extend',
      at: cst('2025-11-04'),
      by: 10,
      approver: '局长',
      reason: '复杂',
      ...change,
    };
    expect(run([start('2025-11-03'), extension])).toThrow(RangeError);
  });

  it('an hours clock cannot be backdated to a date', () => {
    expect(run([start('2025-11-03', '10:00', '2025-11-01')], emergency)).toThrow(/hours clock/);
  });

  it('now needs an offset too', () => {
    expect(() => computeClock(licensing, [start('2025-11-03')], calendar, '2025-11-04T10:00')).toThrow(
      RangeError,
    );
  });

  it('Date objects and strings with any offset are the same instants', () => {
    const utc: ClockEvent = { kind: 'start', at: new Date('2025-11-03T02:00:00Z') };
    expect(computeClock(licensing, [utc], calendar, new Date(now))).toEqual(
      computeClock(licensing, [start('2025-11-03')], calendar, now),
    );
  });
});
