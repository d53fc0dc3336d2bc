import { sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { inTransaction, type Tx } from '../platform/db/transaction.ts';
import { performAction } from './actions.ts';
import { type Actor, appendTimeline, type CaseEngine, type CaseRow } from './engine.ts';
import { SUPERVISOR_ROLE } from './policy.ts';
import { holdersCovering } from './recipients.ts';
import { openTask } from './tasks.ts';

const PLATFORM: Actor = { kind: 'platform' };
const PLATFORM_CONTEXT = { requestId: 'sweep' };

export type SweepCounts = { warned: number; overdue: number; escalated: number; deemed: number };

type DueClock = { id: string; code: string; due_at: Date | null };

/**
 * Locks a batch of cases that have a clock past `column`, skipping cases another process (or an
 * action) holds: any number of servers can sweep side by side and none waits on another.
 */
async function lockBatch(tx: Tx, kind: 'warn' | 'expire', now: Date, batch: number): Promise<CaseRow[]> {
  const due =
    kind === 'warn'
      ? sql`SELECT case_id FROM case_clock WHERE status = 'running' AND warned_at IS NULL AND warn_at <= ${now} AND due_at > ${now} ORDER BY warn_at LIMIT ${batch}`
      : sql`SELECT case_id FROM case_clock WHERE status = 'running' AND overdue_at IS NULL AND due_at <= ${now} ORDER BY due_at LIMIT ${batch}`;
  const rows = await sql<CaseRow>`
    SELECT id, process_code, process_version, tracking_number, owning_unit_id, applicant_user_id, title,
           state, version, received_on::text AS received_on
      FROM case_record WHERE id IN (${due}) ORDER BY id FOR UPDATE SKIP LOCKED`.execute(tx);
  return rows.rows;
}

async function dueClocks(tx: Tx, caseId: string, kind: 'warn' | 'expire', now: Date): Promise<DueClock[]> {
  const q = tx
    .selectFrom('case_clock')
    .select(['id', 'code', 'due_at'])
    .where('case_id', '=', caseId)
    .where('status', '=', 'running');
  return kind === 'warn'
    ? q.where('warned_at', 'is', null).where('warn_at', '<=', now).where('due_at', '>', now).execute()
    : q.where('overdue_at', 'is', null).where('due_at', '<=', now).execute();
}

/** Whoever may act on the case now: the roles of the actions its state allows. */
function actingRoles(engine: CaseEngine, row: CaseRow): string[] {
  const def = engine.registry.get(row.process_code, row.process_version);
  const roles = Object.values(def.actions)
    .filter((a) => a.from.includes(row.state))
    .flatMap((a) => a.by.roles ?? []);
  return [...new Set(roles)];
}

async function tell(
  engine: CaseEngine,
  tx: Tx,
  users: string[],
  row: CaseRow,
  code: string,
  params: Record<string, unknown>,
) {
  for (const userId of users) {
    await engine.notify(tx, {
      recipientUserId: userId,
      code,
      params: { trackingNumber: row.tracking_number, title: row.title, ...params },
      caseId: row.id,
      link: `/workbench/cases/${row.id}`,
    });
  }
}

async function warnCase(engine: CaseEngine, tx: Tx, row: CaseRow, now: Date): Promise<number> {
  const clocks = await dueClocks(tx, row.id, 'warn', now);
  const users = await holdersCovering(tx, row.owning_unit_id, actingRoles(engine, row));
  for (const clock of clocks) {
    await tx.updateTable('case_clock').set({ warned_at: now }).where('id', '=', clock.id).execute();
    const dueAt = clock.due_at?.toISOString() ?? null;
    await appendTimeline(tx, {
      caseId: row.id,
      action: 'clock.warned',
      from: row.state,
      to: row.state,
      actor: PLATFORM,
      at: now,
      input: { clock: clock.code, dueAt },
    });
    await tell(engine, tx, users, row, 'case.due_soon', { clock: clock.code, dueAt });
  }
  return clocks.length;
}

/**
 * A clock ran out: apply the deemed outcome the process defines (e.g. deemed accepted when no
 * correction notice went out in time), or mark the case overdue and escalate it to supervision:
 * a task for the supervisors of the owning unit, their notification, and the audit event that
 * the task's row writes.
 */
async function expireCase(
  engine: CaseEngine,
  tx: Tx,
  row: CaseRow,
  now: Date,
): Promise<Partial<SweepCounts>> {
  const def = engine.registry.get(row.process_code, row.process_version);
  const counts = { overdue: 0, escalated: 0, deemed: 0 };
  for (const clock of await dueClocks(tx, row.id, 'expire', now)) {
    const spec = def.clocks[clock.code];
    const deemed = spec?.onExpiry?.action;
    // An expired clock is past warning: leaving it unwarned would keep it in the warn index for good.
    await tx
      .updateTable('case_clock')
      .set({ overdue_at: now, warned_at: sql`coalesce(warned_at, ${now})` })
      .where('id', '=', clock.id)
      .execute();
    if (deemed && def.actions[deemed]?.from.includes(row.state)) {
      await performAction(engine, tx, { caseId: row.id, action: deemed, input: {}, actor: PLATFORM, now });
      counts.deemed += 1;
      continue;
    }
    counts.overdue += 1;
    await tx.updateTable('case_record').set({ overdue: true }).where('id', '=', row.id).execute();
    const dueAt = clock.due_at?.toISOString() ?? null;
    await appendTimeline(tx, {
      caseId: row.id,
      action: 'clock.overdue',
      from: row.state,
      to: row.state,
      actor: PLATFORM,
      at: now,
      input: { clock: clock.code, dueAt },
    });
    const role = spec?.escalateTo ?? SUPERVISOR_ROLE;
    await openTask(tx, {
      caseId: row.id,
      unitId: row.owning_unit_id,
      kind: 'overdue',
      role,
      clock: clock.code,
      dueAt: null,
    });
    await tx.updateTable('case_clock').set({ escalated_at: now }).where('id', '=', clock.id).execute();
    await appendTimeline(tx, {
      caseId: row.id,
      action: 'clock.escalated',
      from: row.state,
      to: row.state,
      actor: PLATFORM,
      at: now,
      input: { clock: clock.code, role },
    });
    await tell(engine, tx, await holdersCovering(tx, row.owning_unit_id, [role]), row, 'case.escalated', {
      clock: clock.code,
      dueAt,
    });
    counts.escalated += 1;
  }
  return counts;
}

/** One pass: batches until nothing is left to warn or expire at `now`. */
export async function runSweeps(
  engine: CaseEngine,
  db: Db,
  now: Date = new Date(),
  batch = 200,
): Promise<SweepCounts> {
  const counts: SweepCounts = { warned: 0, overdue: 0, escalated: 0, deemed: 0 };
  for (const kind of ['expire', 'warn'] as const) {
    for (;;) {
      const handled = await inTransaction(db, PLATFORM_CONTEXT, async (tx) => {
        const rows = await lockBatch(tx, kind, now, batch);
        for (const row of rows) {
          if (kind === 'warn') counts.warned += await warnCase(engine, tx, row, now);
          else {
            const c = await expireCase(engine, tx, row, now);
            counts.overdue += c.overdue ?? 0;
            counts.escalated += c.escalated ?? 0;
            counts.deemed += c.deemed ?? 0;
          }
        }
        return rows.length;
      });
      // Only an empty batch ends the pass: a case with two due clocks, or one an action holds,
      // makes a batch short without meaning the work is done.
      if (handled === 0) break;
    }
  }
  return counts;
}
