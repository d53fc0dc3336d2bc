/**
 * Legal days are dates in China Standard Time (UTC+8, no daylight saving since 1991),
 * whatever time zone the server runs in.
 */
const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The legal date (YYYY-MM-DD) in China Standard Time of an instant. */
export function chinaDateOf(instant: Date): string {
  return new Date(instant.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant at which a legal date begins in China Standard Time. */
export function startOfChinaDate(date: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`not a date: ${date}`);
  const start = new Date(`${date}T00:00:00+08:00`);
  if (Number.isNaN(start.getTime()) || chinaDateOf(start) !== date)
    throw new RangeError(`not a date: ${date}`);
  return start;
}
