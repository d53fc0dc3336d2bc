// Time-ordered ids keep the primary-key indexes append-only (no full-page writes on random keys).

import { type ExpressionBuilder, sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Principal } from '../platform/access/principal.ts';
import type { Db } from '../platform/db/database.ts';
import type { Database } from '../platform/db/schema.ts';
import type { Tx } from '../platform/db/transaction.ts';
import { ConflictProblem, NotFoundProblem } from '../platform/http/problems.ts';

type Eb = ExpressionBuilder<Database & { t: Database['case_task']; u: Database['org_unit'] }, 't' | 'u'>;

/** Tasks for a role in units the person's membership of that role covers. */
function assignedTo(p: Principal) {
  return (eb: Eb) => {
    const ors = p.memberships
      .filter((m) => m.readsBusinessData)
      .map((m) => {
        const reach =
          m.reach === 'unit'
            ? eb('t.unit_id', '=', m.orgUnitId)
            : m.reach === 'subtree'
              ? sql<boolean>`starts_with(u.territorial_path, ${m.territorialPath})`
              : sql<boolean>`starts_with(u.line_path, ${m.linePath})`;
        return eb.and([eb('t.role_code', '=', m.roleCode), reach]);
      });
    return ors.length > 0 ? eb.or(ors) : sql<boolean>`false`;
  };
}

function selectTasks(db: Db | Tx) {
  return db
    .selectFrom('case_task as t')
    .innerJoin('org_unit as u', 'u.id', 't.unit_id')
    .innerJoin('case_record as c', 'c.id', 't.case_id')
    .select(['t.id', 't.kind', 't.clock_code', 't.status', 't.created_at', 't.done_at', 't.note', 't.due_at'])
    .select([
      'c.id as case_id',
      'c.tracking_number',
      'c.title',
      'c.due_at',
      'u.id as unit_id',
      'u.name_zh',
      'u.name_en',
    ]);
}

type TaskRow = Awaited<ReturnType<ReturnType<typeof selectTasks>['executeTakeFirstOrThrow']>>;

export function presentTask(r: TaskRow) {
  return {
    id: r.id,
    kind: r.kind,
    clock: r.clock_code,
    status: r.status,
    createdAt: r.created_at.toISOString(),
    doneAt: r.done_at?.toISOString() ?? null,
    dueAt: r.due_at?.toISOString() ?? null,
    note: r.note,
    case: {
      id: r.case_id,
      trackingNumber: r.tracking_number,
      title: r.title,
      dueAt: r.due_at?.toISOString() ?? null,
    },
    unit: { id: r.unit_id, name: { zh: r.name_zh, en: r.name_en } },
  };
}

/**
 * A task for whoever holds `role` over the unit: an escalation of overdue work, or a module's
 * follow-up (a bad review). Its row's audit event is the record that the task was given.
 */
export async function openTask(
  tx: Tx,
  task: {
    caseId: string;
    unitId: string;
    kind: string;
    role: string;
    clock: string | null;
    dueAt: Date | null;
  },
): Promise<string> {
  const id = uuidv7();
  await tx
    .insertInto('case_task')
    .values({
      id,
      case_id: task.caseId,
      unit_id: task.unitId,
      kind: task.kind,
      role_code: task.role,
      clock_code: task.clock,
      due_at: task.dueAt,
      done_at: null,
      done_by: null,
      note: null,
    })
    .execute();
  return id;
}

/** Open tasks first, oldest first: escalations wait in the order they arose. */
export async function listTasks(db: Db, p: Principal) {
  const rows = await selectTasks(db)
    .where(assignedTo(p))
    .orderBy(sql`t.status = 'done'`)
    .orderBy('t.created_at')
    .limit(200)
    .execute();
  return rows.map(presentTask);
}

export async function completeTask(tx: Tx, p: Principal, id: string, note: string, now: Date) {
  const task = await selectTasks(tx).where('t.id', '=', id).where(assignedTo(p)).executeTakeFirst();
  if (!task) throw new NotFoundProblem('no such task of yours');
  if (task.status === 'done') throw new ConflictProblem('task_done', 'the task is done already');
  await tx
    .updateTable('case_task')
    .set({ status: 'done', done_at: now, done_by: p.userId, note })
    .where('id', '=', id)
    .execute();
  return presentTask({ ...task, status: 'done', done_at: now, note });
}
