/**
 * Statutory holiday days per holiday under the 全国年节及纪念日放假办法, by the first full year each
 * revision governed: the 1999 revision (10 days), the 2007 one (11 days, in force 2008-01-01) and the 2024
 * one (13 days, in force 2025-01-01). The yearly notices only place these days; they never change how many.
 * One-off commemorative days (the 2015 anti-fascist victory day) are not part of the 放假办法.
 */
const REVISIONS: readonly { from: number; days: Readonly<Record<string, number>> }[] = [
  { from: 2025, days: { 元旦: 1, 春节: 4, 清明节: 1, 劳动节: 2, 端午节: 1, 中秋节: 1, 国庆节: 3 } },
  { from: 2008, days: { 元旦: 1, 春节: 3, 清明节: 1, 劳动节: 1, 端午节: 1, 中秋节: 1, 国庆节: 3 } },
  { from: 2000, days: { 元旦: 1, 春节: 3, 劳动节: 3, 国庆节: 3 } },
];

/** Holiday name → statutory days in a year from 2000 on. */
export function statutoryHolidays(year: number): Readonly<Record<string, number>> {
  const revision = Number.isInteger(year) ? REVISIONS.find((r) => year >= r.from) : undefined;
  if (!revision) throw new RangeError(`statutory holidays are known from 2000 on, not for ${year}`);
  return revision.days;
}

/** Total statutory holiday days in a year: 10 (2000–2007), 11 (2008–2024), 13 (from 2025). */
export function statutoryHolidayDays(year: number): number {
  return Object.values(statutoryHolidays(year)).reduce((total, days) => total + days, 0);
}
