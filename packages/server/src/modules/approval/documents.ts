import { type ClockResult, type ClockRule, chinaDateOf } from '@yiwang/standards';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { CalendarSource } from '../../cases/calendarSource.ts';
import { computeStored, loadClocks } from '../../cases/clocks.ts';
import type { Actor, AfterAction, CaseRow } from '../../cases/engine.ts';
import type { Tx } from '../../platform/db/transaction.ts';
import {
  legalTemplates,
  renderDocument,
  TemplateParamsError,
  UnprintableCharactersError,
} from '../../platform/documents/index.ts';
import { type FileStore, noScanner, storeFile } from '../../platform/files/index.ts';
import { HttpProblem } from '../../platform/http/problems.ts';

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
 * like the materials, under the case's view policy. It is not sealed yet: the page says so until
 * electronic seals (CA) arrive.
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

type Input = Record<string, unknown>;

type Clock = ClockResult & { rule: ClockRule };

/** What a document is written from: the case, its applicant and unit, its clocks. */
type CaseContext = {
  row: CaseRow;
  action: string;
  input: Input;
  issuedOn: string;
  appliedOn: string;
  applicant: { name: string; kind: 'person' | 'organisation' };
  unit: UnitPlace;
  service: { legalBasis: string; joint: boolean } | undefined;
  clock(code: string): Clock | undefined;
};

type Draft = { code: string; params: Record<string, unknown> };

/** The kind of each document in its number: 哈市监许受〔2026〕3号 is an acceptance notice. */
const SERIES: Record<string, string> = {
  'licensing.acceptance': '受',
  'licensing.correction': '补',
  'licensing.refusal_to_accept': '不受',
  'licensing.hearing_notice': '听',
  'licensing.extension': '延',
  'licensing.grant': '准',
  'licensing.refusal': '不准',
};

const DRAFTS: Record<string, (c: CaseContext) => Draft | undefined> = {
  accept: acceptance,
  deem_accept: acceptance,
  request_correction: (c) => ({
    code: 'licensing.correction',
    params: {
      ...application(c),
      receivedOn: c.row.received_on,
      missingItems: splitItems(text(c.input.items)).map((item) => ({ item })),
    },
  }),
  reject_not_licensing: (c) => refusalToAccept(c, { ground: 'not_licensing_matter' }),
  reject_not_competent: (c) =>
    refusalToAccept(c, { ground: 'not_our_power', rightAgency: text(c.input.competent_agency) }),
  notify_hearing_rights: hearingNotice,
  extend: extension,
  grant: (c) => ({
    code: 'licensing.grant',
    params: {
      ...decided(c),
      licence: {
        name: licenceName(c.row.title),
        ...(text(c.input.conditions) ? { scope: text(c.input.conditions) } : {}),
      },
      issueDays: c.clock('issue')?.rule.limit ?? 10,
    },
  }),
  refuse: (c) => ({
    code: 'licensing.refusal',
    params: { ...decided(c), reasons: splitItems(text(c.input.reason)), ...remedies(c.unit) },
  }),
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
// The documents' parameters

function application(c: CaseContext) {
  return {
    applicant: c.applicant,
    serviceName: c.row.title,
    trackingNumber: c.row.tracking_number,
    appliedOn: c.appliedOn,
  };
}

/** The day the case was accepted: the decision clock's first day, for a deemed one the day of receipt. */
function acceptedOn(c: CaseContext): string {
  if (c.action === 'deem_accept') return c.row.received_on;
  return c.clock('decision')?.startDay ?? c.issuedOn;
}

function acceptance(c: CaseContext): Draft {
  const decision = c.clock('decision');
  return {
    code: 'licensing.acceptance',
    params: {
      ...application(c),
      acceptedOn: acceptedOn(c),
      ...(decision
        ? {
            decisionDays: decision.rule.limit,
            ...(ownLaw(decision.rule.basis) ? { decisionBasis: citation(decision.rule.basis) } : {}),
            ...(decision.dueDay ? { decisionDue: decision.dueDay } : {}),
          }
        : {}),
    },
  };
}

function refusalToAccept(
  c: CaseContext,
  refusal: { ground: 'not_licensing_matter' } | { ground: 'not_our_power'; rightAgency: string },
): Draft {
  const explanation = text(c.input.reason);
  return {
    code: 'licensing.refusal_to_accept',
    params: {
      ...application(c),
      refusal: { ...refusal, ...(explanation ? { explanation } : {}) },
      ...remedies(c.unit),
    },
  };
}

function hearingNotice(c: CaseContext): Draft {
  const requestBy = c.clock('hearing_request')?.dueDay;
  if (!requestBy) throw new Error(`case ${c.row.id}: the hearing request clock has no last day`);
  const parties = splitItems(text(c.input.interested_parties).replace(/[、，,]/g, '\n'));
  return {
    code: 'licensing.hearing_notice',
    params: {
      ...application(c),
      recipient: { role: 'applicant' },
      interests: `利害关系人为${parties.join('、')}`,
      requestBy,
    },
  };
}

/** 行政许可法第42条. An extension granted after the period ended is not applied (the clock records it for supervision): nothing to tell. */
function extension(c: CaseContext): Draft | undefined {
  const decision = c.clock('decision');
  const last = decision?.extensions.at(-1);
  if (!decision?.dueDay || !last?.inTime) return undefined;
  const general = /行政许可法/.test(decision.rule.basis) && decision.rule.limit === 20 && last.by <= 10;
  const basis = c.service?.joint
    ? { basis: '《中华人民共和国行政许可法》第四十二条第二款', approvedBy: '本级人民政府负责人' }
    : general
      ? {}
      : { basis: citation(decision.rule.basis) };
  return {
    code: 'licensing.extension',
    params: {
      ...application(c),
      acceptedOn: acceptedOn(c),
      decisionDays: decision.rule.limit,
      extensionDays: last.by,
      ...basis,
      reason: text(c.input.reason),
      decideBy: decision.dueDay,
    },
  };
}

function decided(c: CaseContext) {
  const serviceBasis = c.service ? lawsCited(c.service.legalBasis) : undefined;
  return { ...application(c), acceptedOn: acceptedOn(c), ...(serviceBasis ? { serviceBasis } : {}) };
}

/** 食品经营许可 → 食品经营许可证; a service not named …许可 gets the law's general words (第39条). */
export function licenceName(serviceName: string): string {
  const name = serviceName.replace(/（[^）]*）$/, '');
  return name.endsWith('许可') ? `${name}证` : '行政许可证件';
}

/** A period's basis is its service's own law, not the Licensing Law's general 20 days. */
function ownLaw(basis: string): boolean {
  return !/行政许可法/.test(basis);
}

/** A basis as a citation: what comes before the quoted text, at most 200 characters. */
function citation(basis: string): string {
  return (basis.split(/[：:\n]/)[0] ?? basis).trim().slice(0, 200);
}

/** The laws a service's legal basis cites, with their articles: 《食品安全法》第三十五条、《…办法》. */
export function lawsCited(legalBasis: string): string | undefined {
  const found = new Set<string>();
  for (const m of legalBasis.matchAll(
    /《[^》]{1,60}》(?:第[一二三四五六七八九十百零〇]+条(?:第[一二三四五六七八九十]+款)?)?/g,
  )) {
    found.add(m[0]);
  }
  let cited = '';
  for (const law of found) {
    const next = cited ? `${cited}、${law}` : law;
    if (next.length > 200) break;
    cited = next;
  }
  return cited || undefined;
}

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

const NUMERAL = String.raw`(?:\d{1,2}|[一二三四五六七八九十]{1,3})`;
const MARKER = String.raw`(?:${NUMERAL}[.、．)）](?!\d)|[（(]${NUMERAL}[)）]|[①-⑳])`;
const LEADING = new RegExp(`^(?:${MARKER}|[-•·*])\\s*`);
const INLINE = new RegExp(`\\s+(?=${MARKER})`);

/**
 * Staff's list as items: one per line or per ；, inline numbers ("1. … 2. …") split too, their
 * numbering and closing marks taken off (the document numbers them again).
 */
export function splitItems(list: string): string[] {
  const items = list
    .split(/\r?\n|[；;]/)
    .flatMap((line) => line.split(INLINE))
    .map((item) =>
      item
        .trim()
        .replace(LEADING, '')
        .replace(/[。；;.，,、\s]+$/, '')
        .trim(),
    )
    .filter((item) => item.length > 0);
  return items.length > 0 || list.trim() === '' ? items : [list.trim()];
}

// ---------------------------------------------------------------------------------------------
// The unit: its name, its place, where review and suit go

export type UnitPlace = {
  id: string;
  code: string;
  kind: 'division' | 'department';
  name: string;
  /** The unit one level up on its line (条), for vertically led bodies. */
  lineParentName: string | null;
  /** The unit's division and the divisions above it, by GB/T 2260 code. */
  division: string;
  places: ReadonlyMap<string, string>;
};

const VERTICAL = /海关|税务|国家安全|金融监督管理|外汇管理/;

const provinceOf = (code: string) => `${code.slice(0, 2)}0000`;
const prefectureOf = (code: string) => `${code.slice(0, 4)}00`;
/** GB/T 2260 numbers every provincial capital xx01. */
const capitalOf = (code: string) => `${code.slice(0, 2)}0100`;
const levelOf = (code: string) =>
  code.endsWith('0000') ? 'province' : code.endsWith('00') ? 'prefecture' : 'county';

/** The place's name as a government writes it: 黑龙江省, 哈尔滨市, 哈尔滨市道里区, 依兰县. */
function placeName(u: UnitPlace, code: string): string {
  const name = u.places.get(code) ?? code;
  if (levelOf(code) !== 'county' || !name.endsWith('区')) return name;
  const city = u.places.get(prefectureOf(code));
  return city?.endsWith('市') ? `${city}${name}` : name;
}

function governmentOf(u: UnitPlace, code: string): string {
  const name = placeName(u, code);
  return name.endsWith('地区') ? `${name}行政公署` : `${name}人民政府`;
}

/** 行政复议法（2023）第24条、第27条: see the header. */
export function reviewBodyOf(u: UnitPlace): string {
  if (u.kind === 'division') {
    const level = levelOf(u.division);
    if (level === 'province') return governmentOf(u, u.division);
    return governmentOf(u, level === 'prefecture' ? provinceOf(u.division) : prefectureOf(u.division));
  }
  if (VERTICAL.test(u.name)) return u.lineParentName ?? '上一级主管部门';
  return governmentOf(u, u.division);
}

/** 行政诉讼法第18条: the courts of the city where the unit sits; see the header. */
export function courtOf(u: UnitPlace): string {
  const level = levelOf(u.division);
  const seat =
    level === 'province'
      ? capitalOf(u.division)
      : level === 'prefecture'
        ? u.division
        : prefectureOf(u.division);
  const city = u.places.get(seat) ?? u.places.get(u.division) ?? u.name;
  return `${city}有管辖权的人民法院`;
}

/** Both versions' parameters: v2 (2023 law) reads reviewBody, v1 (2017 law, 第12条) reviewBodies. */
function remedies(u: UnitPlace) {
  const reviewBody = reviewBodyOf(u);
  const both =
    u.kind === 'department' && u.lineParentName && u.lineParentName !== reviewBody
      ? [reviewBody, u.lineParentName]
      : [reviewBody];
  return { reviewBody, reviewBodies: both, court: courtOf(u) };
}

/** Short forms of the demo lines (org seed: 230100-SCJG): 市场监督管理 → 市监. */
const LINE_SHORT: Record<string, string> = {
  SCJG: '市监',
  GA: '公',
  ZWFW: '政务',
  XF: '信访',
  SJ: '审',
  TJ: '统',
  YJ: '应急',
  DA: '档',
};

/** 黑, 哈市, 哈道里, 哈依兰: the place as 机关代字 shorten it. */
function placeShort(u: UnitPlace, code: string): string {
  const name = u.places.get(code) ?? code;
  const level = levelOf(code);
  if (level === 'province') return name.slice(0, 1);
  if (level === 'prefecture') return name.endsWith('市') ? `${name.slice(0, 1)}市` : name.slice(0, 1);
  const city = u.places.get(prefectureOf(code)) ?? '';
  return `${city.slice(0, 1)}${name.replace(/(自治县|区|县|市|旗)$/, '')}`;
}

/** The 机关代字 before 许: 哈市监 for 哈尔滨市市场监督管理局; the unit code where no short form is known. */
export function documentPrefix(u: UnitPlace): string {
  if (u.kind === 'division') return `${placeShort(u, u.division)}政`;
  const line = LINE_SHORT[u.code.split('-')[1] ?? ''];
  if (!line) return u.code;
  const place = placeShort(u, u.division);
  // 哈市 + 市监 → 哈市监: one 市 serves the city and 市场 (黑 + 市监 → 黑市监).
  return place.endsWith('市') && line.startsWith('市') ? `${place}${line.slice(1)}` : `${place}${line}`;
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

async function loadUnit(tx: Tx, unitId: string): Promise<UnitPlace> {
  const unit = await tx
    .selectFrom('org_unit as u')
    .leftJoin('org_unit as l', 'l.id', 'u.line_parent_id')
    .select(['u.id', 'u.code', 'u.kind', 'u.name_zh', 'u.division_code', 'l.name_zh as line_parent'])
    .where('u.id', '=', unitId)
    .executeTakeFirstOrThrow();
  const d = unit.division_code;
  const codes = [...new Set([d, prefectureOf(d), provinceOf(d), capitalOf(d)])];
  const places = await tx
    .selectFrom('org_unit')
    .select(['code', 'name_zh'])
    .where('kind', '=', 'division')
    .where('code', 'in', codes)
    .execute();
  return {
    id: unit.id,
    code: unit.code,
    kind: unit.kind as 'division' | 'department',
    name: unit.name_zh,
    lineParentName: unit.line_parent,
    division: d,
    places: new Map(places.map((p) => [p.code, p.name_zh])),
  };
}
