import type { ServiceSummary, ServiceVersion } from '@yiwang/contracts';
import { findDivision } from '@yiwang/standards';
import type { ServiceFeeColumn } from '../../../platform/db/tables/services.ts';
import { type HighlightPart, highlight } from '../../../platform/search/query.ts';
import type { VersionRow } from './queries.ts';
import { NO_FEE_BASIS } from './service.ts';

/** Service versions as the API shows them: the guide and the list entry. */

const divisionsOf = (codes: string[]) =>
  codes.map((code) => ({ code, name: findDivision(code)?.name ?? code }));

export function presentFee(fee: ServiceFeeColumn | null): ServiceVersion['fee'] {
  return fee
    ? { charged: true, amountYuan: Number(fee.amount_yuan), basis: fee.basis }
    : { charged: false, amountYuan: null, basis: NO_FEE_BASIS };
}

/** A version as the guide (办事指南) and the administrator see it. */
export function presentVersion(row: VersionRow): ServiceVersion {
  return {
    id: row.id,
    serviceId: row.service_id,
    code: row.code,
    version: row.version,
    status: row.status,
    owningUnit: {
      id: row.owning_unit_id,
      code: row.unit_code,
      name: { zh: row.unit_name_zh, en: row.unit_name_en },
    },
    name: { zh: row.name_zh, en: row.name_en },
    category: row.category,
    legalBasis: row.legal_basis,
    conditions: row.conditions,
    materials: row.materials.map((m) => ({
      slot: m.slot,
      name: m.name,
      required: m.required,
      formats: m.formats,
      maxBytes: m.maxBytes ?? null,
      note: m.note ?? null,
      sampleText: m.sampleText ?? null,
    })),
    formSchema: row.form_schema,
    uiSchema: row.ui_schema,
    timeLimit: row.time_limit,
    committedDays: row.committed_days,
    onTheSpot: row.on_the_spot,
    fee: presentFee(row.fee),
    divisions: divisionsOf(row.division_codes),
    contact: row.contact,
    themes: row.themes,
    lifeEvents: row.life_events,
    hearingRights: row.hearing_rights,
    fourEyes: row.four_eyes,
    substantiveCheck: row.substantive_check,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    publishedAt: row.published_at?.toISOString() ?? null,
    supersededAt: row.superseded_at?.toISOString() ?? null,
    retiredAt: row.retired_at?.toISOString() ?? null,
  };
}

export function presentSummary(row: VersionRow, words: string[]): ServiceSummary {
  const parts: HighlightPart[] | undefined = words.length > 0 ? highlight(row.name_zh, words) : undefined;
  return {
    id: row.service_id,
    code: row.code,
    versionId: row.id,
    version: row.version,
    name: { zh: row.name_zh, en: row.name_en },
    category: row.category,
    owningUnit: {
      id: row.owning_unit_id,
      code: row.unit_code,
      name: { zh: row.unit_name_zh, en: row.unit_name_en },
    },
    timeLimit: row.time_limit,
    committedDays: row.committed_days,
    onTheSpot: row.on_the_spot,
    charged: row.fee !== null,
    themes: row.themes,
    lifeEvents: row.life_events,
    divisionCodes: row.division_codes,
    publishedAt: (row.published_at as Date).toISOString(),
    ...(parts ? { highlight: { name: parts } } : {}),
  };
}
