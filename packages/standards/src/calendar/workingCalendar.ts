import { BUILT_IN_VERSION_ID, builtInNotices } from './builtIn.ts';
import { type DayNumber, dateOfDayNumber, dayNumberOf, isWeekend, yearOfDayNumber } from './legalDate.ts';
import { type CalendarNotice, type CalendarVersion, checkVersion } from './notices.ts';

/** Everything the calendar says about one legal date. */
export type DayAnswer = {
  date: string;
  workday: boolean;
  /** The holiday whose rest period covers the date, weekend days inside the period included. */
  holidayName: string | null;
  /** For a weekend day turned into a working day (调休), the holiday it makes up for. */
  compensates: string | null;
  /** No notice is known for the date's year: answered from weekends alone, and may still change. */
  provisional: boolean;
  /** The version whose notice answered, or null when none did. */
  versionId: string | null;
};

/** A date reached by counting working days, and what the count relied on. */
export type WorkdayAnswer = {
  date: string;
  /** Some day counted over lies in a year without a notice, so the date may still move. */
  provisional: boolean;
  /** The most recent of `versionIds`, or null when no notice answered. */
  versionId: string | null;
  /** Every version whose notice answered for a day counted over, oldest first. */
  versionIds: string[];
};

export type CalendarOptions = {
  /** Only the versions entered at or before this instant: the calendar as it was known then. */
  asOf?: Date | string;
  /** Start from the notices shipped with chinese-days; true unless said otherwise. */
  builtIn?: boolean;
};

/** Working days for Chinese statutory time limits, on legal dates 'YYYY-MM-DD' in China Standard Time. */
export interface WorkingCalendar {
  /** The versions in force, oldest first; the built-in data comes first when used. */
  readonly versionIds: readonly string[];
  isWorkday(date: string): boolean;
  /** The holiday whose rest period covers the date, or null. */
  holidayName(date: string): string | null;
  describeDay(date: string): DayAnswer;
  /** True when no notice is known for the year, so its dates are answered from weekends alone. */
  isProvisional(year: number): boolean;
  /** The notice in force for a year, e.g. to prefill an administrator's correction. */
  noticeFor(year: number): CalendarNotice | null;
  /** The nth working day after the date; the date itself is not counted. n = 0 gives the date back. */
  addWorkdays(date: string, n: number): string;
  addWorkdaysDetailed(date: string, n: number): WorkdayAnswer;
  /** Working days after `from` up to and including `to`; negative when `to` comes first. */
  workdaysBetween(from: string, to: string): number;
  /** The first working day strictly after the date. */
  nextWorkday(date: string): string;
  /** The date if it is a working day, else the next one: where a limit ending on a rest day moves to. */
  workdayOnOrAfter(date: string): string;
}

/** Far beyond any statutory limit; refuses counts that would only keep the server busy. */
export const MAX_WORKDAY_COUNT = 10_000;

/** Builds the calendar from stored versions, applied in the order they were entered. */
export function calendarFromNotices(
  versions: readonly CalendarVersion[] = [],
  options: CalendarOptions = {},
): WorkingCalendar {
  return new NoticeCalendar(layersInForce(versions, options));
}

/** A version reduced to what answers questions; the built-in data is one without an entry instant. */
type Layer = { id: string; notices: readonly CalendarNotice[] };
type Provenance = { rank: number; versionId: string };
type NoticeInForce = Provenance & { notice: CalendarNotice };
type Ruling = Provenance & { workday: boolean; name: string };

function layersInForce(versions: readonly CalendarVersion[], options: CalendarOptions): Layer[] {
  checkVersions(versions);
  const asOf = options.asOf === undefined ? Number.POSITIVE_INFINITY : instantOf(options.asOf);
  // sort() is stable: versions entered at the same instant keep their stored order.
  const entered = versions
    .map((version) => ({ version, at: Date.parse(version.effectiveFrom) }))
    .filter(({ at }) => at <= asOf)
    .sort((a, b) => a.at - b.at)
    .map(({ version }) => version);
  const base = options.builtIn === false ? [] : [{ id: BUILT_IN_VERSION_ID, notices: builtInNotices }];
  return [...base, ...entered];
}

function checkVersions(versions: readonly CalendarVersion[]): void {
  const ids = new Set<string>([BUILT_IN_VERSION_ID]);
  for (const version of versions) {
    checkVersion(version);
    if (ids.has(version.id)) throw new RangeError(`calendar version id used twice: ${version.id}`);
    ids.add(version.id);
  }
}

function instantOf(asOf: Date | string): number {
  const at = typeof asOf === 'string' ? Date.parse(asOf) : asOf.getTime();
  if (Number.isNaN(at)) throw new RangeError(`asOf is not an instant: ${String(asOf)}`);
  return at;
}

function checkCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0 || n > MAX_WORKDAY_COUNT) {
    throw new RangeError(`a count of working days must be an integer from 0 to ${MAX_WORKDAY_COUNT}: ${n}`);
  }
}

class NoticeCalendar implements WorkingCalendar {
  readonly versionIds: readonly string[];
  readonly #noticeByYear = new Map<number, NoticeInForce>();
  /** The dates some notice in force rules on, precomputed so that counting is one lookup per day. */
  readonly #rulings = new Map<DayNumber, Ruling>();

  constructor(layers: readonly Layer[]) {
    this.versionIds = layers.map((layer) => layer.id);
    layers.forEach(({ id, notices }, rank) => {
      for (const notice of notices) this.#noticeByYear.set(notice.year, { rank, versionId: id, notice });
    });
    // Where two notices in force list a date (a New Year bridge in December), the later version decides,
    // and within one version the next year's notice, which arranged the bridge.
    const inForce = [...this.#noticeByYear.values()].sort(
      (a, b) => a.rank - b.rank || a.notice.year - b.notice.year,
    );
    for (const entry of inForce) this.#addRulings(entry);
  }

  isWorkday(date: string): boolean {
    return this.#isWorkingDay(dayNumberOf(date));
  }

  holidayName(date: string): string | null {
    return this.describeDay(date).holidayName;
  }

  describeDay(date: string): DayAnswer {
    const day = dayNumberOf(date);
    const ruling = this.#rulings.get(day);
    const year = yearOfDayNumber(day);
    return {
      date,
      workday: this.#isWorkingDay(day),
      holidayName: ruling && !ruling.workday ? ruling.name : null,
      compensates: ruling?.workday ? ruling.name : null,
      provisional: this.isProvisional(year),
      versionId: this.#provenanceOf(day, year)?.versionId ?? null,
    };
  }

  isProvisional(year: number): boolean {
    return !this.#noticeByYear.has(year);
  }

  noticeFor(year: number): CalendarNotice | null {
    return this.#noticeByYear.get(year)?.notice ?? null;
  }

  addWorkdays(date: string, n: number): string {
    return this.addWorkdaysDetailed(date, n).date;
  }

  addWorkdaysDetailed(date: string, n: number): WorkdayAnswer {
    checkCount(n);
    const start = dayNumberOf(date);
    let day = start;
    for (let counted = 0; counted < n; ) {
      day += 1;
      if (this.#isWorkingDay(day)) counted += 1;
    }
    return { date: dateOfDayNumber(day), ...this.#reliance(start + 1, day) };
  }

  workdaysBetween(from: string, to: string): number {
    const a = dayNumberOf(from);
    const b = dayNumberOf(to);
    // 0 - x rather than -x: an empty span backwards is 0, not -0.
    return a <= b ? this.#countWorkdays(a, b) : 0 - this.#countWorkdays(b, a);
  }

  nextWorkday(date: string): string {
    return this.addWorkdays(date, 1);
  }

  workdayOnOrAfter(date: string): string {
    return this.isWorkday(date) ? date : this.nextWorkday(date);
  }

  #addRulings({ rank, versionId, notice }: NoticeInForce): void {
    for (const [date, name] of Object.entries(notice.holidays)) {
      this.#rulings.set(dayNumberOf(date), { rank, versionId, workday: false, name });
    }
    for (const [date, name] of Object.entries(notice.workdays)) {
      this.#rulings.set(dayNumberOf(date), { rank, versionId, workday: true, name });
    }
  }

  #isWorkingDay(day: DayNumber): boolean {
    const ruling = this.#rulings.get(day);
    return ruling ? ruling.workday : !isWeekend(day);
  }

  /** The notice that answered for a day: the one listing it, else the one for its year. */
  #provenanceOf(day: DayNumber, year: number): Provenance | undefined {
    return this.#rulings.get(day) ?? this.#noticeByYear.get(year);
  }

  #countWorkdays(after: DayNumber, upTo: DayNumber): number {
    let count = 0;
    for (let day = after + 1; day <= upTo; day += 1) {
      if (this.#isWorkingDay(day)) count += 1;
    }
    return count;
  }

  #reliance(first: DayNumber, last: DayNumber): Omit<WorkdayAnswer, 'date'> {
    const answeredBy = new Map<number, string>();
    let provisional = false;
    for (let day = first; day <= last; day += 1) {
      const year = yearOfDayNumber(day);
      provisional ||= this.isProvisional(year);
      const provenance = this.#provenanceOf(day, year);
      if (provenance) answeredBy.set(provenance.rank, provenance.versionId);
    }
    const versionIds = [...answeredBy.entries()].sort(([a], [b]) => a - b).map(([, id]) => id);
    return { provisional, versionId: versionIds.at(-1) ?? null, versionIds };
  }
}
