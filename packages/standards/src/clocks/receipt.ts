import type { WorkingCalendar } from '../calendar/index.ts';
import { dayOfAct } from './meters.ts';
import { instantOf, settingsOf } from './settings.ts';
import type { Instant, OfficeHours } from './types.ts';

/**
 * The legal date something received at `at` counts as received on: the same day within office
 * hours on a working day, else the next working day. A deemed acceptance (行政许可法第32条) counts
 * from this day, so the case engine records it once, at receipt.
 */
export function receiptDayOf(at: Instant, calendar: WorkingCalendar, officeHours?: OfficeHours): string {
  const settings = settingsOf({ limit: 1, unit: 'working_days', basis: 'receipt', officeHours });
  return dayOfAct(instantOf(at, 'at'), settings, calendar);
}
