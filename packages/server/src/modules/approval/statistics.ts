import type { Statistics, StatisticsQuery } from '@yiwang/contracts';
import { chinaDateOf, type WorkingCalendar } from '@yiwang/standards';
import { sql } from 'kysely';
import type { UnitPlace } from '../../platform/access/policy.ts';
import type { Db } from '../../platform/db/database.ts';
import { licenceProcess } from './process.ts';

type CaseFigures = {
  /** The China date the application came in: what the period and the months count by. */
  submitted_on: string;
  unit_id: string;
  territorial_path: string;
  line_path: string;
  name_zh: string;
  name_en: string;
  received_on: string;
  accepted: boolean;
  decided_at: Date | null;
  granted: boolean;
  decision_due: Date | null;
};

type Figures = Omit<Statistics['province'], never>;

const DECISIONS = ['grant', 'refuse'];
const ACCEPTANCES = ['accept', 'deem_accept'];

/** One row per licence case received in the period, with what the figures need. */
async function caseFigures(db: Db, from: string, to: string, unitId?: string): Promise<CaseFigures[]> {
  const rows = await sql<CaseFigures>`
    SELECT (c.created_at AT TIME ZONE 'Asia/Shanghai')::date::text AS submitted_on, c.owning_unit_id AS unit_id, u.territorial_path, u.line_path, u.name_zh, u.name_en, c.received_on::text AS received_on,
           EXISTS (SELECT 1 FROM case_action a WHERE a.case_id = c.id AND a.action = ANY(${ACCEPTANCES})) AS accepted,
           (SELECT min(a.at) FROM case_action a WHERE a.case_id = c.id AND a.action = ANY(${DECISIONS})) AS decided_at,
           EXISTS (SELECT 1 FROM case_action a WHERE a.case_id = c.id AND a.action = 'grant') AS granted,
           (SELECT k.due_at FROM case_clock k WHERE k.case_id = c.id AND k.code = 'decision') AS decision_due
      FROM case_record c JOIN org_unit u ON u.id = c.owning_unit_id
     WHERE c.process_code = ${licenceProcess.code}
       AND (c.created_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN ${from}::date AND ${to}::date
       AND (${unitId ?? null}::uuid IS NULL OR c.owning_unit_id = ${unitId ?? null}::uuid)`.execute(db);
  return rows.rows;
}

async function ratingFigures(db: Db, from: string, to: string) {
  const rows = await sql<{ unit_id: string; n: number; good: number }>`
    SELECT owning_unit_id AS unit_id, count(*)::int AS n, count(*) FILTER (WHERE level >= 4)::int AS good
      FROM service_rating
     WHERE (created_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN ${from}::date AND ${to}::date
     GROUP BY owning_unit_id`.execute(db);
  return new Map(rows.rows.map((r) => [r.unit_id, r]));
}

function figuresOf(
  cases: CaseFigures[],
  calendar: WorkingCalendar,
  ratings: { n: number; good: number },
): Figures {
  const decided = cases.filter((c) => c.decided_at !== null);
  const onTime = decided.filter((c) => c.decision_due !== null && (c.decided_at as Date) <= c.decision_due);
  // Decided on the day of receipt, or before a receipt that rolled to the next working day: 0.
  const days = decided.map((c) =>
    Math.max(0, calendar.workdaysBetween(c.received_on, chinaDateOf(c.decided_at as Date))),
  );
  return {
    received: cases.length,
    accepted: cases.filter((c) => c.accepted).length,
    decided: decided.length,
    granted: cases.filter((c) => c.granted).length,
    onTime: onTime.length,
    onTimeShare: decided.length > 0 ? onTime.length / decided.length : null,
    averageWorkingDays: days.length > 0 ? days.reduce((a, b) => a + b, 0) / days.length : null,
    ratings: ratings.n,
    satisfaction: ratings.n > 0 ? ratings.good / ratings.n : null,
  };
}

/**
 * Received, accepted, decided, on time (decided by the legal due time, pauses and extensions
 * included), average working days from receipt to decision, and satisfaction: per department,
 * for the province, and by month of receipt.
 */
export async function licenceStatistics(
  db: Db,
  calendar: WorkingCalendar,
  query: StatisticsQuery,
  today: string,
  covers: (unit: UnitPlace) => boolean = () => true,
): Promise<Statistics> {
  const to = query.to ?? today;
  const from = query.from ?? `${Number(to.slice(0, 4)) - 1}${to.slice(4, 8)}01`;
  const [received, ratings] = await Promise.all([
    caseFigures(db, from, to, query.unitId),
    ratingFigures(db, from, to),
  ]);
  const cases = received.filter((c) =>
    covers({ id: c.unit_id, territorialPath: c.territorial_path, linePath: c.line_path }),
  );
  const byUnit = new Map<string, CaseFigures[]>();
  for (const c of cases) byUnit.set(c.unit_id, [...(byUnit.get(c.unit_id) ?? []), c]);
  const none = { n: 0, good: 0 };
  const all = [...byUnit.keys()]
    .map((id) => ratings.get(id) ?? none)
    .reduce((a, r) => ({ n: a.n + r.n, good: a.good + r.good }), none);
  const byMonth = new Map<string, CaseFigures[]>();
  for (const c of cases)
    byMonth.set(c.submitted_on.slice(0, 7), [...(byMonth.get(c.submitted_on.slice(0, 7)) ?? []), c]);
  return {
    from,
    to,
    province: figuresOf(cases, calendar, all),
    departments: [...byUnit.entries()]
      .map(([id, list]) => ({
        unit: { id, name: { zh: list[0]?.name_zh ?? '', en: list[0]?.name_en ?? '' } },
        ...figuresOf(list, calendar, ratings.get(id) ?? none),
      }))
      .sort((a, b) => a.unit.name.zh.localeCompare(b.unit.name.zh, 'zh')),
    months: [...byMonth.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, list]) => {
        const f = figuresOf(list, calendar, none);
        return { month, received: f.received, decided: f.decided, onTime: f.onTime };
      }),
  };
}
