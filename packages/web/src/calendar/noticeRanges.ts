import type { CalendarYear } from '@yiwang/contracts';

/** A run of days with one name, as a notice states it: "2027年2月6日至12日放假调休，共7天". */
export type NamedRange = { from: string; to: string; name: string };

const DAY_MS = 86_400_000;
const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const msOf = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** Every date of the ranges, each with its range's name; a later range wins a shared date. */
export function expandRanges(ranges: NamedRange[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of ranges) {
    const [a, b] = msOf(r.from) <= msOf(r.to) ? [r.from, r.to] : [r.to, r.from];
    for (let ms = msOf(a); ms <= msOf(b); ms += DAY_MS) out[toDay(ms)] = r.name.trim();
  }
  return out;
}

/** The year's arrangement back as ranges: consecutive days with the same name become one. */
export function rangesOf(year: CalendarYear): { holidays: NamedRange[]; workdays: NamedRange[] } {
  const collect = (pick: (d: CalendarYear['days'][number]) => string | null) => {
    const ranges: NamedRange[] = [];
    for (const d of year.days) {
      const name = pick(d);
      if (!name) continue;
      const last = ranges.at(-1);
      if (last && last.name === name && msOf(d.date) - msOf(last.to) === DAY_MS) last.to = d.date;
      else ranges.push({ from: d.date, to: d.date, name });
    }
    return ranges;
  };
  return {
    holidays: collect((d) => (!d.workday ? d.holidayName : null)),
    workdays: collect((d) => (d.workday ? d.compensates : null)),
  };
}

/** A version id from the year and the moment: letters, digits and - only. */
export function suggestVersionId(year: number, now = new Date()): string {
  const stamp = now.toISOString().slice(0, 16).replace(/[-:T]/g, '');
  return `notice-${year}-${stamp}`;
}
