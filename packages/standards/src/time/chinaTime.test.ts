import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chinaDateOf, startOfChinaDate } from './chinaTime.ts';

describe('China Standard Time legal dates', () => {
  it('an instant late on 31 December UTC is already New Year in Beijing', () => {
    expect(chinaDateOf(new Date('2025-12-31T16:00:00Z'))).toBe('2026-01-01');
    expect(chinaDateOf(new Date('2025-12-31T15:59:59Z'))).toBe('2025-12-31');
  });

  it('a legal day starts at 00:00 Beijing time', () => {
    expect(startOfChinaDate('2026-02-17').toISOString()).toBe('2026-02-16T16:00:00.000Z');
  });

  it('refuses impossible dates', () => {
    expect(() => startOfChinaDate('2026-02-30')).toThrow(RangeError);
    expect(() => startOfChinaDate('20260101')).toThrow(RangeError);
  });

  it('round-trips every date from 1990 to 2100', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        (d) => {
          const day = chinaDateOf(d);
          expect(chinaDateOf(startOfChinaDate(day))).toBe(day);
        },
      ),
    );
  });
});
