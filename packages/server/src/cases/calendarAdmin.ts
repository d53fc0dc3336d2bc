import type { EnterCalendarVersion } from '@yiwang/contracts';
import {
  BUILT_IN_VERSION_ID,
  builtInNotices,
  type CalendarVersion,
  calendarFromNotices,
  type WorkingCalendar,
} from '@yiwang/standards';
import type { Principal } from '../platform/access/principal.ts';
import type { Db } from '../platform/db/database.ts';
import type { Tx } from '../platform/db/transaction.ts';
import { ConflictProblem, ValidationProblem } from '../platform/http/problems.ts';
import { storedVersions } from './calendarSource.ts';
import type { CaseEngine } from './engine.ts';
import { recomputeOpenClocks } from './recompute.ts';

/**
 * An administrator enters a State Council notice (or a revised one) as a new calendar version.
 * It is checked against the versions before it, stored, and every open clock is recomputed in
 * the same transaction, so no deadline is ever computed under a half-entered calendar.
 */
export async function enterCalendarVersion(
  engine: CaseEngine,
  tx: Tx,
  input: EnterCalendarVersion,
  principal: Principal,
  now: Date,
) {
  const exists = await tx
    .selectFrom('calendar_version')
    .select('id')
    .where('id', '=', input.id)
    .executeTakeFirst();
  if (exists || input.id === BUILT_IN_VERSION_ID) {
    throw new ConflictProblem('calendar_version_exists', `a version ${input.id} exists already`);
  }
  const version: CalendarVersion = { id: input.id, effectiveFrom: now.toISOString(), notices: input.notices };
  let calendar: WorkingCalendar;
  try {
    calendar = calendarFromNotices([...(await storedVersions(tx)), version]);
  } catch (error) {
    throw new ValidationProblem([
      { field: 'body.notices', code: 'invalid_notice', message: (error as Error).message },
    ]);
  }
  await tx
    .insertInto('calendar_version')
    .values({
      id: input.id,
      effective_from: now,
      notices: JSON.stringify(input.notices),
      note: input.note,
      entered_by: principal.userId,
    })
    .execute();
  const recomputed = await recomputeOpenClocks(tx, engine.registry, calendar, engine.warnShare, now);
  return {
    version: presentStored({ ...version, note: input.note, enteredBy: principal.displayName }),
    recomputed,
  };
}

type Listed = CalendarVersion & { note: string; enteredBy: string | null };

function presentStored(v: Listed) {
  return {
    id: v.id,
    effectiveFrom: v.effectiveFrom,
    note: v.note,
    years: v.notices.map((n) => n.year).sort((a, b) => a - b),
    sources: [...new Set(v.notices.map((n) => n.source))],
    enteredBy: v.enteredBy,
    builtIn: false,
  };
}

export async function listCalendarVersions(db: Db) {
  const rows = await db
    .selectFrom('calendar_version as v')
    .leftJoin('app_user as u', 'u.id', 'v.entered_by')
    .select(['v.id', 'v.effective_from', 'v.notices', 'v.note', 'u.display_name'])
    .orderBy('v.entered_at')
    .execute();
  const builtIn = {
    id: BUILT_IN_VERSION_ID,
    effectiveFrom: new Date(0).toISOString(),
    note: '随软件发布的国务院办公厅节假日安排通知（chinese-days 数据）',
    years: builtInNotices.map((n) => n.year),
    sources: [BUILT_IN_VERSION_ID],
    enteredBy: null,
    builtIn: true,
  };
  return [
    builtIn,
    ...rows.map((r) =>
      presentStored({
        id: r.id,
        effectiveFrom: r.effective_from.toISOString(),
        notices: r.notices as CalendarVersion['notices'],
        note: r.note,
        enteredBy: r.display_name,
      }),
    ),
  ];
}

/** Every day of a year as the calendar in force answers it. */
export function describeYear(calendar: WorkingCalendar, year: number) {
  const days = [];
  for (
    let d = new Date(Date.UTC(year, 0, 1));
    d.getUTCFullYear() === year;
    d.setUTCDate(d.getUTCDate() + 1)
  ) {
    const answer = calendar.describeDay(d.toISOString().slice(0, 10));
    days.push({
      date: answer.date,
      workday: answer.workday,
      holidayName: answer.holidayName,
      compensates: answer.compensates,
    });
  }
  return {
    year,
    provisional: calendar.isProvisional(year),
    source: calendar.noticeFor(year)?.source ?? null,
    days,
  };
}

export async function provisionalClocks(db: Db, limit = 200) {
  const base = db
    .selectFrom('case_clock as k')
    .innerJoin('case_record as c', 'c.id', 'k.case_id')
    .where('k.provisional', '=', true)
    .where('k.status', 'in', ['running', 'paused']);
  const [rows, count] = await Promise.all([
    base
      .select(['c.id', 'c.tracking_number', 'k.code', 'k.due_at', 'k.calendar_version'])
      .orderBy('k.due_at')
      .limit(limit)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.n),
    items: rows.map((r) => ({
      caseId: r.id,
      trackingNumber: r.tracking_number,
      clock: r.code,
      dueAt: r.due_at?.toISOString() ?? null,
      calendarVersion: r.calendar_version,
    })),
  };
}
