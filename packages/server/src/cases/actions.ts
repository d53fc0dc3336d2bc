import type { Tx } from '../platform/db/transaction.ts';
import {
  authorize,
  ConflictProblem,
  HttpProblem,
  NotFoundProblem,
  ValidationProblem,
} from '../platform/http/problems.ts';
import type { ActionDef } from './definition.ts';
import { type Actor, appendTimeline, type CaseEngine, type CaseRow, runClockEffects } from './engine.ts';
import { findCase, loadFacts } from './facts.ts';
import { checkFields } from './fields.ts';
import { allowedActions, type CaseFacts, canViewCase, mayPerform } from './policy.ts';

export type ActionRequest = {
  caseId: string;
  action: string;
  input: Record<string, unknown>;
  /** The case version the person saw; a different one means someone acted in between. */
  expectedVersion?: number;
  actor: Actor;
  now: Date;
};

/** Checks a material slot holds a file; given by the file store once it is wired in. */
export type MaterialCheck = (tx: Tx, caseId: string, slots: readonly string[]) => Promise<string[]>;

/**
 * One action, one transaction: lock the case, check who acts, the state and the version, apply
 * the clock effects, move the state, append to the timeline, tell the applicant.
 */
export async function performAction(
  engine: CaseEngine & { missingMaterials?: MaterialCheck },
  tx: Tx,
  request: ActionRequest,
): Promise<CaseRow> {
  const row = await findCase(tx, request.caseId, true);
  if (!row) throw new NotFoundProblem('no such case');
  const def = engine.registry.get(row.process_code, row.process_version);
  const facts = await loadFacts(tx, row);
  const person = request.actor.kind === 'person' ? request.actor.principal : undefined;
  if (person) authorize(canViewCase(person, def, facts), 'this case is not yours to see');
  const spec = def.actions[request.action];
  if (!spec) throw new NotFoundProblem(`the process has no action ${request.action}`);
  // Whether the person may ever take this action comes before whether the case allows it now.
  if (person) authorize(mayPerform(person, def, request.action, facts), 'this action is not yours to take');
  const allowed = person ? allowedActions(person, def, facts) : [];
  if (!spec.from.includes(row.state)) {
    throw new ConflictProblem(
      'action_not_allowed',
      `${request.action} is not possible in state ${row.state}`,
      allowed,
    );
  }
  if (request.expectedVersion !== undefined && request.expectedVersion !== row.version) {
    throw new ConflictProblem('stale_version', `the case is at version ${row.version}; reload it`, allowed);
  }
  const checked = checkFields(spec.fields ?? [], request.input, 'body.input');
  if (checked.errors.length > 0) throw new ValidationProblem(checked.errors);
  checkDistinctActors(spec, facts);
  const missing = (await engine.missingMaterials?.(tx, row.id, slotsRequired(spec, row))) ?? [];
  if (missing.length > 0) {
    throw new HttpProblem(422, 'materials_missing', 'Materials missing', {
      detail: `upload ${missing.join(', ')} first`,
      errors: missing.map((slot) => ({
        field: `materials.${slot}`,
        code: 'required',
        message: 'upload this material first',
      })),
    });
  }
  return applyAction(engine, tx, row, request, checked.values);
}

/** The material slots an action needs filled: its own list, or every slot the case marks required. */
function slotsRequired(spec: ActionDef, row: CaseRow): string[] {
  if (spec.attachments !== 'required_materials') return [...(spec.attachments ?? [])];
  return Object.entries(row.spec?.materials ?? {})
    .filter(([, m]) => m.required)
    .map(([slot]) => slot);
}

function checkDistinctActors(spec: ActionDef, facts: CaseFacts): void {
  const need = spec.requiresDistinctActors;
  if (!need || (need.onlyIf && !facts.flags[need.onlyIf])) return;
  const done = facts.actorsByAction.get(need.action)?.size ?? 0;
  if (done < need.count) {
    throw new HttpProblem(422, 'more_actors_needed', 'More people must act first', {
      detail: `${need.count} different people must ${need.action} first; ${done} did`,
    });
  }
}

async function applyAction(
  engine: CaseEngine,
  tx: Tx,
  row: CaseRow,
  request: ActionRequest,
  input: Record<string, unknown>,
): Promise<CaseRow> {
  const def = engine.registry.get(row.process_code, row.process_version);
  const spec = def.actions[request.action];
  if (!spec) throw new NotFoundProblem();
  const { actor, now } = request;
  const calendar = await engine.calendars.current(tx);
  const reason = typeof input.reason === 'string' ? input.reason : undefined;
  const terminal = def.states[spec.to]?.terminal === true;
  await runClockEffects(engine, tx, row, def, spec.clocks ?? [], {
    actor,
    action: request.action,
    now,
    calendar,
    reason,
    caseColumns: {
      state: spec.to,
      version: row.version + 1,
      updated_at: now,
      closed_at: terminal ? now : null,
    },
  });
  await appendTimeline(tx, {
    caseId: row.id,
    action: request.action,
    from: row.state,
    to: spec.to,
    actor,
    at: now,
    input,
  });
  const after = engine.afterAction?.[def.code];
  if (after)
    await after(tx, { row: { ...row, state: spec.to }, def, action: request.action, input, actor, now });
  if (spec.notifyApplicant && row.applicant_user_id) {
    await engine.notify(tx, {
      recipientUserId: row.applicant_user_id,
      code: 'case.action',
      params: {
        trackingNumber: row.tracking_number,
        title: row.title,
        action: request.action,
        actionLabel: spec.label,
        stateLabel: def.states[spec.to]?.label,
      },
      caseId: row.id,
      link: `/cases/${row.id}`,
    });
  }
  return { ...row, state: spec.to, version: row.version + 1 };
}
