import { type CalendarVersion, calendarFromNotices, type WorkingCalendar } from '@yiwang/standards';
import { sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import type { Tx } from '../platform/db/transaction.ts';

type Stamp = { count: number; latest: string | null };

/**
 * The working-day calendar in force: the built-in notices plus every version an administrator
 * entered. Kept in memory and rebuilt when the stored versions change, which every process
 * checks with one small query, so a notice entered on one node is used by all at once.
 */
export class CalendarSource {
  #cached: { stamp: string; calendar: WorkingCalendar } | undefined;

  async current(db: Db | Tx): Promise<WorkingCalendar> {
    const stampRow = await sql<Stamp>`
      SELECT count(*)::int AS count, max(entered_at)::text AS latest FROM calendar_version`.execute(db);
    const stamp = JSON.stringify(stampRow.rows[0]);
    if (this.#cached?.stamp === stamp) return this.#cached.calendar;
    const calendar = calendarFromNotices(await storedVersions(db));
    this.#cached = { stamp, calendar };
    return calendar;
  }
}

export async function storedVersions(db: Db | Tx): Promise<CalendarVersion[]> {
  const rows = await db
    .selectFrom('calendar_version')
    .select(['id', 'effective_from', 'notices'])
    .orderBy('entered_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    effectiveFrom: r.effective_from.toISOString(),
    notices: r.notices as CalendarVersion['notices'],
  }));
}
