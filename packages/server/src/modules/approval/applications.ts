import type { CreateCase } from '@yiwang/contracts';
import type { FastifyRequest } from 'fastify';
import { type CreateFlowDeps, type OpeningTerms, openCaseFor } from '../../cases/create.ts';
import type { Principal } from '../../platform/access/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { ValidationProblem } from '../../platform/http/problems.ts';
import { validateApplicationForm } from './catalogue/formSchema.ts';
import { findVersion, type VersionRow } from './catalogue/queries.ts';
import { licenceProcess } from './process.ts';

/**
 * What a licence case is fixed to by the service version it applies for: the version's legal
 * limit and basis, its committed limit (a second clock, left out when there is none), the
 * extension its law allows, its materials and its optional steps.
 */
export function openingTerms(version: VersionRow): OpeningTerms {
  const limit = version.time_limit;
  return {
    subjectId: version.id,
    spec: {
      flags: {
        hearing_rights: version.hearing_rights,
        four_eyes: version.four_eyes,
        substantive_check: version.substantive_check,
      },
      materials: Object.fromEntries(
        // jsonb keeps no key order: the service's order of materials travels with each slot.
        version.materials.map((m, order) => [
          m.slot,
          {
            zh: m.name.zh,
            en: m.name.en,
            required: m.required,
            formats: [...m.formats],
            maxBytes: m.maxBytes,
            order,
          },
        ]),
      ),
      extendBy: { decision: limit.extendBy, committed: limit.extendBy },
    },
    clockRules: {
      decision: { limit: limit.limit, unit: limit.unit, basis: limit.basis },
      committed: version.committed_days
        ? { limit: version.committed_days, unit: 'working_days', basis: '本部门承诺办结时限' }
        : null,
    },
    checkForm: (form) => ({
      values: form,
      errors: validateApplicationForm(version.form_schema, form, version.id),
    }),
  };
}

/** An applicant submits a service's form: a licence case under the published version, and the draft goes. */
export async function submitApplication(
  deps: CreateFlowDeps,
  db: Db,
  request: FastifyRequest,
  principal: Principal,
  body: { serviceId: string; form: Record<string, unknown> },
  idempotencyKey: string | undefined,
) {
  const version = await findVersion(db, body.serviceId);
  if (!version || version.retired_at !== null) {
    throw new ValidationProblem([
      { field: 'body.serviceId', code: 'service_not_offered', message: 'this service is not offered' },
    ]);
  }
  const opening: CreateCase = {
    process: licenceProcess.code,
    unitId: version.owning_unit_id,
    title: version.name_zh,
    form: body.form,
  };
  const result = await openCaseFor(deps, db, request, principal, {
    def: licenceProcess,
    body: opening,
    idempotencyKey,
    terms: openingTerms(version),
  });
  if (!result.replayed) {
    await inTransaction(db, request.actor, (tx) =>
      tx
        .deleteFrom('application_draft')
        .where('user_id', '=', principal.userId)
        .where('service_id', '=', body.serviceId)
        .execute(),
    );
  }
  return result;
}

/** A draft is any object of at most 64 KiB: the form is checked when it is submitted, not before. */
export async function saveDraft(
  db: Db,
  request: FastifyRequest,
  principal: Principal,
  serviceId: string,
  form: Record<string, unknown>,
) {
  const service = await db.selectFrom('service').select('id').where('id', '=', serviceId).executeTakeFirst();
  if (!service)
    throw new ValidationProblem([
      { field: 'params.serviceId', code: 'service_not_offered', message: 'no such service' },
    ]);
  const now = new Date();
  await inTransaction(db, request.actor, (tx) =>
    tx
      .insertInto('application_draft')
      .values({
        user_id: principal.userId,
        service_id: serviceId,
        form: JSON.stringify(form),
        updated_at: now,
      })
      .onConflict((oc) =>
        oc.columns(['user_id', 'service_id']).doUpdateSet({ form: JSON.stringify(form), updated_at: now }),
      )
      .execute(),
  );
  return { serviceId, form, updatedAt: now.toISOString() };
}
