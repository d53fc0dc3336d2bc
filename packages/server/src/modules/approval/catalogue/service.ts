import type { CreateService, FieldError, ServiceVersionInput } from '@yiwang/contracts';
import { findDivision } from '@yiwang/standards';
import { v7 as uuidv7 } from 'uuid';
import type { ServiceFeeColumn, ServiceTimeLimitColumn } from '../../../platform/db/tables/services.ts';
import type { Tx } from '../../../platform/db/transaction.ts';
import { ConflictProblem, NotFoundProblem, ValidationProblem } from '../../../platform/http/problems.ts';
import { indexWords } from '../../../platform/search/query.ts';
import { checkFormSchema, checkUiSchema, forgetApplicationForm } from './formSchema.ts';
import {
  type DivisionScope,
  findService,
  findUnitPlace,
  findVersion,
  latestVersion,
  type ServiceRow,
  type VersionRow,
} from './queries.ts';

/** 行政许可法第42条: 20 working days, +10 with the agency head's approval. */
export const DEFAULT_TIME_LIMIT = {
  limit: 20,
  extendBy: 10,
  basis: '《中华人民共和国行政许可法》第四十二条第一款',
} as const;
/** Joint or centralised handling (第26条): 45 working days, +15 with the government head's approval (第42条第二款). */
export const JOINT_TIME_LIMIT = {
  limit: 45,
  extendBy: 15,
  basis: '《中华人民共和国行政许可法》第二十六条、第四十二条第二款',
} as const;
/** What the guide says when a service charges nothing. */
export const NO_FEE_BASIS =
  '不收费。《中华人民共和国行政许可法》第五十八条：行政机关实施行政许可和对行政许可事项进行监督检查，不得收取任何费用；法律、行政法规另有规定的，依照其规定。';

type UnitPlaceRow = { code: string; division_code: string };

/** The time limit a version stores: the law's default unless the administrator names another. */
export function resolveTimeLimit(
  input: ServiceVersionInput['timeLimit'],
  errors: FieldError[],
): ServiceTimeLimitColumn {
  const fallback = input.joint ? JOINT_TIME_LIMIT : DEFAULT_TIME_LIMIT;
  const limit = input.limit ?? fallback.limit;
  if (limit !== fallback.limit && !input.basis) {
    errors.push({
      field: 'body.timeLimit.basis',
      code: 'required',
      message: `a limit other than the Licensing Law's ${fallback.limit} working days needs the article that sets it`,
    });
  }
  return {
    limit,
    unit: 'working_days',
    basis: input.basis ?? fallback.basis,
    extendBy: input.extendBy ?? (limit === fallback.limit ? fallback.extendBy : 0),
    joint: input.joint,
  };
}

/** Whether `code` is the division itself or lies beneath it in GB/T 2260. */
function withinDivision(code: string, ancestor: string): boolean {
  for (let d = findDivision(code); d; d = d.parent ? findDivision(d.parent) : undefined) {
    if (d.code === ancestor) return true;
  }
  return false;
}

export function divisionScope(code: string): DivisionScope {
  const selfAndAbove: string[] = [];
  for (let d = findDivision(code); d; d = d.parent ? findDivision(d.parent) : undefined)
    selfAndAbove.push(d.code);
  if (selfAndAbove.length === 0) selfAndAbove.push(code);
  const belowPrefix = code.endsWith('0000')
    ? code.slice(0, 2)
    : code.endsWith('00')
      ? code.slice(0, 4)
      : null;
  return { selfAndAbove, belowPrefix };
}

type CheckedContent = {
  timeLimit: ServiceTimeLimitColumn;
  fee: ServiceFeeColumn | null;
  divisionCodes: string[];
};

/**
 * The rules a version's content must keep before it is stored. Each broken rule names its field:
 * a committed limit beyond the legal one, a fee without the law that sets it (第58条), a form
 * schema that does not compile, a place outside the owning unit's territory.
 */
export function checkContent(input: ServiceVersionInput, unit: UnitPlaceRow): CheckedContent {
  const errors: FieldError[] = [];
  const timeLimit = resolveTimeLimit(input.timeLimit, errors);
  if (input.committedDays !== null) {
    if (input.committedDays > timeLimit.limit) {
      errors.push({
        field: 'body.committedDays',
        code: 'exceeds_legal_limit',
        message: `the committed limit may not exceed the legal limit of ${timeLimit.limit} working days`,
        params: { maximum: timeLimit.limit },
      });
    } else if (input.committedDays === 0 && !input.onTheSpot) {
      errors.push({
        field: 'body.committedDays',
        code: 'zero_needs_on_the_spot',
        message: 'a committed limit of 0 days means the service is decided on the spot (onTheSpot)',
      });
    }
  }
  let fee: ServiceFeeColumn | null = null;
  if (input.fee) {
    const basis = input.fee.basis?.trim() ?? '';
    if (basis.length < 4) {
      errors.push({
        field: 'body.fee.basis',
        code: 'fee_needs_legal_basis',
        message:
          '行政许可法第58条: no fee unless a law or administrative regulation sets one; name the article that does',
      });
    } else fee = { amount_yuan: input.fee.amountYuan, basis };
  }
  const slots = new Set<string>();
  input.materials.forEach((m, i) => {
    if (slots.has(m.slot))
      errors.push({ field: `body.materials.${i}.slot`, code: 'duplicate_slot', message: 'each slot once' });
    slots.add(m.slot);
  });
  const divisionCodes = input.divisionCodes.length > 0 ? input.divisionCodes : [unit.division_code];
  input.divisionCodes.forEach((code, i) => {
    if (!findDivision(code)) {
      errors.push({
        field: `body.divisionCodes.${i}`,
        code: 'unknown_division',
        message: 'not a current division',
      });
    } else if (!withinDivision(code, unit.division_code)) {
      errors.push({
        field: `body.divisionCodes.${i}`,
        code: 'outside_unit_territory',
        message: `the owning unit ${unit.code} does not serve ${code}`,
      });
    }
  });
  errors.push(...checkFormSchema(input.formSchema), ...checkUiSchema(input.uiSchema));
  if (errors.length > 0) throw new ValidationProblem(errors);
  return { timeLimit, fee, divisionCodes };
}

function columnsOf(input: ServiceVersionInput, checked: CheckedContent, unitNameZh: string) {
  return {
    name_zh: input.name.zh,
    name_en: input.name.en,
    category: input.category,
    legal_basis: input.legalBasis,
    conditions: input.conditions,
    materials: JSON.stringify(input.materials),
    form_schema: JSON.stringify(input.formSchema),
    ui_schema: JSON.stringify(input.uiSchema),
    time_limit: JSON.stringify(checked.timeLimit),
    committed_days: input.committedDays,
    on_the_spot: input.onTheSpot,
    fee: checked.fee ? JSON.stringify(checked.fee) : null,
    division_codes: checked.divisionCodes,
    contact: input.contact,
    themes: input.themes,
    life_events: input.lifeEvents,
    hearing_rights: input.hearingRights,
    four_eyes: input.fourEyes,
    substantive_check: input.substantiveCheck,
    search_words: indexWords(
      input.name.zh,
      input.name.en,
      input.category,
      unitNameZh,
      ...input.themes,
      ...input.lifeEvents,
      input.legalBasis,
    ),
  };
}

async function unitName(tx: Tx, unitId: string): Promise<string> {
  const row = await tx
    .selectFrom('org_unit')
    .select('name_zh')
    .where('id', '=', unitId)
    .executeTakeFirstOrThrow();
  return row.name_zh;
}

/** A unit services may belong to: an active department. */
export async function loadOwningUnit(tx: Tx, unitId: string) {
  const unit = await findUnitPlace(tx, unitId);
  if (!unit) {
    throw new ValidationProblem([{ field: 'body.unitId', code: 'unknown_unit', message: 'no such unit' }]);
  }
  if (unit.kind !== 'department') {
    throw new ValidationProblem([
      { field: 'body.unitId', code: 'not_a_department', message: 'services belong to departments' },
    ]);
  }
  if (unit.retired_on)
    throw new ConflictProblem('unit_retired', `body.unitId: retired on ${unit.retired_on}`);
  return unit;
}

/** A new service and its first version, a draft. */
export async function createService(
  tx: Tx,
  userId: string | null,
  input: CreateService,
): Promise<VersionRow> {
  const unit = await loadOwningUnit(tx, input.unitId);
  if (!input.code.startsWith(`${unit.code}-`)) {
    throw new ValidationProblem([
      {
        field: 'body.code',
        code: 'code_not_of_unit',
        message: `a service code starts with its owning unit's code (${unit.code}-)`,
      },
    ]);
  }
  const checked = checkContent(input, unit);
  const taken = await tx.selectFrom('service').select('id').where('code', '=', input.code).executeTakeFirst();
  if (taken) throw new ConflictProblem('service_code_taken', `a service ${input.code} exists`);
  const id = uuidv7();
  await tx
    .insertInto('service')
    .values({ id, code: input.code, owning_unit_id: unit.id, retired_at: null })
    .execute();
  const versionId = uuidv7();
  await tx
    .insertInto('service_version')
    .values({
      id: versionId,
      service_id: id,
      version: 1,
      status: 'draft',
      ...columnsOf(input, checked, await unitName(tx, unit.id)),
      created_by: userId,
      updated_at: new Date(),
      published_at: null,
      published_by: null,
      superseded_at: null,
    })
    .execute();
  return (await findVersion(tx, id, 1)) as VersionRow;
}

/** The service, locked so that its versions change one at a time; 404 when there is none. */
export async function lockService(tx: Tx, serviceId: string): Promise<ServiceRow> {
  const service = await findService(tx, serviceId, true);
  if (!service) throw new NotFoundProblem(`no service ${serviceId}`);
  return service;
}

function assertOpen(service: ServiceRow) {
  if (service.retired_at) throw new ConflictProblem('service_retired', 'the service was retired');
  if (service.retired_on)
    throw new ConflictProblem('unit_retired', `its unit was retired on ${service.retired_on}`);
}

/** Editing starts here: a new draft copied from the newest version. One draft at a time. */
export async function newDraft(tx: Tx, service: ServiceRow, userId: string): Promise<VersionRow> {
  assertOpen(service);
  const latest = await latestVersion(tx, service.id);
  if (!latest) throw new NotFoundProblem('the service has no version');
  if (latest.status === 'draft') {
    throw new ConflictProblem('draft_exists', `version ${latest.version} is a draft: edit that one`);
  }
  const id = uuidv7();
  await tx
    .insertInto('service_version')
    .values({
      id,
      service_id: service.id,
      version: latest.version + 1,
      status: 'draft',
      name_zh: latest.name_zh,
      name_en: latest.name_en,
      category: latest.category,
      legal_basis: latest.legal_basis,
      conditions: latest.conditions,
      materials: JSON.stringify(latest.materials),
      form_schema: JSON.stringify(latest.form_schema),
      ui_schema: JSON.stringify(latest.ui_schema),
      time_limit: JSON.stringify(latest.time_limit),
      committed_days: latest.committed_days,
      on_the_spot: latest.on_the_spot,
      fee: latest.fee ? JSON.stringify(latest.fee) : null,
      division_codes: latest.division_codes,
      contact: latest.contact,
      themes: latest.themes,
      life_events: latest.life_events,
      hearing_rights: latest.hearing_rights,
      four_eyes: latest.four_eyes,
      substantive_check: latest.substantive_check,
      search_words: (
        await tx
          .selectFrom('service_version')
          .select('search_words')
          .where('id', '=', latest.id)
          .executeTakeFirstOrThrow()
      ).search_words,
      created_by: userId,
      updated_at: new Date(),
      published_at: null,
      published_by: null,
      superseded_at: null,
    })
    .execute();
  return (await findVersion(tx, service.id, latest.version + 1)) as VersionRow;
}

async function loadDraft(tx: Tx, service: ServiceRow, version: number): Promise<VersionRow> {
  const row = await findVersion(tx, service.id, version);
  if (!row) throw new NotFoundProblem(`service ${service.code} has no version ${version}`);
  if (row.status !== 'draft') {
    throw new ConflictProblem(
      'version_published',
      `version ${version} was published and is never changed: start a new draft (POST …/versions)`,
    );
  }
  return row;
}

/** A draft's content is replaced; a published or superseded version is a 409. */
export async function updateDraft(
  tx: Tx,
  service: ServiceRow,
  version: number,
  input: ServiceVersionInput,
): Promise<VersionRow> {
  assertOpen(service);
  const draft = await loadDraft(tx, service, version);
  const checked = checkContent(input, { code: service.unit_code, division_code: service.division_code });
  await tx
    .updateTable('service_version')
    .set({ ...columnsOf(input, checked, await unitName(tx, service.owning_unit_id)), updated_at: new Date() })
    .where('id', '=', draft.id)
    .execute();
  forgetApplicationForm(draft.id);
  return (await findVersion(tx, service.id, version)) as VersionRow;
}

/** The draft becomes the published version; the one published before is superseded, unchanged. */
export async function publishDraft(
  tx: Tx,
  service: ServiceRow,
  version: number,
  userId: string | null,
): Promise<VersionRow> {
  assertOpen(service);
  const draft = await loadDraft(tx, service, version);
  // Saved drafts were checked; the form is checked again, so nothing uncompilable is ever published.
  const formErrors = checkFormSchema(draft.form_schema);
  if (formErrors.length > 0) throw new ValidationProblem(formErrors);
  const now = new Date();
  await tx
    .updateTable('service_version')
    .set({ status: 'superseded', superseded_at: now })
    .where('service_id', '=', service.id)
    .where('status', '=', 'published')
    .execute();
  await tx
    .updateTable('service_version')
    .set({ status: 'published', published_at: now, published_by: userId })
    .where('id', '=', draft.id)
    .execute();
  forgetApplicationForm(draft.id);
  return (await findVersion(tx, service.id, version)) as VersionRow;
}
