import { randomUUID } from 'node:crypto';
import type { RateCase, Rating } from '@yiwang/contracts';
import { chinaDateOf, startOfChinaDate, type WorkingCalendar } from '@yiwang/standards';
import { findCase } from '../../cases/facts.ts';
import type { ProcessRegistry } from '../../cases/registry.ts';
import { openTask } from '../../cases/tasks.ts';
import type { Principal } from '../../platform/access/principal.ts';
import type { Tx } from '../../platform/db/transaction.ts';
import {
  authorize,
  ConflictProblem,
  NotFoundProblem,
  ValidationProblem,
} from '../../platform/http/problems.ts';

/** The bottom two levels (不满意, 非常不满意) are bad reviews: a reason, and a follow-up. */
export const BAD_REVIEW_MAX_LEVEL = 2;
/** Who follows a bad review up in the department. */
export const FOLLOW_UP_ROLE = 'dept_admin';
const CLOSE_OF_BUSINESS_MINUTES = 17 * 60;

/** A case can be rated once it is decided or closed: the transaction is over. */
function rateable(
  registry: ProcessRegistry,
  row: { process_code: string; process_version: number; state: string },
) {
  const def = registry.get(row.process_code, row.process_version);
  return Boolean(def.states[row.state]?.terminal) || row.state === 'granted';
}

/**
 * 好差评 (国办发〔2019〕51号): the applicant rates a finished transaction once; a bad review needs a
 * reason and opens a follow-up task for the department, due a configurable number of working days
 * later (the national deadline was not found; local rules say 5 or 15).
 */
export async function rateCase(
  tx: Tx,
  deps: { registry: ProcessRegistry; calendar: WorkingCalendar; followUpWorkdays: number },
  principal: Principal,
  input: RateCase,
  now: Date,
): Promise<Rating> {
  const row = await findCase(tx, input.caseId, true);
  if (!row) throw new NotFoundProblem('no such case');
  authorize(row.applicant_user_id === principal.userId, 'only the applicant rates a transaction');
  if (!rateable(deps.registry, row))
    throw new ConflictProblem('case_not_finished', 'rate the service once the case is decided');
  const reason = input.reason?.trim() || null;
  if (input.level <= BAD_REVIEW_MAX_LEVEL && (reason === null || reason.length < 2)) {
    throw new ValidationProblem([
      { field: 'body.reason', code: 'required_for_bad_review', message: 'say what went wrong' },
    ]);
  }
  const existing = await tx
    .selectFrom('service_rating')
    .select('id')
    .where('case_id', '=', row.id)
    .executeTakeFirst();
  if (existing) throw new ConflictProblem('already_rated', 'each transaction is rated once');
  const id = randomUUID();
  await tx
    .insertInto('service_rating')
    .values({
      id,
      case_id: row.id,
      user_id: principal.userId,
      owning_unit_id: row.owning_unit_id,
      level: input.level,
      reason,
    })
    .execute();
  let followUpTaskId: string | null = null;
  if (input.level <= BAD_REVIEW_MAX_LEVEL) {
    const dueDay = deps.calendar.addWorkdays(chinaDateOf(now), deps.followUpWorkdays);
    const dueAt = new Date(startOfChinaDate(dueDay).getTime() + CLOSE_OF_BUSINESS_MINUTES * 60_000);
    followUpTaskId = await openTask(tx, {
      caseId: row.id,
      unitId: row.owning_unit_id,
      kind: 'bad_review',
      role: FOLLOW_UP_ROLE,
      clock: null,
      dueAt,
    });
  }
  return { id, caseId: row.id, level: input.level, reason, createdAt: now.toISOString(), followUpTaskId };
}
