import type { CreateOrgUnit, MergeOrgUnit, OrgUnit, RenameOrgUnit, RetireOrgUnit } from '@yiwang/contracts';
import { findDivision, validateCreditCode } from '@yiwang/standards';
import { v7 as uuidv7 } from 'uuid';
import type { Tx } from '../../platform/db/transaction.ts';
import { ConflictProblem, NotFoundProblem, ValidationProblem } from '../../platform/http/problems.ts';
import { activeChildren, findUnit, moveChildren, type UnitRow } from './queries.ts';

export function presentUnit(u: UnitRow): OrgUnit {
  return {
    id: u.id,
    code: u.code,
    kind: u.kind,
    name: { zh: u.name_zh, en: u.name_en },
    divisionCode: u.division_code,
    territorialParentId: u.territorial_parent_id,
    lineParentId: u.line_parent_id,
    creditCode: u.credit_code,
    establishedOn: u.established_on,
    retiredOn: u.retired_on,
    successorId: u.successor_id,
    childCount: u.child_count,
  };
}

export async function loadActiveUnit(tx: Tx, id: string, field = 'id'): Promise<UnitRow> {
  const unit = await findUnit(tx, id);
  if (!unit) throw new NotFoundProblem(`no organisation unit ${id}`);
  if (unit.retired_on)
    throw new ConflictProblem('unit_retired', `${field}: the unit was retired on ${unit.retired_on}`);
  return unit;
}

/** A department inside a division, optionally on the line of a department one level up. */
export async function addDepartment(tx: Tx, input: CreateOrgUnit): Promise<UnitRow> {
  if (!findDivision(input.divisionCode)) {
    throw new ValidationProblem([
      { field: 'body.divisionCode', code: 'unknown_division', message: 'not a current division' },
    ]);
  }
  if (input.creditCode && !validateCreditCode(input.creditCode).ok) {
    throw new ValidationProblem([
      { field: 'body.creditCode', code: 'invalid_credit_code', message: 'fails GB 32100' },
    ]);
  }
  const division = await tx
    .selectFrom('org_unit')
    .select(['id', 'territorial_path'])
    .where('code', '=', input.divisionCode)
    .executeTakeFirst();
  if (!division) throw new NotFoundProblem(`division ${input.divisionCode} is not in the org tree`);
  const lineParent = input.lineParentId
    ? await loadActiveUnit(tx, input.lineParentId, 'body.lineParentId')
    : undefined;
  const id = uuidv7();
  await tx
    .insertInto('org_unit')
    .values({
      id,
      code: input.code,
      kind: 'department',
      name_zh: input.nameZh,
      name_en: input.nameEn,
      division_code: input.divisionCode,
      territorial_parent_id: division.id,
      line_parent_id: lineParent?.id ?? null,
      territorial_path: `${division.territorial_path}${id}/`,
      line_path: `${lineParent?.line_path ?? '/'}${id}/`,
      credit_code: input.creditCode,
      established_on: input.establishedOn,
      retired_on: null,
      successor_id: null,
    })
    .execute();
  return (await findUnit(tx, id)) as UnitRow;
}

/** The old name is kept with the dates it was valid, so old records still read right. */
export async function renameUnit(tx: Tx, id: string, input: RenameOrgUnit): Promise<UnitRow> {
  const unit = await loadActiveUnit(tx, id);
  const previous = await tx
    .selectFrom('org_unit_name')
    .select('valid_from')
    .where('unit_id', '=', id)
    .orderBy('valid_from', 'desc')
    .executeTakeFirst();
  await tx
    .insertInto('org_unit_name')
    .values({
      id: uuidv7(),
      unit_id: id,
      name_zh: unit.name_zh,
      name_en: unit.name_en,
      valid_from: previous?.valid_from ?? unit.established_on,
      valid_to: input.effectiveOn,
      reason: input.reason,
    })
    .execute();
  await tx
    .updateTable('org_unit')
    .set({ name_zh: input.nameZh, name_en: input.nameEn })
    .where('id', '=', id)
    .execute();
  return (await findUnit(tx, id)) as UnitRow;
}

export async function retireUnit(tx: Tx, id: string, input: RetireOrgUnit): Promise<UnitRow> {
  const unit = await loadActiveUnit(tx, id);
  const successor = input.successorId
    ? await loadActiveUnit(tx, input.successorId, 'body.successorId')
    : undefined;
  if (successor?.id === unit.id)
    throw new ConflictProblem('successor_is_self', 'a unit cannot succeed itself');
  if (!successor && (await activeChildren(tx, unit.id)) > 0) {
    throw new ConflictProblem(
      'unit_has_children',
      'retire or move its units first, or merge it into another',
    );
  }
  if (successor) await moveChildren(tx, unit, successor);
  await tx
    .updateTable('org_unit')
    .set({ retired_on: input.effectiveOn, successor_id: successor?.id ?? null })
    .where('id', '=', id)
    .execute();
  return (await findUnit(tx, id)) as UnitRow;
}

/** A merge retires the unit with the other as its successor, and its units move across. */
export function mergeUnit(tx: Tx, id: string, input: MergeOrgUnit): Promise<UnitRow> {
  return retireUnit(tx, id, {
    effectiveOn: input.effectiveOn,
    successorId: input.intoId,
    reason: input.reason,
  });
}
