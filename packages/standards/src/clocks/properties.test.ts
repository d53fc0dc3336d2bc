import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { chinaDateOf } from '../time/chinaTime.ts';
import { calendar } from './clockFixtures.ts';
import { computeClock } from './index.ts';
import type { ClockEvent, ClockRule, ClockUnit } from './types.ts';

const MINUTE_MS = 60_000;
const instant = fc
  .integer({ min: Date.parse('2004-01-01T00:00:00+08:00'), max: Date.parse('2026-10-31T00:00:00+08:00') })
  .map((ms) => new Date(ms));
const unit = fc.constantFrom<ClockUnit>('working_days', 'calendar_days', 'hours');
const limit = fc.integer({ min: 0, max: 60 });
/** Up to 40 days, in minutes: how long after one event the next comes. */
const gap = fc.integer({ min: 0, max: 40 * 24 * 60 });
const rule = fc.record({ unit, limit, rolls: fc.boolean(), moves: fc.boolean() }).map(
  ({ unit, limit, rolls, moves }): ClockRule => ({
    unit,
    limit,
    basis: 'property',
    receiptAfterHoursCountsNextWorkday: rolls,
    calendarDayEndMovesToWorkday: moves,
  }),
);

const later = (at: Date, minutes: number) => new Date(at.getTime() + minutes * MINUTE_MS);
const started = (at: Date): ClockEvent => ({ kind: 'start', at });
const pausedBetween = (from: Date, until: Date): ClockEvent[] => [
  { kind: 'pause', at: from, reason: '检验检测' },
  { kind: 'resume', at: until },
];
const dueMs = (r: ClockRule, events: ClockEvent[], now: Date) =>
  computeClock(r, events, calendar, now).dueAt?.getTime() ?? Number.NaN;

describe('clock properties', () => {
  it('dueAt is never earlier with a longer limit, with or without a pause', () => {
    fc.assert(
      fc.property(rule, limit, instant, gap, gap, fc.boolean(), (r, more, at, a, b, paused) => {
        const events = [started(at), ...(paused ? pausedBetween(later(at, a), later(at, a + b)) : [])];
        const now = later(at, a + b);
        expect(dueMs({ ...r, limit: r.limit + more }, events, now)).toBeGreaterThanOrEqual(
          dueMs(r, events, now),
        );
      }),
    );
  });

  it('a pause never makes dueAt earlier', () => {
    fc.assert(
      fc.property(rule, instant, gap, gap, (r, at, a, b) => {
        const now = later(at, a + b);
        const withPause = [started(at), ...pausedBetween(later(at, a), now)];
        expect(dueMs(r, withPause, now)).toBeGreaterThanOrEqual(dueMs(r, [started(at)], now));
      }),
    );
  });

  it('without pauses or extensions, a working-day clock is due on calendar.addWorkdays(startDay, limit)', () => {
    fc.assert(
      fc.property(limit, instant, (n, at) => {
        const clock = computeClock(
          { unit: 'working_days', limit: n, basis: 'p' },
          [started(at)],
          calendar,
          at,
        );
        const received = chinaDateOf(at);
        const inHours =
          calendar.isWorkday(received) && at.getTime() <= Date.parse(`${received}T17:00:00+08:00`);
        expect(clock.startDay).toBe(inHours ? received : calendar.nextWorkday(received));
        expect(clock.dueDay).toBe(calendar.addWorkdays(clock.startDay ?? '', n));
      }),
    );
  });
});

describe('results do not depend on the server time zone', () => {
  const original = process.env.TZ;
  const zones = ['UTC', 'America/Los_Angeles', 'Asia/Shanghai', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it('the test process really switches zones (otherwise the next test would prove nothing)', () => {
    process.env.TZ = 'America/Los_Angeles';
    expect(new Date('2025-01-01T00:00:00Z').getTimezoneOffset()).toBe(480);
    process.env.TZ = 'UTC';
    expect(new Date('2025-01-01T00:00:00Z').getTimezoneOffset()).toBe(0);
  });

  it('the same rule, events and now give the same result in every zone', () => {
    fc.assert(
      fc.property(rule, instant, gap, gap, gap, fc.integer({ min: 1, max: 20 }), (r, at, a, b, c, by) => {
        const events: ClockEvent[] = [
          started(at),
          ...pausedBetween(later(at, a), later(at, a + b)),
          { kind: 'extend', at: later(at, a + b), by, approver: '负责人', reason: '延期' },
        ];
        const now = later(at, a + b + c);
        const results = zones.map((zone) => {
          process.env.TZ = zone;
          return JSON.stringify(computeClock(r, events, calendar, now));
        });
        expect(new Set(results).size).toBe(1);
      }),
      { numRuns: 50 },
    );
  });
});
