/**
 * An instant: a Date, or an ISO 8601 string with an explicit offset ('Z' or '+08:00'). A string without
 * one would be read in the server's time zone, so it is refused.
 */
export type Instant = Date | string;

export type ClockUnit = 'working_days' | 'calendar_days' | 'hours';

/** Office hours in China Standard Time, 'HH:MM'. */
export type OfficeHours = {
  /** When business stops (Civil Code art. 203): a period ends then, and later receipts roll over. '17:00'. */
  closesAt?: string;
  /** When business starts; '08:30'. Checked, but day counts never need it: the day of an act is not counted. */
  opensAt?: string;
};

/** The statutory limit a clock runs against, as a service stores it with its legal basis. */
export type ClockRule = {
  limit: number;
  unit: ClockUnit;
  /** Where the limit comes from, e.g. '行政许可法第42条'. */
  basis: string;
  officeHours?: OfficeHours;
  /** An act after closing time or on a rest day counts as done on the next working day; true by default. */
  receiptAfterHoursCountsNextWorkday?: boolean;
  /** A calendar-day period whose last day is a rest day ends on the next working day (art. 203); true. */
  calendarDayEndMovesToWorkday?: boolean;
};

/** The clock starts, e.g. on acceptance (受理). */
export type ClockStart = {
  kind: 'start';
  at: Instant;
  /** Deemed acceptance (行政许可法第32条): counts from the legal date the materials arrived. */
  backdatedTo?: string;
};

/** Time that is not counted, e.g. expert review (行政许可法第45条) or third-party comment (信息公开条例第32条). */
export type ClockPause = { kind: 'pause'; at: Instant; reason: string };

export type ClockResume = { kind: 'resume'; at: Instant };

/** More time, in the rule's unit, e.g. +10 working days approved by the agency head (行政许可法第42条). */
export type ClockExtend = { kind: 'extend'; at: Instant; by: number; approver: string; reason: string };

/** The matter is decided or closed; the clock freezes. */
export type ClockStop = { kind: 'stop'; at: Instant; outcome: string };

/** Events in the order they happened. */
export type ClockEvent = ClockStart | ClockPause | ClockResume | ClockExtend | ClockStop;

export type ClockStatus = 'not_started' | 'running' | 'paused' | 'stopped';

/**
 * What is left, counted at `now` (or at the stop, for a stopped clock); negative once overdue. The rule's own
 * unit is always there; day rules add the hours to the due instant. A paused clock gives only the frozen
 * amount of its unit.
 */
export type ClockRemaining = { workingDays?: number; calendarDays?: number; hours?: number };

export type PauseRecord = {
  from: Date;
  /** The resume, or null while the pause is open. */
  until: Date | null;
  reason: string;
  /** False for a pause after the period had ended: it cannot revive an expired period and is not applied. */
  inTime: boolean;
};

export type ExtensionRecord = {
  at: Date;
  by: number;
  approver: string;
  reason: string;
  /** False for an extension granted after the period had ended: recorded for supervision, not applied. */
  inTime: boolean;
};

export type ClockResult = {
  status: ClockStatus;
  /** The legal date counting starts after: acceptance, rolled to the next working day if after hours. */
  startDay: string | null;
  /** The instant the period ends; null before the start and while a pause is open. */
  dueAt: Date | null;
  dueDay: string | null;
  /** Days of the rule's unit the pauses kept out of the count (an open pause: if resumed at `now`); 0 for hours. */
  pausedDays: number;
  /** Elapsed hours inside applied pauses (an open pause: up to `now`). */
  pausedHours: number;
  /** Sum of the extensions applied, in the rule's unit. */
  extendedBy: number;
  remaining: ClockRemaining | null;
  overdue: boolean;
  /** Some day the count relied on lies in a year without a holiday notice, so the due day may still move. */
  provisional: boolean;
  /** The calendar versions whose notices answered for the days counted, oldest first. */
  calendarVersions: string[];
  pauses: PauseRecord[];
  extensions: ExtensionRecord[];
};
