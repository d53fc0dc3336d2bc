import type { ClockResult, ClockRule } from '@yiwang/standards';
import type { CaseRow } from '../../cases/engine.ts';
import { citation, lawsCited, licenceName, ownLaw, splitItems, text } from './documentText.ts';
import { remedies, type UnitPlace } from './jurisdiction.ts';

/**
 * What each document of the licensing process says: the template an action issues and the
 * parameters it is written with, drawn from the case, its applicant, its unit and its clocks.
 * How a document is numbered, rendered, stored and sent for sealing is in documents.ts.
 */
type Input = Record<string, unknown>;

export type Clock = ClockResult & { rule: ClockRule };

/** What a document is written from: the case, its applicant and unit, its clocks. */
export type CaseContext = {
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

export type Draft = { code: string; params: Record<string, unknown> };

/** The kind of each document in its number: 哈市监许受〔2026〕3号 is an acceptance notice. */
export const SERIES: Record<string, string> = {
  'licensing.acceptance': '受',
  'licensing.correction': '补',
  'licensing.refusal_to_accept': '不受',
  'licensing.hearing_notice': '听',
  'licensing.extension': '延',
  'licensing.grant': '准',
  'licensing.refusal': '不准',
};

export const DRAFTS: Record<string, (c: CaseContext) => Draft | undefined> = {
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
