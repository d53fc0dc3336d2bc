import { chinaDateOf } from '@yiwang/standards';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { CalendarSource } from '../../cases/calendarSource.ts';
import { computeStored, loadClocks } from '../../cases/clocks.ts';
import type { Actor, AfterAction, CaseRow } from '../../cases/engine.ts';
import { requestSeal } from '../../platform/ca/index.ts';
import type { Tx } from '../../platform/db/transaction.ts';
import {
  legalTemplates,
  renderDocument,
  TemplateParamsError,
  UnprintableCharactersError,
} from '../../platform/documents/index.ts';
import { type FileStore, noScanner, storeFile } from '../../platform/files/index.ts';
import { HttpProblem } from '../../platform/http/problems.ts';
import { type CaseContext, type Clock, DRAFTS, type Draft, SERIES } from './documentDrafts.ts';
import { documentPrefix, loadUnit } from './jurisdiction.ts';

/**
 * The written documents of the licensing process (行政许可法): each action that the law wants told
 * in writing issues its document inside the action's transaction, so the act and its document
 * stand or fall together.
 *
 * | action                                    | template                        | law          |
 * |-------------------------------------------|---------------------------------|--------------|
 * | accept, deem_accept                       | licensing.acceptance 受理通知书   | 第32条       |
 * | request_correction                        | licensing.correction 补正材料通知书 | 第32条    |
 * | reject_not_licensing, reject_not_competent | licensing.refusal_to_accept 不予受理决定书 | 第32条 |
 * | notify_hearing_rights                     | licensing.hearing_notice 听证告知书 | 第47条   |
 * | extend                                    | licensing.extension 延期通知书    | 第42条       |
 * | grant                                     | licensing.grant 准予行政许可决定书 | 第38条、第44条 |
 * | refuse                                    | licensing.refusal 不予行政许可决定书 | 第38条     |
 *
 * The wording is the template version in force on the day of issue; the PDF records
 * `template:<code>@<version>` and the register `issued_document` keeps code, version, number and
 * file. The PDF is a file of the case in the slot `document:<code>`, owned by the person who acted
 * (the applicant for the platform's own acts, a deemed acceptance), so it is listed and downloaded
 * like the materials, under the case's view policy. Each document then waits in its unit's seal
 * queue (platform/ca/sealing): the draft says it is not sealed; once the seal keeper seals it, the
 * same file holds the sealed, signed copy.
 *
 * Choices, each a reading of the law that a department may want to revisit:
 *
 * - Document numbers (GB/T 9704-2012 §7.2.4: 机关代字〔年份〕序号号) are counted per unit, year and
 *   kind of document, without gaps, in `issued_document` (the tracking number's sequence runs per
 *   division and day, so it cannot serve). The 机关代字 is derived: the place's short form (黑, 哈市,
 *   哈道里) + the line's (市监, 公, 政务, …) + 许 + the kind (受, 补, 不受, 听, 延, 准, 不准), e.g.
 *   哈市监许受〔2026〕3号. A unit on a line without a short form uses its unit code
 *   (230100-XYZ许受〔2026〕3号). A real installation would let each unit set its own 代字.
 * - Review body (行政复议法 2023): a department's act goes to the people's government at its level
 *   (第24条第1款第1项: 哈尔滨市人民政府 for 哈尔滨市市场监督管理局, 哈尔滨市道里区人民政府 for a
 *   district's); a vertically led body's (海关, 税务, 国家安全, 金融监管, 外汇管理: 第27条) to the
 *   department one level up on its line; a government's own act to the government one level up
 *   (第24条第1款第2项), a province's to itself (第24条第2款). Documents under the 2017 law (version 1,
 *   issued before 2024) name both bodies of its 第12条.
 * - Court (行政诉讼法第18条第1款: where the agency that acted sits): "<city>有管辖权的人民法院", the
 *   prefecture-level city the unit sits in (the provincial capital for a provincial unit). The basic
 *   court is not named: cross-regional centralised jurisdiction (第18条第2款) may send the case to a
 *   court other than the district's, and naming the wrong court misleads the applicant.
 */

export type DocumentDeps = {
  files: FileStore;
  /** The engine's calendar source: deadlines printed on the notices come from the case's clocks. */
  calendars: CalendarSource;
};

/** The after-action hook of the licence process: issues the action's document, if it has one. */
export function issueLicenceDocuments(deps: DocumentDeps): AfterAction {
  return async (tx, event) => {
    const draft = Object.hasOwn(DRAFTS, event.action) ? DRAFTS[event.action] : undefined;
    if (!draft) return;
    const context = await loadContext(tx, deps, event);
    const made = draft(context);
    if (!made) return;
    await issue(tx, deps, context, made, ownerOf(event.actor, event.row), event.now);
  };
}

function ownerOf(actor: Actor, row: CaseRow): string {
  if (actor.kind === 'person') return actor.principal.userId;
  // The licence process opens cases only for applicants (create.by.applicant).
  if (!row.applicant_user_id) throw new Error(`case ${row.id} has no applicant to own its document`);
  return row.applicant_user_id;
}

async function issue(
  tx: Tx,
  deps: DocumentDeps,
  c: CaseContext,
  draft: Draft,
  ownerUserId: string,
  now: Date,
): Promise<void> {
  const template = legalTemplates.inForceOn(draft.code, c.issuedOn);
  const year = Number(c.issuedOn.slice(0, 4));
  const series = draft.code;
  const number = await nextNumber(tx, c.unit.id, year, series);
  const documentNumber = `${documentPrefix(c.unit)}许${SERIES[draft.code] ?? ''}〔${year}〕${number}号`;
  let pdf: Buffer;
  try {
    pdf = await renderDocument(draft.code, template.version, draft.params, {
      issuingUnit: c.unit.name,
      documentNumber,
      issuedOn: c.issuedOn,
      createdAt: now,
    });
  } catch (error) {
    throw asProblem(error, template.title);
  }
  // Our own output, not an upload: nothing to scan, and the act must not wait on a scanner.
  const stored = await storeFile(
    tx,
    { ...deps.files, scanner: noScanner },
    {
      ownerUserId,
      caseId: c.row.id,
      // storeFile takes material slot names only; the row moves to its document slot at once below.
      purpose: 'document',
      fileName: `${template.title}-${c.row.tracking_number}.pdf`,
      declaredType: 'application/pdf',
      bytes: pdf,
    },
  );
  await tx
    .updateTable('stored_file')
    .set({ purpose: `document:${draft.code}` })
    .where('id', '=', stored.id)
    .execute();
  // Every document of the act goes to its unit's seal keeper; the draft says it is not sealed yet.
  await requestSeal(tx, {
    orgUnitId: c.unit.id,
    fileId: stored.id,
    caseId: c.row.id,
    title: template.title,
    documentNumber,
    draft: pdf,
    render: {
      templateCode: draft.code,
      templateVersion: template.version,
      params: draft.params,
      issuingUnit: c.unit.name,
      documentNumber,
      issuedOn: c.issuedOn,
      createdAt: now.toISOString(),
    },
  });
  await sql`
    INSERT INTO issued_document (id, unit_id, year, series, number, document_number, case_id, action,
                                 file_id, template_code, template_version, issued_on, issued_at)
    VALUES (${uuidv7()}, ${c.unit.id}, ${year}, ${series}, ${number}, ${documentNumber}, ${c.row.id},
            ${c.action}, ${stored.id}, ${template.code}, ${template.version}, ${c.issuedOn}, ${now})`.execute(
    tx,
  );
}

/** The next number of a unit's series in a year: no gaps, one issuer at a time per series. */
async function nextNumber(tx: Tx, unitId: string, year: number, series: string): Promise<number> {
  const key = `issued_document:${unitId}:${year}:${series}`;
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(tx);
  const { rows } = await sql<{ next: number }>`
    SELECT coalesce(max(number), 0)::int + 1 AS next FROM issued_document
    WHERE unit_id = ${unitId} AND year = ${year} AND series = ${series}`.execute(tx);
  return rows[0]?.next ?? 1;
}

/** What staff wrote does not fit the document (too long, a character no font prints): say so, act not. */
function asProblem(error: unknown, title: string): unknown {
  if (error instanceof TemplateParamsError) {
    return new HttpProblem(422, 'document_not_issuable', 'The document cannot be issued', {
      detail: `${title}: ${error.message}`,
      errors: error.issues.map((issue) => ({
        field: fieldOf(issue.path.map(String)),
        code: 'document_params',
        message: issue.message,
      })),
    });
  }
  if (error instanceof UnprintableCharactersError) {
    return new HttpProblem(422, 'document_not_issuable', 'The document cannot be issued', {
      detail: `${title}: ${error.message}`,
    });
  }
  return error;
}

/** The input field a template parameter came from, where one did. */
function fieldOf(path: string[]): string {
  const from: Record<string, string> = {
    missingItems: 'items',
    reasons: 'reason',
    refusal: path[1] === 'rightAgency' ? 'competent_agency' : 'reason',
    interests: 'interested_parties',
    reason: 'reason',
    licence: 'conditions',
  };
  const field = from[path[0] ?? ''];
  return field ? `body.input.${field}` : 'body.input';
}

// ---------------------------------------------------------------------------------------------
// Loading

async function loadContext(
  tx: Tx,
  deps: DocumentDeps,
  event: Parameters<AfterAction>[1],
): Promise<CaseContext> {
  const { row, now } = event;
  const record = await tx
    .selectFrom('case_record as c')
    .leftJoin('app_user as a', 'a.id', 'c.applicant_user_id')
    .leftJoin('service_version as v', 'v.id', 'c.subject_id')
    .select(['c.created_at', 'a.display_name', 'a.kind', 'v.legal_basis', 'v.time_limit'])
    .where('c.id', '=', row.id)
    .executeTakeFirstOrThrow();
  if (!record.display_name) throw new Error(`case ${row.id} has no applicant to address`);
  const unit = await loadUnit(tx, row.owning_unit_id);
  const calendar = await deps.calendars.current(tx);
  const stored = await loadClocks(tx, row.id);
  const clocks = new Map<string, Clock>();
  for (const [code, clock] of stored) {
    clocks.set(code, { ...computeStored(clock, calendar, now), rule: clock.rule });
  }
  const limit = record.time_limit as { joint?: boolean } | null;
  return {
    row,
    action: event.action,
    input: event.input,
    issuedOn: chinaDateOf(now),
    appliedOn: chinaDateOf(record.created_at),
    applicant: {
      name: record.display_name,
      kind: record.kind === 'business' ? 'organisation' : 'person',
    },
    unit,
    service:
      record.legal_basis === null
        ? undefined
        : { legalBasis: record.legal_basis, joint: limit?.joint === true },
    clock: (code) => clocks.get(code),
  };
}
