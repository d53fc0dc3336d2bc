import type { TrackedCase } from '@yiwang/contracts';
import type { FastifyRequest } from 'fastify';
import { recordEvent } from '../platform/audit/record.ts';
import type { Db } from '../platform/db/database.ts';
import { inTransaction } from '../platform/db/transaction.ts';
import { HttpProblem } from '../platform/http/problems.ts';
import type { CaseEngine } from './engine.ts';
import { actionLabel } from './present.ts';
import { selectSummaries } from './queries.ts';
import { lookupHashesOf } from './tracking.ts';

/** One answer for an unknown number and a wrong code, so neither can be probed for. */
class LookupFailed extends HttpProblem {
  constructor() {
    super(404, 'case_lookup_failed', 'No case matches', {
      detail: 'check the tracking number and the lookup code',
    });
  }
}

/**
 * What anyone holding the number and code may see: the state and the steps with their dates,
 * not the form, the materials or who handled it.
 */
export async function trackCase(
  engine: CaseEngine,
  db: Db,
  request: FastifyRequest,
  number: string,
  code: string,
): Promise<TrackedCase> {
  const row = await selectSummaries(db)
    .select('c.lookup_hash')
    .where('c.tracking_number', '=', number)
    .executeTakeFirst();
  const hashes = row ? lookupHashesOf(engine.cipher, number, code) : [];
  if (!row || !hashes.some((h) => h.equals(row.lookup_hash))) throw new LookupFailed();
  const def = engine.registry.get(row.process_code, row.process_version);
  const steps = await db
    .selectFrom('case_action')
    .select(['action', 'at', 'to_state'])
    .where('case_id', '=', row.id)
    .orderBy('seq')
    .execute();
  await inTransaction(db, request.actor, (tx) =>
    recordEvent(tx, {
      action: 'case.tracked',
      outcome: 'success',
      targetType: 'case_record',
      targetId: row.id,
    }),
  );
  const stateLabel = (s: string) => def.states[s]?.label ?? { zh: s, en: s };
  return {
    trackingNumber: row.tracking_number,
    process: def.name,
    title: row.title,
    state: {
      code: row.state,
      label: stateLabel(row.state),
      terminal: Boolean(def.states[row.state]?.terminal),
    },
    owningUnit: { zh: row.unit_name_zh, en: row.unit_name_en },
    receivedOn: row.received_on,
    dueAt: row.due_at?.toISOString() ?? null,
    closedAt: row.closed_at?.toISOString() ?? null,
    timeline: steps
      .filter((s) => s.action === 'submit' || s.action in def.actions)
      .map((s) => ({
        label: actionLabel(def, s.action),
        at: s.at.toISOString(),
        toState: stateLabel(s.to_state),
      })),
  };
}
