import { describe, expect, it } from 'vitest';
import { BACKOFF_CAP_MS, backoffMs } from './backoff.ts';

const middle = () => 0.5;

describe('backoffMs', () => {
  it('doubles from 30 seconds', () => {
    expect([1, 2, 3, 4, 5].map((a) => backoffMs(a, middle))).toEqual([
      30_000, 60_000, 120_000, 240_000, 480_000,
    ]);
  });

  it('stops growing at one hour, however many attempts', () => {
    expect(backoffMs(8, middle)).toBe(BACKOFF_CAP_MS);
    expect(backoffMs(50, middle)).toBe(BACKOFF_CAP_MS);
    expect(backoffMs(1_000_000, () => 1)).toBe(BACKOFF_CAP_MS);
  });

  it('jitters by at most a fifth either way', () => {
    expect(backoffMs(1, () => 0)).toBe(24_000);
    expect(backoffMs(1, () => 1)).toBe(36_000);
    for (let i = 0; i < 200; i++) {
      const d = backoffMs(3);
      expect(d).toBeGreaterThanOrEqual(96_000);
      expect(d).toBeLessThanOrEqual(144_000);
    }
  });

  it('treats a first or nonsensical attempt count as the first', () => {
    expect(backoffMs(0, middle)).toBe(30_000);
    expect(backoffMs(-3, middle)).toBe(30_000);
    expect(backoffMs(1, () => Number.NaN)).toBe(30_000);
  });
});
