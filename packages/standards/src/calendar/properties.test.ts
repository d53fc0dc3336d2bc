import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { version2020AsIssued, version2020Extended, version2027 } from './calendarFixtures.ts';
import { calendarFromNotices } from './index.ts';
import { dateOfDayNumber, dayNumberOf } from './legalDate.ts';

// Dates from a year without a notice before the data to one after it, across every year boundary.
const legalDate = fc
  .integer({ min: dayNumberOf('2002-12-01'), max: dayNumberOf('2027-12-31') })
  .map(dateOfDayNumber);
const count = fc.integer({ min: 1, max: 60 });

describe.each([
  ['the built-in notices', calendarFromNotices()],
  [
    'built-in plus entered versions',
    calendarFromNotices([version2020AsIssued, version2020Extended, version2027]),
  ],
  ['no notices at all', calendarFromNotices([], { builtIn: false })],
])('counting working days with %s', (_, calendar) => {
  it('lands on a working day strictly after the start', () => {
    fc.assert(
      fc.property(legalDate, count, (date, n) => {
        const end = calendar.addWorkdays(date, n);
        expect(calendar.isWorkday(end)).toBe(true);
        expect(end > date).toBe(true);
      }),
    );
  });

  it('counts back what it added', () => {
    fc.assert(
      fc.property(legalDate, count, (date, n) => {
        expect(calendar.workdaysBetween(date, calendar.addWorkdays(date, n))).toBe(n);
      }),
    );
  });

  it('goes strictly further for a larger count', () => {
    fc.assert(
      fc.property(legalDate, count, count, (date, n, m) => {
        fc.pre(n < m);
        expect(calendar.addWorkdays(date, n) < calendar.addWorkdays(date, m)).toBe(true);
      }),
    );
  });

  it('adds in steps: n then m working days is n + m', () => {
    fc.assert(
      fc.property(legalDate, count, count, (date, n, m) => {
        expect(calendar.addWorkdays(calendar.addWorkdays(date, n), m)).toBe(
          calendar.addWorkdays(date, n + m),
        );
      }),
    );
  });

  it('rolls forward to a working day on or after the date, never past the next one', () => {
    fc.assert(
      fc.property(legalDate, (date) => {
        const rolled = calendar.workdayOnOrAfter(date);
        expect(calendar.isWorkday(rolled)).toBe(true);
        expect(calendar.workdaysBetween(date, rolled)).toBe(rolled === date ? 0 : 1);
      }),
    );
  });

  it('counts between two dates with the sign of their order', () => {
    fc.assert(
      fc.property(legalDate, legalDate, (a, b) => {
        expect(calendar.workdaysBetween(a, b) + calendar.workdaysBetween(b, a)).toBe(0);
      }),
    );
  });
});
