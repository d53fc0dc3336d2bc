import type { ServiceVersion } from '@yiwang/contracts';
import type { ServiceDraftInput } from '../../api/services.ts';

/** The draft form's values: the version's content, with the JSON parts as editable text. */
export type DraftValues = {
  name: { zh: string; en: string };
  category: string;
  legalBasis: string;
  conditions: string;
  timeLimit: { joint: boolean; limit?: number; basis?: string; extendBy?: number };
  committedDays?: number | null;
  onTheSpot: boolean;
  charged: boolean;
  fee?: { amountYuan?: number; basis?: string };
  divisionCodes: string[];
  contact: string;
  themes: string[];
  lifeEvents: string[];
  hearingRights: boolean;
  fourEyes: boolean;
  substantiveCheck: boolean;
  materials: string;
  formSchema: string;
  uiSchema: string;
};

const json = (v: unknown) => JSON.stringify(v, null, 2);

/** A stored material as it is written back: unset parts left out rather than null. */
function materialInput(m: ServiceVersion['materials'][number]) {
  return {
    slot: m.slot,
    name: m.name,
    required: m.required,
    formats: m.formats,
    ...(m.maxBytes !== null ? { maxBytes: m.maxBytes } : {}),
    ...(m.note !== null ? { note: m.note } : {}),
    ...(m.sampleText !== null ? { sampleText: m.sampleText } : {}),
  };
}

export function toValues(v: ServiceVersion): DraftValues {
  return {
    name: v.name,
    category: v.category,
    legalBasis: v.legalBasis,
    conditions: v.conditions,
    timeLimit: {
      joint: v.timeLimit.joint,
      limit: v.timeLimit.limit,
      basis: v.timeLimit.basis,
      extendBy: v.timeLimit.extendBy,
    },
    committedDays: v.committedDays,
    onTheSpot: v.onTheSpot,
    charged: v.fee.charged,
    fee: v.fee.charged ? { amountYuan: v.fee.amountYuan ?? undefined, basis: v.fee.basis } : undefined,
    divisionCodes: v.divisions.map((d) => d.code),
    contact: v.contact,
    themes: v.themes,
    lifeEvents: v.lifeEvents,
    hearingRights: v.hearingRights,
    fourEyes: v.fourEyes,
    substantiveCheck: v.substantiveCheck,
    materials: json(v.materials.map(materialInput)),
    formSchema: json(v.formSchema),
    uiSchema: json(v.uiSchema),
  };
}

/** The JSON parts that do not parse, by field, so the form can say which. */
export function jsonErrors(values: DraftValues): Array<'materials' | 'formSchema' | 'uiSchema'> {
  return (['materials', 'formSchema', 'uiSchema'] as const).filter((k) => {
    try {
      JSON.parse(values[k]);
      return false;
    } catch {
      return true;
    }
  });
}

/** The body of PUT /services/{id}/versions/{version}. Call after `jsonErrors` found none. */
export function toInput(values: DraftValues): ServiceDraftInput {
  const { charged, fee, committedDays, timeLimit, ...rest } = values;
  return {
    ...rest,
    category: values.category as ServiceDraftInput['category'],
    committedDays: committedDays ?? null,
    timeLimit: {
      joint: timeLimit.joint,
      ...(timeLimit.limit ? { limit: timeLimit.limit } : {}),
      ...(timeLimit.basis?.trim() ? { basis: timeLimit.basis } : {}),
      ...(timeLimit.extendBy !== undefined && timeLimit.extendBy !== null
        ? { extendBy: timeLimit.extendBy }
        : {}),
    },
    fee: charged ? { amountYuan: fee?.amountYuan ?? 0, basis: fee?.basis?.trim() || null } : null,
    materials: JSON.parse(values.materials),
    formSchema: JSON.parse(values.formSchema),
    uiSchema: JSON.parse(values.uiSchema),
  };
}
