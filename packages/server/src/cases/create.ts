import type { CreateCase, CreatedCase, FieldError } from '@yiwang/contracts';
import { type ClockRule, chinaDateOf } from '@yiwang/standards';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '../platform/access/principal.ts';
import type { Db } from '../platform/db/database.ts';
import { authorize, ValidationProblem } from '../platform/http/problems.ts';
import type { CaseSpec, ProcessDefinition } from './definition.ts';
import { type AttachmentLister, loadDetail, loadSummaryRow } from './detail.ts';
import { type CaseEngine, openCase } from './engine.ts';
import { loadFacts } from './facts.ts';
import { checkFields } from './fields.ts';
import { oncePerKey } from './idempotency.ts';
import { canCreate } from './policy.ts';
import { lookupHashOf, newLookupCode, nextTrackingNumber } from './tracking.ts';

export type CreateFlowDeps = CaseEngine & { listAttachments?: AttachmentLister };

const LOOKUP_CONTEXT = 'idempotency_record.lookup_code';

async function owningUnit(db: Db, unitId: string) {
  const unit = await db
    .selectFrom('org_unit')
    .select(['id', 'kind', 'division_code', 'territorial_path', 'line_path', 'retired_on'])
    .where('id', '=', unitId)
    .executeTakeFirst();
  if (unit?.kind !== 'department' || unit.retired_on !== null) {
    throw new ValidationProblem([
      {
        field: 'body.unitId',
        code: 'not_an_open_department',
        message: 'choose a department that is in service',
      },
    ]);
  }
  return unit;
}

/** What a module fixes when it opens a case of its own process (see CaseSpec). */
export type OpeningTerms = {
  spec?: CaseSpec;
  subjectId?: string;
  clockRules?: Readonly<Record<string, ClockRule | null>>;
  /** Checks the form; the generic route uses the process's fields, a module its own schema. */
  checkForm?: (form: Record<string, unknown>) => { values: Record<string, unknown>; errors: FieldError[] };
};

/**
 * Opens a case through the generic route: the process and unit must exist, the form must pass its
 * checks, and the person must be one the process lets apply.
 */
export async function createCase(
  deps: CreateFlowDeps,
  db: Db,
  request: FastifyRequest,
  principal: Principal,
  body: CreateCase,
  idempotencyKey: string | undefined,
) {
  const def = deps.registry.latest(body.process);
  if (!def) {
    throw new ValidationProblem([
      { field: 'body.process', code: 'unknown_process', message: 'no such process' },
    ]);
  }
  if (def.create.viaModule) {
    throw new ValidationProblem([
      {
        field: 'body.process',
        code: 'opened_through_module',
        message: 'apply through the service guide of this process',
      },
    ]);
  }
  return openCaseFor(deps, db, request, principal, { def, body, idempotencyKey });
}

/**
 * The shared opening: who may apply is known before the unit is read, a staff party's reach is
 * checked after; the lookup code is shown once, and a replay of the same request returns it from
 * a sealed copy, never from clear text at rest.
 */
export async function openCaseFor(
  deps: CreateFlowDeps,
  db: Db,
  request: FastifyRequest,
  principal: Principal,
  opening: {
    def: ProcessDefinition;
    body: CreateCase;
    idempotencyKey: string | undefined;
    terms?: OpeningTerms;
  },
) {
  const { def, body, terms = {} } = opening;
  const { by } = def.create;
  const applicant = principal.kind === 'citizen' || principal.kind === 'business';
  authorize(
    (by.applicant && applicant) || Boolean(by.roles?.length && !applicant),
    'you may not open a case of this process',
  );
  const unit = await owningUnit(db, body.unitId);
  const place = { id: unit.id, territorialPath: unit.territorial_path, linePath: unit.line_path };
  authorize(canCreate(principal, def, place), 'you may not open a case of this process');
  const form = (terms.checkForm ?? ((f) => checkFields(def.form, f, 'body.form')))(body.form);
  if (form.errors.length > 0) throw new ValidationProblem(form.errors);
  const seal = (b: CreatedCase) => ({
    ...b,
    lookupCode: deps.cipher.encrypt(b.lookupCode, LOOKUP_CONTEXT).toString('base64'),
  });
  const unseal = (s: unknown) => {
    const stored = s as CreatedCase;
    return {
      ...stored,
      lookupCode: deps.cipher.decrypt(Buffer.from(stored.lookupCode, 'base64'), LOOKUP_CONTEXT),
    };
  };
  return oncePerKey<CreatedCase, string>(
    db,
    request.actor,
    { userId: principal.userId, key: opening.idempotencyKey, body },
    () => nextTrackingNumber(db, unit.division_code, chinaDateOf(new Date())),
    async (tx, trackingNumber) => {
      const now = new Date();
      const lookupCode = newLookupCode();
      const row = await openCase(deps, tx, {
        def,
        principal,
        unit: { id: unit.id, divisionCode: unit.division_code },
        title: body.title,
        form: form.values,
        trackingNumber,
        lookupHash: lookupHashOf(deps.cipher, trackingNumber, lookupCode),
        now,
        spec: terms.spec,
        subjectId: terms.subjectId,
        clockRules: terms.clockRules,
      });
      const summary = await loadSummaryRow(tx, row.id);
      if (!summary) throw new Error('the new case vanished');
      const detail = await loadDetail(deps, tx, summary, principal, await loadFacts(tx, row));
      return { status: 201, body: { ...detail, lookupCode } };
    },
    seal,
    unseal,
  );
}
